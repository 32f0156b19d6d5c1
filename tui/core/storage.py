"""The data folder on disk: its main file, the lock, writes of single files, recovery.

:class:`DataFile` is the data in its folder. Opening it for writing checks that the folder
is one coffeechat may write in (creating it 0700 if it does not exist, never changing the mode
of one that does), locks the *real* main file (through any symlink), finishes or throws away
an interrupted transaction (:mod:`tui.core.txn`), cleans up interrupted writes, validates the
main file and moves a schema-1 file to one file per conversation (:mod:`tui.core.migrate`).
Read-only opening takes no lock and writes nothing, so it works beside the running app.

A main file that is empty, does not parse, is not a coffeechat file, has a newer schema or
holds a record that does not read raises a :class:`StorageError` naming the path, what is
wrong and the newest backup that actually loads; such a file is never written to. (Single
conversation files are the store's business: one bad file never stops the others.)
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from tui.core.backups import (
    Backup,
    backup_hint,
    list_backups,
    make_daily,
    newest_good_backup,
    write_recovery,
)
from tui.core.dataformat import (
    APP_ID,
    BACKUP_DIR,
    BACKUPS_KEPT,
    CONVERSATIONS_DIR,
    DATA_FILE,
    LOCK_FILE,
    RECORD_TABLES,
    SCHEMA_VERSION,
    SINGLE_FILE_SCHEMA,
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
    schema_of,
    validate,
)
from tui.core.files import (
    FileLock,
    atomic_write,
    check_writable_file,
    check_writable_folder,
    file_in_the_way,
    held_elsewhere,
    make_folder,
    not_a_folder,
    remove_temps,
)
from tui.core.integrity import CheckedData, check_records
from tui.core.layout import Layout
from tui.core.migrate import Migration, migrate
from tui.core.txn import leftovers, recover

BUSY_WAIT_SECONDS = 15.0  # how long a read waits for another process's import to finish


@dataclass
class MainData:
    """The validated main file. ``schema`` is 0 for a new folder, 2 for the current layout,
    1 for a single file read without migrating it (read-only: its conversations are then in
    ``checked.conversations``)."""

    checked: CheckedData
    schema: int
    migration: Migration | None = None
    finished: str | None = None  # the kind of an interrupted transaction finished at open
    notices: list[str] = field(default_factory=list)


def newest_backup(path: Path) -> Path | None:
    """The most recent backup of the data whose main file is ``path`` that loads and
    validates, if any."""
    backup = newest_good_backup(Layout(Path(os.path.realpath(path))))
    return backup.path if backup else None


def ensure_folder(folder: Path) -> None:
    """Create ``folder`` (0700) if it is missing; an existing folder keeps its mode."""
    make_folder(folder)


class DataFile:
    """The coffeechat data in its folder: reading, validating, locking, backups."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder).expanduser()
        self.path = self.folder / DATA_FILE
        self.warnings: list[str] = []
        self.lock = FileLock(self.lock_path, subject=self.folder)

    @property
    def real_path(self) -> Path:
        """The file the main data really is in (through a symlinked file or folder)."""
        return Path(os.path.realpath(self.path))

    @property
    def layout(self) -> Layout:
        """Where everything is, beside the real main file."""
        return Layout(self.real_path)

    @property
    def lock_path(self) -> Path:
        """The lock beside the real file, so two folders linking one file share one lock."""
        real = self.real_path
        return real.with_name(LOCK_FILE if real.name == DATA_FILE else f"{real.stem}.lock")

    def _raw(self) -> bytes | None:
        """The main file's bytes; None when there is no file yet."""
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

    def _checked(self, raw: bytes | None) -> tuple[CheckedData, int]:
        if raw is None:
            return CheckedData({}), 0
        try:
            data = parse_bytes(raw, self.path)
            schema = schema_of(data, self.path)
            return check_records(data, self.path), schema
        except StorageError as exc:
            raise type(exc)(f"{exc} {backup_hint(self.layout)}") from None

    def load(self) -> MainData:
        """The validated main file, read without the lock and without writing anything; a
        missing file reads as new, empty data. While another coffeechat is finishing an
        import or a restore this waits for it (a few seconds at most)."""
        self._wait_for_transactions()
        checked, schema = self._checked(self._raw())
        return MainData(checked, schema)

    def _wait_for_transactions(self) -> None:
        """A committed transaction not yet finished: another coffeechat is finishing it (wait
        a little), or it was interrupted (finish it now: the data is then whole again; the
        one thing a read does to the data folder, and only when it may)."""
        root = self.layout.root
        deadline = time.monotonic() + BUSY_WAIT_SECONDS
        while leftovers(root):
            if not held_elsewhere(self.lock_path):
                try:
                    self._lock()
                    try:
                        recover(root)
                    finally:
                        self.lock.release()
                except (LockedError, FolderError, OSError) as exc:
                    if isinstance(exc, LockedError):
                        continue  # taken meanwhile: wait for that one
                    raise StorageError(
                        f"An import, restore or move of the data in {root} was interrupted, "
                        f"and cannot be finished from here ({exc}). Open coffeechat where it "
                        "may write in the folder to finish it; nothing was changed.") from None
                continue
            if time.monotonic() > deadline:
                raise LockedError(f"Another coffeechat is changing the data in {root} (an "
                                  "import or a restore); try again when it is done.")
            time.sleep(0.1)

    def open_for_writing(self) -> MainData:
        """Check the folder, lock the real file, finish or discard interrupted transactions,
        clean up interrupted writes, validate, and move a schema-1 file to one file per
        conversation. Returns the validated main file."""
        real = self._lock()
        try:
            layout = self.layout
            finished = recover(layout.root)
            for folder in (layout.root, layout.conversations):
                remove_temps(folder)
            raw = self._raw()
            checked, schema = self._checked(raw)
            migration = None
            if raw is not None and schema == SINGLE_FILE_SCHEMA:
                check_writable_file(real)
                migration = migrate(layout, raw, checked)
                checked, schema = self._checked(self._raw())
            if raw is not None:
                with contextlib.suppress(OSError):
                    os.chmod(real, 0o600)
        except BaseException:
            self.lock.release()
            raise
        return MainData(checked, schema, migration, finished)

    def _lock(self) -> Path:
        """Make sure coffeechat may write here (creating the folder 0700 if it is missing)
        and lock the real file; returns the real file's path."""
        make_folder(self.folder)
        real = self.real_path
        check_writable_folder(real.parent)
        check_writable_file(real)
        self.lock = FileLock(self.lock_path, subject=self.folder)
        self.lock.acquire()
        return real

    def backup_daily(self, good: list[tuple[str, Path]], left_out: dict[str, str],
                     today: date | None = None) -> Path | None:
        """Make today's snapshot of the files known to be good, unless there is one; a
        failure is a warning in :attr:`warnings`, never an error."""
        try:
            return make_daily(self.layout, good, left_out, today or date.today())
        except (OSError, StorageError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            self.warnings.append(
                f"today's backup could not be made in {self.layout.backups}: {reason}. Your "
                "data is untouched; coffeechat tries again next time.")
            return None

    def backups(self) -> list[Backup]:
        """Every backup and recovery file, newest first."""
        return list_backups(self.layout)

    def write(self, payload: bytes) -> None:
        """Atomically replace the main file with ``payload`` (through a symlink, the file it
        points at: replacing the link itself would cut the user's synced copy loose). A folder
        made read-only since the data was opened raises :class:`FolderError`."""
        real = self.real_path
        check_writable_folder(real.parent)  # made read-only meanwhile: not even root writes
        try:
            atomic_write(real, payload)
        except OSError as exc:
            raise OSError(exc.errno, exc.strerror, str(self.path)) from None

    def write_file(self, path: Path, payload: bytes) -> None:
        """Atomically write one file of the data (a conversation's), creating its folder
        (0700) if needed; errors name ``path``."""
        folder = path.parent
        if not folder.is_dir():
            make_folder(folder)
        check_writable_folder(folder)
        atomic_write(path, payload)

    def write_recovery(self, payload: bytes, now: datetime | None = None) -> Path:
        """Write ``payload`` to a new recovery file beside the data (never over it) and
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

    def owns(self, path: Path) -> str | None:
        """What ``path`` is to this data if it is one of its own files ("the data file", "a
        conversation's file", "the data file's lock", "a backup", "a recovery file", "a temp
        file"), else None. Exports must never land on those."""
        target = Path(os.path.realpath(path))
        real = self.real_path
        layout = self.layout
        with contextlib.suppress(OSError):
            if path.exists() and real.exists() and os.path.samefile(path, real):
                return "the data file"
        if target == real:
            return "the data file"
        if target == self.lock_path:
            return "the data file's lock"
        if target.parent == Path(os.path.realpath(layout.conversations)):
            return "a conversation's file"
        backups = Path(os.path.realpath(layout.root / BACKUP_DIR))
        if backups == target.parent or backups in target.parents:
            return "a backup"
        if target.parent == real.parent and target.name.startswith(f"{real.stem}-recovery-"):
            return "a recovery file"
        if target.name.startswith(TEMP_PREFIX):
            return "a temp file"
        return None

    def close(self) -> None:
        """Release the lock."""
        self.lock.release()


__all__ = [
    "APP_ID", "BACKUPS_KEPT", "BACKUP_DIR", "CONVERSATIONS_DIR", "DATA_FILE", "LOCK_FILE",
    "RECORD_TABLES", "SCHEMA_VERSION", "TEMP_PREFIX", "TEMP_SUFFIX", "BadBackupError",
    "CheckedData", "CorruptFileError", "DamagedRecordError", "DataFile", "FolderError",
    "ForeignFileError", "LockedError", "MainData", "NewerSchemaError", "StorageError",
    "atomic_write", "ensure_folder", "newest_backup", "parse_bytes", "validate",
]
