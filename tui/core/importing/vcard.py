"""vCard files (2.1, 3.0, 4.0) as phones, Apple Contacts, Google Contacts and Outlook write
them: one or many cards, folded lines, ``QUOTED-PRINTABLE`` values with soft line breaks and a
``CHARSET`` (2.1), bare 2.1 parameters (``TEL;CELL:``), grouped properties (``item1.URL`` with
``item1.X-ABLabel:LinkedIn``), base64 photos (skipped), ``N`` when there is no ``FN``, ``ORG``
with units after ``;``, and LinkedIn in ``X-SOCIALPROFILE``, ``URL`` or ``X-LINKEDIN``.
"""

from __future__ import annotations

import quopri
import re
from dataclasses import dataclass, field
from pathlib import Path

from tui.core.importing.rows import (
    ContactRow,
    ImportFileError,
    ParsedContacts,
    SkippedRow,
    checked,
    is_linkedin,
)
from tui.core.importing.textfile import decode, read_source
from tui.core.safetext import has_visible, strip_controls_counted

_QP = re.compile(r";(?:encoding=)?quoted-printable\b", re.IGNORECASE)
_B64 = re.compile(r";(?:encoding=)?(?:base64|b)\b", re.IGNORECASE)
_UNESCAPE = re.compile(r"\\(.)", re.DOTALL)


@dataclass
class Property:
    """One content line, decoded."""

    line: int
    group: str
    name: str
    params: dict[str, list[str]]
    value: str


@dataclass
class _Card:
    line: int
    props: list[Property] = field(default_factory=list)


def _split_unquoted(text: str, separator: str, limit: int = -1) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted
        if char == separator and not quoted and limit != 0:
            parts.append("".join(current))
            current = []
            limit -= 1
            continue
        current.append(char)
    parts.append("".join(current))
    return parts


def _logical_lines(text: str) -> list[tuple[int, str]]:
    """Unfold: continuation lines (leading space or tab), QP soft breaks (``=`` at the end)
    and unindented base64 lines join the line they continue."""
    found: list[tuple[int, str]] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if found:
            start, current = found[-1]
            head = current.split(":", 1)[0]
            if _QP.search(head) and current.endswith("="):
                found[-1] = (start, current[:-1] + line)
                continue
            if line[:1] in (" ", "\t"):
                found[-1] = (start, current + line[1:])
                continue
            if _B64.search(head) and line.strip() and ":" not in line:
                found[-1] = (start, current + line.strip())
                continue
        if line.strip():
            found.append((number, line))
    return found


def _parse_line(number: int, line: str, name: str) -> Property:
    pieces = _split_unquoted(line, ":", 1)
    if len(pieces) < 2:
        raise ImportFileError(f"{name}:{number}: not a vCard line ({line[:60]!r})")
    head, value = pieces
    left = _split_unquoted(head, ";")
    group, _, prop = left[0].strip().rpartition(".")
    params: dict[str, list[str]] = {}
    for param in left[1:]:
        key, eq, raw = param.partition("=")
        if not eq:  # vCard 2.1: a bare value such as CELL or QUOTED-PRINTABLE
            key, raw = _bare_param(key), key
        values = [v.strip().strip('"') for v in _split_unquoted(raw, ",")]
        params.setdefault(key.strip().upper(), []).extend(v for v in values if v)
    return Property(number, group.upper(), prop.upper(), params, value)


def _bare_param(value: str) -> str:
    upper = value.strip().upper()
    if upper in ("QUOTED-PRINTABLE", "BASE64", "8BIT", "7BIT", "B"):
        return "ENCODING"
    return "CHARSET" if upper.startswith(("UTF-", "ISO-", "WINDOWS-")) else "TYPE"


def _cards(text: str, name: str) -> list[_Card]:
    cards: list[_Card] = []
    current: _Card | None = None
    depth = 0
    for number, line in _logical_lines(text):
        if current is None and not line.strip().upper().startswith("BEGIN:VCARD"):
            what = "a vCard file" if not cards else "a card"
            raise ImportFileError(f"{name}:{number}: expected BEGIN:VCARD to start {what}, "
                                  f"found {line[:60]!r}")
        prop = _parse_line(number, line, name)
        is_begin = prop.name == "BEGIN" and prop.value.strip().upper() == "VCARD"
        is_end = prop.name == "END" and prop.value.strip().upper() == "VCARD"
        if current is None:
            if not is_begin:
                what = "a vCard file" if not cards else "a card"
                raise ImportFileError(f"{name}:{number}: expected BEGIN:VCARD to start {what}, "
                                      f"found {line[:60]!r}")
            current, depth = _Card(number), 1
            continue
        if is_begin:
            depth += 1  # an embedded card (2.1 AGENT): its lines are not this person's
        elif is_end:
            depth -= 1
            if depth == 0:
                cards.append(current)
                current = None
        elif depth == 1:
            current.props.append(prop)
    if current is not None:
        raise ImportFileError(f"{name}:{current.line}: the card that starts here has no "
                              "END:VCARD (the file is cut short?)")
    if not cards:
        raise ImportFileError(f"{name} holds no vCards")
    return cards


