"""Reading what actually reached the disk, in the data folder's layout (schema 2: a main file
and one file per conversation), the way a person or another program would: plain JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tui.core.dataformat import CONVERSATIONS_DIR, DATA_FILE


def main_file(data_dir: Path) -> dict[str, Any]:
    """The main file's tables."""
    return json.loads((data_dir / DATA_FILE).read_text(encoding="utf-8"))


def conversation_files(data_dir: Path) -> dict[str, dict[str, Any]]:
    """Every conversation file's record, by file name."""
    found = {}
    folder = data_dir / CONVERSATIONS_DIR
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        table = json.loads(path.read_text(encoding="utf-8"))["conversations"]
        [doc] = table.values()
        found[path.name] = doc
    return found


def on_disk(data_dir: Path) -> dict[str, Any]:
    """The data as one database (as schema 1 held it): the main file's tables, and the
    conversations read from their files."""
    data = main_file(data_dir) if (data_dir / DATA_FILE).exists() else {}
    docs = list(conversation_files(data_dir).values())
    data["conversations"] = {str(n): doc for n, doc in enumerate(docs, 1)}
    return data


def stored(data_dir: Path, table: str) -> list[dict[str, Any]]:
    """The documents of one table as they are on disk."""
    return list(on_disk(data_dir).get(table, {}).values())
