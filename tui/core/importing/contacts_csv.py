"""Any contacts CSV whose header row names its columns: Google Contacts, Outlook, a sheet.

Headers are matched ignoring case, spaces and punctuation, so ``E-mail Address``,
``email address`` and ``EmailAddress`` are one column. Recognised (first match wins):

* name: ``Name``/``Full Name``/``Display Name``, else ``First Name`` + ``Middle Name`` +
  ``Last Name`` (Google's ``Given Name``/``Additional Name``/``Family Name`` too);
* company: ``Company``, ``Organization``/``Organisation`` (Google's ``Organization Name`` and
  ``Organization 1 - Name``), ``Employer``;
* role: ``Job Title``, ``Position``, ``Role``, ``Organization Title``, ``Occupation``, then
  ``Title`` (last, because in Outlook's export ``Title`` is "Mr."/"Dr.");
* e-mail: ``Email``, ``E-mail Address`` (Outlook), ``E-mail 1 - Value`` (Google)...;
* LinkedIn: ``LinkedIn``, ``LinkedIn URL`` (whatever they hold); ``Profile``, ``URL`` and any
  ``Website``/``Web Page`` column when they hold a linkedin.com address;
* notes: ``Notes``; tags: ``Tags``, ``Labels`` (Google: ``* myContacts ::: Work``),
  ``Categories`` (Outlook: ``Work;Friends``), ``Group Membership``.

The delimiter (comma, semicolon or tab) is the one that yields the best header; the encoding
is UTF-8, UTF-16 with a byte-order mark, or, line by line where UTF-8 fails, Windows-1252
with a warning naming those lines.
"""

from __future__ import annotations

import re
from pathlib import Path

from tui.core.importing.csv_table import (
    DELIMITERS,
    DroppedColumns,
    cell,
    find_header,
    header_key,
    named_width,
    records,
)
from tui.core.importing.rows import (
    ContactRow,
    ImportFileError,
    ParsedContacts,
    SkippedRow,
    checked,
    is_linkedin,
    line_numbers,
)
from tui.core.importing.textfile import decode, read_source

COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("name", "fullname", "displayname", "contactname", "contact"),
    "first": ("firstname", "givenname", "first", "forename"),
    "middle": ("middlename", "additionalname"),
    "last": ("lastname", "familyname", "surname", "last"),
    "company": ("company", "companyname", "organization", "organisation", "organizationname",
                "organisationname", "organization1name", "employer", "org"),
    "role": ("jobtitle", "position", "role", "organizationtitle", "organization1title",
             "occupation", "title"),
    "email": ("email", "emailaddress", "email1value", "email1", "primaryemail", "workemail",
              "emailaddress1", "personalemail", "mail"),
    "linkedin": ("linkedin", "linkedinurl", "linkedinprofile", "linkedinprofileurl",
                 "profile", "profileurl", "url"),
    "notes": ("notes", "note", "comments", "comment"),
    "tags": ("tags", "labels", "categories", "groupmembership", "groups"),
}
_WEBSITE = re.compile(r"^(website|webpage|homepage|personalwebsite|businesswebsite)")
_TAG_SPLIT = re.compile(r":::|;|,")


def _columns(keys: list[str]) -> dict[str, int | None]:
    found: dict[str, int | None] = {}
    for field, names in COLUMNS.items():
        found[field] = next((keys.index(n) for n in names if n in keys), None)
    return found


def _has_name(keys: list[str]) -> bool:
    columns = _columns(keys)
    return any(columns[f] is not None for f in ("name", "first", "last"))


def _score(keys: list[str]) -> int:
    return sum(1 for index in _columns(keys).values() if index is not None)


def _best_layout(text: str, name: str) -> tuple[str, int, list[str]]:
    """(delimiter, header line, header cells) that recognise the most columns."""
    best: tuple[int, str, int, list[str]] | None = None
    errors = []
    for delimiter in DELIMITERS:
        try:
            header = find_header(records(text, name, delimiter), _has_name)
        except ImportFileError as exc:
            errors.append(str(exc))
            continue
        if header is not None:
            score = _score([header_key(c) for c in header[1]])
            if best is None or score > best[0]:
                best = (score, delimiter, header[0], header[1])
    if best is None:
        if errors and len(errors) == len(DELIMITERS):
            raise ImportFileError(errors[0])
        first = next((line for line in text.splitlines() if line.strip()), "")[:120]
        raise ImportFileError(
            f"{name} is not a contacts CSV: no header row naming a Name (or First Name / Last "
            f"Name) column in its first lines; the first line is {first!r}")
    return best[1], best[2], best[3]


