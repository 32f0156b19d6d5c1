"""Editing a long text in the user's own editor ($VISUAL, then $EDITOR).

:func:`edit_text` does the work and knows nothing of Textual, so it is tested with a fake
editor script; :mod:`tui.widgets.editor` hands the terminal over to it from the app.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path

ENV_KEYS = ("VISUAL", "EDITOR")


class EditorError(Exception):
    """The editor could not be used; the text is unchanged. The message says why."""


def editor_command(env: Mapping[str, str] | None = None) -> tuple[list[str], str]:
    """The editor's command line and the variable it came from."""
    env = os.environ if env is None else env
    for key in ENV_KEYS:
        value = env.get(key, "").strip()
        if value:
            try:
                words = shlex.split(value)
            except ValueError as exc:
                raise EditorError(f"${key} ({value!r}) cannot be read: {exc}") from None
            if words:
                return words, key
    raise EditorError("No editor set: export VISUAL or EDITOR (e.g. EDITOR=nano) "
                      "and restart coffeechat to edit long text in your own editor.")


def edit_text(text: str, env: Mapping[str, str] | None = None, suffix: str = ".md") -> str:
    """Open ``text`` in the editor on a private temp file; returns the text when it exits.

    Raises :class:`EditorError` when no editor is set, it cannot be started, it exits with a
    non-zero status, or it leaves something that is not UTF-8 text.
    """
    command, key = editor_command(env)
    fd, name = tempfile.mkstemp(prefix="coffeechat-", suffix=suffix)
    path = Path(name)
    try:
        os.chmod(path, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        try:
            result = subprocess.run([*command, str(path)], check=False)
        except OSError as exc:
            reason = "was not found" if isinstance(exc, FileNotFoundError) else \
                f"could not start ({exc.strerror})"
            raise EditorError(f"The editor '{command[0]}' (from ${key}) {reason}; "
                              "the text is unchanged.") from None
        if result.returncode != 0:
            raise EditorError(f"The editor '{command[0]}' exited with status "
                              f"{result.returncode}; the text is unchanged.")
        try:
            edited = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            raise EditorError("The editor saved text that is not UTF-8; "
                              "the text is unchanged.") from None
        except OSError as exc:
            raise EditorError(f"The edited file could not be read back ({exc.strerror}); "
                              "the text is unchanged.") from None
    finally:
        with contextlib.suppress(OSError):
            path.unlink()
    # Editors add a final newline; do not let one appear out of nowhere on every round trip.
    if edited.endswith("\n") and not text.endswith("\n"):
        edited = edited[:-1]
    return edited
