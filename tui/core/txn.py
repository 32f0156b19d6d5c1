"""All or nothing across many files: imports, the migration to one file per conversation,
restores.

A :class:`Transaction` stages every new file in a private folder inside the data folder
(``.coffeechat-txn-<id>/``, same file system, so a rename puts a file in place), makes them
durable, then writes the journal ``.coffeechat-journal.json`` atomically: that is the commit.
The staged files are then renamed over their targets, files the transaction removes are
deleted, and the journal and the staging folder go.

- Interrupted (Ctrl-C, an error, a crash) before the journal exists: the data is exactly as
  before; the staging folder is deleted now, or by :func:`recover` at the next open.
- After the journal exists, the transaction happens, whatever comes: a Ctrl-C waits for the
  renames, and a crash leaves the journal, which :func:`recover` finishes (rolls forward) at
  the next open for writing, before anything reads the data.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import uuid
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.core.dataformat import APP_ID, StorageError
from tui.core.files import (
    PRIVATE_FILE,
    PRIVATE_FOLDER,
    atomic_write,
    can_sync_filesystem,
    fsync_dir,
    sync_filesystem,
)
from tui.core.interrupts import deferred_interrupts, note_commit

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

JOURNAL = ".coffeechat-journal.json"
STAGING_PREFIX = ".coffeechat-txn-"
WRITERS = 4  # where each staged file is fsynced, a few threads let the fsyncs overlap
MAX_IN_FLIGHT = 64


class Transaction:
    """Files staged in ``root`` and put in place together (see the module docstring).

    Use as a context manager: leaving the block with an exception before :meth:`commit`
    throws the staged files away.
    """

    def __init__(self, root: Path, kind: str) -> None:
        self.root = root
        self.kind = kind
        self.staging = root / f"{STAGING_PREFIX}{uuid.uuid4().hex[:12]}"
        self.moves: list[tuple[str, str]] = []
        self.deletes: list[str] = []
        self._folders: set[Path] = set()
        self._made: set[str] = set()
        self._staging_text = str(self.staging)
        self._pool: ThreadPoolExecutor | None = None
        self._pending: list[Future[None]] = []
        self.committed = False
        self._sync_at_once = can_sync_filesystem()
        os.mkdir(self.staging, PRIVATE_FOLDER)
        os.chmod(self.staging, PRIVATE_FOLDER)

    def __enter__(self) -> Transaction:
        return self

    def __exit__(self, kind: object, *_: object) -> None:
        if not self.committed:
            self.abort()

    def _staged(self, target: str) -> str:
        """Where ``target`` is staged (a string: thousands of files, no Path objects)."""
        folder, _, _ = target.rpartition("/")
        if folder not in self._made:
            (self.staging / folder).mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
            self._folders.add(self.staging / folder)
            self._made.add(folder)
        self.moves.append((f"{self.staging.name}/{target}", target))
        return f"{self._staging_text}/{target}"

    def stage(self, target: str, payload: bytes) -> None:
        """Stage ``payload`` as the new content of ``target`` (a path relative to the data
        folder). On Linux the files are made durable together at the commit (one
        ``syncfs``: an fsync per file costs seconds for thousands of files); elsewhere each is
        written and fsynced on a pool thread."""
        path = self._staged(target)
        if self._sync_at_once:
            _write_private(path, payload, sync=False)
            return
        if self._pool is None:
            from concurrent.futures import ThreadPoolExecutor

            self._pool = ThreadPoolExecutor(WRITERS, thread_name_prefix="coffeechat-stage")
        self._pending.append(self._pool.submit(_write_private, path, payload))
        if len(self._pending) >= MAX_IN_FLIGHT:
            self._drain()

    def stage_link(self, target: str, source: Path) -> None:
        """Stage the file ``source`` as ``target`` (a hard link; a copy where the file system
        has none)."""
        path = self._staged(target)
        try:
            os.link(source, path)
        except OSError:
            shutil.copyfile(source, path)
            os.chmod(path, PRIVATE_FILE)
            with open(path, "rb") as handle:
                os.fsync(handle.fileno())

    def delete(self, target: str) -> None:
        """Remove ``target`` when the transaction happens."""
        self.deletes.append(target)

    def _drain(self) -> None:
        pending, self._pending = self._pending, []
        for future in pending:
            future.result()

    def commit(self) -> None:
        """Make the staged files durable, write the journal (the point of no return), then
        put everything in place. Interrupts wait until it is done."""
        self._drain()
        if self._sync_at_once:
            sync_filesystem(self.staging)  # every staged file and folder, in one call
        else:
            for folder in self._folders:
                fsync_dir(folder)
            fsync_dir(self.staging)
        journal = {"app": APP_ID, "journal": 1, "kind": self.kind,
                   "staging": self.staging.name, "made": datetime.now().isoformat(),
                   "moves": self.moves, "deletes": self.deletes}
        payload = json.dumps(journal, ensure_ascii=False).encode("utf-8")
        with deferred_interrupts():
            atomic_write(self.root / JOURNAL, payload)
            self.committed = True
            note_commit(self.kind)
            roll_forward(self.root)
        self._close_pool()

    def abort(self) -> None:
        """Throw the staged files away (the data was never touched)."""
        with contextlib.suppress(Exception):
            self._drain()
        self._close_pool()
        shutil.rmtree(self.staging, ignore_errors=True)

    def _close_pool(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None


def _write_private(path: Path | str, payload: bytes, sync: bool = True) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
    try:
        _write_all(fd, payload)
        if sync:
            os.fsync(fd)
    finally:
        os.close(fd)


def _write_all(fd: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        view = view[os.write(fd, view):]


def pending_journal(root: Path) -> dict[str, Any] | None:
    """The journal of a committed transaction not yet finished, if any."""
    try:
        raw = (root / JOURNAL).read_bytes()
    except FileNotFoundError:
        return None
    try:
        journal = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise StorageError(f"{root / JOURNAL} is damaged, so an interrupted import, migration "
                           "or restore cannot be finished. Nothing was changed.") from None
    if not isinstance(journal, dict) or journal.get("app") != APP_ID:
        raise StorageError(f"{root / JOURNAL} is not a coffeechat journal. Nothing was "
                           "changed.")
    return journal


def roll_forward(root: Path) -> str | None:
    """Finish the committed transaction in ``root`` (if any); returns its kind."""
    journal = pending_journal(root)
    if journal is None:
        return None
    touched: set[str] = set()
    ready: set[str] = set()  # folders known to exist
    base = str(root)
    for staged, target in journal.get("moves", []):
        source, destination = f"{base}/{staged}", f"{base}/{target}"
        folder = os.path.dirname(destination)
        if folder not in ready:
            if not os.path.exists(source):
                continue  # moved before an interruption
            if not os.path.isdir(folder):
                os.makedirs(folder, mode=PRIVATE_FOLDER, exist_ok=True)
            ready.add(folder)
        try:
            os.replace(source, destination)
        except FileNotFoundError:
            if os.path.exists(source):
                raise
            continue  # moved before an interruption
        touched.add(folder)
    for target in journal.get("deletes", []):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(f"{base}/{target}")
            touched.add(os.path.dirname(f"{base}/{target}"))
    for folder in touched:  # one fsync per folder, once every file is in place
        fsync_dir(Path(folder))
    os.unlink(root / JOURNAL)
    fsync_dir(root)
    staging = str(journal.get("staging", ""))
    if staging.startswith(STAGING_PREFIX):
        shutil.rmtree(root / staging, ignore_errors=True)
    return str(journal.get("kind", "change"))


def recover(root: Path) -> str | None:
    """At an open for writing: finish a committed transaction, throw away staging folders of
    ones that never committed. Returns the kind of the transaction finished, if any."""
    finished = roll_forward(root)
    with contextlib.suppress(OSError):
        for entry in os.scandir(root):
            if entry.name.startswith(STAGING_PREFIX) and entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)
    return finished


def leftovers(root: Path) -> bool:
    """True when a transaction's journal is in ``root`` (committed, not finished)."""
    return (root / JOURNAL).exists()

