"""The cache of conversation summaries, outside the data folder.

One SQLite file per data folder, ``<cache>/summaries/<hash of the folder>.sqlite3`` (the cache
folder is ``platformdirs.user_cache_dir("coffeechat")`` or ``$COFFEECHAT_CACHE_DIR``), with a
row per conversation file: its name, the :data:`~tui.core.layout.Stamp` it had when it was
read, and either its summary or what is wrong with it. A row whose stamp no longer matches the
file is stale and the file is read again. The cache is never the truth: a missing, damaged or
outdated file is recreated empty (everything is then read again), and if no file can be
written at all the cache lives in memory for the session. Files 0600, folders it creates 0700.

Any thread may use it; calls are serialised. Several processes may share the file (SQLite's
own locking; a writer waits up to five seconds).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from tui.core import fastjson
from tui.core.layout import Stamp
from tui.core.search_cache import cache_dir, make_private_dirs
from tui.core.summary import SUMMARY_VERSION

CACHE_VERSION = f"1.{SUMMARY_VERSION}"
SUFFIXES = ("", "-wal", "-shm", "-journal")
T = TypeVar("T")

# What the listing query reads: the columns of every row, and the rows with a problem
Listed = tuple[tuple[str | None, str | None, str | None, str | None, bytes | None],
               list[tuple[str, int, int, int, str, str]]]
# What :meth:`SummaryCache.listing` gives: names, stamps, summaries (as JSON values), problems
Listing = tuple[list[str], list[Stamp], list[Any], list[tuple[str, Stamp, str, str]]]
# (file name, stamp, conversation id, summary JSON, problem kind, problem reason)
Entry = tuple[str, Stamp, str | None, str | None, str | None, str | None]


def cache_file(root: Path, kind: str, cache_folder: Path | str | None = None) -> Path:
    """The cache file of ``kind`` for the data folder ``root``."""
    resolved = str(Path(root).expanduser().resolve())
    digest = hashlib.sha256(resolved.encode("utf-8", "surrogateescape")).hexdigest()[:24]
    return cache_dir(cache_folder) / kind / f"{digest}.sqlite3"


class SummaryCache:
    """The summaries of one data folder's conversation files (see the module docstring)."""

    def __init__(self, path: Path | None, connection: sqlite3.Connection,
                 notices: list[str]) -> None:
        self.path = path
        self._db = connection
        self.notices = notices
        self._lock = threading.Lock()

    @classmethod
    def open(cls, root: Path, cache_folder: Path | str | None = None) -> SummaryCache:
        """The cache of the data folder ``root``; never fails because of a bad cache file."""
        notices: list[str] = []
        path = cache_file(root, "summaries", cache_folder)
        try:
            make_private_dirs(path.parent)
            return cls(path, _open_checked(path, notices), notices)
        except (OSError, sqlite3.Error) as error:
            notices.append(f"The list cache cannot be kept in {path.parent} ({error}); "
                           "it is rebuilt in memory at each start.")
            return cls(None, _memory(), notices)

    def listing(self) -> Listing:
        """Every row in one read: the file names, their stamps and their summaries (None for
        a file with a problem), in the same order; and (name, stamp, kind, reason) of each
        problem. Rows that cannot be read as a whole (a foreign or damaged cache) are all
        forgotten, so that the next refresh reads the files and writes them again."""
        return self._listed(self._columns())

    def _columns(self) -> Listed:
        """Every column as one text (a file name never holds ``/``; the numbers and the
        summaries come as JSON arrays): a row object per file cost twice as long, and one
        parse of the summaries is several times faster than a parse per row. No value in a
        concatenation may be null, which ``group_concat`` would leave out, shifting the
        columns."""
        def query() -> Listed:
            self._db.execute("BEGIN")  # one read transaction: both queries see the same rows
            try:
                columns = self._db.execute(
                    "SELECT group_concat(coalesce(name, ''), '/'), "
                    "'[' || group_concat(coalesce(ino, -1)) || ']', "
                    "'[' || group_concat(coalesce(mtime_ns, -1)) || ']', "
                    "'[' || group_concat(coalesce(size, -1)) || ']', "
                    "CAST('[' || group_concat(coalesce(summary, 'null')) || ']' AS BLOB) "
                    "FROM (SELECT * FROM files ORDER BY rowid)").fetchone()
                problems = self._db.execute(
                    "SELECT name, ino, mtime_ns, size, problem_kind, coalesce(problem, '') "
                    "FROM files WHERE problem_kind IS NOT NULL ORDER BY rowid").fetchall()
            finally:
                self._db.rollback()  # it read only
            return columns, problems

        nothing: Listed = ((None,) * 5, [])
        with self._lock:
            return self._safely(query, nothing)

    def _listed(self, read: Listed) -> Listing:
        """The columns as rows (see :meth:`listing`)."""
        (names, inos, mtimes, sizes, text), problems = read
        if names is None or inos is None or mtimes is None or sizes is None or text is None:
            return [], [], [], []  # no rows
        try:
            listed = names.split("/")
            stamps = list(zip(fastjson.loads(inos), fastjson.loads(mtimes),
                              fastjson.loads(sizes), strict=True))
            summaries = fastjson.loads(text)
            if not len(listed) == len(stamps) == len(summaries):
                raise ValueError("the columns do not line up")
        except (TypeError, ValueError):
            self.notices.append(f"The list cache {self.path or '(in memory)'} held rows that "
                                "could not be read; the conversations are read again.")
            self.clear()
            return [], [], [], []
        return listed, stamps, summaries, [
            (name, (ino, mtime, size), kind, reason)
            for name, ino, mtime, size, kind, reason in problems]

    def put(self, entries: Iterable[Entry]) -> None:
        """Add or replace rows, all in one transaction."""
        rows = [(name, *stamp, ident, summary, kind, reason)
                for name, stamp, ident, summary, kind, reason in entries]
        if not rows:
            return
        with self._lock:
            self._safely(lambda: self._write(
                "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows), None)

    def delete(self, names: Iterable[str]) -> None:
        """Forget these files."""
        rows = [(name,) for name in names]
        if not rows:
            return
        with self._lock:
            self._safely(lambda: self._write("DELETE FROM files WHERE name = ?", rows), None)

    def clear(self) -> None:
        """Forget everything (the next refresh reads every file)."""
        with self._lock:
            self._safely(lambda: self._write("DELETE FROM files", [()]), None)

    def close(self) -> None:
        """Close the database."""
        with self._lock, contextlib.suppress(sqlite3.Error):
            self._db.close()

    def _write(self, statement: str, rows: Sequence[tuple[object, ...]]) -> None:
        with self._db:
            self._db.executemany(statement, rows)

    def _safely(self, action: Callable[[], T], default: T) -> T:
        """Run ``action``; a damaged file is recreated empty (and ``default`` returned), a
        file that cannot be written any more is replaced by memory."""
        try:
            return action()
        except sqlite3.DatabaseError as error:
            self._start_over(error)
            return default

    def _start_over(self, error: sqlite3.Error) -> None:
        with contextlib.suppress(sqlite3.Error):
            self._db.close()
        if self.path is not None:
            self.notices.append(f"The list cache {self.path} failed ({error}) and was "
                                "recreated; the conversations are read again.")
            try:
                _delete(self.path)
                self._db = _open_checked(self.path, self.notices)
                return
            except (OSError, sqlite3.Error):
                self.path = None
        self._db = _memory()


def _delete(path: Path) -> None:
    for suffix in SUFFIXES:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(f"{path}{suffix}")


def _connect(path: Path) -> sqlite3.Connection:
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        if os.fstat(fd).st_mode & 0o077:
            os.fchmod(fd, 0o600)
    finally:
        os.close(fd)
    connection = sqlite3.connect(path, timeout=5.0, check_same_thread=False)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")  # a cache: a lost commit is re-read
    except sqlite3.Error:
        connection.close()
        raise
    return connection


def _open_checked(path: Path, notices: list[str]) -> sqlite3.Connection:
    """Open the file, recreating it when it is not a readable cache of this version."""
    for attempt in range(2):
        try:
            connection = _connect(path)
            version = _version(connection)
        except sqlite3.DatabaseError as error:
            if attempt:
                raise
            notices.append(f"The list cache {path} could not be read ({error}) and was "
                           "recreated.")
            _delete(path)
            continue
        if version in (None, CACHE_VERSION):
            _initialise(connection)
            return connection
        connection.close()
        _delete(path)  # another version: a cache, so start over quietly
    connection = _connect(path)
    _initialise(connection)
    return connection


def _version(connection: sqlite3.Connection) -> str | None:
    tables = {name for (name,) in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not tables:
        return None
    if "meta" not in tables or "files" not in tables:
        return ""
    row = connection.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
    return str(row[0]) if row else ""


def _initialise(connection: sqlite3.Connection) -> None:
    with connection:
        connection.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        connection.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (CACHE_VERSION,))
        connection.execute(
            "CREATE TABLE IF NOT EXISTS files (name TEXT PRIMARY KEY, ino INTEGER, "
            "mtime_ns INTEGER, size INTEGER, conversation_id TEXT, summary TEXT, "
            "problem_kind TEXT, problem TEXT)")


def _memory() -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:", check_same_thread=False)
    _initialise(connection)
    return connection
