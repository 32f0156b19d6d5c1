"""The follow-up routine in business days, reply speed and the drafted nudge, on a fixed clock."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from tui.core.outreach_checks import DraftContext, check_draft
from tui.core.outreach_routine import (
    FOLLOW_UP,
    SECOND_CONTACT,
    Reply,
    RoutineSettings,
    clock_start,
    draft_nudge,
    due_steps,
    follow_up_routine,
    reply_speed,
)

NY = ZoneInfo("America/New_York")
UTC = timezone.utc
THANKSGIVING = date(2026, 11, 26)


def ny(day: str, hour: int = 10, minute: int = 0) -> datetime:
    """A moment in New York; 2026-11-16 is a Monday."""
    return datetime.fromisoformat(day).replace(hour=hour, minute=minute, tzinfo=NY)


def due_days(sent: datetime | date, **kw: object) -> dict[str, date]:
    steps = follow_up_routine(sent, ny("2026-11-17"), **kw)  # type: ignore[arg-type]
    return {s.kind: s.due_on for s in steps}


def test_tuesday_morning_second_contact_friday_follow_up_next_thursday() -> None:
    assert due_days(ny("2026-11-17")) == {SECOND_CONTACT: date(2026, 11, 20),
                                          FOLLOW_UP: date(2026, 11, 26)}


@pytest.mark.parametrize(("sent", "second", "follow"), [
    (ny("2026-11-20", 10), date(2026, 11, 25), date(2026, 12, 1)),  # Friday morning
    (ny("2026-11-20", 19), date(2026, 11, 26), date(2026, 12, 2)),  # Friday evening
    (ny("2026-11-21", 11), date(2026, 11, 26), date(2026, 12, 2)),  # Saturday
    (ny("2026-11-17", 23, 59), date(2026, 11, 23), date(2026, 11, 27)),  # Tuesday 23:59
    (date(2026, 11, 22), date(2026, 11, 26), date(2026, 12, 2)),  # a Sunday, no time known
])
def test_when_the_count_starts(sent: datetime | date, second: date, follow: date) -> None:
    assert due_days(sent) == {SECOND_CONTACT: second, FOLLOW_UP: follow}


def test_the_users_zone_decides_the_day() -> None:
    sent = ny("2026-11-17", 17, 30)  # 22:30 in UTC: after the workday there
    assert clock_start(sent) == date(2026, 11, 17)
    assert clock_start(sent, tz=UTC) == date(2026, 11, 18)
    late = ny("2026-11-17", 23, 59)  # already Wednesday in UTC
    always = RoutineSettings(workday_ends=None)
    assert clock_start(late, always, tz=NY) == date(2026, 11, 17)
    assert clock_start(late, always, tz=UTC) == date(2026, 11, 18)


def test_holidays_push_the_steps_back() -> None:
    settings = RoutineSettings(holidays=frozenset({THANKSGIVING, THANKSGIVING + timedelta(1)}))
    assert due_days(ny("2026-11-17"), settings=settings) == {
        SECOND_CONTACT: date(2026, 11, 20), FOLLOW_UP: date(2026, 11, 30)}


def test_the_numbers_are_settings() -> None:
    settings = RoutineSettings(second_contact_after=2, follow_up_after=5)
    assert due_days(ny("2026-11-17"), settings=settings) == {
        SECOND_CONTACT: date(2026, 11, 19), FOLLOW_UP: date(2026, 11, 24)}


def test_a_step_is_due_from_the_start_of_its_day_in_the_users_zone() -> None:
    sent = ny("2026-11-17")
    assert due_steps(sent, ny("2026-11-19", 23, 59)) == []
    [step] = due_steps(sent, ny("2026-11-20", 0, 0))
    assert (step.kind, step.level, step.waited) == (SECOND_CONTACT, "due", 3)
    assert step.due_at == datetime(2026, 11, 20, 0, 0, tzinfo=NY)
    assert step.reason("Ana Silva", "Stripe") == (
        "no reply from Ana Silva after 3 business days: reach out to a second person at Stripe")
    later = follow_up_routine(sent, ny("2026-11-27"))
    assert [(s.kind, s.level, s.waited) for s in later] == [(SECOND_CONTACT, "overdue", 8),
                                                            (FOLLOW_UP, "overdue", 8)]
    assert later[1].reason("Ana") == "no reply from Ana after 8 business days: send one short " \
                                     "follow-up"


def test_the_follow_up_due_moment_has_winter_time_after_the_clocks_change() -> None:
    sent = ny("2026-10-28")  # a Wednesday in summer time
    steps = follow_up_routine(sent, ny("2026-11-09"))
    follow = next(s for s in steps if s.kind == FOLLOW_UP)
    assert follow.due_on == date(2026, 11, 6)
    assert follow.due_at.utcoffset() == timedelta(hours=-5)
    assert follow.due_at.astimezone(UTC) == datetime(2026, 11, 6, 5, 0, tzinfo=UTC)


def test_a_reply_of_any_kind_ends_the_routine() -> None:
    sent = ny("2026-11-17")
    for answer in ("yes", "no", "later"):
        assert follow_up_routine(sent, ny("2026-12-01"), Reply(date(2026, 11, 30), answer)) == []
    with pytest.raises(ValueError, match="yes, no, later"):
        Reply(date(2026, 11, 30), "maybe")


def test_steps_the_user_has_done_drop_out() -> None:
    sent = ny("2026-11-20", 19)  # Friday evening: counted from Monday
    now = ny("2026-12-03")
    kinds = [s.kind for s in follow_up_routine(sent, now, second_contact_on=date(2026, 11, 20))]
    assert kinds == [FOLLOW_UP]  # written the same evening: done, even before day 0
    assert follow_up_routine(sent, now, second_contact_on=date(2026, 11, 26),
                             followed_up_on=date(2026, 12, 2)) == []
    old = follow_up_routine(sent, now, followed_up_on=date(2026, 11, 1))  # an earlier chat's
    assert [s.kind for s in old] == [SECOND_CONTACT, FOLLOW_UP]


def test_settings_are_read_with_warnings_for_what_cannot_be_used() -> None:
    settings, warnings = RoutineSettings.from_settings({
        "second_contact_after": 4, "follow_up_after": 8,
        "holidays": ["2026-11-26", "2026-13-01", 7], "weekend": ["Fri", "saturday"],
        "workday_ends": "17:30"})
    assert (settings.second_contact_after, settings.follow_up_after) == (4, 8)
    assert settings.holidays == frozenset({THANKSGIVING})
    assert settings.weekend == frozenset({4, 5})
    assert settings.workday_ends == time(17, 30)
    assert len(warnings) == 2 and all("holidays" in w for w in warnings)
    default, warnings = RoutineSettings.from_settings({
        "second_contact_after": True, "follow_up_after": 0, "holidays": "2026-11-26",
        "weekend": ["sun", "funday"], "workday_ends": "late"})
    assert default == RoutineSettings()
    assert [w.split(":")[0] for w in warnings] == ["second_contact_after", "follow_up_after",
                                                   "holidays", "weekend", "workday_ends"]
    assert RoutineSettings.from_settings({})[0] == RoutineSettings()
    assert RoutineSettings.from_settings({"workday_ends": None})[0].workday_ends is None
    with pytest.raises(ValueError, match="from 1 to 60"):
        RoutineSettings(follow_up_after=61)


# -- reply speed --------------------------------------------------------------------------


@pytest.mark.parametrize(("reply_on", "now", "kind", "label"), [
    (date(2026, 11, 17), "2026-11-30", "fast", "replied fast (same day)"),
    (date(2026, 11, 19), "2026-11-30", "fast", "replied fast (2 business days)"),
    (date(2026, 11, 20), "2026-11-30", "fast", "replied fast (3 business days)"),
    (date(2026, 11, 24), "2026-11-30", "slow", "replied slowly (5 business days)"),
    (date(2026, 11, 10), "2026-11-30", "fast", "replied fast (same day)"),  # a typo'd date
    (None, "2026-11-18", "waiting", "waiting for a reply (1 business day)"),
    (None, "2026-11-20", "no-reply", "no reply after 3 business days"),
    (None, "2026-11-30", "no-reply", "no reply after 9 business days"),
])
def test_reply_speed(reply_on: date | None, now: str, kind: str, label: str) -> None:
    speed = reply_speed(ny("2026-11-17"), reply_on, ny(now))
    assert (speed.kind, speed.label) == (kind, label)


def test_reply_speed_ranks_fast_people_first() -> None:
    sent, now = ny("2026-11-17"), ny("2026-11-30")
    speeds = [reply_speed(sent, r, now) for r in (None, date(2026, 11, 25), date(2026, 11, 18))]
    assert [s.kind for s in sorted(speeds, key=lambda s: s.rank)] == ["fast", "slow",
                                                                      "no-reply"]


# -- the nudge ----------------------------------------------------------------------------


def test_the_nudge_greets_by_first_name_and_repeats_the_ask() -> None:
    text = draft_nudge("Priya Raman", "How you moved from teaching into research.",
                       my_name="Sam Lee", sent_on=date(2026, 11, 17))
    assert text == (
        "Hi Priya,\n\nI'm following up on my note of Tuesday 17 November in case it slipped "
        "down your inbox. I'd still be grateful for your advice on how you moved from teaching "
        "into research. Would you have 20 minutes for a call in the next few weeks?\n\n"
        "Thank you,\nSam Lee\n")
    context = DraftContext(name="Priya Raman", minutes=20)
    results = {r.key: r for r in check_draft(text, context)}
    for key in ("short", "request", "easy_yes", "about_them", "call_length"):
        assert results[key].passed, results[key]


def test_the_nudge_without_an_ask_a_date_or_a_name() -> None:
    text = draft_nudge("", "")
    assert text.startswith("Hi there,\n\nI'm following up on my earlier note")
    assert "grateful for your advice. Would you have 20 minutes" in text
    assert text.endswith("Thank you,\n")
    assert "UX research" in draft_nudge("Ana", "UX research careers")


def test_the_nudge_keeps_user_text_inert() -> None:
    text = draft_nudge("[b]Ana[/b]\x1b[2J", "the [red]switch[/]\x07", my_name="Sam\x00")
    assert text.startswith("Hi [b]Ana[/b][2J,")
    assert "the [red]switch[/]." in text
    assert "\x1b" not in text and "\x07" not in text and "\x00" not in text
