"""The small files beside the data (``companies.json``, ``hypotheses.json``) are read and
written off the event loop, never on it: a screen hands over a copy of the records (or a change
to make to the list as it is in the file) and hears back through a toast or a callback on the
event loop.

Writes go through the core store modules (:mod:`tui.core.company_file`,
:mod:`tui.core.hypotheses`), which write atomically and privately and refuse to overwrite a
damaged file. Reads and writes run one at a time on one thread of their own, in the order they
were asked for: a write may change the list as it is in the file, so none may be overtaken,
and a read never shows a list older than one asked to be written before it. (Textual's thread
workers share one pool, in which a job waiting for another could wait for ever.) The thread is
not a daemon, so a write asked for just before quitting still reaches the disk.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from textual.app import App
from textual.screen import Screen

from tui.core.record_file import RecordFileError

T = TypeVar("T")
_ONE_AT_A_TIME = ThreadPoolExecutor(max_workers=1, thread_name_prefix="coffeechat-side-files")
_COUNT = threading.Lock()
_pending = 0  # reads and writes asked for and not finished yet


def _submit(job: Callable[..., None], *args: Any) -> None:
    global _pending
    with _COUNT:
        _pending += 1

    def run() -> None:
        global _pending
        try:
            job(*args)
        finally:
            with _COUNT:
                _pending -= 1

    _ONE_AT_A_TIME.submit(run)


def side_files_idle() -> bool:
    """Every read and write asked for so far is done (its callback on the event loop too)."""
    with _COUNT:
        return _pending == 0


def _back_on_loop(app: App[Any], callback: Callable[..., object], *args: Any,
                  **kwargs: Any) -> None:
    """Run ``callback`` on the app's event loop (nothing when the app has closed meanwhile)."""
    with contextlib.suppress(RuntimeError):  # the app has closed: nobody is left to tell
        app.call_from_thread(callback, *args, **kwargs)


class SideFiles(Screen[Any]):
    """A screen that reads and writes a side file off the event loop."""

    def read_in_thread(self, read: Callable[[], T], shown: Callable[[T], None],
                       failed: Callable[[str], None]) -> None:
        """Run ``read`` on the side files' thread (after every write asked for before it);
        ``shown(result)`` or ``failed(message)`` follows on the event loop."""
        _submit(_read, self, read, shown, failed)

    def write_in_thread(self, key: str, write: Callable[[], object], what: str,
                        done: str = "") -> None:
        """Run ``write`` on the side files' thread, after the writes asked for before it; a
        failure is shown as ``"{what} not saved: ..."``, success as ``done`` (if any).
        ``key`` names the file (kept for the messages' sake)."""
        _submit(_write, self.app, write, what, done)


def _read(screen: Screen[Any], read: Callable[[], T], shown: Callable[[T], None],
          failed: Callable[[str], None]) -> None:
    try:
        result = read()
    except (RecordFileError, OSError) as exc:
        _back_on_loop(screen.app, _if_open, screen, failed, str(exc))
        return
    _back_on_loop(screen.app, _if_open, screen, shown, result)


def _if_open(screen: Screen[Any], callback: Callable[[Any], None], value: Any) -> None:
    """Hand over what was read, unless the screen that asked has closed meanwhile."""
    if screen.is_attached:
        callback(value)


def _write(app: App[Any], write: Callable[[], object], what: str, done: str) -> None:
    try:
        write()
    except (RecordFileError, OSError) as exc:
        _back_on_loop(app, app.notify, f"{what} not saved: {exc}", markup=False,
                      severity="error")
        return
    if done:
        _back_on_loop(app, app.notify, done, markup=False, timeout=3)
