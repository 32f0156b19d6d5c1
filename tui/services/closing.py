"""Closing the data once, whichever way out of the app gets there first.

The usual way out is the end of ``run_app``. A hang-up (the terminal window closed, the SSH
connection dropped) has another: Textual's own way out restores the terminal by writing to it,
and with the terminal gone that write can wait forever, holding the data folder's lock with
it. So a signal also starts a clock; if the process is still there when it runs out, the data
is closed from that thread and the process ends.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import threading
import time
from collections.abc import Callable


class Closer:
    """Runs ``close`` (which returns an exit code: 0, or 1 when something is unsaved) exactly
    once, from any thread; later callers wait for it and get the same code."""

    def __init__(self, close: Callable[[], int]) -> None:
        self._close = close
        self._lock = threading.Lock()
        self._code: int | None = None

    def close(self) -> int:
        """Close (the first time) and return the code."""
        with self._lock:
            if self._code is None:
                self._code = 1  # if closing itself fails, something may be unsaved
                self._code = self._close()
            return self._code

    def leave_after(self, seconds: float, code: int) -> None:
        """If the data is not closed ``seconds`` from now, close it and end the process with
        ``code`` (or 1 when something is unsaved). Once the usual way out has closed the data,
        the process is left to end on its own."""

        def leave() -> None:
            time.sleep(seconds)
            with self._lock:
                if self._code is not None:
                    return
                self._code = 1
                self._code = self._close()
            os._exit(code or self._code)

        threading.Thread(target=leave, name="coffeechat-leaving", daemon=True).start()


def on_hangup(callback: Callable[[], object]) -> None:
    """Call ``callback`` on the running event loop when the process gets SIGTERM or SIGHUP
    (where the system has them and the loop can hear signals)."""
    loop = asyncio.get_running_loop()
    for sig in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)):
        if sig is not None:
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(sig, callback)
