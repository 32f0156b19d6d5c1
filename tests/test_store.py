"""The store: CRUD, cascades, matching contacts, export/import merging, and round-trips."""

from __future__ import annotations

import json
import tempfile
from datetime import timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.layout_tools import conversation_files, main_file
from tui.core.models import (
    KINDS,
    MAX_MINUTES,
    MEDIUMS,
    QUESTION_STATES,
    STATUSES,
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
    Referral,
    Reflection,
)
from tui.core.storage import DATA_FILE
from tui.core.store import EXPORT_FORMAT, NotFoundError, Store

# -- contacts ----------------------------------------------------------------------------


def test_contact_crud_and_persistence(data_dir: Path) -> None:
    store = Store.open(data_dir)
    ada = store.save_contact(Contact(name="Ada Lovelace", company="Analytical", role="Engineer"))
    bob = store.save_contact(Contact(name="bob", company="Babbage & Co"))
    assert store.contact(ada.id) == ada
    assert [c.name for c in store.contacts()] == ["Ada Lovelace", "bob"]  # by name, any case
    ada.role = "Lead engineer"
    store.save_contact(ada)
    assert store.contact(ada.id).role == "Lead engineer"
    assert len(store.contacts()) == 2  # updated in place, not duplicated
    store.close()
    reopened = Store.open(data_dir, readonly=True)
    try:
        assert {c.id: c for c in reopened.contacts()} == {ada.id: ada, bob.id: bob}
    finally:
        reopened.close()


def test_missing_records_raise_not_found(store: Store) -> None:
    with pytest.raises(NotFoundError, match="no contact with id nope"):
        store.contact("nope")
    with pytest.raises(NotFoundError, match="no conversation with id nope"):
        store.conversation("nope")
    with pytest.raises(NotFoundError):
        store.delete_conversation("nope")
    with pytest.raises(NotFoundError):
        store.delete_contact("nope")
    assert store.contact_or_none("nope") is None
    assert store.contact_or_none(None) is None


def test_save_contact_validates(store: Store) -> None:
    with pytest.raises(ModelError, match="needs a name"):
        store.save_contact(Contact(name="   "))
    assert store.contacts() == []


def test_find_contact_ignores_case_and_spacing(store: Store) -> None:
    ada = store.save_contact(Contact(name="Ada Lovelace", company="Analytical Engines"))
    solo = store.save_contact(Contact(name="Grace Hopper"))
    assert store.find_contact("  ada   LOVELACE ", "analytical  engines") == ada
    assert store.find_contact("Ada Lovelace") == ada  # no company: the only Ada Lovelace
    assert store.find_contact("Ada Lovelace", "Other") is None  # another company: another Ada
    assert store.find_contact("grace hopper", "") == solo
    assert store.find_contact("Grace") is None
    store.save_contact(Contact(name="Ada Lovelace", company="Difference Engines"))
    assert store.find_contact("Ada Lovelace") is None  # two of them: the company must say


# -- conversations -----------------------------------------------------------------------


def test_conversation_crud(store: Store) -> None:
    ada = Contact(name="Ada")
    chat = store.new_conversation(ada, kind="industry", goal="learn about looms")
    assert store.contact(ada.id) == ada  # new_conversation saved the contact
    fetched = store.conversation(chat.id)
    assert fetched.kind == "industry"
    assert fetched.goal == "learn about looms"
    fetched.questions.append(Question(text="How did you start?", category="Career path"))
    fetched.status = "scheduled"
    saved = store.save_conversation(fetched)
    assert saved.updated_at >= chat.updated_at
    again = store.conversation(chat.id)
    assert again.status == "scheduled"
    assert [q.text for q in again.questions] == ["How did you start?"]
    assert len(store.conversations()) == 1
    store.delete_conversation(chat.id)
    assert store.conversations() == []


def test_conversation_needs_existing_contact(store: Store) -> None:
    with pytest.raises(NotFoundError, match="no contact with id ghost"):
        store.save_conversation(Conversation(contact_id="ghost"))
    assert store.conversations() == []


def test_conversations_filtered_by_contact(store: Store) -> None:
    ada, bob = Contact(name="Ada"), Contact(name="Bob")
    a1 = store.new_conversation(ada)
    a2 = store.new_conversation(ada)
    b1 = store.new_conversation(bob)
    assert {c.id for c in store.conversations(ada.id)} == {a1.id, a2.id}
    assert [c.id for c in store.conversations(bob.id)] == [b1.id]


def test_delete_contact_cascades_to_their_conversations_only(store: Store) -> None:
    ada, bob = Contact(name="Ada"), Contact(name="Bob")
    store.new_conversation(ada)
    store.new_conversation(ada)
    kept = store.new_conversation(bob)
    assert store.delete_contact(ada.id) == 2
    assert [c.id for c in store.conversations()] == [kept.id]
    assert [c.name for c in store.contacts()] == ["Bob"]
    assert list(conversation_files(store.path.parent)) == [f"{kept.id}.json"]
    assert len(main_file(store.path.parent)["contacts"]) == 1


