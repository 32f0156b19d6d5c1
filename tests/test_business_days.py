"""Business days: weekends, holidays, other weekends, time zones and daylight saving."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.business_days import (
    NO_HOLIDAYS,
    BusinessCalendar,
    add_business_days,
    business_days_between,
    calendar_for,
)

NEW_YORK = ZoneInfo("America/New_York")
UTC = timezone.utc
THANKSGIVING = date(2026, 11, 26)  # a Thursday
FRIDAY = date(2026, 11, 20)


def day(text: str) -> date:
    return date.fromisoformat(text)


def test_weekends_are_skipped() -> None:
    assert NO_HOLIDAYS.is_business_day(FRIDAY)
    assert not NO_HOLIDAYS.is_business_day(day("2026-11-21"))
    assert NO_HOLIDAYS.add(FRIDAY, 1) == day("2026-11-23")  # Monday
    assert NO_HOLIDAYS.add(day("2026-11-21"), 1) == day("2026-11-23")  # Saturday + 1
    assert NO_HOLIDAYS.add(day("2026-11-22"), 0) == day("2026-11-22")  # zero: unchanged
    assert NO_HOLIDAYS.add(day("2026-11-16"), 5) == day("2026-11-23")  # a week
    assert NO_HOLIDAYS.add(day("2026-11-16"), 3) == day("2026-11-19")


def test_counting_between_days() -> None:
    assert NO_HOLIDAYS.between(FRIDAY, day("2026-11-23")) == 1
    assert NO_HOLIDAYS.between(FRIDAY, FRIDAY) == 0
    assert NO_HOLIDAYS.between(day("2026-11-21"), day("2026-11-22")) == 0  # a weekend
    assert NO_HOLIDAYS.between(day("2026-11-23"), FRIDAY) == -1
    assert NO_HOLIDAYS.between(day("2026-01-01"), day("2027-01-01")) == 261


def test_holidays_are_skipped_and_weekend_holidays_change_nothing() -> None:
    cal = calendar_for([THANKSGIVING, THANKSGIVING + timedelta(days=1), day("2026-11-28")])
    wednesday = day("2026-11-25")
    assert not cal.is_business_day(THANKSGIVING)
    assert cal.add(wednesday, 1) == day("2026-11-30")
    assert cal.add(wednesday, 3) == day("2026-12-02")
    assert cal.between(wednesday, day("2026-12-02")) == 3
    assert cal.holidays_between(wednesday, day("2026-12-31")) == [THANKSGIVING,
                                                                  THANKSGIVING + timedelta(1)]
    assert cal.first_business_day(THANKSGIVING) == day("2026-11-30")


def test_a_friday_and_saturday_weekend() -> None:
    cal = calendar_for(weekend=[4, 5])
    thursday = day("2026-11-19")
    assert cal.add(thursday, 1) == day("2026-11-22")  # Sunday is a working day there
    assert cal.between(thursday, day("2026-11-22")) == 1
    assert cal.per_week == 5


def test_bad_calendars_and_counts_are_refused() -> None:
    with pytest.raises(ValueError, match="at least one business day"):
        calendar_for(weekend=range(7))
    with pytest.raises(ValueError, match="from 0"):
        BusinessCalendar(weekend=frozenset({7}))
    with pytest.raises(ValueError, match="0 or more"):
        NO_HOLIDAYS.add(FRIDAY, -1)


def test_the_calendar_end_is_a_wall_not_a_crash() -> None:
    assert NO_HOLIDAYS.add(date(9999, 12, 30), 10) == date.max
    assert NO_HOLIDAYS.add(date(9999, 12, 1), 10**6) == date.max
    assert NO_HOLIDAYS.between(date.min, date.max) > 0


def _slow_between(cal: BusinessCalendar, start: date, end: date) -> int:
    return sum(cal.is_business_day(start + timedelta(days=i))
               for i in range(1, (end - start).days + 1))


@settings(max_examples=300, deadline=None)
@given(start=st.dates(date(2000, 1, 1), date(2100, 1, 1)), count=st.integers(0, 400),
       holidays=st.sets(st.dates(date(2000, 1, 1), date(2102, 1, 1)), max_size=40),
       weekend=st.sampled_from([(5, 6), (4, 5), (6,), ()]))
def test_adding_and_counting_agree(start: date, count: int, holidays: set[date],
                                   weekend: tuple[int, ...]) -> None:
    cal = calendar_for(holidays, weekend)
    end = cal.add(start, count)
    assert cal.between(start, end) == count
    assert _slow_between(cal, start, end) == count
    if count:
        assert cal.is_business_day(end)
        assert cal.between(start, end - timedelta(days=1)) == count - 1


# -- moments -------------------------------------------------------------------------------


def test_a_moment_keeps_its_wall_clock_time_across_the_spring_change() -> None:
    friday = datetime(2026, 3, 6, 10, 0, tzinfo=NEW_YORK)  # EST; clocks go forward Sunday
    monday = add_business_days(friday, 1)
    assert monday == datetime(2026, 3, 9, 10, 0, tzinfo=NEW_YORK)
    assert monday.utcoffset() == timedelta(hours=-4)
    assert monday.astimezone(UTC) - friday.astimezone(UTC) == timedelta(hours=71)


def test_a_moment_keeps_its_wall_clock_time_across_the_autumn_change() -> None:
    friday = datetime(2026, 10, 30, 10, 0, tzinfo=NEW_YORK)  # EDT; clocks go back Sunday
    monday = add_business_days(friday, 1)
    assert (monday.hour, monday.utcoffset()) == (10, timedelta(hours=-5))
    assert monday.astimezone(UTC) - friday.astimezone(UTC) == timedelta(hours=73)


def test_a_wall_time_the_clocks_skip_moves_forward_by_the_gap() -> None:
    every_day = calendar_for(weekend=())
    saturday = datetime(2026, 3, 7, 2, 30, tzinfo=NEW_YORK)
    sunday = add_business_days(saturday, 1, every_day)  # 02:30 does not exist that night
    assert (sunday.date(), sunday.hour, sunday.minute) == (date(2026, 3, 8), 3, 30)
    assert sunday.utcoffset() == timedelta(hours=-4)


def test_dates_stay_dates_and_fixed_offsets_stay_fixed() -> None:
    assert add_business_days(FRIDAY, 2) == day("2026-11-24")
    minus_five = timezone(timedelta(hours=-5))
    moment = add_business_days(datetime(2026, 11, 20, 23, 59, tzinfo=minus_five), 1)
    assert moment == datetime(2026, 11, 23, 23, 59, tzinfo=minus_five)


def test_counting_moments_reads_days_in_one_zone() -> None:
    tuesday_late = datetime(2026, 11, 17, 23, 59, tzinfo=NEW_YORK)  # Wednesday 04:59 in UTC
    friday = datetime(2026, 11, 20, 10, 0, tzinfo=NEW_YORK)
    assert business_days_between(tuesday_late, friday) == 3
    assert business_days_between(tuesday_late, friday, tz=UTC) == 2
    assert business_days_between(tuesday_late.astimezone(UTC), friday) == 2
    assert business_days_between(day("2026-11-17"), friday) == 3
