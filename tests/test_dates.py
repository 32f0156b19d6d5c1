"""Dates as people type them, parsed against a fixed 'now' (Wednesday 4 March 2026, 10:00)."""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta, timezone

import pytest

from tui.core.dates import DateError, format_when, parse_day, parse_time, parse_when, to_iso

ZONE = timezone(timedelta(hours=1))
NOW = datetime(2026, 3, 4, 10, 0, tzinfo=ZONE)  # a Wednesday
TODAY = NOW.date()


def at(y: int, m: int, d: int, hh: int, mm: int = 0) -> datetime:
    """A moment in the test's zone."""
    return datetime(y, m, d, hh, mm, tzinfo=ZONE)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14:30", (14, 30)),
        ("9:05", (9, 5)),
        ("9am", (9, 0)),
        ("9 AM", (9, 0)),
        ("9:30 pm", (21, 30)),
        ("12am", (0, 0)),
        ("12pm", (12, 0)),
        ("12:15 a.m.", (0, 15)),
        ("3 p.m.", (15, 0)),
        ("noon", (12, 0)),
        ("Midnight", (0, 0)),
        ("00:00", (0, 0)),
        ("23:59", (23, 59)),
    ],
)
def test_parse_time(text: str, expected: tuple[int, int]) -> None:
    parsed = parse_time(text)
    assert (parsed.hour, parsed.minute) == expected


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("9", "is not a time"),
        ("24:00", "not a valid time of day"),
        ("12:60", "not a valid time of day"),
        ("13pm", "the hour must be from 1 to 12"),
        ("0am", "the hour must be from 1 to 12"),
        ("quarter past", "is not a time"),
        ("", "is not a time"),
    ],
)
def test_parse_time_errors(text: str, words: str) -> None:
    with pytest.raises(DateError, match=words) as caught:
        parse_time(text)
    if "not a time" in words:
        assert "e.g." in str(caught.value)  # shows examples of what works


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-03", date(2026, 12, 3)),
        ("2026-1-5", date(2026, 1, 5)),
        ("today", TODAY),
        ("Tomorrow", date(2026, 3, 5)),
        ("fri", date(2026, 3, 6)),
        ("Friday", date(2026, 3, 6)),
        ("wed", date(2026, 3, 11)),  # today is Wednesday: the next one, not today
        ("this wed", TODAY),
        ("this friday", date(2026, 3, 6)),
        ("next tuesday", date(2026, 3, 10)),
        ("next  Tue", date(2026, 3, 10)),
        ("mon.", date(2026, 3, 9)),
        ("in 3 days", date(2026, 3, 7)),
        ("in 1 day", date(2026, 3, 5)),
        ("+3", date(2026, 3, 7)),
        ("+10d", date(2026, 3, 14)),
        ("in 2 weeks", date(2026, 3, 18)),
        ("next week", date(2026, 3, 9)),  # the coming Monday
        ("in 30 days", date(2026, 4, 3)),
    ],
)
def test_parse_day(text: str, expected: date) -> None:
    assert parse_day(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2026-02-30", "is not a real date"),
        ("2026-13-01", "is not a real date: there is no month 13"),
        ("2025-02-29", "'2025-02-29' is not a real date: February 2025 has 28 days"),
        ("9999-12-31", "'9999-12-31' is too far ahead: coffeechat takes dates from 1900"),
        ("0001-01-01", "'0001-01-01' is too long ago"),
        ("in 99999999 days", "too far ahead"),
        ("+999999999999", "too far ahead"),
        ("", "no date given"),
        ("someday", "not a date coffeechat understands"),
        ("we", "not a date coffeechat understands"),  # too short to be a weekday
        ("last friday", "not a date coffeechat understands"),
        ("03/04/2026", "not a date coffeechat understands"),
    ],
)
def test_parse_day_errors(text: str, words: str) -> None:
    with pytest.raises(DateError, match=words):
        parse_day(text, TODAY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-03 14:30", at(2026, 12, 3, 14, 30)),
        ("2026-12-03T14:30", at(2026, 12, 3, 14, 30)),
        ("2026-12-03 14:30:15", at(2026, 12, 3, 14, 30) + timedelta(seconds=15)),
        ("2026-12-03T14:30:00+05:00", datetime(2026, 12, 3, 14, 30, tzinfo=timezone(
            timedelta(hours=5)))),
        ("tomorrow 9am", at(2026, 3, 5, 9)),
        ("tomorrow at 9:30", at(2026, 3, 5, 9, 30)),
        ("Tomorrow 9 AM", at(2026, 3, 5, 9)),
        ("today noon", at(2026, 3, 4, 12)),
        ("fri 3pm", at(2026, 3, 6, 15)),
        ("next tuesday at 3pm", at(2026, 3, 10, 15)),
        ("in 3 days 14:00", at(2026, 3, 7, 14)),
        ("2026-3-7 8:15", at(2026, 3, 7, 8, 15)),
        ("  2026-12-03   14:30 ", at(2026, 12, 3, 14, 30)),
        ("2026-12-03 9am", at(2026, 12, 3, 9)),
        ("2026-3-5 9:30", at(2026, 3, 5, 9, 30)),
        ("2200-12-31 23:59", at(2200, 12, 31, 23, 59)),
        ("1900-01-01 00:00", at(1900, 1, 1, 0)),
    ],
)
def test_parse_when(text: str, expected: datetime) -> None:
    parsed = parse_when(text, now=NOW)
    assert parsed.tzinfo is not None
    assert parsed == expected


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2026-12-03", "has no time: add one, e.g. 2026-12-03 14:30"),
        ("2026-2-3", "has no time"),
        ("2026-02-30 10:00", "'2026-02-30 10:00' is not a real date: February 2026 has 28 days"),
        ("2026-02-30T10:00", "not a real date: February 2026 has 28 days"),
        ("2026-02-30 9am", "not a real date: February 2026 has 28 days"),
        ("2026-13-45", "'2026-13-45' is not a real date: there is no month 13"),
        ("2026-13-45 14:30", "'2026-13-45 14:30' is not a real date: there is no month 13"),
        ("2026-12-03 9", "'9' is not a time"),
        ("9999-12-31 23:59", "'9999-12-31 23:59' is too far ahead: coffeechat takes dates "
                             "from 1900 to 2200"),
        ("0001-01-01 00:00", "'0001-01-01 00:00' is too long ago: coffeechat takes dates "
                             "from 1900 to 2200"),
        ("1899-12-31T23:00+00:00", "too long ago"),
        ("in 99999999999 days 9am", "too far ahead"),
        ("in 100000 days 9am", "too far ahead"),
        ("-1", "'-1' is not a date and time coffeechat understands"),
        ("- 9am", "'- 9am' is not a date and time coffeechat understands"),
        ("tomorrow", "not a date and time coffeechat understands"),
        ("noon", "not a date and time coffeechat understands"),
        ("someday 9am", "'someday 9am' is not a date and time coffeechat understands"),
        ("tomorrow 25:00", "not a valid time of day"),
        ("tomorrow 9", "is not a time"),
        ("", "no date given"),
    ],
)
def test_parse_when_errors(text: str, words: str) -> None:
    with pytest.raises(DateError, match=words) as caught:
        parse_when(text, now=NOW)
    assert "Traceback" not in str(caught.value)


