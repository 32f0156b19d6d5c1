"""The due logic with a fixed clock: thank-you windows, action dates, cadences, referrals."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from tui.core.followup import (
    add_followup,
    call_end,
    due_items,
    due_summary,
    keep_in_touch_on,
    last_touch,
    log_touch,
    thank_you_status,
)
from tui.core.models import (
    ActionItem,
    Contact,
    Conversation,
    DraftMessage,
    FollowUp,
    LiveSession,
    Referral,
)

UTC = timezone.utc
EST = timezone(timedelta(hours=-5))


def person(**kw: object) -> Contact:
    return Contact(name=str(kw.pop("name", "Ana Silva")), id=str(kw.pop("id", "ana")), **kw)


def chat(**kw: object) -> Conversation:
    return Conversation(contact_id=str(kw.pop("contact_id", "ana")), **kw)


def ended(at: str, **kw: object) -> Conversation:
    return chat(status="done", live=LiveSession(started_at=at, ended_at=at), **kw)


# -- the thank-you window -------------------------------------------------------------------

def test_call_ended_late_evening_at_utc_minus_5_is_due_across_midnight_in_utc() -> None:
    c = ended("2026-12-03T23:30:00-05:00")  # 04:30 UTC on the 4th
    status = thank_you_status(c, datetime(2026, 12, 4, 20, 0, tzinfo=UTC))
    assert status.state == "due"
    assert status.deadline == datetime(2026, 12, 5, 4, 30, tzinfo=UTC)
    assert status.label(datetime(2026, 12, 4, 20, 0, tzinfo=UTC)) == "thank-you due · 8h left"
    # The same instant seen from UTC-5 is the same answer: time zones do not move deadlines.
    assert thank_you_status(c, datetime(2026, 12, 4, 15, 0, tzinfo=EST)).state == "due"


def test_thank_you_turns_overdue_exactly_24_hours_after_the_end() -> None:
    c = ended("2026-12-03T23:30:00-05:00")
    deadline = datetime(2026, 12, 5, 4, 30, tzinfo=UTC)
    assert thank_you_status(c, deadline - timedelta(minutes=1)).state == "due"
    assert thank_you_status(c, deadline - timedelta(minutes=1)).label(
        deadline - timedelta(minutes=1)) == "thank-you due · 1m left"
    late = thank_you_status(c, deadline)
    assert late.state == "overdue"
    assert late.label(deadline + timedelta(hours=47)) == "thank-you overdue by 47h"
    assert late.label(deadline + timedelta(days=3)) == "thank-you overdue by 3 days"


def test_without_a_live_session_the_scheduled_slot_counts() -> None:
    c = chat(status="scheduled", scheduled_at="2026-12-03T14:30:00+00:00", minutes=45)
    assert call_end(c) == datetime(2026, 12, 3, 15, 15, tzinfo=UTC)
    assert thank_you_status(c, datetime(2026, 12, 3, 15, 0, tzinfo=UTC)).state == "none"
    status = thank_you_status(c, datetime(2026, 12, 3, 16, 15, tzinfo=UTC))
    assert (status.state, status.label(datetime(2026, 12, 3, 16, 15, tzinfo=UTC))) == (
        "due", "thank-you due · 23h left")


@pytest.mark.parametrize("status", ["idea", "reached_out"])
def test_ideas_and_outreach_never_make_a_thank_you_due(status: str) -> None:
    c = chat(status=status, scheduled_at="2026-01-01T10:00:00+00:00")
    now = datetime(2026, 12, 3, tzinfo=UTC)
    assert thank_you_status(c, now).state == "none"
    assert due_items([person()], [c], now) == []


def test_a_sent_note_or_thanked_status_is_never_due() -> None:
    now = datetime(2026, 12, 10, tzinfo=UTC)
    sent = ended("2026-12-03T10:00:00+00:00", thank_you=DraftMessage(sent_on="2026-12-03"))
    assert thank_you_status(sent, now).state == "sent"
    assert thank_you_status(sent, now).label(now) == "thank-you sent Thu 03 Dec"
    thanked = chat(status="thanked", scheduled_at="2026-12-03T10:00:00+00:00")
    assert thank_you_status(thanked, now).state == "sent"


def test_a_running_call_is_not_due_yet() -> None:
    c = chat(status="scheduled", scheduled_at="2026-12-03T10:00:00+00:00",
             live=LiveSession(started_at="2026-12-03T10:00:00+00:00"))
    assert thank_you_status(c, datetime(2026, 12, 3, 10, 20, tzinfo=UTC)).state == "none"


def test_done_without_any_date_is_due_without_a_deadline() -> None:
    status = thank_you_status(chat(status="done"), datetime(2026, 12, 3, tzinfo=UTC))
    assert status.state == "due" and status.deadline is None
    assert status.label(datetime(2026, 12, 3, tzinfo=UTC)) == "thank-you not sent yet"


# -- action items ---------------------------------------------------------------------------

def test_action_due_dates_are_read_in_the_users_time_zone() -> None:
    c = chat(actions=[ActionItem(text="Send CV", due="2026-12-04")])
    # 02:00 UTC on the 5th is still 21:00 on the 4th at UTC-5: due today there, overdue in UTC.
    assert due_items([person()], [c], datetime(2026, 12, 4, 21, 0, tzinfo=EST))[0].level == "due"
    late = due_items([person()], [c], datetime(2026, 12, 5, 2, 0, tzinfo=UTC))[0]
    assert (late.level, late.reason) == ("overdue", "action overdue since Fri 04 Dec: Send CV")


def test_actions_soon_later_done_or_undated() -> None:
    now = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    c = chat(actions=[
        ActionItem(text="soon", due="2026-12-04"),
        ActionItem(text="later", due="2026-12-05"),
        ActionItem(text="done", due="2026-11-01", done=True),
        ActionItem(text="undated"),
    ])
    items = due_items([person()], [c], now, soon_days=3)
    assert [(i.level, i.reason) for i in items] == [("soon", "action due Fri 04 Dec: soon")]
    week = due_items([person()], [c], now)  # by default: the coming week
    assert [i.reason for i in week] == ["action due Fri 04 Dec: soon",
                                        "action due Sat 05 Dec: later"]
    assert due_items([person()], [c], now, soon_days=0) == []


# -- staying in touch -----------------------------------------------------------------------

def test_cadence_restarts_from_the_latest_touch() -> None:
    ana = person(cadence_days=30, last_contacted="2026-09-01")
    old = ended("2026-10-01T10:00:00+00:00", thank_you=DraftMessage(sent_on="2026-10-02"))
    later = chat(status="idea", followups=[FollowUp(on="2026-10-20", note="sent article")])
    assert last_touch(ana, [old, later]) == date(2026, 10, 20)
    assert keep_in_touch_on(ana, [old, later]) == date(2026, 11, 19)
    assert due_items([ana], [old, later], datetime(2026, 11, 18, 12, tzinfo=UTC)) == []
    today = due_items([ana], [old, later], datetime(2026, 11, 19, 12, tzinfo=UTC))
    assert [(i.kind, i.level) for i in today] == [("cadence", "due")]
    late = due_items([ana], [old, later], datetime(2026, 11, 25, 12, tzinfo=UTC))[0]
    assert late.level == "overdue"
    assert late.reason == "keep in touch (every 30 days): last touch Tue 20 Oct, 36 days ago"


def test_a_call_counts_as_a_touch_on_its_local_day() -> None:
    ana = person(cadence_days=10)
    late_call = ended("2026-12-03T23:30:00-05:00", thank_you=DraftMessage(sent_on="2026-12-03"))
    assert last_touch(ana, [late_call], EST) == date(2026, 12, 3)
    assert last_touch(ana, [late_call], UTC) == date(2026, 12, 4)


def test_contacts_without_a_cadence_or_any_touch_are_never_due() -> None:
    now = datetime(2030, 1, 1, tzinfo=UTC)
    quiet = person(cadence_days=None, last_contacted="2020-01-01")
    stranger = person(id="bob", name="Bob", cadence_days=7)
    assert due_items([quiet, stranger], [], now) == []


def test_an_upcoming_chat_silences_the_cadence() -> None:
    ana = person(cadence_days=30, last_contacted="2026-01-01")
    now = datetime(2026, 12, 1, tzinfo=UTC)
    assert [i.kind for i in due_items([ana], [], now)] == ["cadence"]
    upcoming = chat(status="scheduled", scheduled_at="2026-12-10T10:00:00+00:00")
    assert due_items([ana], [upcoming], now) == []


def test_logging_a_touch_never_moves_the_clock_back() -> None:
    ana = person(last_contacted="2026-12-01")
    assert not log_touch(ana, date(2026, 11, 1))
    assert ana.last_contacted == "2026-12-01"
    c = chat()
    add_followup(c, ana, date(2026, 12, 5), "coffee")
    add_followup(c, ana, date(2026, 12, 2), "earlier")
    assert [f.on for f in c.followups] == ["2026-12-02", "2026-12-05"]
    assert ana.last_contacted == "2026-12-05"


# -- referrals and the whole list -----------------------------------------------------------

def test_referrals_pending_then_contacted() -> None:
    """A referral whose contact was deleted since is not nagged about."""
    now = datetime(2026, 12, 4, tzinfo=UTC)
    ana = person()
    bob = person(id="bob", name="Bob Lee")
    c = ended("2026-12-03T10:00:00+00:00", thank_you=DraftMessage(sent_on="2026-12-03"),
              referrals=[Referral(name="Bob Lee"), Referral(name="Carla", contact_id="gone"),
                         Referral(name="  ")])
    items = due_items([ana, bob], [c], now)
    assert [(i.kind, i.contact, i.contact_id) for i in items] == [
        ("referral", "Bob Lee", None)]
    c.referrals[0].contact_id = "bob"
    planned = chat(contact_id="bob", status="idea")
    item = due_items([ana, bob], [c, planned], now)[0]
    assert (item.reason, item.conversation_id) == (
        "referral from Ana Silva: not contacted yet", planned.id)
    planned.status = "reached_out"
    assert due_items([ana, bob], [c, planned], now) == []


def test_most_urgent_first_and_json_shape() -> None:
    now = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)
    ana = person(cadence_days=30, last_contacted="2026-10-01")  # the call restarted her clock
    bob = person(id="bob", name="Bob", cadence_days=30, last_contacted="2026-10-01")
    c = ended("2026-12-03T10:00:00+00:00", actions=[
        ActionItem(text="late", due="2026-12-01"), ActionItem(text="today", due="2026-12-04")])
    items = due_items([ana, bob], [c], now)
    assert [(i.kind, i.level) for i in items] == [
        ("cadence", "overdue"), ("action", "overdue"), ("thank-you", "overdue"),
        ("action", "due")]
    assert due_summary(items) == "4 due (3 overdue)"
    data = items[2].to_json()
    assert data == {"kind": "thank-you", "level": "overdue", "due": "2026-12-04T10:00:00+00:00",
                    "contact": "Ana Silva", "contact_id": "ana", "conversation": c.id,
                    "reason": "thank-you overdue by 2h"}
    assert (items[0].contact, items[0].to_json()["conversation"]) == ("Bob", None)
    assert len({i.key for i in items}) == len(items)


# -- dealing with an item from the list -----------------------------------------------------

def test_settle_checks_off_marks_sent_and_logs_touches() -> None:
    from tui.core.due_actions import latest_conversation, settle

    now = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)
    ana = person(cadence_days=30, last_contacted="2026-10-01")
    c = ended("2026-12-03T10:00:00+00:00", actions=[ActionItem(text="late", due="2026-12-01")],
              referrals=[Referral(name="Bob")])
    kinds = {i.kind: i for i in due_items([ana], [c], now)}
    assert settle(kinds["action"], c, ana, now.date()) == "Checked off: late"
    assert c.actions[0].done
    settle(kinds["thank-you"], c, ana, now.date())
    assert (c.status, c.thank_you.sent_on, ana.last_contacted) == (
        "thanked", "2026-12-04", "2026-12-04")
    with pytest.raises(ValueError, match="referral needs you"):
        settle(kinds["referral"], c, ana, now.date())
    bob = person(id="bob", name="Bob", cadence_days=7, last_contacted="2026-11-01")
    old = chat(contact_id="bob", created_at="2026-01-01T00:00:00+00:00")
    new = chat(contact_id="bob", scheduled_at="2026-11-01T10:00:00+00:00")
    assert latest_conversation([old, new]) is new
    item = due_items([bob], [old, new], now)[0]
    settle(item, new, bob, now.date())
    assert (bob.last_contacted, [f.on for f in new.followups]) == ("2026-12-04", ["2026-12-04"])
    assert due_items([bob], [old, new], now) == []
    lonely = person(id="dee", name="Dee", cadence_days=7, last_contacted="2026-11-01")
    settle(due_items([lonely], [], now)[0], None, lonely, now.date())
    assert lonely.last_contacted == "2026-12-04"
