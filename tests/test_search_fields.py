"""What search indexes: every field of a conversation and a contact, labelled and located."""

from __future__ import annotations

from datetime import date

from tests import search_data
from tui.core.search_fields import (
    KINDS,
    Locator,
    contact_stamp,
    conversation_stamp,
    extract_contact,
    extract_conversation,
    field_extra,
    make_field,
    with_contact,
)


def _jose() -> tuple[dict, dict]:
    conversation, contact = search_data.records()[0]
    assert conversation is not None and contact is not None
    return conversation, contact


def test_every_conversation_field_with_label_and_locator() -> None:
    conversation, contact = _jose()
    doc = extract_conversation(conversation, contact)
    found = {(f.kind, f.label, f.text[:30]): f.locator.to_json() for f in doc.fields}
    assert found == {
        ("person", "person", "José García"): {"pane": "details", "field": "person"},
        ("person_company", "company", "Stripe"): {"pane": "details", "field": "company"},
        ("person_tags", "tags", "fintech, payments"): {"pane": "details", "field": "tags"},
        ("person_role", "role", "Payments engineer"): {"pane": "details", "field": "role"},
        ("topic", "topic", "Stripe"): {"pane": "details", "field": "topic"},
        ("goal", "goal", "Understand how payments teams "):
            {"pane": "prep", "part": "questions", "field": "goal"},
        ("ask", "the ask", "An introduction to the risk te"):
            {"pane": "prep", "part": "questions", "field": "ask"},
        ("place", "place", "Café Aroma"): {"pane": "prep", "part": "schedule", "field": "place"},
        ("outreach", "outreach", "Hi José, could we talk about D"):
            {"pane": "prep", "part": "outreach", "field": "draft"},
        ("research", "research notes", "Stripe opened a Dublin office."):
            {"pane": "prep", "part": "research", "field": "research_notes"},
        ("checklist", "checklist: Read his posts on LinkedIn", "Read his posts on LinkedIn"):
            {"pane": "prep", "part": "research", "item_id": "ck1", "field": "text"},
        ("checklist_note", "checklist: Read his posts on LinkedIn",
         "He wrote about ledger design"):
            {"pane": "prep", "part": "research", "item_id": "ck1", "field": "note"},
        ("question", "Q1", "How did you get into payments?"):
            {"pane": "prep", "part": "questions", "item_id": "q1", "field": "text"},
        ("question_note", "Q1 note", "Started in support, moved to t"):
            {"pane": "live", "part": "questions", "item_id": "q1", "field": "note"},
        ("question", "Q2", "What does a typical week look "):
            {"pane": "prep", "part": "questions", "item_id": "q2", "field": "text"},
        ("question", "Q3", "Who decides on compliance?"):
            {"pane": "prep", "part": "questions", "item_id": "q3", "field": "text"},
        ("question_note", "Q3 note", "Legal has a veto on every laun"):
            {"pane": "live", "part": "questions", "item_id": "q3", "field": "note"},
        ("quick_note", "quick note 12:40", "Moving to Dublin next spring"):
            {"pane": "live", "part": "log", "item_id": "n1", "field": "text"},
        ("quick_note_draft", "quick note draft", "unsent thought about kestrel"):
            {"pane": "live", "part": "log", "field": "draft"},
        ("reflection", "reflection: key insights", "Compliance shapes the roadmap."):
            {"pane": "reflect", "part": "reflection", "prompt": "key-insights"},
        ("reflection", "reflection: what surprised me", "How small the ledger team is."):
            {"pane": "reflect", "part": "reflection", "prompt": "what-surprised-me"},
        ("action", "action", "Read the ledger design post"):
            {"pane": "reflect", "part": "actions", "item_id": "a1", "field": "text"},
        ("referral", "referral", "Priya Raman (Monzo): runs frau"):
            {"pane": "reflect", "part": "referrals", "item_id": "r1"},
        ("thank_you", "thank-you", "Thank you, José, for the ledge"):
            {"pane": "reflect", "part": "thank-you", "field": "draft"},
        ("followup", "follow-up 2026-04-01", "Sent the article on settlement"):
            {"pane": "reflect", "part": "followups", "item_id": "f1", "field": "note"},
    }
    used = {f.kind for f in doc.fields} | {f.kind for f in extract_contact(contact).fields}
    assert used == set(KINDS)  # the fixture covers every kind there is


