"""A small list of records in its own file beside the data (companies, hypotheses): plain
TinyDB JSON (``{"<table>": {"1": {...}}}``), written atomically and privately (0600).

A file that does not parse or holds something else is never overwritten: loading raises
:class:`RecordFileError` naming the file and what is wrong, and saving refuses until the user
has moved it away.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from tui.core.files import atomic_write
from tui.core.models import ModelError

T = TypeVar("T")


class RecordFileError(ValueError):
    """The file cannot be used; the message says where and why."""


def _order(doc_id: str) -> tuple[int, str]:
    return (int(doc_id), "") if doc_id.isdigit() else (0, doc_id)


def load_records(path: Path, table: str, build: Callable[[Any], T]) -> list[T]:
    """The records of ``table`` in ``path`` (none when the file does not exist yet)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise RecordFileError(f"{path}: cannot be read ({exc.strerror})") from None
    try:
        data = json.loads(raw.decode("utf-8"))
        docs = data.get(table, {}) if isinstance(data, dict) else None
        if not isinstance(docs, dict):
            raise ValueError(f"not a coffeechat {table} file")
        return [build(doc) for _, doc in sorted(docs.items(), key=lambda kv: _order(kv[0]))]
    except (UnicodeDecodeError, ValueError, ModelError) as exc:
        raise RecordFileError(f"{path}: {exc}; it is left as it is (move it away to start "
                              "a new list)") from None


def save_records(path: Path, table: str, records: Sequence[Any],
                 build: Callable[[Any], Any]) -> None:
    """Write every record (each has ``to_dict``); raises ``RecordFileError`` rather than
    overwrite a damaged file, ``OSError`` when the disk refuses."""
    load_records(path, table, build)  # a damaged file raises here and stays untouched
    docs = {str(i): r.to_dict() for i, r in enumerate(records, start=1)}
    atomic_write(path, json.dumps({table: docs}, ensure_ascii=False, indent=1).encode("utf-8"))