# -- export and import -------------------------------------------------------------------


def _filled(folder: Path) -> dict:
    source = Store.open(folder)
    ada = Contact(name="Ada", company="Analytical", tags=["math"])
    source.new_conversation(ada, goal="one")
    source.new_conversation(ada, goal="two")
    source.new_conversation(Contact(name="Bob"), status="done")
    exported = source.export_data()
    source.close()
    return exported


def test_export_is_json_and_names_its_format(tmp_path: Path) -> None:
    exported = _filled(tmp_path / "a")
    assert exported["format"] == EXPORT_FORMAT
    assert json.loads(json.dumps(exported)) == exported
    assert len(exported["contacts"]) == 2
    assert len(exported["conversations"]) == 3


def test_import_merges_without_duplicates(tmp_path: Path) -> None:
    exported = _filled(tmp_path / "a")
    target = Store.open(tmp_path / "b")
    try:
        first = target.import_data(exported)
        assert (first.contacts_added, first.conversations_added, first.unchanged) == (2, 3, 0)
        second = target.import_data(exported)
        assert (second.contacts_added, second.contacts_updated) == (0, 0)
        assert (second.conversations_added, second.conversations_updated) == (0, 0)
        assert second.unchanged == 5
        assert "5 already present" in second.summary()
        changed = json.loads(json.dumps(exported))
        changed["contacts"][0]["role"] = "Countess"
        changed["conversations"][0]["goal"] = "changed"
        third = target.import_data(changed)
        assert (third.contacts_updated, third.conversations_updated, third.unchanged) == (1, 1, 3)
        assert len(target.contacts()) == 2
        assert len(target.conversations()) == 3
        assert {c.goal for c in target.conversations()} >= {"changed"}
    finally:
        target.close()


def test_import_rejects_unknown_contact_and_writes_nothing(store: Store) -> None:
    store.save_contact(Contact(name="Existing"))
    before = store.path.read_bytes()
    bad = {
        "format": EXPORT_FORMAT,
        "schema": 1,
        "contacts": [Contact(name="New").to_dict()],
        "conversations": [Conversation(contact_id="ghost").to_dict()],
    }
    with pytest.raises(ModelError, match="ghost"):
        store.import_data(bad)
    assert store.path.read_bytes() == before
    assert [c.name for c in store.contacts()] == ["Existing"]


@pytest.mark.parametrize(
    ("document", "words"),
    [
        ([], "not a coffeechat export"),
        ({"contacts": []}, "not a coffeechat export"),
        ({"format": EXPORT_FORMAT, "schema": 99}, "newer"),
        ({"format": EXPORT_FORMAT, "schema": 1, "contacts": {}}, "must be lists"),
        ({"format": EXPORT_FORMAT, "schema": 1, "contacts": [{"id": "x", "name": ""}]}, "name"),
        (
            {"format": EXPORT_FORMAT, "schema": 1,
             "contacts": [{"id": "x", "name": "A"}, {"id": "x", "name": "B"}]},
            "twice",
        ),
    ],
)
def test_import_rejects_bad_documents(store: Store, document: object, words: str) -> None:
    before = store.path.read_bytes()
    with pytest.raises(ModelError, match=words):
        store.import_data(document)
    assert store.path.read_bytes() == before


# -- property tests: models round-trip, on their own and through the store --------------

MARKUPISH = st.sampled_from(
    ["[bold]x[/]", "[/]", "[link=https://x.y]a[/link]", "\\[not markup]", "[", "]", "{name}",
     "<script>alert(1)</script>", "$HOME", "**bold**", "`code`", "\x1b[31mred", "line\nbreak"]
)
TEXT = st.one_of(st.text(max_size=40), MARKUPISH)
NONEMPTY = st.one_of(st.text(min_size=1, max_size=20).filter(str.strip), MARKUPISH)
NAME = NONEMPTY.map(str.strip).filter(bool)
IDS = st.text(min_size=1, max_size=16)
OFFSETS = st.integers(-14 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m)))
MOMENT = st.datetimes(timezones=OFFSETS).map(lambda d: d.isoformat())
DAY = st.dates().map(lambda d: d.isoformat())
DAY_OR_NONE = st.none() | DAY
MOMENT_OR_NONE = st.none() | MOMENT