def test_to_iso_round_trips_and_has_offset() -> None:
    moment = parse_when("2026-12-03 14:30", now=NOW)
    text = to_iso(moment)
    assert datetime.fromisoformat(text) == moment
    assert text[-6] in "+-" and text[-3] == ":"


def test_format_when() -> None:
    assert format_when(None) == ""
    assert format_when(at(2026, 3, 6, 15), now=NOW) == "Fri 06 Mar 15:00"
    assert format_when("2027-01-02T09:00:00+01:00", now=NOW) == "Sat 02 Jan 2027 09:00"
    # shown in now's zone
    assert format_when("2026-03-06T14:00:00+00:00", now=NOW) == "Fri 06 Mar 15:00"


@pytest.fixture
def berlin(monkeypatch: pytest.MonkeyPatch):
    """Run in a zone with daylight-saving time."""
    if not hasattr(time, "tzset"):
        pytest.skip("needs time.tzset")
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("berlin")
def test_local_times_get_the_offset_of_their_own_date() -> None:
    winter = parse_when("2030-01-15 10:00")
    summer = parse_when("2030-07-15 10:00")
    assert winter.utcoffset() == timedelta(hours=1)
    assert summer.utcoffset() == timedelta(hours=2)
    assert (winter.hour, summer.hour) == (10, 10)
    # and shown back as the same wall-clock time, whatever today's offset is
    assert format_when(summer).endswith("10:00")
    assert format_when(to_iso(winter)).endswith("10:00")


def test_yesterday_is_a_day() -> None:
    from datetime import date

    from tui.core.dates import parse_day

    assert parse_day("yesterday", date(2026, 3, 1)) == date(2026, 2, 28)
