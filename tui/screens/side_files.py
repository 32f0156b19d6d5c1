"""The small files beside the data (``companies.json``, ``hypotheses.json``) are read and
written in a worker thread, never on the event loop: a screen hands over a copy of the records
and hears back through a toast (or a callback on the event loop).

Writes go through the core store modules (:mod:`tui.core.company_file`,
:mod:`tui.core.hypotheses`), which write atomically and privately and refuse to overwrite a
damaged file. Writes to one file happen one at a time, and a copy older than one already
written is dropped, so the file always ends with the newest list.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import partial
from typing import Any, TypeVar

from textual.screen import Screen

from tui.core.record_file import RecordFileError

T = TypeVar("T")
SIDE_FILES_GROUP = "side-files"
_WRITING = threading.Lock()
_written: dict[str, int] = {}
_queued: dict[str, int] = {}


class SideFiles(Screen[Any]):
    """A screen that reads and writes a side file in a thread."""

    def read_in_thread(self, read: Callable[[], T], shown: Callable[[T], None],
                       failed: Callable[[str], None]) -> None:
        """Run ``read`` in a thread; ``shown(result)`` or ``failed(message)`` follows on the
        event loop."""
        self.run_worker(partial(self._read, read, shown, failed), thread=True,
                        group=SIDE_FILES_GROUP, exit_on_error=False)

    def _read(self, read: Callable[[], T], shown: Callable[[T], None],
              failed: Callable[[str], None]) -> None:
        try:
            result = read()
        except (RecordFileError, OSError) as exc:
            self.app.call_from_thread(failed, str(exc))
            return
        self.app.call_from_thread(shown, result)

    def write_in_thread(self, key: str, write: Callable[[], None], what: str,
                        done: str = "") -> None:
        """Run ``write`` (which saves a copy made now) in a thread; a failure is shown as
        ``"{what} not saved: ..."``, success as ``done`` (if any)."""
        with _WRITING:
            number = _queued[key] = _queued.get(key, 0) + 1
        self.run_worker(partial(self._write, key, number, write, what, done), thread=True,
                        group=SIDE_FILES_GROUP, exit_on_error=False)

    def _write(self, key: str, number: int, write: Callable[[], None], what: str,
               done: str) -> None:
        with _WRITING:
            if _written.get(key, 0) > number:
                return  # a newer list is already on disk
            try:
                write()
            except (RecordFileError, OSError) as exc:
                self.app.call_from_thread(self.notify, f"{what} not saved: {exc}",
                                          markup=False, severity="error")
                return
            _written[key] = number
        if done:
            self.app.call_from_thread(self.notify, done, markup=False, timeout=3)
