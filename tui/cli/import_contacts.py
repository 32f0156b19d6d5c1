"""``coffeechat import linkedin|csv|vcf FILE``: contacts from other tools, all or nothing."""

from __future__ import annotations

import argparse
from pathlib import Path

from tui.cli.common import EXIT_OK, CliError, one_change, open_store
from tui.cli.progress import StderrProgress
from tui.cli_output import say
from tui.core.formats import CONTACT_FORMATS
from tui.core.importing import ImportFileError, ImportPlan, plan_contact_import
from tui.core.importing.run import read_contacts, report_lines
from tui.core.models import ModelError

__all__ = ["CONTACT_FORMATS", "cmd_import_contacts"]


def cmd_import_contacts(args: argparse.Namespace, folder: Path) -> int:
    """Read the whole file, match it against the contacts, then (unless ``--dry-run``) save
    every new and changed contact in one write; print what happened, row by row where it
    matters. A file that cannot be used changes nothing."""
    fmt, name = args.format, args.file
    if name == "-":
        raise CliError(f"a {fmt} import reads a file; give its path (stdin is for json)")
    with one_change("nothing was imported", "import"):
        with StderrProgress() as progress:
            progress.step(f"Reading {name}")
            try:
                parsed = read_contacts(fmt, Path(name).expanduser(), label=name)
            except ImportFileError as exc:
                raise CliError(f"{exc}; nothing was imported") from None
            store = open_store(folder, readonly=args.dry_run)
            try:
                progress.step(f"Matching {len(parsed.rows):,} contacts")
                plan = plan_contact_import(store.contacts(), parsed)
                if not args.dry_run and plan.changes_anything:
                    progress.step(f"Saving {len(plan.added) + len(plan.updated):,} contacts")
                    try:
                        store.apply_contact_plan(plan)
                    except ModelError as exc:
                        raise CliError(f"{name}: {exc}; nothing was imported") from None
            finally:
                store.close()
        _report(plan, name, fmt, parsed.controls_removed, dry_run=args.dry_run)
        return EXIT_OK


def _report(plan: ImportPlan, name: str, fmt: str, controls: int, *, dry_run: bool) -> None:
    label = CONTACT_FORMATS[fmt]
    if dry_run:
        head = f"Dry run of {name} ({label}), nothing was saved: {plan.summary()}"
    else:
        head = f"Imported {name} ({label}): {plan.summary()}"
    lines = [head, *(f"  {line}" for line in report_lines(plan, controls))]
    say("\n".join(lines) + "\n")
