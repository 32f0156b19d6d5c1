"""``coffeechat backups`` and ``coffeechat restore``: the way back to a good copy of the data."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.cli.common import EXIT_OK, CliError
from tui.cli_output import fit, format_table, json_text, out, say, stdout_is_utf8
from tui.core.backups import Backup
from tui.core.dataformat import BadBackupError
from tui.core.storage import DataFile

if TYPE_CHECKING:
    from tui.cli.common import Subparsers


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"


def _size(count: int) -> str:
    for unit in ("B", "kB", "MB", "GB"):
        if count < 1000 or unit == "GB":
            return f"{count} {unit}" if unit == "B" else f"{count:.1f} {unit}"
        count /= 1000  # type: ignore[assignment]
    return f"{count} B"  # pragma: no cover


def _add_backups(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "backups",
        parents=[common],
        help="list the backups of the data, newest first, and whether each one loads",
        description="List the daily backups (and the copies kept by 'restore' and the recovery "
        "files written when the app could not save), newest first, with their date, size and "
        "whether each one loads and validates. Works while the app is open and when the data "
        "file itself is damaged.",
    )
    p.add_argument("--json", action="store_true", help="print JSON for scripts")
    p.set_defaults(handler=cmd_backups)


def backup_row(backup: Backup) -> dict[str, Any]:
    """The JSON object of ``coffeechat backups --json``."""
    problem = backup.problem()
    return {"path": str(backup.path), "kind": backup.kind,
            "made": backup.made.isoformat(timespec="seconds"), "bytes": backup.size,
            "loads": problem is None, "problem": problem}


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
         "yes" if row["loads"] else fit(f"no: {row['problem']}", 60), row["path"]]
        for row in rows
    ]
    headers = ("MADE", "KIND", "SIZE", "LOADS", "FILE")
    out("".join(line + "\n" for line in format_table(headers, [[fit(c, 300) for c in r]
                                                                for r in table])))
    return EXIT_OK


def _add_restore(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "restore",
        parents=[common],
        help="put a backup back in place of the data (the current file is kept as a backup)",
        description="Put a backup in place of the data file. The backup must load and "
        "validate; the current data file (even a damaged one) is first kept in backups/ as "
        "'...-before-restore.json', then the backup is put in place atomically. Refused while "
        "the app has the data open.",
    )
    p.add_argument("backup", metavar="BACKUP",
                   help="a backup's path, its file name in backups/, or its date (2026-11-29)")
    p.set_defaults(handler=cmd_restore)


def find_backup(datafile: DataFile, text: str) -> Path:
    """The backup ``text`` names: a path, a file name in the backups folder, or a date."""
    given = Path(text).expanduser()
    if given.is_file():
        return given
    for backup in datafile.backups():
        if text in (backup.path.name, backup.made.date().isoformat()):
            return backup.path
    raise CliError(f"no backup {text} (see 'coffeechat backups' for the list)")


def cmd_restore(args: argparse.Namespace, folder: Path) -> int:
    """Restore a backup and say what is where now."""
    datafile = DataFile(folder)
    backup = find_backup(datafile, args.backup)
    if datafile.owns(backup) == "the data file itself":
        raise CliError(f"{backup} is the data file itself; name a backup")
    try:
        checked, kept = datafile.restore(backup, datetime.now())
    except BadBackupError as exc:
        raise CliError(f"{exc} Nothing was restored; choose another backup "
                       "('coffeechat backups' lists them).") from None
    contacts, conversations = checked.counts()
    say(f"Restored {backup} ({_count(contacts, 'contact')}, "
        f"{_count(conversations, 'conversation')}) to {datafile.path}.\n")
    if kept is not None:
        say(f"The file it replaced is kept as {kept}.\n")
    return EXIT_OK
