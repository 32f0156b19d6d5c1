"""What search can find: the searchable fields of a conversation or a contact.

A pure function of the stored dicts (the export format: ``Conversation.to_dict()`` and
``Contact.to_dict()``), shared by both search engines. It reads defensively: a field of the
wrong type is skipped, never an error, because a damaged record must not stop the rest of the
data from being searchable.

Each :class:`Field` has a human label (``Q3 note``, ``quick note 12:40``,
``reflection: key insights``) and a :class:`Locator` saying where the app shows it.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, NamedTuple

from tui.core.search_text import clean, safe_line, tokens
from tui.core.tags import contact_tag, find_tags

NAMES, HEADS, NOTES = 0, 1, 2  # tiers: how much a match in the field counts
TIER_COUNT = 3
CONVERSATION, CONTACT = "conversation", "contact"
NO_DAY = date(1970, 1, 1)
LABEL_CHARS = 40


class Locator(NamedTuple):
    """Where a field lives in the app, so a search hit can open it at the right place.

    ``pane`` is ``contact`` (the person), ``details``, ``prep``, ``live`` or ``reflect``.
    ``part`` narrows it: prep ``research``/``questions``/``outreach``/``schedule``; live
    ``questions``/``log``; reflect ``reflection``/``actions``/``referrals``/``thank-you``/
    ``followups``. ``item_id`` is the question, quick note, checklist item, action, referral
    or follow-up; ``prompt`` the reflection prompt key; ``field`` the attribute (``goal``,
    ``note``, ``draft``...).
    """

    pane: str
    part: str = ""
    item_id: str = ""
    prompt: str = ""
    field: str = ""

    def to_json(self) -> dict[str, str]:
        """The non-empty attributes, JSON-ready."""
        return {k: v for k, v in (("pane", self.pane), ("part", self.part),
                                  ("item_id", self.item_id), ("prompt", self.prompt),
                                  ("field", self.field)) if v}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Locator:
        """The inverse of :meth:`to_json` (unknown keys ignored)."""
        return cls(**{k: str(data.get(k, "")) for k in ("pane", "part", "item_id", "prompt",
                                                          "field")})


class Field(NamedTuple):
    """One searchable piece of text and where it came from (a tuple: records have many)."""

    kind: str
    label: str
    text: str
    tier: int
    locator: Locator

    @property
    def from_contact(self) -> bool:
        """Copied into a conversation's record from its contact."""
        return self.kind in FROM_CONTACT


class Kind(NamedTuple):
    """How a kind of field is weighted, labelled and found in the app."""

    tier: int
    pane: str
    part: str = ""
    field: str = ""
    label: str = ""  # empty: the label is given per field (``Q3 note``, ``quick note 12:40``)


KINDS: dict[str, Kind] = {
    # a contact's own record
    "name": Kind(NAMES, "contact", field="name", label="name"),
    "company": Kind(NAMES, "contact", field="company", label="company"),
    "tags": Kind(NAMES, "contact", field="tags", label="tags"),
    "role": Kind(HEADS, "contact", field="role", label="role"),
    "email": Kind(HEADS, "contact", field="email", label="email"),
    "contact_notes": Kind(NOTES, "contact", field="notes", label="contact notes"),
    # a conversation's record: the person, then its own fields
    "person": Kind(NAMES, "details", field="person", label="person"),
    "person_company": Kind(NAMES, "details", field="company", label="company"),
    "person_tags": Kind(NAMES, "details", field="tags", label="tags"),
    "person_role": Kind(HEADS, "details", field="role", label="role"),
    "topic": Kind(HEADS, "details", field="topic", label="topic"),
    "goal": Kind(HEADS, "prep", "questions", "goal", "goal"),
    "ask": Kind(HEADS, "prep", "questions", "ask", "the ask"),
    "place": Kind(HEADS, "prep", "schedule", "place", "place"),
    "outreach": Kind(NOTES, "prep", "outreach", "draft", "outreach"),
    "research": Kind(NOTES, "prep", "research", "research_notes", "research notes"),
    "checklist": Kind(HEADS, "prep", "research", "text"),
    "checklist_note": Kind(NOTES, "prep", "research", "note"),
    "question": Kind(HEADS, "prep", "questions", "text"),
    "question_note": Kind(NOTES, "live", "questions", "note"),
    "quick_note": Kind(NOTES, "live", "log", "text"),
    "quick_note_draft": Kind(NOTES, "live", "log", "draft", "quick note draft"),
    "reflection": Kind(NOTES, "reflect", "reflection"),
    "action": Kind(HEADS, "reflect", "actions", "text", "action"),
    "referral": Kind(HEADS, "reflect", "referrals", label="referral"),
    "thank_you": Kind(NOTES, "reflect", "thank-you", "draft", "thank-you"),
    "followup": Kind(NOTES, "reflect", "followups", "note"),
}
FROM_CONTACT = frozenset(("person", "person_company", "person_tags", "person_role"))
TAG_LISTS = frozenset(("tags", "person_tags"))  # a contact's tags, joined by TAG_JOIN
TAG_JOIN = ", "


