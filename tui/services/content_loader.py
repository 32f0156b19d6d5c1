"""The content library (checklist, question bank, templates, reflection prompts), read once
on a thread after the app has first shown: reading the files and parsing their Markdown is
work the home screen does not need, and it used to be a tenth of the start-up."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.core.library import ContentLibrary


def _read(config: Path) -> ContentLibrary:
    from tui.core.library import ContentLibrary  # markdown-it comes with it

    return ContentLibrary.load(config)


class ContentLoader:
    """Reads the content from ``config`` (the user's copies first) once: on a thread after
    :meth:`start`, or in the caller of :meth:`get` if nothing started it."""

    def __init__(self, config: Path) -> None:
        self._config = config
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._library: ContentLibrary | None = None
        self._error: BaseException | None = None

    def start(self) -> None:
        """Begin reading on a thread (nothing happens if reading has begun or is done)."""
        with self._lock:
            if self._thread is None and self._library is None:
                self._thread = threading.Thread(target=self._read_on_thread, daemon=True,
                                                name="reading the content")
                self._thread.start()

    def _read_on_thread(self) -> None:
        try:
            self._library = _read(self._config)
        except BaseException as exc:  # handed to whoever asks for the content
            self._error = exc

    def get(self) -> ContentLibrary:
        """The content, once read (waits for the thread, or reads it here)."""
        with self._lock:
            thread = self._thread
            if thread is None and self._library is None:
                self._library = _read(self._config)
        if thread is not None:
            thread.join()
        if self._error is not None:
            raise self._error
        assert self._library is not None
        return self._library
