"""Every copy of the data that can be put back: the list for ``coffeechat backups``, which
ones really load, the day's snapshot with the last few kept, and recovery files.

Kinds, newest first in listings:

- ``daily``: the day's snapshot folder ``backups/2026-12-03/`` (see :mod:`tui.core.snapshots`);
  older versions kept one file, ``backups/coffeechat-2026-12-03.json``, still listed and
  restorable;
- ``before-restore``: what a restore replaced (``backups/2026-12-03-143000-before-restore/``,
  or a ``...-before-restore.json`` file from older versions);
- ``before-migration``: the single file of schema 1, kept when the data moved to one file
  per conversation (``backups/coffeechat-schema1-2026-12-03.json``);
- ``recovery``: what the app could not save, beside the data
  (``coffeechat-recovery-2026-12-03-143000.json``).
"""

from __future__ import annotations

import contextlib
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.dataformat import BACKUP_DIR, BACKUPS_KEPT, CONVERSATIONS_DIR, StorageError
from tui.core.files import write_new
from tui.core.integrity import load_checked
from tui.core.layout import Layout
from tui.core.snapshots import (
    current_files,
    damaged_files,
    has_snapshot_of,
    make_snapshot,
    manifest_summary,
    newest_copy,
    snapshot_problem,
    snapshots,
)

if TYPE_CHECKING:
    from tui.core.store import Store

DAILY = re.compile(r"-(\d{4}-\d{2}-\d{2})\.json$")
BEFORE_RESTORE = re.compile(r"-(\d{4}-\d{2}-\d{2})-(\d{6})-before-restore\.json$")
BEFORE_MIGRATION = re.compile(r"-schema1-(\d{4}-\d{2}-\d{2})(?:-\d+)?\.json$")
RECOVERY = re.compile(r"-recovery-(\d{4}-\d{2}-\d{2})-(\d{6})(?:-\d+)?\.json$")


@dataclass(frozen=True)
class Backup:
    """One copy of the data: where it is, what kind, when it was made, its size, and whether
    it is a snapshot folder or a single file."""

    path: Path
    kind: str  # daily | before-restore | before-migration | recovery
    made: datetime
    size: int
    snapshot: bool = False
    conversations: int | None = None

    def problem(self) -> str | None:
        """Why this copy cannot be used (None when it loads and validates)."""
        if self.snapshot:
            return snapshot_problem(self.path)
        try:
            load_checked(self.path.read_bytes(), self.path)
        except StorageError as exc:
            reason = str(exc).replace(f"{self.path} ", "", 1).split(". It has been left")[0]
            return reason.removeprefix("is ")
        except OSError as exc:
            return exc.strerror or str(exc)
        return None

    def damaged(self) -> dict[str, str]:
        """The files of a snapshot that do not load, and why (a before-restore snapshot keeps
        the damaged files a restore replaced); empty for a single-file backup."""
        return damaged_files(self.path) if self.snapshot else {}


def _when(match: re.Match[str], path: Path) -> datetime:
    day = date.fromisoformat(match[1])
    if match.lastindex and match.lastindex >= 2:
        clock = match[2]
        return datetime(day.year, day.month, day.day, int(clock[:2]), int(clock[2:4]),
                        int(clock[4:]))
    modified = datetime.fromtimestamp(path.stat().st_mtime)
    return modified if modified.date() == day else datetime(day.year, day.month, day.day)


def _files(layout: Layout) -> list[Backup]:
    stem = layout.main.stem
    found = []
    candidates = [*(layout.root / BACKUP_DIR).glob(f"{stem}-*.json"),
                  *layout.root.glob(f"{stem}-recovery-*.json")]
    for path in candidates:
        name = path.name[len(stem):]
        for kind, pattern in (("before-restore", BEFORE_RESTORE), ("daily", DAILY),
                              ("before-migration", BEFORE_MIGRATION), ("recovery", RECOVERY)):
            match = pattern.fullmatch(name)
            if match and (kind == "recovery") == (path.parent == layout.root):
                with contextlib.suppress(OSError, ValueError):
                    found.append(Backup(path, kind, _when(match, path), path.stat().st_size))
                break
    return found


