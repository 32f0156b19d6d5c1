"""Reading a contacts file by format name, and the lines of an import's report; shared by
``coffeechat import`` and the app's import dialog."""

from __future__ import annotations

from pathlib import Path

from tui.core.importing.contacts_csv import parse_contacts_csv
from tui.core.importing.linkedin import parse_linkedin
from tui.core.importing.plan import ImportPlan
from tui.core.importing.rows import ParsedContacts
from tui.core.importing.vcard import parse_vcf

#: Contact import formats, with what the file is.
_PARSERS = {"linkedin": parse_linkedin, "csv": parse_contacts_csv, "vcf": parse_vcf}


def read_contacts(fmt: str, path: Path, label: str | None = None) -> ParsedContacts:
    """Parse ``path`` as ``fmt`` (a key of :data:`CONTACT_FORMATS`); raises
    :class:`~tui.core.importing.rows.ImportFileError` for a file that cannot be used."""
    return _PARSERS[fmt](path, label)


def report_lines(plan: ImportPlan, controls_removed: int = 0) -> list[str]:
    """What the user should read under the summary: each update with what changed, each
    skipped row with its line and why, each warning, and removed control characters."""
    lines = [f"updated line {u.row.line}: {u.before.name}: {'; '.join(u.changes)}"
             for u in plan.updated]
    lines += [f"skipped {s}" for s in plan.skipped]
    lines += [f"note: {w}" for w in plan.warnings]
    if controls_removed:
        lines.append(f"{controls_removed:,} control character"
                     f"{'' if controls_removed == 1 else 's'} removed from the file")
    return lines
