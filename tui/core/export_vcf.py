"""``export vcf``: contacts as vCard 3.0 for address books.

Why 3.0 and not 4.0: Apple Contacts writes 3.0 and reads it best, Google Contacts exports
3.0, Outlook for Windows reads 2.1 and 3.0 only, and Android's importer handles 3.0 well
(4.0 support is partial across all of them). RFC 2426's rules are followed: ``N`` and ``FN``
are always present, text values escape backslash, newline, comma and semicolon, lines are
folded at 75 octets (never inside a UTF-8 character) and end with CRLF.

Why our own writer: the format is a few lines per card, and writing it here lets the tests
read the output back with an independent parser (``vobject``) instead of the writer's own.

The LinkedIn profile is written both as ``URL`` (which every address book shows) and as
Apple's ``X-SOCIALPROFILE;TYPE=linkedin`` (shown as a social profile there).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from tui import __version__
from tui.core.export_files import check_file_target, write_private
from tui.core.models import Contact
from tui.core.safetext import one_line, strip_controls

PRODID = f"-//coffeechat//coffeechat {__version__}//EN"
LINE_OCTETS = 75
PREFIXES = {"dr", "dr.", "prof", "prof.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "mx", "mx."}
SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "phd", "ph.d.", "md", "m.d.", "mba"}


def escape_text(value: str) -> str:
    """A vCard 3.0 text value: ``\\``, newline, ``,`` and ``;`` escaped."""
    clean = strip_controls(value).strip()
    return (clean.replace("\\", "\\\\").replace("\n", "\\n").replace(",", "\\,")
            .replace(";", "\\;"))


def fold(line: str) -> str:
    """One content line folded to at most 75 octets a line, ending in CRLF."""
    data = line.encode("utf-8")
    if len(data) <= LINE_OCTETS:
        return line + "\r\n"
    pieces: list[str] = []
    current: list[str] = []
    size, limit = 0, LINE_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append("".join(current))
            current, size, limit = [], 0, LINE_OCTETS - 1
        current.append(char)
        size += width
    pieces.append("".join(current))
    return "\r\n ".join(pieces) + "\r\n"


def name_parts(name: str) -> tuple[str, str, str, str, str]:
    """(family, given, additional, prefix, suffix) guessed from one full name."""
    main, _, after_comma = one_line(name).partition(",")
    words = main.split()
    prefixes = []
    while len(words) > 1 and words[0].casefold() in PREFIXES:
        prefixes.append(words.pop(0))
    suffixes = [after_comma.strip()] if after_comma.strip() else []
    while len(words) > 2 and words[-1].casefold() in SUFFIXES:
        suffixes.insert(0, words.pop())
    if len(words) == 1:
        return "", words[0], "", " ".join(prefixes), " ".join(suffixes)
    family = words[-1] if words else ""
    given = words[0] if words else ""
    return family, given, " ".join(words[1:-1]), " ".join(prefixes), " ".join(suffixes)


def contact_card(contact: Contact) -> str:
    """One ``BEGIN:VCARD`` ... ``END:VCARD`` block."""
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"PRODID:{PRODID}",
             f"UID:{escape_text(contact.id)}",
             f"FN:{escape_text(one_line(contact.name) or '(no name)')}",
             "N:" + ";".join(escape_text(p) for p in name_parts(contact.name))]
    if one_line(contact.company):
        lines.append(f"ORG:{escape_text(one_line(contact.company))}")
    if one_line(contact.role):
        lines.append(f"TITLE:{escape_text(one_line(contact.role))}")
    if one_line(contact.email):
        lines.append(f"EMAIL;TYPE=INTERNET:{escape_text(one_line(contact.email))}")
    url = "".join(one_line(contact.linkedin).split())
    if url:
        lines.append(f"URL:{url}")
        lines.append(f"X-SOCIALPROFILE;TYPE=linkedin:{url}")
    if strip_controls(contact.notes).strip():
        lines.append(f"NOTE:{escape_text(contact.notes)}")
    tags = [escape_text(one_line(t)) for t in contact.tags if one_line(t)]
    if tags:
        lines.append("CATEGORIES:" + ",".join(tags))
    lines.append("END:VCARD")
    return "".join(fold(line) for line in lines)


def vcard_text(contacts: Iterable[Contact]) -> str:
    """All contacts, by name, as one vCard file's text."""
    ordered = sorted(contacts, key=lambda c: (one_line(c.name).casefold(), c.id))
    return "".join(contact_card(c) for c in ordered)


def export_vcf(path: Path, contacts: Iterable[Contact]) -> int:
    """Write the cards to ``path`` (atomic, 0600); returns how many were written."""
    check_file_target(path)
    people = list(contacts)
    write_private(path, vcard_text(people).encode("utf-8"))
    return len(people)
