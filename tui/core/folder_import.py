"""Reading a whole data folder (or a snapshot of one) as one database, to import it.

``coffeechat import json backups/2026-11-29`` merges a day's snapshot into the data; so does
a copy of another machine's data folder. The folder's main file and every conversation file
are read and validated like any imported file; a file that cannot be used stops the import
with its path (nothing is imported).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tui.core import convfile
from tui.core.dataformat import APP_ID, DATA_FILE, SCHEMA_VERSION, StorageError, parse_bytes
from tui.core.layout import Layout, is_conversation_name


def read_folder(folder: Path) -> dict[str, Any]:
    """The data in ``folder`` as one schema-2 database with a ``conversations`` table;
    raises ``StorageError`` (naming the file) or ``OSError``."""
    layout = Layout(folder / DATA_FILE)
    if not layout.main.exists() and not layout.conversations.is_dir():
        raise StorageError(f"{folder} is a folder, but not a coffeechat data folder or "
                           f"snapshot (it has no {DATA_FILE}).")
    data: dict[str, Any] = {}
    if layout.main.exists():
        data = parse_bytes(layout.main.read_bytes(), layout.main)
    data["meta"] = {"1": {"app": APP_ID, "schema": SCHEMA_VERSION}}
    conversations: dict[str, Any] = dict(data.get("conversations") or {})
    names = sorted(p.name for p in layout.conversations.iterdir()) \
        if layout.conversations.is_dir() else []
    for name in names:
        if not is_conversation_name(name):
            continue
        path = layout.conversations / name
        conversation, _ = convfile.decode(path.read_bytes(), path)
        conversations[str(len(conversations) + 1)] = conversation.to_dict()
    data["conversations"] = conversations
    return data
