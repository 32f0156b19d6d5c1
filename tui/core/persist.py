"""Getting files to disk safely and cheaply, off the caller's thread when asked.

A save is a :class:`Job`: the bytes of one file (the main file, or one conversation's file)
or its removal, with what to do once it is on disk (record the file's new stamp in the
summary cache, update the search index). :func:`perform` runs a job; a
:class:`BackgroundWriter` runs them on a thread of its own, so the app's event loop never
waits on the disk, and a :class:`SyncWriter` runs them at once (the CLI, tests).

A file is never replaced if it changed on disk since coffeechat last read or wrote it
(another machine sharing a synced folder while this app was open): the new version goes to a
conflict copy beside it instead (``NAME.coffeechat-conflict-DATE-TIME.json``), listed with
the other conflict copies until the user picks one.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from tui.core.dataformat import encode_json
from tui.core.files import fsync_dir
from tui.core.layout import Stamp, stamp_of
from tui.core.maindb import CoffeechatStorage, DocumentCache

RETRY_SECONDS = 2.0
StateCallback = Callable[[str, str | None], None]

__all__ = ["RETRY_SECONDS", "BackgroundWriter", "CoffeechatStorage", "DocumentCache", "Job",
           "SyncWriter", "encode", "perform"]


def encode(data: dict[str, Any]) -> bytes:
    """Serialise a database the way it is written to disk."""
    return encode_json(data)


@dataclass
class Job:
    """One file to write (``payload``) or remove (``payload is None``)."""

    path: Path
    payload: bytes | None
    labels: list[str] = field(default_factory=list)  # what it saves, for "not saved" lists
    expected: Stamp | None = None  # the file as it was last read; None: not read
    after: list[Callable[[Stamp | None], object]] = field(default_factory=list)
    records: dict[str, Any] = field(default_factory=dict)  # record id -> dict, for recovery
    main: bool = False

    def merge(self, newer: Job) -> None:
        """Take a newer job for the same file: its bytes, and everything it must do too."""
        self.payload = newer.payload
        self.labels = list(dict.fromkeys([*self.labels, *newer.labels]))
        self.after += newer.after
        self.records.update(newer.records)


class ConflictNotice(Exception):
    """A file changed on disk since it was read: the save went to a conflict copy."""


class Files(Protocol):
    """What writes the data's files (a :class:`~tui.core.storage.DataFile`)."""

    @property
    def real_path(self) -> Path: ...
    def write(self, payload: bytes) -> None: ...
    def write_file(self, path: Path, payload: bytes) -> None: ...


class Disk:
    """Where jobs land: the data's files (their write methods are looked up at each write,
    so a test can make them fail) and what this process last saw of each file."""

    def __init__(self, files: Files) -> None:
        self.files = files
        self.main_path = files.real_path
        self.seen: dict[Path, Stamp | None] = {}
        self.diverted: dict[Path, Path] = {}

    def stamp(self, path: Path) -> Stamp | None:
        """The file's stamp now (None when it does not exist)."""
        try:
            return stamp_of(os.stat(path))
        except FileNotFoundError:
            return None


def perform(job: Job, disk: Disk) -> str | None:
    """Write or remove one file; returns a notice when it went to a conflict copy."""
    notice = None
    target = disk.diverted.get(job.path, job.path)
    if target == job.path:
        expected = disk.seen.get(job.path, job.expected) if job.path in disk.seen \
            else job.expected
        if expected is not None and disk.stamp(job.path) != expected:
            target = disk.diverted[job.path] = conflict_copy(job.path)
            notice = (f"{job.path} changed on disk since coffeechat read it (another machine "
                      f"sharing the folder?); this version is saved as {target} and the "
                      "other one is left as it is.")
    if job.payload is None:
        if target == job.path:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(job.path)
                fsync_dir(job.path.parent)
        new = None
    elif target == disk.main_path:
        disk.files.write(job.payload)
        new = disk.stamp(target)
    else:
        disk.files.write_file(target, job.payload)
        new = disk.stamp(target)
    if target == job.path:
        disk.seen[job.path] = new
        for action in job.after:
            with contextlib.suppress(Exception):  # caches: never fail a save that happened
                action(new)
    return notice


