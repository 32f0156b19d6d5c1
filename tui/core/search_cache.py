"""The search index's file in the cache folder: where it is, opening it, and starting over.

The file is a cache: from another version of the index, unreadable or damaged, it is deleted
and recreated empty (never an error for the user), and the index is marked as needing a
rebuild. If no file can be written at all (a read-only or full disk), the index lives in an
in-memory SQLite database for the session, with a notice.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar

import platformdirs

INDEX_VERSION = "4"  # change whenever the schema or what is extracted changes: forces rebuild
ENV_CACHE_DIR = "COFFEECHAT_CACHE_DIR"
SUFFIXES = ("", "-wal", "-shm", "-journal")
WAL_LIMIT = 4 << 20  # bytes the write-ahead log keeps after a checkpoint
_DAMAGE_CODES = (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB
# also a schema that is not what this version creates: the cache was tampered with
_DAMAGE_WORDS = ("malformed", "not a database", "file is encrypted", "disk image",
                 "no such table", "no such column")

E = TypeVar("E")


class SearchIndexError(Exception):
    """The index could not be read or written (disk full, locked too long); the message says
    what happened. The data itself is never affected."""


def first(cursor: sqlite3.Cursor) -> Any:
    """The first row of a query, reading it to the end: a statement left half-read stays
    active, and an active statement keeps an interrupt pending for every later one."""
    rows = cursor.fetchall()
    return rows[0] if rows else None


def cache_dir(override: Path | str | None = None) -> Path:
    """The cache folder: ``override``, else ``$COFFEECHAT_CACHE_DIR``, else the platform's."""
    chosen = override or os.environ.get(ENV_CACHE_DIR) or platformdirs.user_cache_dir("coffeechat")
    return Path(chosen).expanduser()


def index_path(data_folder: Path | str, cache_folder: Path | str | None = None) -> Path:
    """The index file for ``data_folder``: named by a hash of its resolved path."""
    resolved = str(Path(data_folder).expanduser().resolve())
    digest = hashlib.sha256(resolved.encode("utf-8", "surrogateescape")).hexdigest()[:24]
    return cache_dir(cache_folder) / "search" / f"{digest}.sqlite3"


def make_private_dirs(folder: Path) -> None:
    """Create ``folder`` and any missing parents as 0700; folders that exist are left alone."""
    missing = []
    current = folder
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for path in reversed(missing):
        with contextlib.suppress(FileExistsError):
            path.mkdir(mode=0o700)
            os.chmod(path, 0o700)  # the umask may have taken bits away; never add any


class IndexFile:
    """An open index database (a file, or memory when no file could be used).

    ``connection`` writes; searches go through :attr:`reader`, a second connection to the
    same file, so that they read the last committed index while a rebuild or an update is
    being written, and an interrupt never lands in a write.
    """

    def __init__(self, path: Path | None, connection: sqlite3.Connection,
                 notices: list[str], data_folder: str) -> None:
        self.path = path
        self.connection = connection
        self._reader: sqlite3.Connection | None = None
        self.notices = notices
        self._data_folder = data_folder
        self._complete = _complete(connection)  # from the file, then from our own rebuilds

    @classmethod
    def open(cls, data_folder: Path, cache_folder: Path | str | None = None) -> IndexFile:
        """Open (or create) the index of ``data_folder``; never raises for a bad file."""
        notices: list[str] = []
        resolved = str(data_folder.expanduser().resolve())
        path = index_path(data_folder, cache_folder)
        try:
            make_private_dirs(path.parent)
            connection = _open_checked(path, resolved, notices)
        except (OSError, sqlite3.Error) as error:
            notices.append(f"The search index cannot be saved in {path.parent} ({error}); "
                           "it is kept in memory for this session.")
            return cls(None, _memory_database(resolved), notices, resolved)
        return cls(path, connection, notices, resolved)

    @property
    def separate_reader(self) -> bool:
        """Whether searches have their own connection (not so for an index in memory)."""
        return self.path is not None

    @property
    def reader(self) -> sqlite3.Connection:
        """The connection searches use (the writer's own when the index is in memory)."""
        if self.path is None:
            return self.connection
        if self._reader is None:
            self._reader = sqlite3.connect(self.path, timeout=5.0, isolation_level=None,
                                           check_same_thread=False)
            self._reader.execute("PRAGMA query_only=1")
        return self._reader

    @property
    def needs_rebuild(self) -> bool:
        """True until a rebuild has completed in this file."""
        return not self._complete

    @contextlib.contextmanager
    def transaction(self, engine: E, complete: bool = False) -> Iterator[E]:
        """All of the changes made in the block, or none of them."""
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            yield engine
            if complete:
                self.connection.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('complete', '1')")
        except BaseException:
            self._roll_back()
            raise
        self.connection.execute("COMMIT")
        if complete:
            self._complete = True
            with contextlib.suppress(sqlite3.Error):  # give back the log's disk space now
                first(self.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)"))

    def _roll_back(self) -> None:
        try:
            if self.connection.in_transaction:
                self.connection.execute("ROLLBACK")
        except sqlite3.Error:
            # The connection cannot even roll back (an interrupt stuck inside SQLite's full-
            # text writer): closing it discards the transaction just as well.
            self.reconnect()

    def interrupt(self) -> None:
        """Stop the search running on another thread (only ever the reader: an interrupt
        between two writes of SQLite's full-text writer would stay pending)."""
        self.reader.interrupt()

    def _close_reader(self) -> None:
        if self._reader is not None:
            with contextlib.suppress(sqlite3.Error):
                self._reader.close()
            self._reader = None

    def reconnect(self) -> None:
        """A fresh connection to the same database (uncommitted changes are discarded)."""
        self._close_reader()
        with contextlib.suppress(sqlite3.Error):
            self.connection.close()
        if self.path is None:
            self.connection = _memory_database(self._data_folder)
        else:
            self.connection = _connect(self.path)
        self._complete = _complete(self.connection)

    @staticmethod
    def is_damage(error: sqlite3.DatabaseError) -> bool:
        """Whether ``error`` means the file is damaged (rather than busy or full)."""
        if getattr(error, "sqlite_errorcode", None) in _DAMAGE_CODES:
            return True
        return any(word in str(error).lower() for word in _DAMAGE_WORDS)

    def reset(self, notice: str) -> None:
        """Start over with an empty index (after damage); the caller then rebuilds."""
        self.notices.append(notice)
        self._complete = False
        self._close_reader()
        with contextlib.suppress(sqlite3.Error):
            self.connection.close()
        if self.path is None:
            self.connection = _memory_database(self._data_folder)
            return
        try:
            _delete(self.path)
            self.connection = _open_checked(self.path, self._data_folder, self.notices)
        except (OSError, sqlite3.Error) as error:
            self.notices.append(f"The search index cannot be recreated ({error}); it is kept "
                                "in memory for this session.")
            self.path = None
            self.connection = _memory_database(self._data_folder)

    def close(self) -> None:
        """Close the database (nothing is lost: every change is committed as it is made)."""
        self._close_reader()
        with contextlib.suppress(sqlite3.Error):
            self.connection.close()


