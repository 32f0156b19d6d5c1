"""Running the app on a data folder: open the data, run the app in the terminal, close the
data, and the exit code (``coffeechat`` without a subcommand)."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from tui.app import CoffeechatApp
from tui.core.safetext import visible
from tui.core.storage import LockedError, StorageError
from tui.core.store import Store
from tui.widgets import textual_input

QUICK_READS = 100  # changed files read before the first paint; more are read in the background


def run_app(data_dir: Path, config_folder: Path | None = None) -> int:
    """Open the store in ``data_dir`` and run the app (with ``config_folder`` for settings
    and the user's own templates; default: the platform's); returns the exit code."""
    try:
        store = Store.open(data_dir, background=True, refresh=False)
        unread = store.refresh(limit=QUICK_READS)  # the list from the cache, if it is warm
    except LockedError as exc:
        print(f"coffeechat: {visible(str(exc))}", file=sys.stderr)
        return 3
    except StorageError as exc:
        print(f"coffeechat: {visible(str(exc))}", file=sys.stderr)
        return 1
    try:
        app = CoffeechatApp(store, config_folder=config_folder,
                            needs_refresh=bool(unread))
    except BaseException:
        store.close()
        raise
    app.in_terminal = True
    textual_input.install()  # a paste with an escape character in it stays a paste
    try:
        result = app.run()
    finally:
        gc.enable()
        unsaved = app.closer.close()
    if result is None:  # no result: Textual's own code (1 after an error it has printed)
        result = 1 if app.return_code is None else app.return_code
    return result or unsaved
