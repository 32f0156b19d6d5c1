"""Keeping the database in memory for TinyDB and getting it to disk safely and cheaply.

:class:`CoffeechatStorage` is the TinyDB storage: reads come from memory, writes are encoded
(re-using the JSON of unchanged documents, :class:`DocumentCache`) and either written at once or
handed to a :class:`BackgroundWriter`, so the app's event loop never waits on the disk.
"""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from tinydb.storages import Storage

from tui.core.storage import DataFile, StorageError


def encode(data: dict[str, Any]) -> bytes:
    """Serialise the database the way it is written to disk."""
    # No indent: with one, json falls back to its pure-Python encoder (about 6x slower).
    return _dumps(data)


def _dumps(value: Any) -> bytes:
    try:
        return json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate (from a broken paste) cannot be UTF-8; \u escapes keep it as JSON.
        return json.dumps(value, ensure_ascii=True).encode("ascii")


RETRY_SECONDS = 2.0


class BackgroundWriter:
    """Writes the newest snapshot on a thread of its own, so the UI never waits on the disk.

    Only bytes cross the thread boundary; TinyDB stays on the caller's thread. Successive
    snapshots coalesce: if three arrive while one is being written, only the last is written.
    A failed write is retried every few seconds; ``on_state`` hears every change of state
    (``saving``, ``saved``, ``error`` with the message), on the writer's thread.
    """

    def __init__(
        self, datafile: DataFile, on_state: Callable[[str, str | None], None] | None = None
    ) -> None:
        self.datafile = datafile
        self.on_state = on_state
        self._pending: bytes | None = None
        self._cond = threading.Condition()
        self._busy = False
        self._closed = False
        self.last_error: str | None = None
        self._thread = threading.Thread(target=self._run, name="coffeechat-writer", daemon=True)
        self._thread.start()

    def submit(self, payload: bytes) -> None:
        """Queue a snapshot for writing."""
        with self._cond:
            self._pending = payload
            # A new snapshot means a new attempt: flush() must wait for it, not report the
            # previous attempt's error.
            self.last_error = None
            self._cond.notify_all()

    def _run(self) -> None:
        while True:
            with self._cond:
                while self._pending is None and not self._closed:
                    self._cond.wait()
                payload = self._pending
                if payload is None:  # closed while the queue was empty
                    return
                self._pending = None
                self._busy = True
            self._notify("saving", None)
            try:
                self.datafile.write(payload)
            except OSError as exc:
                self.last_error = f"Could not save {self.datafile.path}: {exc.strerror or exc}"
                with self._cond:
                    if self._pending is None:
                        self._pending = payload
                    self._busy = False
                    self._cond.notify_all()
                self._notify("error", self.last_error)
                with self._cond:
                    if self._closed:  # closing: the caller deals with what is unsaved
                        return
                    self._cond.wait(timeout=RETRY_SECONDS)
                continue
            self.last_error = None
            with self._cond:
                self._busy = False
                idle = self._pending is None
                self._cond.notify_all()
            if idle:
                self._notify("saved", None)

    def _notify(self, state: str, detail: str | None) -> None:
        if self.on_state is not None:
            with contextlib.suppress(Exception):
                self.on_state(state, detail)

    @property
    def state(self) -> str:
        """``saving`` while bytes wait or are being written, ``error`` after a failure, else
        ``saved``."""
        if self.last_error is not None:
            return "error"
        return "saving" if self._busy or self._pending is not None else "saved"

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until every submitted snapshot is on disk; False if it did not get there."""
        with self._cond:
            return self._cond.wait_for(
                lambda: (self._pending is None and not self._busy) or self.last_error is not None,
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


class DocumentCache:
    """Encodes the database re-using the JSON of documents that did not change.

    The output is byte-for-byte what :func:`encode` gives; saving one edited conversation then
    costs the encoding of that conversation, not of the whole file. Documents named in
    ``dirty`` (and new ones) are encoded afresh; documents no longer present are dropped.
    """

    def __init__(self) -> None:
        self.parts: dict[str, dict[str, bytes]] = {}
        self.dirty: set[tuple[str, str]] = set()

    def encode(self, data: dict[str, Any]) -> bytes:
        """The whole database as JSON bytes."""

        dumps = _dumps
        chunks: list[bytes] = [b"{"]
        for position, (name, table) in enumerate(data.items()):
            cache = self.parts.setdefault(name, {})
            for gone in cache.keys() - table.keys():
                del cache[gone]
            chunks.append(b"%s%s: {" % (b", " if position else b"", dumps(name)))
            for index, (doc_id, doc) in enumerate(table.items()):
                entry = cache.get(doc_id)
                if entry is None or (name, doc_id) in self.dirty:
                    entry = cache[doc_id] = b"%s: %s" % (dumps(doc_id), dumps(doc))
                if index:
                    chunks.append(b", ")
                chunks.append(entry)
            chunks.append(b"}")
        chunks.append(b"}")
        for gone in self.parts.keys() - data.keys():
            del self.parts[gone]
        self.dirty.clear()
        return b"".join(chunks)


class CoffeechatStorage(Storage):
    """A TinyDB storage that keeps the database in memory and persists it safely.

    ``writer`` decides how bytes reach the disk: ``None`` writes synchronously (CLI, tests),
    a :class:`BackgroundWriter` writes off the caller's thread (the app). ``readonly`` refuses
    every write.
    """

    def __init__(
        self,
        datafile: DataFile,
        data: dict[str, Any],
        writer: BackgroundWriter | None = None,
        readonly: bool = False,
    ) -> None:
        self.datafile = datafile
        self._data = data
        self.writer = writer
        self.readonly = readonly
        self._batch_depth = 0
        self._batch_dirty = False
        self._encoded = DocumentCache()

    def read(self) -> dict[str, Any] | None:
        """The in-memory database (TinyDB treats ``None`` as empty)."""
        return self._data or None

    def write(self, data: dict[str, Any]) -> None:
        """Keep ``data`` and persist it."""
        if self.readonly:
            raise StorageError("coffeechat opened this file read-only; nothing was changed.")
        self._data = data
        if self._batch_depth:
            self._batch_dirty = True
            return
        self._persist()

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Many changes, one write: inside the block changes stay in memory; the whole
        database is written once when the outermost block ends (also after an error, so
        nothing already applied is lost)."""
        self._batch_depth += 1
        try:
            yield
        finally:
            self._batch_depth -= 1
            if not self._batch_depth and self._batch_dirty:
                self._batch_dirty = False
                self._persist()

    def replace(self, data: dict[str, Any], changed: Iterable[tuple[str, str]] = ()) -> None:
        """Put a whole new database in place with one write (imports). ``changed`` names the
        documents edited in place. If encoding or writing fails, or is interrupted, nothing
        changes: the data in memory stays as it was."""
        if self.readonly:
            raise StorageError("coffeechat opened this file read-only; nothing was changed.")
        self._encoded.dirty.update(changed)
        try:
            payload = self._encoded.encode(data)
            if self.writer is not None:
                self.writer.submit(payload)
            else:
                self.datafile.write(payload)
        except BaseException:
            self._encoded = DocumentCache()  # it saw the new data: start it afresh
            raise
        self._data = data

    def changed(self, table: str, doc_id: int | str) -> None:
        """Tell the encoder that a document was edited in place (the store calls this)."""
        self._encoded.dirty.add((table, str(doc_id)))

    def _persist(self) -> None:
        payload = self._encoded.encode(self._data)
        if self.writer is not None:
            self.writer.submit(payload)
        else:
            self.datafile.write(payload)

    def close(self) -> None:
        """Flush pending writes and release the lock.

        As a last safety net the whole database is encoded afresh and written if it differs
        from what the document cache produced.
        """
        if not self.readonly and self._data:
            fresh = encode(self._data)
            if fresh != self._encoded.encode(self._data):
                self._encoded = DocumentCache()
                if self.writer is not None:
                    self.writer.submit(fresh)
                else:
                    self.datafile.write(fresh)
        if self.writer is not None:
            self.writer.close()
        self.datafile.close()
