"""The day's snapshot of a store's files: only those known to be good."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from tui.core.conversation_files import ConversationFiles
from tui.core.dataformat import CONVERSATIONS_DIR, DATA_FILE
from tui.core.layout import stamp_of
from tui.core.snapshots import has_snapshot_of
from tui.core.storage import DataFile


def daily_backup(datafile: DataFile, files: ConversationFiles,
                 today: date | None = None) -> Path | None:
    """Make the day's snapshot (unless there is one): the main file (validated when the data
    was opened) and every conversation file whose stamp is still the one its summary was
    taken from (so it was read and validated). Files that are not good are named in the
    snapshot's manifest as left out. A failure is a warning (``datafile.warnings``)."""
    layout = datafile.layout
    day = today or date.today()
    if files.cache is None or has_snapshot_of(layout, day) or not layout.main.exists():
        return None
    good: list[tuple[str, Path]] = [(DATA_FILE, layout.main)]
    left_out: dict[str, str] = {}
    for name, stamp in list(files.catalog.stamps.items()):
        path = layout.conversations / name
        try:
            now = stamp_of(os.stat(path))
        except OSError:
            continue
        if now == stamp:
            good.append((f"{CONVERSATIONS_DIR}/{name}", path))
        else:
            left_out[f"{CONVERSATIONS_DIR}/{name}"] = "changed since it was last read"
    for name, problem in list(files.catalog.problems.items()):
        left_out[f"{CONVERSATIONS_DIR}/{name}"] = problem.reason
    return datafile.backup_daily(good, left_out, day)