contacts = st.builds(
    Contact,
    name=NAME,
    id=IDS,
    company=TEXT,
    role=TEXT,
    email=TEXT,
    linkedin=TEXT,
    how_found=TEXT,
    introduced_by=st.none() | IDS,
    tags=st.lists(TEXT, max_size=4),
    notes=TEXT,
    cadence_days=st.none() | st.integers(1, 10_000),
    last_contacted=DAY_OR_NONE,
    created_at=MOMENT,
)
messages = st.builds(DraftMessage, draft=TEXT, sent_on=DAY_OR_NONE)
conversations = st.builds(
    Conversation,
    contact_id=IDS,
    id=IDS,
    kind=st.sampled_from(KINDS),
    topic=TEXT,
    goal=TEXT,
    ask=TEXT,
    status=st.sampled_from(STATUSES),
    outreach=messages,
    scheduled_at=MOMENT_OR_NONE,
    minutes=st.integers(1, MAX_MINUTES),
    medium=st.sampled_from(MEDIUMS),
    place=TEXT,
    checklist=st.lists(
        st.builds(ChecklistItem, text=TEXT, section=TEXT, id=IDS, done=st.booleans(), note=TEXT),
        max_size=3,
    ),
    research_notes=TEXT,
    questions=st.lists(
        st.builds(Question, text=TEXT, category=TEXT, id=IDS,
                  state=st.sampled_from(QUESTION_STATES), note=TEXT,
                  starred=st.booleans(), added_live=st.booleans()),
        max_size=3,
    ),
    live=st.builds(
        LiveSession,
        started_at=MOMENT_OR_NONE,
        ended_at=MOMENT_OR_NONE,
        paused_at=MOMENT_OR_NONE,
        paused_seconds=st.integers(0, 10**6),
        notes=st.lists(
            st.builds(LiveNote, text=TEXT, at_seconds=st.integers(0, 10**5),
                      question_id=st.none() | IDS, id=IDS),
            max_size=3,
        ),
    ),
    reflection=st.builds(
        Reflection,
        answers=st.dictionaries(TEXT, TEXT, max_size=3),
        rating=st.none() | st.integers(1, 5),
    ),
    actions=st.lists(
        st.builds(ActionItem, text=TEXT, due=DAY_OR_NONE, done=st.booleans(), id=IDS),
        max_size=3,
    ),
    referrals=st.lists(
        st.builds(Referral, name=TEXT, company=TEXT, why=TEXT, contact_id=st.none() | IDS,
                  id=IDS),
        max_size=3,
    ),
    thank_you=messages,
    followups=st.lists(st.builds(FollowUp, on=DAY, note=TEXT, id=IDS), max_size=3),
    created_at=MOMENT,
    updated_at=MOMENT,
)


@given(contacts)
def test_contact_round_trips_through_dict_and_json(contact: Contact) -> None:
    assert Contact.from_dict(contact.to_dict()) == contact
    assert Contact.from_dict(json.loads(json.dumps(contact.to_dict()))) == contact
    assert contact.copy() == contact
    assert contact.copy() is not contact


@given(conversations)
def test_conversation_round_trips_through_dict_and_json(conversation: Conversation) -> None:
    assert Conversation.from_dict(conversation.to_dict()) == conversation
    as_json = json.loads(json.dumps(conversation.to_dict(), ensure_ascii=False))
    assert Conversation.from_dict(as_json) == conversation


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(contact=contacts, conversation=conversations)
def test_records_round_trip_through_the_store(contact: Contact, conversation: Conversation):
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder))
        try:
            assert store.save_contact(contact) == contact
            assert store.contact(contact.id) == contact
            owner = Contact(name="Owner", id=conversation.contact_id)
            if owner.id != contact.id:
                store.save_contact(owner)
            conversation.contact_id = owner.id if owner.id != contact.id else contact.id
            saved = store.save_conversation(conversation)
        finally:
            store.close()
        reopened = Store.open(Path(folder), readonly=True)
        try:
            assert reopened.contact(contact.id) == contact
            back = reopened.conversation(conversation.id)
        finally:
            reopened.close()
        assert back == saved
        saved.updated_at = conversation.updated_at
        assert saved == conversation
        raw = json.loads((Path(folder) / DATA_FILE).read_bytes())
        assert raw["contacts"] and "conversations" not in raw
        assert list(conversation_files(Path(folder)).values()) == [back.to_dict()]


def test_listings_never_show_a_stale_conversation(store) -> None:
    from tui.core.models import Contact

    first = store.new_conversation(Contact(name="Ana"), goal="before")
    other = store.new_conversation(Contact(name="Bo"), goal="untouched")
    listed = {c.id: c for c in store.summaries()}
    editable = store.conversation(first.id)
    editable.goal = "after"
    assert {c.id: c.goal for c in store.summaries()}[first.id] == "before"
    store.save_conversation(editable)
    again = {c.id: c for c in store.summaries()}
    assert again[first.id].goal == "after"
    assert again[other.id] is listed[other.id]  # unchanged ones are not read again
    store.delete_conversation(other.id)
    assert [c.id for c in store.summaries()] == [first.id]
    assert [c.id for c in store.conversations()] == [first.id]
