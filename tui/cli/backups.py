"""``coffeechat backups`` and ``coffeechat restore``: the way back to a good copy of the data."""

from __future__ import annotations

import argparse
import os
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.cli.common import (
    EXIT_OK,
    PATH_LIMIT,
    CliError,
    one_change,
    open_store,
    read_json_file,
)
from tui.cli_output import fit, format_table, json_text, out, say, stdout_is_utf8
from tui.core.backups import Backup
from tui.core.dataformat import BACKUP_DIR, DATA_FILE, BadBackupError
from tui.core.importers import parse_import
from tui.core.models import ModelError
from tui.core.restore import kind_of, restore
from tui.core.safetext import clipped
from tui.core.snapshots import MANIFEST
from tui.core.storage import DataFile

if TYPE_CHECKING:
    from tui.cli.common import Subparsers


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"


def _size(count: float) -> str:
    for unit in ("B", "kB", "MB", "GB"):
        if count < 1000 or unit == "GB":
            return f"{int(count)} {unit}" if unit == "B" else f"{count:.1f} {unit}"
        count /= 1000
    return f"{count} B"  # pragma: no cover


def _add_backups(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "backups",
        parents=[common],
        help="list the backups of the data, newest first, and whether each one loads",
        description="List the daily snapshots (and the copies kept by 'restore', the file "
        "kept when the data moved to one file per conversation, and the recovery files "
        "written when the app could not save), newest first, with their date, size and "
        "whether each one loads and validates. Works while the app is open and when the data "
        "itself is damaged.",
    )
    p.add_argument("--json", action="store_true", help="print JSON for scripts")
    p.set_defaults(handler=cmd_backups)


def backup_row(backup: Backup) -> dict[str, Any]:
    """The JSON object of ``coffeechat backups --json``: ``loads`` only when every file in
    it loads; ``damaged`` lists a snapshot's files that do not (restoring the snapshot whole
    puts them back as they are; each of its other files can be restored on its own)."""
    problem = backup.problem()
    damaged = sorted(backup.damaged()) if problem is None else []
    if damaged:
        problem = _damaged_text(damaged)
    return {"path": str(backup.path), "kind": backup.kind,
            "made": backup.made.isoformat(timespec="seconds"), "bytes": backup.size,
            "snapshot": backup.snapshot, "conversations": backup.conversations,
            "loads": problem is None, "problem": problem, "damaged": damaged}


def _damaged_text(damaged: list[str]) -> str:
    if len(damaged) == 1:
        return f"{damaged[0]} in it does not load"
    return f"{len(damaged)} files in it do not load ({', '.join(damaged[:3])}" + (
        ", …)" if len(damaged) > 3 else ")")


def cmd_backups(args: argparse.Namespace, folder: Path) -> int:
    """Print the backups as a table or as JSON."""
    rows = [backup_row(b) for b in DataFile(folder).backups()]
    if args.json:
        out(json_text(rows, ascii_only=not stdout_is_utf8()))
        return EXIT_OK
    if not rows:
        say(f"No backups yet of {DataFile(folder).path} (one is made each day the data is "
            "opened to change it).\n")
        return EXIT_OK
    table = [
        [row["made"][:16].replace("T", " "), row["kind"], _size(row["bytes"]),
         _loads_text(row), row["path"]]
        for row in rows
    ]
    headers = ("MADE", "KIND", "SIZE", "LOADS", "FILE")
    out("".join(line + "\n" for line in format_table(headers, [[fit(c, 300) for c in r]
                                                                for r in table])))
    return EXIT_OK


def _loads_text(row: dict[str, Any]) -> str:
    if row["loads"]:
        return "yes"
    return fit(f"{'partly' if row['damaged'] else 'no'}: {row['problem']}", 60)


def _add_restore(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "restore",
        parents=[common],
        help="put a backup back in place of the data (what it replaces is kept as a backup)",
        description="Put a backup back. A snapshot (a date, or a folder in backups/) or an "
        "older single-file backup replaces the whole data; one file from a snapshot "
        "(backups/DATE/conversations/ID.json, or its coffeechat.json) replaces just that "
        "file; a recovery file is merged in. The backup must load and validate; what it "
        "replaces (even damaged files) is first kept in a '...-before-restore' snapshot. "
        "Refused while the app has the data open.",
    )
    p.add_argument("backup", metavar="BACKUP",
                   help="a backup's path (backups/... is looked up in the data folder too), "
                   "its name in backups/, or its date (2026-11-29)")
    p.add_argument("--from-other-folder", action="store_true",
                   help="restore a snapshot or data file that is not one of this data's "
                   "backups (another data folder's, a copy elsewhere): it replaces the whole "
                   "data; 'coffeechat import json' merges one in instead")
    p.set_defaults(handler=cmd_restore)


