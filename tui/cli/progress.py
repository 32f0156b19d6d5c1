"""A progress line on stderr for commands that can take more than a moment.

Nothing is shown for work that ends within :data:`DELAY` seconds, nor when stderr is not a
terminal (a script or a pipe gets only the final report). The line is redrawn in place a few
times a second by a daemon thread, so a step that gives no news (parsing a large file) still
shows that it is under way, and it is erased before the command prints its result.
"""

from __future__ import annotations

import contextlib
import sys
import threading
import time
from typing import TextIO

from tui.core.safetext import visible

DELAY = 0.4
INTERVAL = 0.1
ERASE = "\r\x1b[K"


class StderrProgress:
    """``with StderrProgress() as progress: progress.step("Reading"); progress(3, 10)``."""

    def __init__(self, stream: TextIO | None = None, *, delay: float = DELAY,
                 force: bool = False) -> None:
        self.stream = stream or sys.stderr
        self.delay = delay
        isatty = getattr(self.stream, "isatty", None)
        self.enabled = force or bool(isatty and isatty())
        self._label = ""
        self._counts: tuple[int, int] | None = None
        self._shown = ""
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._start = time.monotonic()

    def step(self, label: str) -> None:
        """Start a step (``Reading Connections.csv``); its counts start afresh."""
        with self._lock:
            self._label, self._counts = label, None

    def __call__(self, done: int, total: int) -> None:
        """How far the current step is (the ``progress`` callback of the exports)."""
        with self._lock:
            self._counts = (done, total)

    def _text(self) -> str:
        with self._lock:
            label, counts = self._label, self._counts
        if counts is None:
            return f"{label}…"
        done, total = counts
        percent = f" ({done * 100 // total}%)" if total else ""
        return f"{label}: {done:,} of {total:,}{percent}"

    def _draw(self) -> None:
        text = visible(self._text())
        if text != self._shown:
            with contextlib.suppress(OSError, ValueError):
                self.stream.write(ERASE + text)
                self.stream.flush()
            self._shown = text

    def _run(self) -> None:
        if self._stop.wait(self.delay):
            return
        while not self._stop.is_set():
            self._draw()
            self._stop.wait(INTERVAL)

    def __enter__(self) -> StderrProgress:
        if self.enabled:
            self._thread = threading.Thread(target=self._run, name="progress", daemon=True)
            self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        if self._shown:
            with contextlib.suppress(OSError, ValueError):
                self.stream.write(ERASE)
                self.stream.flush()
