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
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

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
        """Atomically replace the data file with ``payload`` (through a symlink, the file it
        points at: replacing the link itself would cut the user's synced copy loose)."""
        atomic_write(Path(os.path.realpath(self.path)), payload)

    def close(self) -> None:
        """Release the lock."""
        self.lock.release()
