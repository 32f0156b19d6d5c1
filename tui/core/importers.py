"""Reading a file to import: a coffeechat export, or a data file or backup of one.

:func:`parse_import` checks everything before anything is written (the store then merges the
whole file in one write, or nothing):

- the format and schema, with a precise message for a schema that no coffeechat writes;
- text: control characters other than newline and tab (escape sequences, C1 controls, bidi
  overrides) are removed, and counted for the report;
- identity: a record or list item without an id gets one made from its content, so importing
  the same file again matches it instead of adding a copy;
- every record through the models, dates within the years 1900-2200, no id twice.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tui.core.dataformat import (
    EXPORT_FORMAT,
    EXPORT_SCHEMA,
    RECORD_TABLES,
    StorageError,
    meta_of,
    schema_problem,
    validate,
)
from tui.core.dates import MAX_YEAR, MIN_YEAR
from tui.core.models import Contact, Conversation, ModelError
from tui.core.profile import PROFILE_ID, Profile
from tui.core.safetext import strip_controls_counted

MAX_CADENCE_DAYS = 3650
# Lists inside a conversation whose items carry ids of their own.
ITEM_LISTS = ("checklist", "questions", "actions", "referrals", "followups")


@dataclass
class ImportBatch:
    """What a file holds, validated: its records and what was cleaned on the way in."""

    contacts: list[Contact] = field(default_factory=list)
    conversations: list[Conversation] = field(default_factory=list)
    source: str = "export"  # export | data file
    controls_removed: int = 0
    # ids of records the file gave no creation time: an existing record keeps its own
    untimed: set[str] = field(default_factory=set)
    profile: Profile | None = None  # the user's profile, when the file carries one


@contextlib.contextmanager
def bulk() -> Iterator[None]:
    """Build many objects without the cyclic garbage collector: each of its full passes walks
    every live object (the whole file being imported), which makes a large import grow faster
    than its size. Nothing built here holds reference cycles; the collector is restored after.

    What the block built joins the oldest generation as it leaves (``freeze`` then
    ``unfreeze``: no pass over it), so that the first collection after the block does not
    walk all of it: that pass took 0.4 s of an import of 10,000 conversations, and found
    nothing to free.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()
            gc.unfreeze()
            gc.enable()


def parse_import(data: Any, source_text: bytes | None = None) -> ImportBatch:
    """Validate an export (or a coffeechat data file or backup) and return its records;
    raises :class:`ModelError` with a message that says what is wrong and where.
    ``source_text``: the JSON bytes ``data`` was parsed from, when the caller has them; if
    they hold no control character, looking for them in every string is skipped."""
    raw_contacts, raw_conversations, source = _records_of(data)
    raw_profile = _profile_of(data, source)
    removed = 0
    if source_text is None or may_hold_controls(source_text):
        cleaned, removed = _clean((raw_contacts, raw_conversations, raw_profile))
        raw_contacts, raw_conversations, raw_profile = cleaned
    batch = ImportBatch(source=source, controls_removed=removed)
    if raw_profile is not None:
        batch.profile = Profile.from_dict(raw_profile)
    kinds: tuple[tuple[str, list[Any], type[Contact | Conversation], list[Any]], ...] = (
        ("contact", raw_contacts, Contact, batch.contacts),
        ("conversation", raw_conversations, Conversation, batch.conversations))
    for kind, raws, model, target in kinds:
        seen: dict[str, dict[str, Any]] = {}
        for position, raw in enumerate(raws, 1):
            if not isinstance(raw, dict):
                raise ModelError(f"{kind} #{position} must be an object, not "
                                 f"{type(raw).__name__}")
            raw, hashed = _with_ids(raw, kind)
            record_id = raw["id"]
            if record_id in seen:
                if hashed and seen[record_id] == raw:
                    continue  # the same record, without an id, twice: it is one record
                raise ModelError(f"the file holds {kind} id {record_id} twice")
            seen[record_id] = raw
            if "created_at" not in raw or (kind == "conversation" and "updated_at" not in raw):
                batch.untimed.add(record_id)
            record = model.from_dict(raw)
            _check_dates(record)
            target.append(record)
    return batch


@dataclass
class ImportResult:
    """What an import did."""

    contacts_added: int = 0
    contacts_updated: int = 0
    conversations_added: int = 0
    conversations_updated: int = 0
    unchanged: int = 0
    controls_removed: int = 0
    source: str = "export"
    profile_updated: bool = False

    @property
    def added(self) -> int:
        """Records added."""
        return self.contacts_added + self.conversations_added

    @property
    def updated(self) -> int:
        """Records replaced by the file's version."""
        return self.contacts_updated + self.conversations_updated

    def summary(self) -> str:
        """One line for the user."""
        line = (
            f"contacts: {self.contacts_added} added, {self.contacts_updated} updated; "
            f"conversations: {self.conversations_added} added, "
            f"{self.conversations_updated} updated; {self.unchanged} already present"
        )
        if self.controls_removed:
            count = self.controls_removed
            line += (f"; {count} control character{'s' if count != 1 else ''} (escape "
                     "sequences, bidi overrides) removed from the imported text")
        if self.profile_updated:
            line += "; your profile updated"
        return line