def _tags(text: str) -> tuple[str, ...]:
    found = []
    for part in _TAG_SPLIT.split(text):
        tag = " ".join(part.split())
        if tag and not tag.startswith("*") and tag.casefold() != "mycontacts" \
                and tag not in found:
            found.append(tag)
    return tuple(found)


def _linkedin(values: list[str], col: dict[str, int | None], explicit: bool,
              websites: list[int]) -> str:
    """The row's LinkedIn address: its LinkedIn column (a ``URL`` or ``Profile`` column only
    when it holds a linkedin.com address), else the first website that is one."""
    linkedin = cell(values, col["linkedin"])
    if linkedin and not explicit and not is_linkedin(linkedin):
        linkedin = ""  # a "URL" or "Profile" column holding some other site
    if not linkedin:
        linkedin = next((cell(values, i) for i in websites if is_linkedin(cell(values, i))), "")
    return "".join(linkedin.split())


def parse_contacts_csv(source: Path | bytes, label: str | None = None) -> ParsedContacts:
    """Read a contacts CSV; raises :class:`ImportFileError` for a file that is not one. The
    warnings name rows with fewer fields than the header and columns whose values were not
    kept (a phone number, a birthday: coffeechat has no field for them)."""
    raw, name = read_source(source, label)
    parsed = ParsedContacts(source=name)
    text, parsed.controls_removed = decode(raw, name, parsed.warnings)
    delimiter, header_line, header = _best_layout(text, name)
    keys = [header_key(c) for c in header]
    col = _columns(keys)
    explicit_linkedin = col["linkedin"] is not None and keys[col["linkedin"] or 0].startswith(
        "linkedin")
    websites = [i for i, k in enumerate(keys) if _WEBSITE.match(k) and i != col["linkedin"]
                and not k.endswith(("label", "type"))]  # Google's "Website 1 - Label"
    # columns read only for a LinkedIn address: their other addresses are not kept
    link_only = websites + ([] if explicit_linkedin or col["linkedin"] is None
                            else [col["linkedin"]])
    dropped = DroppedColumns(header, [*col.values(), *websites])
    partly: dict[int, str] = {}
    rows = records(text, name, delimiter)
    for line, _cells in rows:
        if line >= header_line:
            break
    width, named = len(header), named_width(header)
    short: list[int] = []
    for line, values in rows:
        if not any(v.strip() for v in values):
            continue
        if len(values) > width and any(v.strip() for v in values[width:]):
            parsed.skipped.append(SkippedRow(
                line, f"{len(values)} fields where the header on line {header_line} has "
                f"{width} (a delimiter outside quotes?)"))
            continue
        full = cell(values, col["name"]) or " ".join(
            cell(values, col[f]) for f in ("first", "middle", "last"))
        kept = len(parsed.rows)
        checked(ContactRow(
            line=line,
            name=" ".join(full.split()),
            company=" ".join(cell(values, col["company"]).split()),
            role=" ".join(cell(values, col["role"]).split()),
            email=cell(values, col["email"]).removeprefix("mailto:"),
            linkedin=_linkedin(values, col, explicit_linkedin, websites),
            notes=cell(values, col["notes"]),
            tags=_tags(cell(values, col["tags"])),
        ), parsed)
        if len(parsed.rows) == kept:
            continue  # skipped: its fields were not kept either, and the report says why
        if len(values) < named:
            short.append(line)
        dropped.check(values)
        for i in link_only:
            if cell(values, i) and not is_linkedin(cell(values, i)):
                partly[i] = " (all but LinkedIn addresses)"
    if short:  # files written by hand often leave trailing blank fields out
        parsed.warnings.append(f"{line_numbers(short)}: fewer fields than the {named} the "
                               f"header on line {header_line} names; read with the rest blank")
    columns = dropped.note(partly)
    if columns:
        parsed.warnings.append(columns)
    return parsed
