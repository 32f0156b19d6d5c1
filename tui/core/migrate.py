"""From one file to one file per conversation: the move from schema 1 to schema 2.

The first open for writing of a schema-1 ``coffeechat.json`` keeps the file as it is in
``backups/coffeechat-schema1-DATE.json``, then, in one :class:`~tui.core.txn.Transaction`,
writes every conversation to its own file and replaces ``coffeechat.json`` by the new main
file (last: until then the old file is the truth). A kill at any moment leaves the old file,
which still opens (and migrates at the next open), or the new layout, whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from tui.core import convfile
from tui.core.dataformat import APP_ID, BACKUP_DIR, SCHEMA_VERSION, encode_json, meta_of
from tui.core.files import atomic_write, make_folder, remove_temps
from tui.core.integrity import CheckedData
from tui.core.layout import Layout, file_id
from tui.core.models import Conversation, new_id, now_iso
from tui.core.txn import Transaction

ORIGINAL_INFIX = "-schema1-"


@dataclass(frozen=True)
class Migration:
    """What the move to one file per conversation did."""

    conversations: int
    folder: Path  # where the conversations are now
    original: Path  # where the schema-1 file is kept

    def notice(self) -> str:
        """One line for the user."""
        count = self.conversations
        return (f"Your data now has one file per conversation ({count} conversation"
                f"{'s' if count != 1 else ''} in {self.folder}); the previous file is kept "
                f"as {self.original}.")


def split(checked: CheckedData) -> tuple[dict[str, Any], list[Conversation]]:
    """The new main file's tables and the conversations of a schema-1 database (a
    conversation that shares its id with an earlier one is given a new id: both are kept)."""
    tables = {name: table for name, table in checked.data.items() if name != "conversations"}
    meta = dict(meta_of(checked.data) or {"app": APP_ID})
    meta.update(app=APP_ID, schema=SCHEMA_VERSION, migrated_from=1, migrated_at=now_iso())
    tables["meta"] = {"1": meta}
    tables.setdefault("contacts", {})
    seen: set[str] = set()
    conversations = []
    for doc in checked.data.get("conversations", {}).values():
        conversation = Conversation.from_dict(doc)
        if conversation.id in seen or file_id(conversation.id) in seen:
            conversation.id = new_id()
        seen.update((conversation.id, file_id(conversation.id)))
        conversations.append(conversation)
    return tables, conversations


def keep_original(layout: Layout, raw: bytes, now: datetime) -> Path:
    """Keep the schema-1 file's bytes in the backups folder; returns the copy's path. An
    earlier move that was interrupted may have kept them already: that copy is used again,
    so interruptions never pile up copies (nor half-written ones: the copy is atomic)."""
    folder = layout.root / BACKUP_DIR
    make_folder(folder)
    remove_temps(folder)
    stem = f"{layout.main.stem}{ORIGINAL_INFIX}{now:%Y-%m-%d}"
    for attempt in range(100):
        target = folder / (f"{stem}.json" if not attempt else f"{stem}-{attempt}.json")
        if target.exists():
            if _holds(target, raw):
                return target
            continue
        atomic_write(target, raw)
        return target
    raise FileExistsError(f"too many files named {folder / stem}*")


def _holds(path: Path, raw: bytes) -> bool:
    """True when ``path`` holds exactly ``raw``."""
    try:
        return path.stat().st_size == len(raw) and path.read_bytes() == raw
    except OSError:
        return False


def migrate(layout: Layout, raw: bytes, checked: CheckedData,
            now: datetime | None = None) -> Migration:
    """Move the schema-1 data of ``layout`` (its bytes ``raw``, validated as ``checked``) to
    one file per conversation (see the module docstring). The caller holds the lock."""
    tables, conversations = split(checked)
    original = keep_original(layout, raw, now or datetime.now())
    with Transaction(layout.root, "migration") as txn:
        stage_all(txn, layout, tables, conversations)
        txn.commit()
    return Migration(len(conversations), layout.conversations, original)


def stage_all(txn: Transaction, layout: Layout, tables: dict[str, Any],
              conversations: list[Conversation]) -> None:
    """Stage a whole data set: every conversation's file, then the main file (last)."""
    folder = layout.relative(layout.conversations)
    for conversation in conversations:
        txn.stage(f"{folder}/{layout.conversation_name(conversation.id)}",
                  convfile.encode_conversation(conversation))
    txn.stage(layout.relative(layout.main), encode_json(tables))
