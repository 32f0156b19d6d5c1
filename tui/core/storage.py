"""Crash-safe JSON storage for TinyDB: atomic, durable, locked, backed up.

Every write goes to a temp file in the same folder, is flushed and fsynced, then ``os.replace``d
over the data file and the folder is fsynced, so a crash at any instant leaves either the old or
the new complete file. Files are created 0600 in a 0700 folder.

A file that is empty, does not parse, is not a coffeechat file, or has a newer schema raises a
:class:`StorageError` naming the path, what is wrong and the newest backup; such a file is never
written to.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

APP_ID = "coffeechat"
SCHEMA_VERSION = 1
DATA_FILE = "coffeechat.json"
LOCK_FILE = "coffeechat.lock"
BACKUP_DIR = "backups"
BACKUPS_KEPT = 7
TEMP_PREFIX = ".coffeechat-"
TEMP_SUFFIX = ".tmp"

# Each step turns a document of schema N into schema N + 1.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


class StorageError(Exception):
    """The data file cannot be used; the message says why and what to do."""


class CorruptFileError(StorageError):
    """The data file is empty or is not valid JSON."""


class ForeignFileError(StorageError):
    """The data file is JSON but not a coffeechat file."""


class NewerSchemaError(StorageError):
    """The data file was written by a newer coffeechat."""


class LockedError(StorageError):
    """Another coffeechat holds the data file open for writing."""


def newest_backup(path: Path) -> Path | None:
    """The most recent backup of ``path`` that parses as JSON, if any."""
    folder = path.parent / BACKUP_DIR
    if not folder.is_dir():
        return None
    for candidate in sorted(folder.glob(f"{path.stem}-*.json"), reverse=True):
        try:
            json.loads(candidate.read_bytes())
        except (OSError, ValueError):
            continue
        return candidate
    return None


def _backup_hint(path: Path) -> str:
    backup = newest_backup(path)
    if backup is None:
        return "No backup exists yet."
    return f"The newest good backup is {backup}."


def _meta_of(data: dict[str, Any]) -> dict[str, Any] | None:
    table = data.get("meta")
    if not isinstance(table, dict):
        return None
    for doc in table.values():
        if isinstance(doc, dict) and doc.get("app") == APP_ID:
            return doc
    return None


def validate(data: Any, path: Path) -> dict[str, Any]:
    """Check that parsed JSON is a coffeechat database we can use; migrate older schemas.

    Returns the (possibly migrated) data; raises :class:`StorageError` otherwise.
    """
    hint = _backup_hint(path)
    if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
        raise ForeignFileError(
            f"{path} is not a coffeechat data file (it is JSON, but not TinyDB tables). "
            f"It has been left untouched. {hint}"
        )
    if not data:
        return data
    meta = _meta_of(data)
    if meta is None:
        raise ForeignFileError(
            f"{path} is not a coffeechat data file (no coffeechat 'meta' record). "
            f"It has been left untouched. {hint}"
        )
    version = meta.get("schema")
    if not isinstance(version, int) or version < 1:
        raise ForeignFileError(f"{path} has an unreadable schema version {version!r}. {hint}")
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(
            f"{path} was written by a newer coffeechat (schema {version}; this one reads up to "
            f"{SCHEMA_VERSION}). Upgrade coffeechat; the file has been left untouched."
        )
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
        meta = _meta_of(data) or {}
        meta["schema"] = version
    return data


def parse_bytes(raw: bytes, path: Path) -> dict[str, Any]:
    """Parse and validate the bytes of a data file."""
    hint = _backup_hint(path)
    if not raw.strip():
        raise CorruptFileError(
            f"{path} is empty (0 bytes of data), perhaps from a failed copy or a full disk. "
            f"It has been left untouched. {hint}"
        )
    try:
        data = json.loads(raw)
    except UnicodeDecodeError:
        raise CorruptFileError(
            f"{path} is not UTF-8 text. It has been left untouched. {hint}"
        ) from None
    except json.JSONDecodeError as exc:
        raise CorruptFileError(
            f"{path} is damaged: {exc.msg} at line {exc.lineno}, column {exc.colno}. "
            f"It has been left untouched. {hint}"
        ) from None
    return validate(data, path)


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


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, payload: bytes) -> None:
    """Write ``payload`` to ``path`` so that a crash leaves the old or the new file, whole."""
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.chmod(tmp, 0o600)
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def ensure_folder(folder: Path) -> None:
    """Create the data folder, private to the user."""
    folder.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        os.chmod(folder, 0o700)


class FileLock:
    """An exclusive, non-blocking lock on a file beside the data (released on process exit)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock or raise :class:`LockedError` naming the holder."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except ImportError:  # pragma: no cover - not POSIX: no advisory locks
            pass
        except OSError:
            holder = os.read(fd, 64).decode("ascii", "replace").strip() or "unknown"
            os.close(fd)
            raise LockedError(
                f"coffeechat is already open on {self.path.parent} (process {holder}). "
                "Close it first; nothing was changed."
            ) from None
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd

    def release(self) -> None:
        """Release the lock (idempotent)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


class DataFile:
    """The coffeechat data file in its folder: reading, validating, locking, backups."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder).expanduser()
        self.path = self.folder / DATA_FILE
        self.lock = FileLock(self.folder / LOCK_FILE)

    def read(self) -> dict[str, Any]:
        """The validated contents; a missing file reads as a new, empty database."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return {}
        except IsADirectoryError:
            raise ForeignFileError(f"{self.path} is a folder, not a data file.") from None
        except PermissionError:
            raise StorageError(f"{self.path} cannot be read: permission denied.") from None
        return parse_bytes(raw, self.path)

    def open_for_writing(self) -> dict[str, Any]:
        """Lock the folder, clean up interrupted writes, back up, and return the contents."""
        ensure_folder(self.folder)
        self.lock.acquire()
        try:
            self.remove_stale_temps()
            data = self.read()
            if self.path.exists():
                self.backup_daily()
                with contextlib.suppress(OSError):
                    os.chmod(self.path, 0o600)
        except BaseException:
            self.lock.release()
            raise
        return data

    def remove_stale_temps(self) -> int:
        """Delete temp files left by a write that was interrupted; returns how many."""
        count = 0
        for stale in self.folder.glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"):
            with contextlib.suppress(OSError):
                stale.unlink()
                count += 1
        return count

    def backup_daily(self, today: date | None = None) -> Path | None:
        """Copy the data file to ``backups/`` once a day and keep the last few."""
        day = (today or date.today()).isoformat()
        folder = self.folder / BACKUP_DIR
        ensure_folder(folder)
        target = folder / f"{self.path.stem}-{day}.json"
        if not target.exists():
            tmp = folder / f"{TEMP_PREFIX}backup{TEMP_SUFFIX}"
            shutil.copyfile(self.path, tmp)
            os.chmod(tmp, 0o600)
            os.replace(tmp, target)
        backups = sorted(folder.glob(f"{self.path.stem}-*.json"))
        for old in backups[:-BACKUPS_KEPT]:
            with contextlib.suppress(OSError):
                old.unlink()
        return target

    def write(self, payload: bytes) -> None:
        """Atomically replace the data file with ``payload``."""
        atomic_write(self.path, payload)

    def close(self) -> None:
        """Release the lock."""
        self.lock.release()


class BackgroundWriter:
    """Writes the newest snapshot on a thread of its own, so the UI never waits on the disk.

    Only bytes cross the thread boundary; TinyDB stays on the caller's thread. Successive
    snapshots coalesce: if three arrive while one is being written, only the last is written.
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
                if self._pending is None and self._closed:
                    return
                payload, self._pending = self._pending, None
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
                    self._cond.wait(timeout=2.0)
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

    def close(self) -> bool:
        """Flush, then stop the thread."""
        ok = self.flush()
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