def find_backup(datafile: DataFile, text: str) -> Path:
    """The backup ``text`` names: a path, a path starting with ``backups/`` inside the data
    folder, a name in the backups folder, or a date."""
    if not text.strip():
        raise CliError(f"'{text}' is empty: give a backup's path, its name in backups/ or its "
                       "date ('coffeechat backups' lists them)")
    given = Path(text).expanduser()
    if given.exists():
        return given
    parts = Path(text).parts
    for inside in (datafile.layout.backups / text,
                   datafile.layout.root.joinpath(*parts) if parts[0] == BACKUP_DIR else None):
        if inside is not None and inside.exists():
            return inside
    for backup in datafile.backups():
        if text in (backup.path.name, backup.made.date().isoformat()):
            return backup.path
    raise CliError(f"no backup {clipped(text, PATH_LIMIT)} (see 'coffeechat backups' for the list)")


def _refuse_odd(datafile: DataFile, backup: Path, kind: str, *, other_folder: bool) -> None:
    """Refuse what is not a backup to put back: the data's own files, a folder that is not a
    snapshot, and (unless ``other_folder``) a whole data that is not one of this data's
    backups."""
    shown = clipped(str(backup), PATH_LIMIT)
    owner = datafile.owns(backup)
    if backup.is_dir() and os.path.realpath(backup) == os.path.realpath(datafile.layout.root):
        owner = "the data folder"
    if owner in ("the data file", "a conversation's file", "the data folder"):
        raise CliError(f"{shown} is {owner} itself, not a backup; name a backup "
                       "('coffeechat backups' lists them)")
    if kind == "snapshot" and not (backup / MANIFEST).exists() and owner != "a backup":
        hint = (f"; to merge a data folder in, use 'coffeechat import json {shown}'"
                if (backup / DATA_FILE).exists() else "")
        raise CliError(f"{shown} is not a coffeechat snapshot (no {MANIFEST}){hint}")
    if owner is None and kind in ("snapshot", "single", "main") and not other_folder:
        raise CliError(
            f"{shown} is not one of the backups of {datafile.path.parent}: restoring it would "
            "replace all of this data with another folder's. To merge it in, use 'coffeechat "
            "import json'; to replace the data with it, add --from-other-folder")


def cmd_restore(args: argparse.Namespace, folder: Path) -> int:
    """Restore a backup (or merge a recovery file) and say what is where now."""
    datafile = DataFile(folder)
    backup = find_backup(datafile, args.backup)
    with one_change("nothing was restored", "restore", "import"):
        try:
            kind = kind_of(backup)
            _refuse_odd(datafile, backup, kind, other_folder=args.from_other_folder)
            if kind == "recovery":
                return _merge_recovery(backup, folder)
            done = restore(datafile, backup, datetime.now())
        except BadBackupError as exc:
            raise CliError(f"{exc} Nothing was restored; choose another backup "
                           "('coffeechat backups' lists them).") from None
        counts = []
        if done.what != "one conversation":
            counts.append(_count(done.contacts, "contact"))
        if done.what != "the main file":
            counts.append(_count(done.conversations, "conversation"))
        say(f"Restored {backup} ({', '.join(counts)}): {done.what} of "
            f"{datafile.path.parent}.\n")
        say(f"What it replaced is kept in {done.kept}.\n")
    return EXIT_OK


def _merge_recovery(backup: Path, folder: Path) -> int:
    """A recovery file holds what could not be saved: merge it into the data."""
    try:
        batch = parse_import(read_json_file(str(backup)))
    except ModelError as exc:
        raise CliError(f"{backup}: {exc}; nothing was restored") from None
    store = open_store(folder, readonly=False)
    try:
        result = store.import_batch(batch)
    finally:
        store.close()
    say(f"Merged the recovery file {backup} into the data: {result.summary()}\n")
    return EXIT_OK