def make_field(kind: str, text: str, item_id: str = "", extra: str = "") -> Field:
    """A field of a known kind; ``extra`` is its label when the kind has none, or the
    reflection prompt key (the label then says ``reflection: <prompt in words>``)."""
    info = KINDS[kind]
    if kind == "reflection":
        return Field(kind, f"reflection: {humanise(extra)}", text, info.tier,
                     Locator(info.pane, info.part, item_id, extra, info.field))
    return Field(kind, info.label or extra or kind.replace("_", " "), text, info.tier,
                 Locator(info.pane, info.part, item_id, "", info.field))


def field_extra(item: Field) -> str:
    """What :func:`make_field` needs besides the kind, text and item id to rebuild ``item``."""
    if item.kind == "reflection":
        return item.locator.prompt
    return "" if KINDS[item.kind].label else item.label


@dataclass(frozen=True)
class RecordDoc:
    """Everything the index keeps about one conversation or one contact."""

    key: str
    type: str
    contact_id: str
    conversation_id: str | None
    name: str
    moment: str | None
    day: date
    status: str | None = None
    kind: str | None = None
    company: str = ""
    tags: tuple[str, ...] = ()
    fields: tuple[Field, ...] = ()
    stamp: str = ""
    hashtags: tuple[str, ...] = field(default=(), compare=False)

    @property
    def company_words(self) -> tuple[str, ...]:
        """Folded words of the person's company (for ``company:``)."""
        return tuple(tokens(self.company))

    @property
    def person_words(self) -> tuple[str, ...]:
        """Folded words of the person's name (for ``person:``)."""
        return tuple(tokens(self.name))

    @property
    def tag_keys(self) -> tuple[str, ...]:
        """The keys of the person's tags and of the ``#inline`` ones (for ``tag:``; see
        :func:`tui.core.tags.tag_key`)."""
        keys = (found[0] for found in map(contact_tag, self.tags) if found)
        return tuple(dict.fromkeys((*keys, *self.hashtags)))

    def tag_places(self) -> list[tuple[int, str, str]]:
        """``(field number, tag key, spelling)`` for each tag this record carries itself:
        the contact's own tags, and ``#inline`` tags in its own fields (not the copies of its
        contact's fields in a conversation)."""
        found: dict[tuple[int, str], str] = {}  # a tag twice in one field is one place
        for number, item in enumerate(self.fields):
            if item.kind == "tags":
                for tag in self.tags:
                    given = contact_tag(tag)
                    if given is not None:
                        found.setdefault((number, given[0]), given[1])
            elif not item.from_contact and "#" in item.text:
                for match in find_tags(item.text):
                    found.setdefault((number, match.key), match.shown)
        return [(number, key, shown) for (number, key), shown in found.items()]


def conversation_key(conversation_id: str) -> str:
    """The index key of a conversation."""
    return "v:" + conversation_id


