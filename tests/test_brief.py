"""The brief before meeting someone again, worked out from earlier conversations (no UI)."""

from __future__ import annotations

from export_data import marcus_chat, people

from tui.core.brief import brief_heading, build_brief, earlier_ids, questions_to_carry, wants_brief
from tui.core.models import ActionItem, Contact, Conversation, LiveSession, Question, Referral
from tui.core.summary import summarise


def _contacts() -> list[Contact]:
    jonas = Contact(id="c-jonas", name="Jonas Berg", company="Tidewater",
                    introduced_by="c-marcus")
    lena = Contact(id="c-lena", name="Lena Fox", introduced_by="c-marcus")
    return [*people().values(), jonas, lena]


def _later() -> Conversation:
    """A second held chat with Marcus, a month later: asks what was skipped before."""
    return Conversation(
        id="chat-marcus-b", contact_id="c-marcus", status="thanked",
        scheduled_at="2027-01-10T10:00:00+00:00",
        live=LiveSession(started_at="2027-01-10T10:00:00+00:00",
                         ended_at="2027-01-10T10:20:30+00:00"),
        questions=[Question(text="typical week", state="asked"),
                   Question(text="Which team would you join today?", state="pending"),
                   Question(text="What surprised you", state="skipped")],
        actions=[ActionItem(text="Send the deck", done=False)],
        referrals=[Referral(name="jonas  berg"), Referral(name="Ines Roy", company="Gridco")],
        created_at="2027-01-01T10:00:00+00:00")


def test_only_a_conversation_not_held_with_someone_met_wants_a_brief() -> None:
    plan = Conversation(id="p", contact_id="c-marcus", status="scheduled")
    assert wants_brief(plan) and not wants_brief(marcus_chat())
    started = Conversation(id="s", contact_id="c-marcus", status="scheduled",
                           live=LiveSession(started_at="2027-02-01T10:00:00+00:00"))
    assert not wants_brief(started)
    idea = Conversation(id="i", contact_id="c-marcus", status="idea")
    other = Conversation(id="o", contact_id="c-priya", status="done")
    summaries = [summarise(c) for c in (marcus_chat(), _later(), plan, idea, other)]
    assert earlier_ids(plan, summaries) == ["chat-marcus-b", "chat-marcus"]
    assert earlier_ids(Conversation(id="x", contact_id="c-nobody"), summaries) == []


def test_the_brief_of_one_earlier_chat() -> None:
    contacts = _contacts()
    brief = build_brief(contacts[1], [marcus_chat()], contacts)
    assert brief is not None
    assert brief_heading(brief) == "Last time with Marcus Lee: 2026-12-03, 31 min"
    assert (brief.last_goal, brief.last_ask) == ("Understand a data engineer's week",
                                                 "An intro to the grid analytics team")
    assert [(i.label, i.text, i.starred) for i in brief.learned] == [
        ("How did you start?", "As an analyst.\nThen pipelines.", True),
        ("Key insights", "On-call is **most** of it.", False),
        ("Next steps", "Email Priya Raman.", False),
        ("My own prompt", "An extra answer.", False)]
    assert [(o.text, o.due) for o in brief.open_items] == [
        ("Read DDIA ch. 3", "2026-12-05"), ("Thank-you for the chat of 2026-12-03 not sent", None)]
    assert [u.text for u in brief.unasked] == ["Typical week?", "What surprised you?"]
    assert [(p.name, p.contact_id, p.why) for p in brief.introduced] == [
        ("Jonas Berg", "c-jonas", "runs grid analytics"), ("Priya Raman", "c-priya", ""),
        ("Lena Fox", "c-lena", "")]


def test_several_chats_newest_first_and_questions_asked_later_are_not_carried() -> None:
    contacts = _contacts()
    brief = build_brief(contacts[1], [marcus_chat(), _later()], contacts)
    assert brief is not None and brief.meetings == 2 and brief.last_id == "chat-marcus-b"
    assert brief_heading(brief) == "Last time with Marcus Lee: 2027-01-10, 20 min (2 chats before)"
    assert [u.text for u in brief.unasked] == ["Which team would you join today?",
                                               "What surprised you"]
    assert [o.text for o in brief.open_items][:2] == ["Send the deck", "Read DDIA ch. 3"]
    names = [(p.name, p.contact_id) for p in brief.introduced]
    assert names[:2] == [("Jonas Berg", "c-jonas"), ("Ines Roy", None)]
    assert len([n for n, _ in names if n == "Jonas Berg"]) == 1


def test_questions_to_carry_leave_out_what_the_plan_has_in_any_wording() -> None:
    contacts = _contacts()
    brief = build_brief(contacts[1], [marcus_chat()], contacts)
    assert brief is not None
    plan = [Question(text="  TYPICAL week ")]
    assert [u.text for u in questions_to_carry(brief, plan)] == ["What surprised you?"]
    plan.append(Question(text="what surprised you"))
    assert questions_to_carry(brief, plan) == []


def test_no_brief_without_a_held_chat_with_them() -> None:
    contacts = _contacts()
    idea = Conversation(id="i", contact_id="c-marcus", status="idea",
                        questions=[Question(text="Never held?")])
    assert build_brief(contacts[1], [idea], contacts) is None
    assert build_brief(contacts[1], [], contacts) is None
