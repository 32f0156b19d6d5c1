"""Whatever dates a data file holds (year 1, year 9999, with or without a UTC offset, in any
time zone), listing, grouping, the Due list and every date shown never raise."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.cli.records import conversation_summary, sort_for_listing
from tui.core.agenda import group
from tui.core.dates import format_when
from tui.core.followup import due_items, keep_in_touch_on, thank_you_status
from tui.core.live import timer_state
from tui.core.models import (
    STATUSES,
    ActionItem,
    Contact,
    Conversation,
    DraftMessage,
    FollowUp,
    LiveSession,
)
from tui.core.outreach import countdown
from tui.core.thank_you import call_day

OFFSETS = st.integers(-23 * 60 - 59, 23 * 60 + 59).map(lambda m: timezone(timedelta(minutes=m)))
MOMENTS = st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23, 59),
                       timezones=st.none() | OFFSETS | st.just(timezone.utc)).map(
    lambda m: m.isoformat(timespec="seconds"))
DAYS = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(date.isoformat)
EXTREMES = st.sampled_from(["0001-01-01T00:00:00", "9999-12-31T23:59:00",
                            "9999-12-31T23:59:59+00:00", "0001-01-01T00:00:00-23:59",
                            "9999-12-31T23:59:00-12:00", "0001-01-01T00:30:00+14:00"])
SOME_MOMENT = st.none() | EXTREMES | MOMENTS
NOWS = st.datetimes(min_value=datetime(1970, 1, 2), max_value=datetime(2100, 1, 1),
                    timezones=OFFSETS)
ZONES = ["UTC", "Asia/Tokyo", "America/Los_Angeles", "Pacific/Kiritimati", "Etc/GMT+12"]


@st.composite
def records(draw: st.DrawFn) -> tuple[Contact, Conversation]:
    contact = Contact(name="Bob", id="c1", last_contacted=draw(st.none() | DAYS),
                      cadence_days=draw(st.none() | st.integers(1, 10**12)),
                      created_at=draw(EXTREMES | MOMENTS))
    chat = Conversation(
        contact_id="c1", id="v1", status=draw(st.sampled_from(STATUSES)),
        minutes=draw(st.integers(1, 600)), scheduled_at=draw(SOME_MOMENT),
        created_at=draw(EXTREMES | MOMENTS), updated_at=draw(EXTREMES | MOMENTS),
        live=LiveSession(started_at=draw(SOME_MOMENT), ended_at=draw(SOME_MOMENT),
                         paused_at=draw(SOME_MOMENT)),
        actions=[ActionItem(text="do", due=draw(st.none() | DAYS))],
        followups=[FollowUp(on=draw(DAYS))],
        thank_you=DraftMessage(sent_on=draw(st.none() | DAYS)),
        outreach=DraftMessage(sent_on=draw(st.none() | DAYS)),
    )
    return contact, chat


@pytest.fixture(params=ZONES)
def zone(request: pytest.FixtureRequest) -> Iterator[str]:
    """The machine's time zone (the system zone is what naive stored moments are read in)."""
    if not hasattr(time, "tzset"):
        pytest.skip("time zones cannot be switched on this platform")
    before = os.environ.get("TZ")
    os.environ["TZ"] = request.param
    time.tzset()
    yield request.param
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pair=records(), now=NOWS)
def test_nothing_raises_on_any_stored_date(zone: str, pair: tuple[Contact, Conversation],
                                           now: datetime) -> None:
    contact, chat = pair
    for clock in (now, now.astimezone(), None):
        due_items([contact], [chat], clock or datetime.now().astimezone())
        group([chat], clock)
        sort_for_listing([chat], clock)
        format_when(chat.held_at, clock)
        format_when(chat.scheduled_at, clock)
        thank_you_status(chat, clock or datetime.now().astimezone())
        keep_in_touch_on(contact, [chat], (clock or now).tzinfo)
        chat.live.elapsed_seconds(clock)
        conversation_summary(chat, contact)
        call_day(chat)
        timer_state(chat.live, chat.minutes, 5, clock or now)
        if chat.scheduled is not None:
            countdown(chat.scheduled, clock or now)
