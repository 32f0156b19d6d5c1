"""``coffeechat export`` and ``import``: moving data in and out."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.cli.common import (
    EXIT_OK,
    EXIT_STORAGE,
    EXIT_USAGE,
    PATH_LIMIT,
    CliError,
    damaged,
    one_change,
    open_store,
    read_json_source,
    warn,
)
from tui.cli.progress import StderrProgress
from tui.cli_output import json_records, out, say, stdout_is_utf8
from tui.core.formats import CONTACT_FORMATS, FORMATS, REDACTABLE
from tui.core.models import Contact, Conversation, ModelError
from tui.core.safetext import clipped
from tui.core.storage import StorageError, atomic_write

if TYPE_CHECKING:
    from tui.cli.common import Subparsers
    from tui.core.store import Store

# The exporters and importers are imported by the commands that use them: the parser is built
# on every start, the app's included.

# -- coffeechat export -------------------------------------------------------------------


def _add_export(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    formats = "; ".join(f"{name}: {text}" for name, text in FORMATS.items())
    p = sub.add_parser(
        "export",
        parents=[common],
        help="export to Markdown, HTML, a calendar, vCards or JSON",
        description=f"Export the data. Formats: {formats}. Files are written privately "
        "(mode 0600) and atomically; a Markdown folder is updated in place (files are found "
        "again by the id in their front matter; no file is ever deleted, and a file edited "
        "since coffeechat wrote it is left as it is and reported).",
    )
    p.add_argument("--format", choices=tuple(FORMATS), default="json",
                   help="output format (default: %(default)s)")
    p.add_argument("--out", metavar="PATH",
                   help="write to PATH (a folder for md) instead of stdout")
    p.add_argument("--redact", action="store_true",
                   help="md, html and ics: other people's names as initials, their e-mail "
                   "addresses, phone numbers, LinkedIn URLs and the places removed")
    p.add_argument("--force", action="store_true",
                   help="replace the file if it exists; for md, replace the files edited "
                   "since coffeechat wrote them (they are kept and reported otherwise)")
    p.set_defaults(handler=cmd_export)


def _records(store: Store, fmt: str) -> tuple[list[Contact], list[Conversation],
                                              dict[str, Any] | None]:
    """What the format needs: contacts, full conversations, the JSON document."""
    try:
        if fmt == "json":
            return [], [], store.export_data()
        contacts = store.contacts()
        conversations = [] if fmt == "vcf" else list(store.conversations())
    except ModelError as exc:
        raise damaged(store, exc) from None
    return contacts, conversations, None


def cmd_export(args: argparse.Namespace, folder: Path) -> int:
    """Write the export to stdout or, atomically and privately, to ``--out``."""
    from tui.core.export_files import ExportError
    from tui.core.export_run import check_target, write_export

    fmt = args.format
    if args.redact and fmt not in REDACTABLE:
        raise CliError(f"--redact applies to md, html and ics; a {fmt} export holds the "
                       "people's details by design")
    if args.out is not None and not args.out.strip():
        raise CliError("--out is empty: give a file (a folder for md), or '-' or no --out "
                       "for stdout")
    to_stdout = args.out is None or args.out == "-"
    if to_stdout and fmt == "md":
        raise CliError("a Markdown export is a folder of files: give it with --out DIR")
    target = None
    if not to_stdout:
        try:
            target = check_target(fmt, Path(args.out), folder, force=args.force)
        except ExportError as exc:
            raise CliError(f"{exc} (nothing was written)") from None
    if target is None:
        return _export_to_stdout(args, folder)
    undone = (f"{target} may be partly updated (each file in it is whole): run the export "
              "again" if fmt == "md" else "nothing was written")
    with one_change(undone) as watch:
        store = open_store(folder, readonly=True)
        try:
            contacts, conversations, document = _records(store, fmt)
        finally:
            store.close()
        if fmt == "json":
            assert document is not None
            atomic_write(target, json_records(document, levels=2).encode("utf-8"))
            watch.committed = True
            say(f"Exported {len(document['contacts'])} contacts and "
                f"{len(document['conversations'])} conversations to {target}\n")
            return EXIT_OK
        try:
            with StderrProgress() as progress:
                progress.step("Rendering the conversations" if fmt in ("md", "html")
                              else "Writing the export")
                outcome = write_export(fmt, target, contacts, conversations,
                                       redact=args.redact, document=document,
                                       force=args.force, progress=progress)
        except ExportError as exc:
            raise CliError(f"{exc} (nothing was written)", EXIT_STORAGE) from None
        watch.committed = True  # written: a Ctrl-C from here on is dropped
        say(outcome.line + "\n")
        for notice in outcome.notices:
            warn(f"{notice}; --force replaces such files with this export")
    return EXIT_OK


def _export_to_stdout(args: argparse.Namespace, folder: Path) -> int:
    """Write the export to stdout (a Ctrl-C ends it quietly, as for any reading command)."""
    from tui.core.export_files import ExportError
    from tui.core.export_run import export_text

    fmt = args.format
    store = open_store(folder, readonly=True)
    try:
        contacts, conversations, document = _records(store, fmt)
    finally:
        store.close()
    if fmt == "json":
        out(json_records(document, levels=2, ascii_only=not stdout_is_utf8()))
        return EXIT_OK
    try:
        with StderrProgress() as progress:
            progress.step("Rendering the conversations" if fmt == "html"
                          else "Writing the export")
            text = export_text(fmt, contacts, conversations, redact=args.redact,
                               progress=progress)
    except ExportError as exc:
        raise CliError(f"{exc} (nothing was written)", EXIT_STORAGE) from None
    out(text)
    return EXIT_OK


# -- coffeechat import -------------------------------------------------------------------


def _add_import(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "import",
        parents=[common],
        help="merge contacts (linkedin, csv, vcf) or an export or backup (json) in",
        description="Merge contacts from LinkedIn's Connections.csv, a contacts CSV or a vCard "
        "file, matched by LinkedIn URL, else by name and company: importing the same file "
        "twice adds nothing, a newer one updates a changed company or role; the report says "
        "what was added, updated, unchanged and skipped (with the line and why). Or merge a "
        "coffeechat export, or a backup or copy of a data file, into the data. Records are "
        "matched by id (a record without one by its content), so importing "
        "the same file twice changes nothing the second time. The whole file is checked first "
        "and written in one go: on any error nothing is imported. Control characters in its "
        "text (other than newlines and tabs) are removed and counted.",
    )
    p.add_argument("format", choices=("json", *CONTACT_FORMATS),
                   help="json: a coffeechat export, backup or data file; linkedin: LinkedIn's "
                   "Connections.csv; csv: any contacts CSV with a header row; vcf: vCards")
    p.add_argument("file", metavar="FILE",
                   help="the file to import; for json also '-' for stdin, a data folder "
                   "or snapshot folder (backups/DATE)")
    p.add_argument("--dry-run", action="store_true",
                   help="linkedin, csv and vcf: show what would be added, updated and "
                   "skipped without saving anything")
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
    from tui.core.importers import bulk, parse_import

    if args.format in CONTACT_FORMATS:
        from tui.cli.import_contacts import cmd_import_contacts

        return cmd_import_contacts(args, folder)
    if args.dry_run:
        raise CliError("--dry-run applies to the linkedin, csv and vcf imports")
    shown = clipped(args.file, PATH_LIMIT)
    with one_change("nothing was imported", "import"), bulk():
        data, text = _read_source(args.file)
        try:
            batch = parse_import(data, text)  # complain before taking the lock
        except ModelError as exc:
            raise CliError(f"{shown}: {exc}; nothing was imported") from None
        del data, text
        store = open_store(folder, readonly=False)
        try:
            result = store.import_batch(batch)
        except ModelError as exc:
            raise CliError(f"{shown}: {exc}; nothing was imported") from None
        finally:
            store.close()
        kind = " (a coffeechat data file)" if result.source == "data file" else ""
        say(f"Imported {args.file}{kind}: {result.summary()}\n")
    return EXIT_OK
