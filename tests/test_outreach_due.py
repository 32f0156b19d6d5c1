"""The follow-up routine read off the user's records: Due items, replies, speeds, the nudge."""

from __future__ import annotations

from datetime import date

import pytest

from tests.routine_data import NOW, routine_records
from tui.core.due_actions import settle
from tui.core.followup import due_items
from tui.core.models import Conversation, DraftMessage
from tui.core.outreach import mark_sent, unmark_sent
from tui.core.outreach_due import (
    NUDGE_NOTE,
    contact_speeds,
    mark_replied,
    nudge_text,
    reply_label,
    routine_items,
    second_contacts,
)
from tui.core.outreach_routine import RoutineSettings


def kinds(items) -> list[tuple[str, str, str]]:
    return [(i.kind, i.level, i.due_text) for i in items]


def test_both_steps_are_due_for_an_outreach_without_reply() -> None:
    contacts, chats = routine_records()
    items = routine_items(contacts, chats, NOW)
    assert sorted(kinds(items)) == [("outreach-follow-up", "overdue", "2026-12-02"),
                                    ("outreach-second-contact", "overdue", "2026-11-26")]
    second = next(i for i in items if i.kind == "outreach-second-contact")
    assert second.reason == ("no reply from Ana Silva after 8 business days: reach out to a "
                             "second person at Acme Robotics")
    assert second.conversation_id == "chat-ana" and second.contact == "Ana Silva"
    # They reach the Due list, and its JSON, with their own kinds.
    listed = [i.to_json()["kind"] for i in due_items(contacts, chats, NOW)]
    assert listed.count("outreach-second-contact") == 1
    assert listed.count("outreach-follow-up") == 1


def test_the_numbers_are_settings_and_holidays_count() -> None:
    contacts, chats = routine_records()
    later = RoutineSettings(second_contact_after=5, follow_up_after=9)
    assert kinds(routine_items(contacts, chats, NOW, later)) == [
        ("outreach-second-contact", "overdue", "2026-11-30")]
    # Two holidays push the second contact to Tuesday 1 December.
    off = RoutineSettings(5, 9, holidays=frozenset({date(2026, 11, 26), date(2026, 11, 27)}))
    assert kinds(routine_items(contacts, chats, NOW, off)) == [
        ("outreach-second-contact", "overdue", "2026-12-02")]


@pytest.mark.parametrize("answer", ["yes", "no", "later"])
def test_a_reply_of_any_kind_stops_the_routine(answer: str) -> None:
    contacts, chats = routine_records()
    mark_replied(chats[0], date(2026, 12, 1), answer)
    assert routine_items(contacts, chats, NOW) == []
    assert chats[0].outreach.to_dict()["reply"] == answer
    assert reply_label(chats[0], NOW) == (f"replied {answer} on 2026-12-01 · replied slowly "
                                          "(6 business days)")


def test_a_chat_that_moved_on_counts_as_answered() -> None:
    contacts, chats = routine_records()
    chats[0].status = "scheduled"
    assert routine_items(contacts, chats, NOW) == []


def test_mark_replied_refuses_nonsense() -> None:
    _contacts, chats = routine_records()
    with pytest.raises(ValueError, match="before the outreach"):
        mark_replied(chats[0], date(2026, 11, 20), "yes")
    with pytest.raises(ValueError, match="one of yes, no, later"):
        mark_replied(chats[0], date(2026, 11, 24), "maybe")
    with pytest.raises(ValueError, match="not marked as sent"):
        mark_replied(Conversation(contact_id="x"), date(2026, 11, 24), "yes")


def test_writing_to_a_second_person_there_ends_that_step() -> None:
    contacts, chats = routine_records()
    chats.append(Conversation(contact_id="bob", id="chat-bob",
                              outreach=DraftMessage(sent_on="2026-11-27")))
    assert [i.kind for i in routine_items(contacts, chats, NOW)
            if i.conversation_id == "chat-ana"] == ["outreach-follow-up"]


def test_the_logged_follow_up_ends_the_last_step() -> None:
    contacts, chats = routine_records()
    item = next(i for i in routine_items(contacts, chats, NOW) if i.kind == "outreach-follow-up")
    message = settle(item, chats[0], contacts[0], NOW.date())
    assert message == "Logged the follow-up to Ana Silva as sent today."
    assert [(f.on, f.note) for f in chats[0].followups] == [("2026-12-03", NUDGE_NOTE)]
    assert [i.kind for i in routine_items(contacts, chats, NOW)] == ["outreach-second-contact"]
    second = routine_items(contacts, chats, NOW)[0]
    with pytest.raises(ValueError, match="enter suggests who"):
        settle(second, chats[0], contacts[0], NOW.date())


def test_reply_speed_per_contact_and_who_to_write_to_next() -> None:
    contacts, chats = routine_records()
    speeds = contact_speeds(chats, NOW)
    assert {k: v.label for k, v in speeds.items()} == {
        "ana": "no reply after 8 business days",
        "dana": "replied fast (1 business day)",
        "carla": "waiting for a reply (2 business days)",
    }
    # Bob (not written to yet) first, then Dana (replied fast before); never Ana herself.
    assert [c.name for c in second_contacts(contacts[0], contacts, chats, NOW)] == \
        ["Bob Lee", "Dana Li"]
    assert second_contacts(contacts[3], contacts, chats, NOW) == []


def test_the_nudge_greets_by_first_name_and_recalls_the_first_message() -> None:
    contacts, chats = routine_records()
    text = nudge_text(chats[0], contacts[0], "Sam Park")
    assert text.startswith("Hi Ana,\n\nI'm following up on my note of Monday 23 November")
    assert "your advice on how you moved into robotics research" in text
    assert text.endswith("Thank you,\nSam Park\n")


def test_marking_sent_keeps_the_moment_and_unmarking_clears_it() -> None:
    chat = Conversation(contact_id="x")
    mark_sent(chat, NOW.date(), NOW)
    assert (chat.outreach.sent_on, chat.outreach.sent_at) == ("2026-12-03",
                                                             "2026-12-03T20:00:00+00:00")
    assert Conversation.from_dict(chat.to_dict()).outreach == chat.outreach
    unmark_sent(chat)
    assert chat.outreach.sent_at is None and chat.status == "idea"
