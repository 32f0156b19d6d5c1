"""Backups beside the data file: a daily copy of a file that loads and validates, the last
few kept (never the last good one deleted), the list for ``coffeechat backups`` and the
recovery files written when the app could not save.

Names, in ``backups/`` beside the data file (``coffeechat`` being the data file's stem):
``coffeechat-2026-12-03.json`` (the daily copy) and
``coffeechat-2026-12-03-143000-before-restore.json`` (the file a restore replaced). Recovery
files sit beside the data file itself: ``coffeechat-recovery-2026-12-03-143000.json``.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from tui.core.dataformat import BACKUP_DIR, BACKUPS_KEPT, StorageError
from tui.core.files import atomic_write, make_folder, remove_temps, write_new
from tui.core.integrity import load_checked

DAILY = re.compile(r"-(\d{4}-\d{2}-\d{2})\.json$")
BEFORE_RESTORE = re.compile(r"-(\d{4}-\d{2}-\d{2})-(\d{6})-before-restore\.json$")
RECOVERY = re.compile(r"-recovery-(\d{4}-\d{2}-\d{2})-(\d{6})(?:-\d+)?\.json$")


@dataclass(frozen=True)
class Backup:
    """One copy of the data: where it is, what kind, when it was made, and whether it loads."""

    path: Path
    kind: str  # daily | before-restore | recovery
    made: datetime
    size: int

    def problem(self) -> str | None:
        """Why this copy cannot be used (None when it loads and validates)."""
        try:
            load_checked(self.path.read_bytes(), self.path)
        except StorageError as exc:
            reason = str(exc).replace(f"{self.path} ", "", 1).split(". It has been left")[0]
            return reason.removeprefix("is ")
        except OSError as exc:
            return exc.strerror or str(exc)
        return None


def backup_folder(data_path: Path) -> Path:
    """The backups folder of a data file."""
    return data_path.parent / BACKUP_DIR


def _when(match: re.Match[str], path: Path) -> datetime:
    """When a copy was made: from its name, with the time of day from the file for a daily
    copy (its name has the day only)."""
    day = date.fromisoformat(match[1])
    if match.lastindex and match.lastindex >= 2:
        clock = match[2]
        return datetime(day.year, day.month, day.day, int(clock[:2]), int(clock[2:4]),
                        int(clock[4:]))
    modified = datetime.fromtimestamp(path.stat().st_mtime)
    return modified if modified.date() == day else datetime(day.year, day.month, day.day)


def list_backups(data_path: Path) -> list[Backup]:
    """Every backup and recovery file of ``data_path``, newest first."""
    found: list[Backup] = []
    candidates = [(p, backup_folder(data_path)) for p in
                  backup_folder(data_path).glob(f"{data_path.stem}-*.json")]
    candidates += [(p, data_path.parent) for p in
                   data_path.parent.glob(f"{data_path.stem}-recovery-*.json")]
    for path, _ in candidates:
        name = path.name[len(data_path.stem):]
        for kind, pattern in (("before-restore", BEFORE_RESTORE), ("daily", DAILY),
                              ("recovery", RECOVERY)):
            match = pattern.fullmatch(name)
            if match:
                with contextlib.suppress(OSError, ValueError):
                    found.append(Backup(path, kind, _when(match, path), path.stat().st_size))
                break
    return sorted(found, key=lambda b: (b.made, b.path.name), reverse=True)


def newest_good_backup(data_path: Path) -> Backup | None:
    """The most recent backup (or recovery file) that loads and validates, if any."""
    for backup in list_backups(data_path):
        if backup.problem() is None:
            return backup
    return None


def backup_hint(data_path: Path) -> str:
    """One sentence for an error message: the newest good backup and how to put it back."""
    backup = newest_good_backup(data_path)
    if backup is None:
        return "No good backup exists yet."
    return (f"The newest good backup is {backup.path} (from {backup.made:%Y-%m-%d}); "
            f"'coffeechat restore {backup.path}' puts it back.")


def write_daily(data_path: Path, raw: bytes, today: date) -> Path:
    """Keep ``raw`` (the bytes of a file that loads and validates) as today's backup, unless
    there is one already, then drop the oldest daily copies beyond the last few, never the
    last good one. Raises ``OSError`` if the copy cannot be made (the caller warns)."""
    folder = backup_folder(data_path)
    make_folder(folder)
    remove_temps(folder)
    target = folder / f"{data_path.stem}-{today.isoformat()}.json"
    if target.exists():
        return target
    atomic_write(target, raw)
    _rotate(data_path, keep=target)
    return target


def _rotate(data_path: Path, keep: Path) -> None:
    """Delete daily copies beyond the newest ``BACKUPS_KEPT``; ``keep`` is known to be good,
    so the last good backup survives (and an older good one is kept if the newer are bad)."""
    dailies = [b for b in list_backups(data_path) if b.kind == "daily"]
    kept, old = dailies[:BACKUPS_KEPT], dailies[BACKUPS_KEPT:]
    if keep not in {b.path for b in kept} and all(b.problem() for b in kept):
        good = next((b for b in old if b.problem() is None), None)
        old = [b for b in old if b is not good]
    for backup in old:
        with contextlib.suppress(OSError):
            backup.path.unlink()


def keep_before_restore(data_path: Path, raw: bytes, now: datetime) -> Path:
    """Keep the bytes of the file a restore is about to replace; returns where."""
    folder = backup_folder(data_path)
    make_folder(folder)
    target = folder / f"{data_path.stem}-{now:%Y-%m-%d-%H%M%S}-before-restore.json"
    atomic_write(target, raw)
    return target


def write_recovery(data_path: Path, payload: bytes, now: datetime) -> Path:
    """Write ``payload`` to a new recovery file beside ``data_path`` (never over anything)."""
    stem = f"{data_path.stem}-recovery-{now:%Y-%m-%d-%H%M%S}"
    for attempt in range(100):
        target = data_path.parent / (f"{stem}.json" if not attempt else f"{stem}-{attempt}.json")
        try:
            write_new(target, payload)
        except FileExistsError:
            continue
        return target
    raise FileExistsError(f"too many recovery files named {stem}*")