def contact_key(contact_id: str) -> str:
    """The index key of a contact."""
    return "p:" + contact_id


# Records come from JSON, so plain ``dict`` checks (much cheaper than ``Mapping``) suffice.
def _s(data: Mapping[str, Any], key: str) -> str:
    value = data.get(key)
    return clean(value) if type(value) is str else ""


def _items(data: Mapping[str, Any], key: str) -> list[dict[str, Any]]:
    value = data.get(key)
    return [v for v in value if type(v) is dict] if type(value) is list else []


def _map(data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = data.get(key)
    return value if isinstance(value, dict) else {}


def _day(*candidates: str) -> date | None:
    for text in candidates:
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            continue
    return None


def _hash(payload: object) -> str:
    raw = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str).encode()
    return "h:" + hashlib.blake2b(raw, digest_size=12).hexdigest()


def conversation_stamp(conversation: Mapping[str, Any]) -> str:
    """A cheap version stamp: the conversation's ``updated_at`` (a content hash without one)."""
    updated = conversation.get("updated_at")
    return updated if isinstance(updated, str) and updated else _hash(conversation)


def contact_stamp(contact: Mapping[str, Any]) -> str:
    """A version stamp of what the index takes from a contact (contacts carry no ``updated_at``)."""
    keys = ("name", "company", "role", "email", "tags", "notes", "created_at", "last_contacted")
    return _hash({k: contact.get(k) for k in keys})


def humanise(key: str) -> str:
    """A reflection prompt key as words: ``key-insights`` -> ``key insights``."""
    return safe_line(re.sub(r"[-_]+", " ", key), LABEL_CHARS) or "answer"


def _add(found: list[Field], kind: str, text: str, item_id: str = "", extra: str = "") -> None:
    if text.strip():
        found.append(make_field(kind, text, item_id, extra))


def contact_fields(contact: Mapping[str, Any], into_conversation: bool = False) -> list[Field]:
    """The contact's own fields; ``into_conversation`` gives those a conversation repeats."""
    found: list[Field] = []
    tags = TAG_JOIN.join(_tags(contact))
    if into_conversation:
        for kind, text in (("person", _s(contact, "name")), ("person_company",
                           _s(contact, "company")), ("person_tags", tags),
                           ("person_role", _s(contact, "role"))):
            _add(found, kind, text)
        return found
    for kind, text in (("name", _s(contact, "name")), ("company", _s(contact, "company")),
                       ("tags", tags), ("role", _s(contact, "role")),
                       ("email", _s(contact, "email")), ("contact_notes", _s(contact, "notes"))):
        _add(found, kind, text)
    return found


def _tags(contact: Mapping[str, Any]) -> list[str]:
    value = contact.get("tags")
    return [clean(t) for t in value if type(t) is str and t.strip()] \
        if type(value) is list else []


def _hashtags(fields: Iterable[Field]) -> tuple[str, ...]:
    """The keys of the ``#inline`` tags in ``fields``, each once."""
    found: dict[str, None] = {}
    for item in fields:
        if "#" in item.text:
            for match in find_tags(item.text):
                found.setdefault(match.key, None)
    return tuple(found)


def extract_contact(contact: Mapping[str, Any], stamp: str | None = None) -> RecordDoc:
    """The index record of a contact."""
    fields = tuple(contact_fields(contact))
    contact_id = _s(contact, "id")
    day = _day(_s(contact, "created_at"), _s(contact, "last_contacted")) or NO_DAY
    return RecordDoc(
        key=contact_key(contact_id), type=CONTACT, contact_id=contact_id, conversation_id=None,
        name=safe_line(_s(contact, "name")), moment=None, day=day,
        company=_s(contact, "company"), tags=tuple(_tags(contact)), fields=fields,
        stamp=stamp if stamp is not None else contact_stamp(contact),
        hashtags=_hashtags(fields),
    )


