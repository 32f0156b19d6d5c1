"""Each record class reads through one function written from its fields; it must read every
document exactly as the field-by-field readers do: the same record, or the same first error."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import datetime, timezone, tzinfo
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core import models
from tui.core.models import record as record_module
from tui.core.models.inline_read import _plain_init
from tui.core.models.record import UNKNOWN, ModelError, Record, _layout, as_object, plain
from tui.core.profile import Profile

CLASSES = [models.Contact, models.Conversation, models.ActionItem, models.ChecklistItem,
           models.DraftMessage, models.FollowUp, models.LiveNote, models.LiveSession,
           models.Question, models.Referral, models.Reflection, Profile]

VALUES = st.one_of(
    st.text(max_size=8), st.sampled_from(["", " ", "x", "2026-11-29", "2026-11-29T10:00:00",
                                          "2026-11-29T10:00:00+01:00", "20261129", "2026-13-01",
                                          "person", "video", "done", "yes", "idea", "LinkedIn"]),
    st.none(), st.booleans(), st.integers(-3, 700), st.floats(allow_nan=False),
    st.lists(st.text(max_size=3), max_size=2), st.dictionaries(st.text(max_size=3),
                                                               st.text(max_size=3), max_size=2))


def by_fields(cls: type[Record], data: Any) -> Record:
    """How a record was read before: one reader call per field, then the class's __init__."""
    d = as_object(data, cls.WHAT)
    where = f"{cls.WHAT} {d.get('id', '?')}" if cls.NAMED_BY_ID else cls.WHAT
    layout = _layout(cls)
    values = {name: read(d, where) for name, read in layout.readers}
    strangers = d.keys() - layout.known
    values[UNKNOWN] = {k: plain(d[k]) for k in d if k in strangers} if strangers else {}
    record = cls(**values)
    record.validate(where)
    return record


class _Clock(datetime):
    @classmethod
    def now(cls, tz: tzinfo | None = None) -> _Clock:
        return cls(2026, 11, 29, 12, tzinfo=tz or timezone.utc)


def outcome(read: Any, cls: type[Record], data: Any) -> object:
    """What reading gives, with the same fresh ids and the same clock for both ways."""
    ids = iter(range(1000))
    saved = record_module.uuid.uuid4, record_module.datetime
    record_module.uuid.uuid4 = lambda: uuid.UUID(int=next(ids))  # type: ignore[assignment]
    record_module.datetime = _Clock  # type: ignore[misc]
    try:
        record = read(cls, data)
    except (ModelError, TypeError) as exc:
        return (type(exc), str(exc))
    finally:
        record_module.uuid.uuid4, record_module.datetime = saved  # type: ignore[misc]
    return (type(record), list(vars(record).items()))


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(CLASSES), st.data())
def test_any_document_reads_as_field_by_field(cls: type[Record], data: st.DataObject) -> None:
    names = [f.name for f in dataclasses.fields(cls) if f.name != UNKNOWN]  # type: ignore[arg-type]
    keys = st.sampled_from([*names, "extra", "id"])
    doc = data.draw(st.dictionaries(keys, VALUES, max_size=len(names) + 2))
    assert outcome(lambda c, d: c.from_dict(d), cls, doc) == outcome(by_fields, cls, doc)


@pytest.mark.parametrize("cls", CLASSES)
def test_records_round_trip_as_before(cls: type[Record]) -> None:
    required = {"name": "Ada", "contact_id": "p1", "text": "Ask", "on": "2026-11-29"}
    names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    record = cls.from_dict({k: v for k, v in required.items() if k in names})
    doc = {**record.to_dict(), "from_a_newer_version": [1, {"a": 2}]}
    assert outcome(lambda c, d: c.from_dict(d), cls, doc) == outcome(by_fields, cls, doc)
    assert _plain_init(cls)


def test_a_class_with_its_own_init_work_is_built_through_it() -> None:
    @dataclasses.dataclass
    class Shouted(Record):
        text: str = ""
        unknown_fields: dict[str, Any] = dataclasses.field(default_factory=dict, kw_only=True)

        def __post_init__(self) -> None:
            self.text = self.text.upper()

    assert not _plain_init(Shouted)
    assert Shouted.from_dict({"text": "x"}).text == "X"