def conflict_copy(path: Path) -> Path:
    """A new name beside ``path`` for a version that must not replace it."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.stem}.coffeechat-conflict-{stamp}{path.suffix}")


class SyncWriter:
    """Runs each job at once on the caller's thread (errors are raised to the caller)."""

    def __init__(self, disk: Disk, on_state: StateCallback | None = None) -> None:
        self.disk = disk
        self.on_state = on_state
        self.notices: list[str] = []
        self.last_error: str | None = None
        self.state = "saved"

    def submit(self, job: Job) -> None:
        """Write now."""
        notice = perform(job, self.disk)
        if notice:
            self.notices.append(notice)

    def pending(self) -> list[Job]:
        """Nothing ever waits here."""
        return []

    def flush(self, timeout: float = 10.0) -> bool:
        """Everything is on disk already."""
        return True

    def close(self, timeout: float = 10.0) -> bool:
        """Nothing to stop."""
        return True


class BackgroundWriter:
    """Writes jobs on a thread of its own, so the UI never waits on the disk.

    Only bytes (and callbacks that touch caches, never TinyDB) cross the thread boundary.
    Jobs for the same file coalesce: if three saves of one conversation arrive while another
    file is written, only the last is written. A failed write is retried every few seconds;
    ``on_state`` hears every change of state (``saving``, ``saved``, ``conflict`` and
    ``error`` with a message), on the writer's thread.
    """

    def __init__(self, disk: Disk, on_state: StateCallback | None = None) -> None:
        self.disk = disk
        self.on_state = on_state
        self._queue: dict[Path, Job] = {}
        self._current: Job | None = None
        self._cond = threading.Condition()
        self._closed = False
        self.last_error: str | None = None
        self.notices: list[str] = []
        self._thread = threading.Thread(target=self._run, name="coffeechat-writer", daemon=True)
        self._thread.start()

    def submit(self, job: Job) -> None:
        """Queue a job (merged into a waiting one for the same file)."""
        with self._cond:
            waiting = self._queue.get(job.path)
            if waiting is not None:
                waiting.merge(job)
            else:
                self._queue[job.path] = job
            # A new job means a new attempt: flush() must wait for it, not report the
            # previous attempt's error.
            self.last_error = None
            self._cond.notify_all()

    def pending(self) -> list[Job]:
        """Jobs not on disk yet (the one being written included)."""
        with self._cond:
            jobs = list(self._queue.values())
            if self._current is not None and self._current.path not in self._queue:
                jobs.insert(0, self._current)
            return jobs

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._queue and not self._closed:
                    self._cond.wait()
                if not self._queue and self._closed:
                    return
                path = next(iter(self._queue))
                job = self._current = self._queue.pop(path)
            self._notify("saving", None)
            try:
                notice = perform(job, self.disk)
            except OSError as exc:
                self._failed(job, exc)
                with self._cond:
                    if self._closed:  # closing: the caller deals with what is unsaved
                        return
                    self._cond.wait(timeout=RETRY_SECONDS)
                continue
            with self._cond:
                self._current = None
                self.last_error = None
                idle = not self._queue
                self._cond.notify_all()
            if notice:
                self.notices.append(notice)
                self._notify("conflict", notice)
            if idle:
                self._notify("saved", None)

    def _failed(self, job: Job, exc: OSError) -> None:
        where = exc.filename or job.path
        self.last_error = f"Could not save {where}: {exc.strerror or exc}"
        with self._cond:
            newer = self._queue.pop(job.path, None)
            if newer is not None:
                job.merge(newer)
            self._queue = {job.path: job, **self._queue}
            self._current = None
            self._cond.notify_all()
        self._notify("error", self.last_error)

    def _notify(self, state: str, detail: str | None) -> None:
        if self.on_state is not None:
            with contextlib.suppress(Exception):
                self.on_state(state, detail)

    @property
    def state(self) -> str:
        """``saving`` while jobs wait or are being written, ``error`` after a failure, else
        ``saved``."""
        if self.last_error is not None:
            return "error"
        return "saving" if self._queue or self._current is not None else "saved"

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until every submitted job is done; False if one did not get there."""
        with self._cond:
            return self._cond.wait_for(
                lambda: (not self._queue and self._current is None)
                or self.last_error is not None,
                timeout=timeout,
            ) and self.last_error is None

    def close(self, timeout: float = 10.0) -> bool:
        """Flush, then stop the thread; False if something submitted never reached the disk
        (after a failed write the thread stops instead of retrying)."""
        ok = self.flush(timeout)
        with self._cond:
            self._closed = True
            self._cond.notify_all()
        self._thread.join(timeout=5.0)
        return ok