def extract_conversation(conversation: Mapping[str, Any], contact: Mapping[str, Any] | None,
                         stamp: str | None = None) -> RecordDoc:
    """The index record of a conversation, with its contact's name, company and tags."""
    found = _conversation_fields(conversation)
    live = _map(conversation, "live")
    when = _s(live, "started_at") or _s(conversation, "scheduled_at") or \
        _s(conversation, "created_at")
    status, kind = _s(conversation, "status"), _s(conversation, "kind")
    doc = RecordDoc(
        key=conversation_key(_s(conversation, "id")), type=CONVERSATION,
        contact_id=_s(conversation, "contact_id"), conversation_id=_s(conversation, "id"),
        name="", moment=when or None, day=_day(when) or NO_DAY, status=status or None,
        kind=kind or None, fields=tuple(found),
        stamp=stamp if stamp is not None else conversation_stamp(conversation),
        hashtags=_hashtags(found),
    )
    return with_contact(doc, contact if isinstance(contact, dict) else {})


def with_contact(doc: RecordDoc, contact: Mapping[str, Any]) -> RecordDoc:
    """A conversation's record with its contact's fields taken from ``contact``."""
    own = tuple(f for f in doc.fields if not f.from_contact)
    return replace(doc, name=safe_line(_s(contact, "name")), company=_s(contact, "company"),
                   tags=tuple(_tags(contact)),
                   fields=tuple(contact_fields(contact, into_conversation=True)) + own)


def _conversation_fields(c: Mapping[str, Any]) -> list[Field]:
    found: list[Field] = []
    for kind, text in (("topic", _s(c, "topic")), ("goal", _s(c, "goal")), ("ask", _s(c, "ask")),
                       ("place", _s(c, "place")), ("outreach", _s(_map(c, "outreach"), "draft")),
                       ("research", _s(c, "research_notes"))):
        _add(found, kind, text)
    for item in _items(c, "checklist"):
        step, item_id = _s(item, "text"), _s(item, "id")
        label = f"checklist: {safe_line(step, LABEL_CHARS)}" if step.strip() else "checklist"
        _add(found, "checklist", step, item_id, label)
        _add(found, "checklist_note", _s(item, "note"), item_id, label)
    for number, question in enumerate(_items(c, "questions"), start=1):
        question_id = _s(question, "id")
        _add(found, "question", _s(question, "text"), question_id, f"Q{number}")
        _add(found, "question_note", _s(question, "note"), question_id, f"Q{number} note")
    live = _map(c, "live")
    for note in _items(live, "notes"):
        _add(found, "quick_note", _s(note, "text"), _s(note, "id"),
             f"quick note {_stamp(note.get('at_seconds'))}")
    _add(found, "quick_note_draft", _s(live, "draft"))
    for prompt, answer in _map(_map(c, "reflection"), "answers").items():
        if isinstance(prompt, str) and isinstance(answer, str):
            _add(found, "reflection", clean(answer), extra=prompt)
    for action in _items(c, "actions"):
        _add(found, "action", _s(action, "text"), _s(action, "id"))
    for referral in _items(c, "referrals"):
        _add(found, "referral", _referral_text(referral), _s(referral, "id"))
    _add(found, "thank_you", _s(_map(c, "thank_you"), "draft"))
    for entry in _items(c, "followups"):
        on = _s(entry, "on")
        label = f"follow-up {on}" if _day(on) and len(on) == 10 else "follow-up"
        _add(found, "followup", _s(entry, "note"), _s(entry, "id"), label)
    return found


def _stamp(seconds: object) -> str:
    value = seconds if isinstance(seconds, int) and not isinstance(seconds, bool) else 0
    minutes, rest = divmod(max(0, value), 60)
    return f"{minutes:02d}:{rest:02d}"


def _referral_text(referral: Mapping[str, Any]) -> str:
    name, company, why = _s(referral, "name"), _s(referral, "company"), _s(referral, "why")
    who = f"{name} ({company})" if name and company else name or company
    return f"{who}: {why}" if who and why else who or why