@dataclass
class Merged:
    """A table with imported records merged in (a new dict: the old one is not touched)."""

    docs: dict[str, Any]
    index: dict[str, int]
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    changed: set[str] = field(default_factory=set)  # doc ids replaced in place


def merge_records(docs: dict[str, Any], index: dict[str, int],
                  records: list[Contact] | list[Conversation], untimed: set[str]) -> Merged:
    """Merge ``records`` into a TinyDB table's documents (``index``: record id -> doc id):
    a record whose id is there replaces it if different, else it is added with the next doc
    id. One dictionary lookup per record: linear in the file and the table."""
    merged = Merged(dict(docs), dict(index))
    next_id = max((int(key) for key in docs), default=0) + 1
    for record in records:
        doc_id = merged.index.get(record.id)
        if doc_id is None:
            merged.docs[str(next_id)] = record.to_dict()
            merged.index[record.id] = next_id
            next_id += 1
            merged.added += 1
            continue
        existing = type(record).from_dict(merged.docs[str(doc_id)])
        if record.id in untimed:  # the file did not say when it was made: keep ours
            record.created_at = existing.created_at
            if isinstance(record, Conversation) and isinstance(existing, Conversation):
                record.updated_at = existing.updated_at
        if existing == record:
            merged.unchanged += 1
            continue
        merged.docs[str(doc_id)] = record.to_dict()
        merged.changed.add(str(doc_id))
        merged.updated += 1
    return merged


def _records_of(data: Any) -> tuple[list[Any], list[Any], str]:
    if isinstance(data, dict) and data.get("format") == EXPORT_FORMAT:
        schema = data.get("schema")
        problem = schema_problem(schema)
        if problem or not isinstance(schema, int):
            raise ModelError(f"not a coffeechat export this version can read: {problem}")
        if schema > EXPORT_SCHEMA:
            raise ModelError(f"the export was written by a newer coffeechat (schema {schema}; "
                             f"this one reads up to {EXPORT_SCHEMA}); upgrade coffeechat")
        contacts, conversations = data.get("contacts", []), data.get("conversations", [])
        if not isinstance(contacts, list) or not isinstance(conversations, list):
            raise ModelError("'contacts' and 'conversations' must be lists")
        return contacts, conversations, "export"
    if isinstance(data, dict) and meta_of(data) is not None:
        try:
            tables = validate(data, Path("the file"))
        except StorageError as exc:
            raise ModelError(str(exc).replace(" It has been left untouched.", "")) from None
        contacts, conversations = (list(tables.get(name, {}).values()) for name in RECORD_TABLES)
        return contacts, conversations, "data file"
    raise ModelError(f"not a coffeechat export or backup (expected a JSON object with format "
                     f"'{EXPORT_FORMAT}', or a coffeechat data file)")


def _profile_of(data: Any, source: str) -> Any:
    """The raw profile a file carries: an export's ``profile``, a data file's profile record."""
    if not isinstance(data, dict):
        return None
    if source == "export":
        return data.get("profile")
    table = data.get("profile")
    if isinstance(table, dict):
        for doc in table.values():
            if isinstance(doc, dict) and doc.get("id", PROFILE_ID) == PROFILE_ID:
                return doc
    return None


def _clean(value: Any) -> tuple[Any, int]:
    """``value`` with control characters removed from every string in it (keys included),
    and how many were removed. One fast scan first: most files have none."""
    if not _may_hold_controls(json.dumps(value, ensure_ascii=False)):
        return value, 0
    removed = 0

    def walk(item: Any) -> Any:
        nonlocal removed
        kind = type(item)
        if kind is str:
            if item.isprintable():
                return item
            cleaned, count = strip_controls_counted(item)
            removed += count
            return cleaned
        if kind is dict:
            return {walk(key): walk(inner) for key, inner in item.items()}
        if kind is list or kind is tuple:
            return kind(walk(inner) for inner in item)
        return item

    return walk(value), removed


# In JSON text (ensure_ascii off), C1, DEL, bidi controls and lone surrogates appear as they
# are; C0 controls as \u00XX, \b, \f or \r escapes. (An escaped backslash followed by such
# letters only costs a needless slow pass, never a missed character.)
_RAW_CONTROLS = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_ESCAPED_CONTROLS = ("\\u00", "\\b", "\\f", "\\r")


