"""Crash-safe JSON storage for TinyDB: atomic, durable, locked, backed up, private.

:class:`DataFile` is the data file in its folder. Opening it for writing checks that the folder
is one coffeechat may write in (creating it 0700 if it does not exist, never changing the mode
of one that does), locks the *real* file (through any symlink), validates every record, and
only then keeps the day's backup; a backup that cannot be made is a warning, not a refusal.

A file that is empty, does not parse, is not a coffeechat file, has a newer schema or holds a
record that does not read raises a :class:`StorageError` naming the path, what is wrong and
the newest backup that actually loads; such a file is never written to.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tui.core.backups import (
    Backup,
    backup_folder,
    backup_hint,
    keep_before_restore,
    list_backups,
    newest_good_backup,
    write_daily,
    write_recovery,
)
from tui.core.dataformat import (
    APP_ID,
    BACKUP_DIR,
    BACKUPS_KEPT,
    DATA_FILE,
    LOCK_FILE,
    MIGRATIONS,
    RECORD_TABLES,
    SCHEMA_VERSION,
    TEMP_PREFIX,
    TEMP_SUFFIX,
    BadBackupError,
    CorruptFileError,
    DamagedRecordError,
    FolderError,
    ForeignFileError,
    LockedError,
    NewerSchemaError,
    StorageError,
    parse_bytes,
    validate,
)
from tui.core.files import (
    FileLock,
    atomic_write,
    check_writable_file,
    check_writable_folder,
    file_in_the_way,
    make_folder,
    not_a_folder,
    remove_temps,
)
from tui.core.integrity import CheckedData, load_checked


def newest_backup(path: Path) -> Path | None:
    """The most recent backup of ``path`` that loads and validates, if any."""
    backup = newest_good_backup(path)
    return backup.path if backup else None


def ensure_folder(folder: Path) -> None:
    """Create ``folder`` (0700) if it is missing; an existing folder keeps its mode."""
    make_folder(folder)


class DataFile:
    """The coffeechat data file in its folder: reading, validating, locking, backups."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder).expanduser()
        self.path = self.folder / DATA_FILE
        self.warnings: list[str] = []
        self.lock = FileLock(self.lock_path, subject=self.folder)

    @property
    def real_path(self) -> Path:
        """The file the data really is in (through a symlinked file or folder)."""
        return Path(os.path.realpath(self.path))

    @property
    def lock_path(self) -> Path:
        """The lock beside the real file, so two folders linking one file share one lock."""
        real = self.real_path
        return real.with_name(LOCK_FILE if real.name == DATA_FILE else f"{real.stem}.lock")

    def _raw(self) -> bytes | None:
        """The file's bytes; None when there is no file yet."""
        in_the_way = file_in_the_way(self.folder)
        if in_the_way is not None:
            raise not_a_folder(in_the_way)
        try:
            return self.path.read_bytes()
        except FileNotFoundError:
            return None
        except IsADirectoryError:
            raise ForeignFileError(f"{self.path} is a folder, not a data file.") from None
        except PermissionError:
            raise StorageError(f"{self.path} cannot be read: permission denied.") from None

    def load(self) -> CheckedData:
        """The validated contents (every record read through the models); a missing file
        reads as a new, empty database."""
        return self._checked(self._raw())

    def _checked(self, raw: bytes | None) -> CheckedData:
        if raw is None:
            return CheckedData({})
        try:
            return load_checked(raw, self.path)
        except StorageError as exc:
            raise type(exc)(f"{exc} {backup_hint(self.real_path)}") from None

    def read(self) -> dict[str, Any]:
        """The validated contents as TinyDB tables."""
        return self.load().data

    def open_for_writing(self, today: date | None = None) -> CheckedData:
        """Check the folder, lock the real file, clean up interrupted writes, validate, keep
        the day's backup (a failure there is a warning in :attr:`warnings`), and return the
        contents."""
        real = self._lock()
        try:
            raw = self._raw()
            checked = self._checked(raw)
            if raw is not None:
                self._backup(raw, today or date.today())
                with contextlib.suppress(OSError):
                    os.chmod(real, 0o600)
        except BaseException:
            self.lock.release()
            raise
        return checked

    def _lock(self) -> Path:
        """Make sure coffeechat may write here (creating the folder 0700 if it is missing),
        lock the real file and clean up interrupted writes; returns the real file's path."""
        make_folder(self.folder)
        real = self.real_path
        check_writable_folder(real.parent)
        check_writable_file(real)
        self.lock = FileLock(self.lock_path, subject=self.folder)
        self.lock.acquire()
        try:
            remove_temps(real.parent)
        except BaseException:
            self.lock.release()
            raise
        return real

    def _backup(self, raw: bytes, today: date) -> Path | None:
        try:
            return write_daily(self.real_path, raw, today)
        except (OSError, StorageError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            self.warnings.append(
                f"today's backup could not be made in {backup_folder(self.real_path)}: "
                f"{reason}. Your data is untouched; coffeechat tries again next time.")
            return None

    def backup_daily(self, today: date | None = None) -> Path | None:
        """Keep today's backup of the file if it loads and validates (else raise)."""
        raw = self._raw()
        if raw is None:
            return None
        load_checked(raw, self.path)
        return write_daily(self.real_path, raw, today or date.today())

    def backups(self) -> list[Backup]:
        """Every backup and recovery file, newest first."""
        return list_backups(self.real_path)

    def write(self, payload: bytes) -> None:
        """Atomically replace the data file with ``payload`` (through a symlink, the file it
        points at: replacing the link itself would cut the user's synced copy loose). A folder
        made read-only since the data was opened raises :class:`FolderError`."""
        real = self.real_path
        check_writable_folder(real.parent)  # made read-only meanwhile: not even root writes
        try:
            atomic_write(real, payload)
        except OSError as exc:
            raise OSError(exc.errno, exc.strerror, str(self.path)) from None

    def write_recovery(self, payload: bytes, now: datetime | None = None) -> Path:
        """Write ``payload`` to a new recovery file beside the data file (never over it) and
        return its path. If that is impossible (the disk that failed the save is full), the
        system's temp folder is tried; an ``OSError`` names both reasons if neither works."""
        now = now or datetime.now()
        try:
            return write_recovery(self.real_path, payload, now)
        except OSError as beside:
            fallback = Path(tempfile.gettempdir()) / self.real_path.name
            try:
                return write_recovery(fallback, payload, now)
            except OSError as elsewhere:
                raise OSError(beside.errno, f"{beside.strerror or beside} (and in "
                              f"{fallback.parent}: {elsewhere.strerror or elsewhere})",
                              str(self.real_path.parent)) from None

    def restore(self, backup: Path, now: datetime | None = None) -> tuple[CheckedData, Path | None]:
        """Put ``backup`` in place of the data file, keeping the current file as a backup
        first. Needs the lock (so never while the app is open); the backup must load and
        validate. Returns its contents and where the replaced file was kept."""
        try:
            raw = backup.read_bytes()
            checked = load_checked(raw, backup)
        except OSError as exc:
            raise BadBackupError(f"{backup} cannot be read: {exc.strerror or exc}.") from None
        except StorageError as exc:
            raise BadBackupError(str(exc).replace(" It has been left untouched.", "")) from None
        real = self._lock()
        try:
            current = self._raw()
            kept = None
            if current is not None:
                kept = keep_before_restore(real, current, now or datetime.now())
            self.write(raw)
        finally:
            self.lock.release()
        return checked, kept

    def owns(self, path: Path) -> str | None:
        """What ``path`` is to this data if it is one of its own files ("the data file", "the
        data file's lock", "a backup", "a recovery file", "a temp file"), else None. Exports
        must never land on those."""
        target = Path(os.path.realpath(path))
        real = self.real_path
        with contextlib.suppress(OSError):
            if path.exists() and real.exists() and os.path.samefile(path, real):
                return "the data file"
        if target == real:
            return "the data file"
        if target == self.lock_path:
            return "the data file's lock"
        if target.parent == Path(os.path.realpath(backup_folder(real))):
            return "a backup"
        if target.parent == real.parent and target.name.startswith(f"{real.stem}-recovery-"):
            return "a recovery file"
        if target.name.startswith(TEMP_PREFIX) and target.name.endswith(TEMP_SUFFIX):
            return "a temp file"
        return None

    def close(self) -> None:
        """Release the lock."""
        self.lock.release()


__all__ = [
    "APP_ID", "BACKUPS_KEPT", "BACKUP_DIR", "DATA_FILE", "LOCK_FILE", "MIGRATIONS",
    "RECORD_TABLES",
    "SCHEMA_VERSION", "TEMP_PREFIX", "TEMP_SUFFIX", "BadBackupError", "CheckedData",
    "CorruptFileError",
    "DamagedRecordError", "DataFile", "FolderError", "ForeignFileError", "LockedError",
    "NewerSchemaError", "StorageError", "atomic_write", "ensure_folder", "newest_backup",
    "parse_bytes", "validate",
]