def list_backups(layout: Layout) -> list[Backup]:
    """Every backup and recovery file of the data, newest first."""
    found = _files(layout)
    for folder, kind, made in snapshots(layout):
        counts = manifest_summary(folder)
        found.append(Backup(folder, kind, made, counts["bytes"], True, counts["conversations"]))
    return sorted(found, key=lambda b: (b.made, b.path.name), reverse=True)


def newest_good_backup(layout: Layout) -> Backup | None:
    """The most recent backup (or recovery file) that loads and validates, if any."""
    for backup in list_backups(layout):
        if backup.problem() is None:
            return backup
    return None


def backup_hint(layout: Layout) -> str:
    """One sentence for an error message: the newest good backup and how to put it back."""
    backup = newest_good_backup(layout)
    if backup is None:
        return "No good backup exists yet."
    return (f"The newest good backup is {backup.path} (from {backup.made:%Y-%m-%d}); "
            f"'coffeechat restore {backup.path}' puts it back.")


def conversation_hint(layout: Layout, name: str) -> str:
    """Where the newest good copy of one conversation's file is, and how to put it back."""
    copy = newest_copy(layout, f"{CONVERSATIONS_DIR}/{name}")
    if copy is None:
        return "No backup holds a good copy of it."
    return f"A good copy is {copy}; 'coffeechat restore {copy}' puts it back."


def make_daily(layout: Layout, good: Iterable[tuple[str, Path]], left_out: dict[str, str],
               today: date) -> Path | None:
    """Make the day's snapshot of ``good`` files (unless there is one), then keep only the
    last few daily copies, never the last good one. Raises ``OSError`` if it cannot be made
    (the caller warns)."""
    if has_snapshot_of(layout, today):
        return None
    now = datetime.now()
    if now.date() != today:
        now = datetime(today.year, today.month, today.day, 12)
    made = make_snapshot(layout, "daily", good, left_out, now)
    rotate(layout, keep=made)
    return made


def rotate(layout: Layout, keep: Path) -> None:
    """Delete daily copies beyond the newest ``BACKUPS_KEPT``; ``keep`` is known to be good,
    so the last good backup survives (and an older good one is kept if the newer are bad)."""
    dailies = [b for b in list_backups(layout) if b.kind == "daily"]
    kept, old = dailies[:BACKUPS_KEPT], dailies[BACKUPS_KEPT:]
    if keep not in {b.path for b in kept} and all(b.problem() for b in kept):
        good = next((b for b in old if b.problem() is None), None)
        old = [b for b in old if b is not good]
    for backup in old:
        if backup.snapshot:
            shutil.rmtree(backup.path, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                backup.path.unlink()


def keep_before_restore(layout: Layout, now: datetime) -> Path:
    """Snapshot every file of the data as it is (damaged ones too, named as such in its
    manifest) before a restore."""
    return make_snapshot(layout, "before-restore", current_files(layout), now=now, check=True)


def write_recovery(main: Path, payload: bytes, now: datetime) -> Path:
    """Write ``payload`` to a new recovery file beside ``main`` (never over anything)."""
    stem = f"{main.stem}-recovery-{now:%Y-%m-%d-%H%M%S}"
    for attempt in range(100):
        target = main.parent / (f"{stem}.json" if not attempt else f"{stem}-{attempt}.json")
        try:
            write_new(target, payload)
        except FileExistsError:
            continue
        return target
    raise FileExistsError(f"too many recovery files named {stem}*")


def problem_lines(store: Store) -> list[str]:
    """One line per file that needs the user: conversation files that cannot be used (with
    where a good copy is) and sync conflicts. Reads the backups: keep it off the event loop."""
    lines = [f"{p.describe()}. {conversation_hint(store.layout, p.path.name)}"
             for p in store.problems()]
    lines += [c.describe() for c in store.conflicts()]
    return lines + store.save_notices()
