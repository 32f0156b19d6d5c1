"""The compiled readers and writers of the records behave exactly as the field readers they are
made from: the same record, or the same error message, for any document."""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import uuid
from collections.abc import Iterator
from datetime import datetime
from typing import Any
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.models import (
    ActionItem,
    ChecklistItem,
    Contact,
    Conversation,
    DraftMessage,
    FollowUp,
    LiveNote,
    LiveSession,
    ModelError,
    Question,
    Record,
    Referral,
    Reflection,
)
from tui.core.models import record as record_module
from tui.core.models.record import UNKNOWN, _layout, as_object, plain
from tui.core.profile import Profile

CLASSES = [Conversation, Contact, Question, ChecklistItem, DraftMessage, LiveSession, LiveNote,
           Reflection, ActionItem, Referral, FollowUp, Profile]


class Text(str):
    """Text that is not exactly ``str`` (the readers accept it; the fast paths pass it on)."""


ODD_VALUES = st.sampled_from([
    None, "", "x", " ", Text("sub"), Text(""), "person", "done", "asked", "yes", "coffee",
    "2026-01-01", "2026-01-01T10:00:00+00:00", "2026-13-45", "yesterday", 0, -1, 3, 30, 601,
    True, False, 1.5, [], ["a"], [1], [None], [{}], [{"text": "q"}], [{"text": ""}], {},
    {"a": "b"}, {"a": 1}, {"text": "t"}, "\ud83d"])
MISSING = object()


def reference_from_dict(cls: type[Record], data: Any) -> Record:
    """``from_dict`` as the readers alone do it: each field's reader, in order."""
    d = as_object(data, cls.WHAT)
    where = f"{cls.WHAT} {d.get('id', '?')}" if cls.NAMED_BY_ID else cls.WHAT
    layout = _layout(cls)
    values = {name: read(d, where) for name, read in layout.readers}
    strangers = d.keys() - layout.known
    values[UNKNOWN] = {k: plain(d[k]) for k in d if k in strangers} if strangers else {}
    record = cls(**values)
    record.validate(where)
    return record


def reference_to_dict(record: Record) -> dict[str, Any]:
    doc: dict[str, Any] = {}
    for name, write in _layout(type(record)).writers:
        value = getattr(record, name)
        if record.OMIT_UNSET and not value and name in record.OMIT_UNSET:
            continue
        doc[name] = value if write is None else write(value)
    for key, value in record.unknown_fields.items():
        doc.setdefault(key, plain(value))
    return doc


class Clock(datetime):
    """A clock stopped at one moment, so that made-up timestamps compare equal."""

    @classmethod
    def now(cls, tz: Any = None) -> Clock:
        return cls(2026, 11, 29, 12, 0, 0)


@contextlib.contextmanager
def fixed_ids_and_clock() -> Iterator[None]:
    """Ids made for records without one come in the same order each time; so do moments."""
    counter = itertools.count(1)
    with mock.patch.object(record_module.uuid, "uuid4", lambda: uuid.UUID(int=next(counter))), \
            mock.patch.object(record_module, "datetime", Clock):
        yield


def outcome(read: Any, cls: type[Record], doc: Any) -> tuple[str, Any]:
    try:
        with fixed_ids_and_clock():
            record = read(cls, doc)
    except ModelError as exc:
        return "error", str(exc)
    kinds = {f.name: type(getattr(record, f.name)) for f in dataclasses.fields(record)}
    return "record", (record, kinds, list(reference_to_dict(record).items()))


@st.composite
def documents(draw: st.DrawFn) -> tuple[type[Record], Any]:
    cls = draw(st.sampled_from(CLASSES))
    base = {"contact_id": "p1", "name": "Ana", "text": "t", "on": "2026-01-02", "id": "i1"}
    doc = {name: value for name, value in base.items() if name in _layout(cls).known}
    names = [*sorted(_layout(cls).known), "future", UNKNOWN]
    for name in draw(st.lists(st.sampled_from(names), max_size=6)):
        value = draw(ODD_VALUES | st.just(MISSING))
        if value is MISSING:
            doc.pop(name, None)
        else:
            doc[name] = value
    return cls, draw(st.sampled_from([doc, doc, doc, None, ["not", "a", "doc"]]))


@settings(max_examples=600, deadline=None)
@given(documents())
def test_compiled_reading_matches_the_field_readers(case: tuple[type[Record], Any]) -> None:
    cls, doc = case
    expected = outcome(reference_from_dict, cls, doc)
    assert outcome(lambda c, d: c.from_dict(d), cls, doc) == expected
    if expected[0] == "record":
        record = expected[1][0]
        assert list(record.to_dict().items()) == list(reference_to_dict(record).items())


def test_every_field_of_a_full_conversation_round_trips() -> None:
    doc = {
        "id": "c1", "contact_id": "p1", "kind": "company", "topic": "t", "goal": "g", "ask": "a",
        "status": "done", "outreach": {"draft": "d", "sent_on": "2026-01-01", "reply": "yes"},
        "scheduled_at": "2026-01-05T10:00:00+01:00", "minutes": 45, "medium": "phone",
        "place": "p", "checklist": [{"text": "c", "done": True}], "research_notes": "r",
        "questions": [{"text": "q", "state": "asked", "starred": True}],
        "live": {"started_at": "2026-01-05T10:00:00+01:00", "notes": [{"text": "n"}]},
        "reflection": {"answers": {"k": "v"}, "rating": 4},
        "actions": [{"text": "a", "due": "2026-01-09"}], "referrals": [{"name": "Bo"}],
        "thank_you": {"draft": "thanks"}, "followups": [{"on": "2026-02-01"}],
        "created_at": "2026-01-01T09:00:00+00:00", "updated_at": "2026-01-06T09:00:00+00:00",
    }
    kind, (record, _, written) = outcome(lambda c, d: c.from_dict(d), Conversation, doc)
    assert (kind, record) == ("record", reference_from_dict(Conversation, record.to_dict()))
    assert list(record.to_dict().items()) == written
    assert written[-1] == ("updated_at", "2026-01-06T09:00:00+00:00")
    assert record.questions[0].state == "asked" and record.live.notes[0].text == "n"
