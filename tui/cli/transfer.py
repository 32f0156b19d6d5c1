"""``coffeechat export`` and ``import``: moving data in and out."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from tui.cli.common import EXIT_OK, EXIT_USAGE, CliError, damaged, open_store, read_json_source
from tui.cli_output import json_records, out, say, stdout_is_utf8
from tui.core.importers import bulk, parse_import
from tui.core.models import ModelError
from tui.core.storage import DataFile, StorageError, atomic_write

if TYPE_CHECKING:
    from tui.cli.common import Subparsers

# -- coffeechat export -------------------------------------------------------------------


def _add_export(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "export",
        parents=[common],
        help="export everything (JSON that 'coffeechat import json' takes back)",
        description="Export all contacts and conversations.",
    )
    p.add_argument("--format", choices=("json",), default="json",
                   help="output format (default: %(default)s)")
    p.add_argument("--out", metavar="FILE",
                   help="write to FILE (private, mode 0600) instead of stdout")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p.set_defaults(handler=cmd_export)


def _export_target(text: str, force: bool, folder: Path) -> Path:
    path = Path(text).expanduser()
    own = DataFile(folder).owns(path)
    if own is not None:
        raise CliError(f"refusing to export onto {path}: it is {own} of the data in {folder}; "
                       "choose another file (nothing was written)")
    if path.is_dir():
        raise CliError(f"{path} is a folder; give a file name")
    if not path.parent.is_dir():
        raise CliError(f"the folder {path.parent} does not exist")
    if (path.exists() or path.is_symlink()) and not force:
        raise CliError(f"{path} already exists; add --force to replace it")
    return path


def cmd_export(args: argparse.Namespace, folder: Path) -> int:
    """Write the export to stdout or, atomically and privately, to ``--out``."""
    target = None
    if args.out and args.out != "-":
        target = _export_target(args.out, args.force, folder)
    store = open_store(folder, readonly=True)
    try:
        data = store.export_data()
    except ModelError as exc:
        raise damaged(store, exc) from None
    finally:
        store.close()
    if target is None:
        out(json_records(data, ascii_only=not stdout_is_utf8(), levels=2))
        return EXIT_OK
    atomic_write(target, json_records(data, levels=2).encode("utf-8"))
    say(
        f"Exported {len(data['contacts'])} contacts and {len(data['conversations'])} "
        f"conversations to {target}\n"
    )
    return EXIT_OK


# -- coffeechat import -------------------------------------------------------------------


def _add_import(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "import",
        parents=[common],
        help="merge an export or a backup in (records matched by id, never duplicated)",
        description="Merge a coffeechat export, or a backup or copy of a data file, into the "
        "data. Records are matched by id (a record without one by its content), so importing "
        "the same file twice changes nothing the second time. The whole file is checked first "
        "and written in one go: on any error nothing is imported. Control characters in its "
        "text (other than newlines and tabs) are removed and counted.",
    )
    p.add_argument("format", choices=("json",), help="the file's format")
    p.add_argument("file", metavar="FILE",
                   help="the export, backup or data file ('-' for stdin), or a data folder "
                   "or snapshot folder (backups/DATE)")
    p.set_defaults(handler=cmd_import)



def _read_source(name: str) -> tuple[object, bytes | None]:
    """The JSON of a file to import and its bytes, or a data folder (a snapshot) as one
    database."""
    path = Path(name).expanduser()
    if name != "-" and path.is_dir():
        from tui.core.folder_import import read_folder

        try:
            return read_folder(path), None
        except StorageError as exc:
            raise CliError(f"{exc} Nothing was imported.", EXIT_USAGE) from None
    return read_json_source(name)


def cmd_import(args: argparse.Namespace, folder: Path) -> int:
    """Validate the whole file, then merge it into the store in one write and print what
    changed; on any error (or Ctrl-C) the data is exactly as before."""
    with bulk():
        data, text = _read_source(args.file)
        try:
            batch = parse_import(data, text)  # complain before taking the lock
        except ModelError as exc:
            raise CliError(f"{args.file}: {exc}; nothing was imported") from None
        del data, text
        store = open_store(folder, readonly=False)
        try:
            result = store.import_batch(batch)
        except ModelError as exc:
            raise CliError(f"{args.file}: {exc}; nothing was imported") from None
        finally:
            store.close()
    kind = " (a coffeechat data file)" if result.source == "data file" else ""
    say(f"Imported {args.file}{kind}: {result.summary()}\n")
    return EXIT_OK
