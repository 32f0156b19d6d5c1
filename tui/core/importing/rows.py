"""What the contact importers produce: rows ready to match, rows skipped, and the one error
class a parser raises."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import unquote, urlsplit

from tui.core.safetext import has_visible, invisible_detail

MAX_NAME = 200  # name, company, role
MAX_EMAIL = 254
MAX_URL = 2048
MAX_NOTES = 20_000
MAX_TAGS = 50
_LINKEDIN = re.compile(r"^(?:https?://)?(?:[a-z0-9-]+\.)*linkedin\.com(/[^?#]*)?(?:[?#].*)?$",
                       re.IGNORECASE)
_EMAIL = re.compile(r"^[^@\s<>(),;:\"]+@[^@\s<>(),;:\"]+\.[^@\s<>(),;:\"]+$")


class ImportFileError(ValueError):
    """A file that cannot be imported at all (missing, empty, foreign, broken); the message
    names the file and the line or field. Nothing is imported when it is raised."""


@dataclass(slots=True)
class ContactRow:
    """One person read from a file, before matching. ``line`` is where their record starts."""

    line: int
    name: str
    company: str = ""
    role: str = ""
    email: str = ""
    linkedin: str = ""
    how_found: str = ""
    connected_on: date | None = None
    notes: str = ""
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class SkippedRow:
    """A record left out, with its line and why."""

    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


@dataclass
class ParsedContacts:
    """What a parser read: rows, skipped records, warnings (``line N: ...``) and how many
    control characters were removed from the file."""

    rows: list[ContactRow] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    controls_removed: int = 0
    source: str = ""


def line_numbers(lines: Sequence[int], shown: int = 5) -> str:
    """``line 3``, ``lines 3 and 7``, or the first ``shown`` and how many more: ``lines 3, 7,
    9, 12, 15 and 40 more``."""
    if len(lines) == 1:
        return f"line {lines[0]}"
    if len(lines) > shown:
        return f"lines {', '.join(map(str, lines[:shown]))} and {len(lines) - shown:,} more"
    return f"lines {', '.join(map(str, lines[:-1]))} and {lines[-1]}"


def linkedin_key(url: str) -> str:
    """A LinkedIn (or any profile) URL reduced to what identifies the person: no scheme,
    ``www.`` or country sub-domain, query, fragment or trailing slash; percent-escapes decoded;
    case folded. ``https://www.linkedin.com/in/Ana-B/?trk=x`` -> ``linkedin.com/in/ana-b``."""
    text = "".join(url.split())
    if not text:
        return ""
    fast = _LINKEDIN.match(text)
    if fast is not None:
        path = fast[1] or ""
        return "linkedin.com" + (unquote(path) if "%" in path else path).rstrip("/").casefold()
    if "://" not in text:
        text = "https://" + text
    try:
        parts = urlsplit(text)
    except ValueError:
        return text.casefold()
    host = (parts.hostname or "").casefold()
    if host.endswith("linkedin.com"):
        host = "linkedin.com"
    elif host.startswith("www."):
        host = host[4:]
    path = unquote(parts.path).rstrip("/").casefold()
    return f"{host}{path}"


def is_linkedin(url: str) -> bool:
    """True for a linkedin.com address."""
    return linkedin_key(url).startswith("linkedin.com/")


def valid_email(text: str) -> bool:
    """A plausible single e-mail address."""
    return len(text) <= MAX_EMAIL and bool(_EMAIL.match(text))


def too_long(row: ContactRow) -> str | None:
    """Why a row is unusable because a field is too long, else None."""
    if max(len(row.name), len(row.company), len(row.role)) <= MAX_NAME \
            and len(row.linkedin) <= MAX_URL and len(row.notes) <= MAX_NOTES:
        return None
    for label, value, limit in (("name", row.name, MAX_NAME), ("company", row.company, MAX_NAME),
                                ("role", row.role, MAX_NAME), ("LinkedIn URL", row.linkedin,
                                                               MAX_URL),
                                ("notes", row.notes, MAX_NOTES)):
        if len(value) > limit:
            return f"the {label} is {len(value):,} characters long (at most {limit:,})"
    return None


def checked(row: ContactRow, parsed: ParsedContacts) -> None:
    """Add ``row`` to ``parsed``, or skip it with the reason; a bad e-mail is dropped with a
    warning (the person is still worth importing)."""
    if not has_visible(row.name):  # blank, or only zero-width or format characters
        parsed.skipped.append(SkippedRow(row.line, "no name" + invisible_detail(row.name)))
        return
    problem = too_long(row)
    if problem:
        parsed.skipped.append(SkippedRow(row.line, problem))
        return
    if row.linkedin and "://" not in row.linkedin:
        row.linkedin = "https://" + row.linkedin
    if row.company and not has_visible(row.company):
        parsed.warnings.append(f"line {row.line}: the company shows nothing"
                               f"{invisible_detail(row.company)}; left out")
        row.company = ""
    if row.email and not valid_email(row.email):
        parsed.warnings.append(f"line {row.line}: {row.email[:80]!r} is not an e-mail address; "
                               "left out")
        row.email = ""
    if len(row.tags) > MAX_TAGS:
        row.tags = row.tags[:MAX_TAGS]
    parsed.rows.append(row)