def test_conversation_record_facts() -> None:
    conversation, contact = _jose()
    doc = extract_conversation(conversation, contact)
    assert (doc.key, doc.type, doc.conversation_id, doc.contact_id) == (
        "v:c-jose", "conversation", "c-jose", "jose")
    assert doc.name == "José García" and doc.company == "Stripe"
    assert doc.moment == "2026-03-10T15:02:00+01:00"  # the call's start, not the plan
    assert doc.day == date(2026, 3, 10)
    assert (doc.status, doc.kind) == ("done", "company")
    assert doc.tags == ("fintech", "payments")
    assert doc.stamp == "2026-03-11T09:00:00+01:00"


def test_contact_record() -> None:
    _, contact = _jose()
    doc = extract_contact(contact)
    assert [(f.kind, f.label, f.locator.to_json()) for f in doc.fields] == [
        ("name", "name", {"pane": "contact", "field": "name"}),
        ("company", "company", {"pane": "contact", "field": "company"}),
        ("tags", "tags", {"pane": "contact", "field": "tags"}),
        ("role", "role", {"pane": "contact", "field": "role"}),
        ("email", "email", {"pane": "contact", "field": "email"}),
        ("contact_notes", "contact notes", {"pane": "contact", "field": "notes"}),
    ]
    assert doc.moment is None and doc.conversation_id is None
    assert doc.hashtags == ("mentoring",)  # #tags typed in notes count as tags
    assert "mentoring" in doc.tag_keys and "fintech" in doc.tag_keys


def test_dates_fall_back_from_call_to_schedule_to_creation() -> None:
    conversation, contact = _jose()
    conversation["live"]["started_at"] = None
    assert extract_conversation(conversation, contact).moment == "2026-03-10T15:00:00+01:00"
    conversation["scheduled_at"] = None
    assert extract_conversation(conversation, contact).day == date(2026, 2, 20)


def test_a_new_contact_replaces_the_person_in_a_conversation() -> None:
    conversation, contact = _jose()
    doc = extract_conversation(conversation, contact)
    renamed = with_contact(doc, {**contact, "name": "José G. Pérez", "company": "Adyen"})
    assert renamed.name == "José G. Pérez" and renamed.company == "Adyen"
    assert [f.text for f in renamed.fields if f.from_contact][:2] == ["José G. Pérez", "Adyen"]
    assert [f for f in renamed.fields if not f.from_contact] == [
        f for f in doc.fields if not f.from_contact]


def test_fields_survive_storage_as_kind_item_and_extra() -> None:
    conversation, contact = _jose()
    for item in extract_conversation(conversation, contact).fields:
        again = make_field(item.kind, item.text, item.locator.item_id, field_extra(item))
        assert again == item


def test_damaged_records_are_read_as_far_as_possible() -> None:
    broken = {"id": "x", "contact_id": 7, "goal": ["not", "text"], "questions": "oops",
              "checklist": [None, {"text": 5}, {"text": "ok", "id": "c"}],
              "live": {"notes": [{"text": "note", "at_seconds": "soon"}]},
              "reflection": {"answers": {"k": 3, "key-insights": "fine"}},
              "followups": [{"on": "not a date", "note": "later"}], "scheduled_at": "garbage"}
    doc = extract_conversation(broken, None)
    assert [(f.kind, f.label) for f in doc.fields] == [
        ("checklist", "checklist: ok"), ("quick_note", "quick note 00:00"),
        ("reflection", "reflection: key insights"), ("followup", "follow-up")]
    assert doc.day == date(1970, 1, 1) and doc.contact_id == ""


def test_labels_from_user_text_are_single_safe_lines() -> None:
    conversation, contact = _jose()
    conversation["checklist"][0]["text"] = "Step\x1b[31m one\nwith a very long text " * 3
    conversation["reflection"]["answers"] = {"weird\x07--prompt": "answer"}
    labels = [f.label for f in extract_conversation(conversation, contact).fields]
    step = next(label for label in labels if label.startswith("checklist:"))
    assert "\x1b" not in step and "\n" not in step and step.endswith("…")
    assert "reflection: weird␇ prompt" in labels


def test_stamps() -> None:
    conversation, contact = _jose()
    assert conversation_stamp(conversation) == conversation["updated_at"]
    del conversation["updated_at"]
    first = conversation_stamp(conversation)
    conversation["goal"] = "changed"
    assert conversation_stamp(conversation) != first
    before = contact_stamp(contact)
    assert contact_stamp({**contact, "linkedin": "x"}) == before  # not indexed, not stale
    assert contact_stamp({**contact, "name": "Other"}) != before


def test_locator_round_trip() -> None:
    locator = Locator("live", "questions", "q3", "", "note")
    assert Locator.from_json(locator.to_json()) == locator
