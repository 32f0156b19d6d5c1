"""Putting a backup back: a whole snapshot, one file of one, or an older single-file backup.

Every restore takes the lock (so never while the app is open), keeps what it replaces in a
``...-before-restore`` snapshot first (damaged files too: nothing is lost by restoring), and
puts the backup in place in one :class:`~tui.core.txn.Transaction`. It works when the current
data is damaged: that is what it is for. (A recovery file holds only what the app could not
save; it is merged in with an import, see ``coffeechat restore``.)
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tui.core import convfile
from tui.core.backups import keep_before_restore
from tui.core.dataformat import (
    CONVERSATIONS_DIR,
    DATA_FILE,
    SINGLE_FILE_SCHEMA,
    BadBackupError,
    StorageError,
    meta_of,
    parse_json,
    schema_of,
)
from tui.core.integrity import check_records, load_checked
from tui.core.layout import Layout, is_conversation_name
from tui.core.migrate import split, stage_all
from tui.core.snapshots import current_files, read_manifest, snapshot_problem
from tui.core.storage import DataFile
from tui.core.txn import Transaction, recover


@dataclass(frozen=True)
class Restored:
    """What a restore put back, and where the data it replaced is kept."""

    what: str  # "the whole data", "the main file", "one conversation"
    contacts: int
    conversations: int
    kept: Path


def kind_of(path: Path) -> str:
    """What a backup is: ``snapshot`` (a folder), ``conversation`` (one conversation's file),
    ``main`` (a main file of schema 2), ``single`` (a whole database in one file: schema 1),
    ``recovery`` (what the app could not save); raises :class:`BadBackupError`."""
    if path.is_dir():
        return "snapshot"
    try:
        data = parse_json(path.read_bytes(), path)
        schema = schema_of(data, path)
    except OSError as exc:
        raise BadBackupError(f"{path} cannot be read: {exc.strerror or exc}.") from None
    except StorageError as exc:
        raise BadBackupError(str(exc).replace(" It has been left untouched.", "")) from None
    meta = meta_of(data) or {}
    if meta.get("recovery"):
        return "recovery"
    if schema <= SINGLE_FILE_SCHEMA:
        return "single"
    conversations = data.get("conversations")
    if isinstance(conversations, dict) and len(conversations) == 1 and not data.get("contacts"):
        return "conversation"
    return "main"


def restore(datafile: DataFile, backup: Path, now: datetime | None = None) -> Restored:
    """Put ``backup`` back (see the module docstring); raises :class:`BadBackupError` for a
    backup that does not load, :class:`~tui.core.storage.LockedError` while the app is open."""
    kind = kind_of(backup)
    if kind == "recovery":
        raise BadBackupError(f"{backup} is a recovery file: it holds only what was not saved; "
                             "merge it in with 'coffeechat import json'.")
    now = now or datetime.now()
    _check(backup, kind)
    datafile._lock()
    try:
        layout = datafile.layout
        recover(layout.root)
        kept = keep_before_restore(layout, now)
        with Transaction(layout.root, "restore") as txn:
            result = _stage(txn, layout, backup, kind, kept)
            txn.commit()
    finally:
        datafile.close()
    return result


def _check(backup: Path, kind: str) -> None:
    """Refuse a backup that does not load and validate."""
    try:
        if kind == "snapshot":
            problem = snapshot_problem(backup)
            if problem:
                raise BadBackupError(f"{backup} cannot be used: {problem}.")
        elif kind == "conversation":
            convfile.decode(backup.read_bytes(), _as_named(backup))
        else:
            load_checked(backup.read_bytes(), backup)
    except OSError as exc:
        raise BadBackupError(f"{backup} cannot be read: {exc.strerror or exc}.") from None
    except BadBackupError:
        raise
    except StorageError as exc:
        raise BadBackupError(str(exc).replace(" It has been left untouched.", "")) from None


def _as_named(backup: Path) -> Path:
    """A conversation file's own name is checked against its id; a copy elsewhere may have
    any name, so check it under the name it would have."""
    return backup if is_conversation_name(backup.name) else backup.with_name("copy.json")


def _stage(txn: Transaction, layout: Layout, backup: Path, kind: str, kept: Path) -> Restored:
    folder = layout.relative(layout.conversations)
    present = {name for name, _ in _current_conversations(layout)}
    if kind == "snapshot":
        manifest = read_manifest(backup)
        restored = set()
        for relative in manifest.files:
            if relative == DATA_FILE:
                txn.stage_link(layout.relative(layout.main), backup / relative)
            elif relative.startswith(f"{CONVERSATIONS_DIR}/"):
                name = relative.split("/", 1)[1]
                txn.stage_link(f"{folder}/{name}", backup / relative)
                restored.add(name)
        for name in sorted(present - restored):
            txn.delete(f"{folder}/{name}")
        contacts = len(load_checked((backup / DATA_FILE).read_bytes(), backup).contacts)
        return Restored("the whole data", contacts, len(restored), kept)
    if kind == "single":
        checked = check_records(parse_json(backup.read_bytes(), backup), backup)
        tables, conversations = split(checked)
        stage_all(txn, layout, tables, conversations)
        names = {layout.conversation_name(c.id) for c in conversations}
        for name in sorted(present - names):
            txn.delete(f"{folder}/{name}")
        return Restored("the whole data", len(checked.contacts), len(conversations), kept)
    raw = backup.read_bytes()  # a single file: copied in (private), never linked
    if kind == "conversation":
        conversation, _ = convfile.decode(raw, _as_named(backup))
        txn.stage(f"{folder}/{layout.conversation_name(conversation.id)}", raw)
        return Restored("one conversation", 0, 1, kept)
    checked = load_checked(raw, backup)
    txn.stage(layout.relative(layout.main), raw)
    return Restored("the main file", len(checked.contacts), 0, kept)


def _current_conversations(layout: Layout) -> list[tuple[str, Path]]:
    return [(relative.split("/", 1)[1], path) for relative, path in current_files(layout)
            if relative.startswith(f"{CONVERSATIONS_DIR}/")
            and is_conversation_name(os.path.basename(relative))]
