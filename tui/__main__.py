"""``python -m tui`` runs the coffeechat command line."""

from tui.launch import main

if __name__ == "__main__":
    raise SystemExit(main())