# The same in the bytes of JSON text: DEL, C1 and bidi controls raw (in UTF-8), and every
# escape that can stand for a control character or a lone surrogate. One pattern for each
# first byte: a pattern that starts with a fixed byte is searched for quickly, while one
# alternation of them all is tried at every byte of the file (about three times slower).
_UTF8 = ("utf-8", "utf-8-sig")
_CONTROL_BYTES = (
    re.compile(rb"\xc2[\x80-\x9f]"),
    re.compile(rb"\xe2(?:\x80[\xaa-\xae]|\x81[\xa6-\xa9])"),
    re.compile(rb"\\(?:u00|u20[26]|u[dD][89a-fA-F]|[bfr])"),
)


def may_hold_controls(source: bytes) -> bool:
    """True when the bytes of JSON text may hold a control character an import removes (a
    fast scan of the whole file; a false alarm only costs the slower, exact pass). The scan
    reads UTF-8: JSON in UTF-16 or UTF-32 (which the parser takes too) is always True."""
    if json.detect_encoding(source) not in _UTF8:
        return True
    return b"\x7f" in source or any(pattern.search(source) for pattern in _CONTROL_BYTES)


def _may_hold_controls(text: str) -> bool:
    """True when JSON text may hold a control character an import removes."""
    return any(escape in text for escape in _ESCAPED_CONTROLS) or bool(
        _RAW_CONTROLS.search(text))


def _content_id(*parts: Any) -> str:
    """A stable 12-character id made from content (same content, same id)."""
    canonical = json.dumps(parts, sort_keys=True, ensure_ascii=True, default=str)
    return "h" + hashlib.sha256(canonical.encode("ascii")).hexdigest()[:11]


def _with_ids(raw: dict[str, Any], kind: str) -> tuple[dict[str, Any], bool]:
    """``raw`` with an id on the record and on each list item that has none (made from their
    content); True when the record's own id was made here. ``raw`` itself is not changed."""
    hashed = not raw.get("id")
    if hashed:
        content = {k: v for k, v in raw.items() if k != "id"}
        raw = {**content, "id": _content_id(kind, content)}
    if kind != "conversation":
        return raw, hashed
    lists = {name: _items_with_ids(raw.get(name), raw["id"], name) for name in ITEM_LISTS}
    live = raw.get("live")
    notes = _items_with_ids(live.get("notes"), raw["id"], "notes") \
        if isinstance(live, dict) else None
    if any(lists[name] is not raw.get(name) for name in ITEM_LISTS) or (
            isinstance(live, dict) and notes is not live.get("notes")):
        raw = {**raw, **{k: v for k, v in lists.items() if k in raw}}
        if isinstance(live, dict):
            raw["live"] = {**live, "notes": notes}
    return raw, hashed


def _items_with_ids(items: Any, parent: str, name: str) -> Any:
    """``items`` with ids made for those without one (the same list when all have one)."""
    if not isinstance(items, list):
        return items
    for item in items:  # a loop, not all(): this runs for every item of every conversation
        if isinstance(item, dict) and not item.get("id"):
            break
    else:
        return items
    return [
        {**item, "id": _content_id(parent, name, position, item)}
        if isinstance(item, dict) and not item.get("id") else item
        for position, item in enumerate(items)
    ]


def _check_dates(record: Contact | Conversation) -> None:
    """Refuse dates outside the years coffeechat takes, and a stay-in-touch cadence beyond
    ten years (both would come from a typo or a hostile file)."""
    where = f"{'contact' if isinstance(record, Contact) else 'conversation'} {record.id}"
    for name, value in _dates_of(record):
        if value and not MIN_YEAR <= _year(value) <= MAX_YEAR:
            raise ModelError(f"{where}: '{name}' is {value!r}, outside the years "
                             f"{MIN_YEAR}-{MAX_YEAR}")
    if isinstance(record, Contact) and (record.cadence_days or 0) > MAX_CADENCE_DAYS:
        raise ModelError(f"{where}: 'cadence_days' is {record.cadence_days}; keep in touch "
                         f"takes 1 to {MAX_CADENCE_DAYS} days")


def _year(value: str) -> int:
    return (date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value)).year


def _dates_of(record: Contact | Conversation) -> list[tuple[str, str | None]]:
    if isinstance(record, Contact):
        return [("last_contacted", record.last_contacted), ("created_at", record.created_at)]
    live = record.live
    return [
        ("scheduled_at", record.scheduled_at), ("created_at", record.created_at),
        ("updated_at", record.updated_at), ("outreach.sent_on", record.outreach.sent_on),
        ("thank_you.sent_on", record.thank_you.sent_on), ("live.started_at", live.started_at),
        ("live.ended_at", live.ended_at), ("live.paused_at", live.paused_at),
        *((f"actions[{i}].due", a.due) for i, a in enumerate(record.actions)),
        *((f"followups[{i}].on", f.on) for i, f in enumerate(record.followups)),
    ]
