"""Saying what would be lost: the records that differ between memory and the data file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tui.core.dataformat import RECORD_TABLES


def unsaved_changes(memory: dict[str, Any], path: Path) -> list[str]:
    """One short line per record that is new, changed or deleted in ``memory`` (a TinyDB
    database) compared with the file at ``path``: ``contact Ana Silva (new)``."""
    try:
        on_disk = json.loads(path.read_bytes())
    except FileNotFoundError:
        on_disk = {}
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "it does not parse"
        return [f"every change since the last save (the file cannot be read: {reason})"]
    names = {d.get("id"): d.get("name") for d in memory.get("contacts", {}).values()}
    changes = []
    for table in RECORD_TABLES:
        before = {d.get("id"): d for d in (on_disk.get(table) or {}).values()
                  if isinstance(d, dict)}
        after = {d.get("id"): d for d in memory.get(table, {}).values()}
        for record_id, doc in after.items():
            if before.get(record_id) != doc:
                state = "new" if record_id not in before else "changed"
                changes.append(f"{_label(table, doc, names)} ({state})")
        changes += [f"{_label(table, doc, names)} (deleted)"
                    for record_id, doc in before.items() if record_id not in after]
    return changes


def _label(table: str, doc: dict[str, Any], names: dict[Any, Any]) -> str:
    if table == "contacts":
        return f"contact {doc.get('name') or doc.get('id')}"
    who = names.get(doc.get("contact_id")) or "an unknown contact"
    return f"the conversation with {who}"