def _decoded(prop: Property, parsed: ParsedContacts) -> str:
    encoding = [e.upper() for e in prop.params.get("ENCODING", [])]
    value = prop.value
    if "QUOTED-PRINTABLE" in encoding:
        charset = (prop.params.get("CHARSET") or ["utf-8"])[0]
        data = quopri.decodestring(value.encode("utf-8"))
        try:
            value = data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            value = data.decode("cp1252", "replace")
    clean, removed = strip_controls_counted(value)
    parsed.controls_removed += removed
    return clean


def _components(value: str, separator: str) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    escaped = False
    for char in value:
        if escaped:
            current.append("\\" + char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [_unescape(p) for p in parts]


def _unescape(text: str) -> str:
    return _UNESCAPE.sub(lambda m: "\n" if m[1] in "nN" else m[1], text).strip()


def _row(card: _Card, parsed: ParsedContacts) -> ContactRow | None:
    found: dict[str, str] = {}
    emails: list[tuple[bool, str]] = []
    labels = {p.group: _decoded(p, parsed).casefold() for p in card.props
              if p.name == "X-ABLABEL" and p.group}
    tags: list[str] = []
    for prop in card.props:
        encoding = [e.upper() for e in prop.params.get("ENCODING", [])]
        if "BASE64" in encoding or "B" in encoding:
            continue
        value = _decoded(prop, parsed)
        types = {t.casefold() for t in prop.params.get("TYPE", [])}
        if prop.name == "FN":
            found.setdefault("fn", _unescape(value))
        elif prop.name == "N":
            parts = (_components(value, ";") + [""] * 3)[:3]
            found.setdefault("n", " ".join(" ".join((parts[1], parts[2], parts[0])).split()))
        elif prop.name == "ORG":
            found.setdefault("company", _components(value, ";")[0])
        elif prop.name in ("TITLE", "ROLE"):
            found.setdefault(prop.name.casefold(), _unescape(value))
        elif prop.name == "EMAIL":
            preferred = "pref" in types or "1" in prop.params.get("PREF", [])
            emails.append((preferred, _unescape(value).removeprefix("mailto:")))
        elif prop.name in ("X-SOCIALPROFILE", "X-LINKEDIN", "URL"):
            url = _unescape(value)
            social = prop.name != "URL" and ("linkedin" in types or prop.name == "X-LINKEDIN")
            if social or is_linkedin(url) or labels.get(prop.group) == "linkedin":
                found.setdefault("linkedin", "".join(url.split()))
        elif prop.name == "NOTE":
            found.setdefault("notes", _unescape(value))
        elif prop.name == "CATEGORIES":
            tags += [t for t in _components(value, ",") if t and t not in tags
                     and not t.startswith("*") and t.casefold() != "mycontacts"]
    # an FN that shows nothing (a zero-width space) gives way to a visible N
    fn, n = (" ".join(found.get(key, "").split()) for key in ("fn", "n"))
    name = next((text for text in (fn, n) if has_visible(text)), fn or n)
    if not name:
        parsed.skipped.append(SkippedRow(card.line, "no name (the card has neither FN nor N)"))
        return None
    email = next((e for pref, e in emails if pref), emails[0][1] if emails else "")
    return ContactRow(
        line=card.line, name=name, company=" ".join(found.get("company", "").split()),
        role=" ".join((found.get("title") or found.get("role") or "").split()),
        email=email.strip(), linkedin=found.get("linkedin", ""), notes=found.get("notes", ""),
        tags=tuple(" ".join(t.split()) for t in tags),
    )


def parse_vcf(source: Path | bytes, label: str | None = None) -> ParsedContacts:
    """Read a vCard file; raises :class:`ImportFileError` for a file that is not one."""
    raw, name = read_source(source, label)
    parsed = ParsedContacts(source=name)
    text, parsed.controls_removed = decode(raw, name, parsed.warnings)
    for card in _cards(text, name):
        row = _row(card, parsed)
        if row is not None:
            checked(row, parsed)
    return parsed
