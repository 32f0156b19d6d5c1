"""Saying what would be lost, and keeping it: the saves that have not reached the disk.

Each waiting :class:`~tui.core.persist.Job` names what it saves (``contact Ana Silva``, ``the
conversation with Bo (changed)``). A recovery file is a coffeechat data file (TinyDB JSON,
schema 2) holding the contacts as they are in memory and every conversation still waiting to
be written: ``coffeechat import json FILE`` (or ``coffeechat restore FILE``) merges it back.
"""

from __future__ import annotations

from typing import Any

from tui.core.dataformat import APP_ID, SCHEMA_VERSION, encode_json
from tui.core.models import now_iso
from tui.core.persist import Job


def unsaved_lines(pending: list[Job]) -> list[str]:
    """One short line per record that has not reached the disk."""
    lines: list[str] = []
    for job in pending:
        lines.extend(job.labels)
    return list(dict.fromkeys(lines))


def recovery_document(main_tables: dict[str, Any], pending: list[Job]) -> bytes:
    """The bytes of a recovery file: the main tables as they are in memory (contacts, the
    profile...) and the conversations of ``pending`` jobs."""
    data: dict[str, Any] = {name: table for name, table in main_tables.items()
                            if name != "meta"}
    data["meta"] = {"1": {"app": APP_ID, "schema": SCHEMA_VERSION, "recovery": True,
                          "written_at": now_iso()}}
    conversations: dict[str, Any] = {}
    for job in pending:
        if job.main:
            continue
        for doc in job.records.values():
            conversations[str(len(conversations) + 1)] = doc
    data["conversations"] = conversations
    return encode_json(data)