def _complete(connection: sqlite3.Connection) -> bool:
    """Whether a rebuild has completed in this database."""
    try:
        row = first(connection.execute("SELECT value FROM meta WHERE key = 'complete'"))
    except sqlite3.Error:
        return False
    return row is not None and row[0] == "1"


def _delete(path: Path) -> None:
    for suffix in SUFFIXES:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(f"{path}{suffix}")


def _open_checked(path: Path, data_folder: str, notices: list[str]) -> sqlite3.Connection:
    """Open the file, recreating it when it is not a current, readable index."""
    for attempt in range(2):
        try:
            connection = _connect(path)
        except sqlite3.DatabaseError as error:
            if attempt:
                raise
            notices.append(f"The search index {path} could not be read ({error}) and was "
                           "recreated.")
            _delete(path)
            continue
        try:
            version = _version(connection)
        except sqlite3.DatabaseError as error:
            connection.close()
            if attempt:
                raise
            notices.append(f"The search index {path} was damaged ({error}) and was recreated.")
            _delete(path)
            continue
        if version is None:
            _initialise(connection, data_folder)
            return connection
        if version == INDEX_VERSION:
            return connection
        connection.close()
        _delete(path)  # another version (or not ours): a cache, so start over quietly
    connection = _connect(path)
    _initialise(connection, data_folder)
    return connection


def _connect(path: Path) -> sqlite3.Connection:
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        if os.fstat(fd).st_mode & 0o077:
            os.fchmod(fd, 0o600)
    finally:
        os.close(fd)
    connection = sqlite3.connect(path, timeout=5.0, isolation_level=None,
                                 check_same_thread=False)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")  # a cache: a lost commit is rebuilt
        connection.execute(f"PRAGMA journal_size_limit={WAL_LIMIT}")
    except sqlite3.DatabaseError:
        connection.close()
        raise
    return connection


def _version(connection: sqlite3.Connection) -> str | None:
    """The index version in the file; None for an empty file; "" for a file not ours."""
    tables = {name for (name,) in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not tables:
        return None
    if "meta" not in tables:
        return ""
    row = first(connection.execute("SELECT value FROM meta WHERE key = 'version'"))
    return str(row[0]) if row else ""


def _initialise(connection: sqlite3.Connection, data_folder: str | None) -> None:
    connection.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
    connection.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (INDEX_VERSION,))
    if data_folder is not None:
        connection.execute("INSERT OR REPLACE INTO meta VALUES ('data_folder', ?)",
                           (data_folder,))


def _memory_database(data_folder: str) -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    _initialise(connection, data_folder)
    return connection
