"""LinkedIn's ``Connections.csv`` (Settings > Data privacy > Get a copy of your data).

The file as LinkedIn writes it: UTF-8, often with a byte-order mark and CRLF line ends; a few
lines of notes first (``Notes:``, a quoted paragraph about missing e-mail addresses, a blank
line), then the header ``First Name,Last Name,URL,Email Address,Company,Position,Connected
On``, then one row per connection. Older exports lack ``URL`` and/or ``Email Address`` and
have no notes; some add columns (``Username``); columns are found by header, in any order.
Fields with commas are quoted (``"Stripe, Inc."``). ``Email Address`` is blank for anyone who
does not share it. ``Connected On`` is ``12 Nov 2024``; a file saved again by Excel or
Numbers may hold ``12-Nov-24``, ``11/12/2024`` or ``2024-11-12`` (US month-first order, as
LinkedIn's US-made exports use). A row LinkedIn leaves nameless (a member who hides their
details) is skipped with its line, and so is a row with fewer fields than the header (LinkedIn
writes every field, so that is a line cut short or broken in two). The report names the
columns read for nothing that held something (``Username``).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

from tui.core.importing.csv_table import DroppedColumns, find_header, named_width, records
from tui.core.importing.rows import (
    ContactRow,
    ImportFileError,
    ParsedContacts,
    SkippedRow,
    checked,
)
from tui.core.importing.textfile import decode, read_source

HOW_FOUND = "LinkedIn"
DATE_FORMATS = ("%d %b %Y", "%d-%b-%y", "%d-%b-%Y", "%m/%d/%Y", "%m/%d/%y", "%Y-%m-%d",
                "%d %B %Y", "%b %d, %Y")
_USUAL_DATE = re.compile(r"^(\d{1,2}) ([A-Za-z]{3}) (\d{4})$")
_MONTHS = {m: n for n, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
                                        "sep", "oct", "nov", "dec"), start=1)}
COLUMNS = {
    "first": ("firstname",),
    "last": ("lastname",),
    "url": ("url", "profileurl", "linkedinurl"),
    "email": ("emailaddress", "email"),
    "company": ("company",),
    "position": ("position", "title"),
    "connected": ("connectedon",),
}


def parse_connected_on(text: str) -> date | None:
    """``12 Nov 2024`` (and the forms spreadsheets turn it into) as a date, else None."""
    clean = " ".join(text.split())
    usual = _USUAL_DATE.match(clean)
    if usual is not None and usual[2].casefold() in _MONTHS:
        try:
            return date(int(usual[3]), _MONTHS[usual[2].casefold()], int(usual[1]))
        except ValueError:
            return None
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(clean, pattern).date()
        except ValueError:
            continue
    return None


def _is_header(keys: list[str]) -> bool:
    return "firstname" in keys and "lastname" in keys


def parse_linkedin(source: Path | bytes, label: str | None = None) -> ParsedContacts:
    """Read a LinkedIn ``Connections.csv``; raises :class:`ImportFileError` for a file that is
    not one (the message names the file and line)."""
    raw, name = read_source(source, label)
    parsed = ParsedContacts(source=name)
    text, parsed.controls_removed = decode(raw, name, parsed.warnings)
    rows = records(text, name)
    header = find_header(rows, _is_header)
    if header is None:
        raise ImportFileError(
            f"{name} is not LinkedIn's Connections.csv: no 'First Name,Last Name,...' header "
            "in its first lines (for another contacts CSV use the csv import)")
    header_line, cells = header
    keys = [c.strip().casefold().replace(" ", "") for c in cells]
    width = len(cells)
    # a missing column reads the blank cell added after the last one
    index = {field: next((keys.index(k) for k in names if k in keys), width)
             for field, names in COLUMNS.items()}
    first_at, last_at, url_at, email_at, company_at, position_at, connected_at = (
        index[f] for f in COLUMNS)
    padding = [""] * (width + 1)
    named = named_width(cells)
    dropped = DroppedColumns(cells, index.values())
    for line, values in rows:
        if len(values) > width:
            if any(v.strip() for v in values[width:]):
                parsed.skipped.append(SkippedRow(
                    line, f"{len(values)} fields where the header on line {header_line} has "
                    f"{width} (a comma outside quotes?)"))
                continue
            values = values[:width]
        if not any(v.strip() for v in values):
            continue
        if len(values) < named:  # LinkedIn writes every field: this line is damaged
            parsed.skipped.append(SkippedRow(
                line, f"{len(values)} field{'' if len(values) == 1 else 's'} where the header "
                f"on line {header_line} has {named} (a cut line, or a line break outside "
                "quotes?)"))
            continue
        values += padding[len(values):]
        connected_text = values[connected_at].strip()
        connected = parse_connected_on(connected_text) if connected_text else None
        if connected_text and connected is None:
            parsed.warnings.append(f"line {line}: 'Connected On' {connected_text[:40]!r} is "
                                   "not a date; left out")
        kept = len(parsed.rows)
        checked(ContactRow(
            line=line,
            name=" ".join(f"{values[first_at]} {values[last_at]}".split()),
            company=" ".join(values[company_at].split()),
            role=" ".join(values[position_at].split()),
            email=values[email_at].strip(),
            linkedin="".join(values[url_at].split()),
            how_found=HOW_FOUND,
            connected_on=connected,
        ), parsed)
        if len(parsed.rows) > kept:
            dropped.check(values)
    columns = dropped.note()
    if columns:
        parsed.warnings.append(columns)
    return parsed
