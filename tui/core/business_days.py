"""Business days: weekdays that are not holidays, counted and added in constant time.

A :class:`BusinessCalendar` knows which weekdays are the weekend (Saturday and Sunday unless
told otherwise) and an optional set of holidays. Counting is exact and cheap: whole weeks are
counted arithmetically and holidays by bisection, so ten thousand conversations cost nothing.

Moments (aware datetimes) are read on the wall clock of a time zone: "Tuesday 23:59 in New
York" is a Tuesday, although it is already Wednesday in UTC. Adding business days to a moment
keeps its wall-clock time in its own zone, so across a daylight-saving change 10:00 stays 10:00
(a wall-clock time that does not exist that day, in the hour the clocks skip, moves forward by
the gap). Arithmetic that would leave the calendar stops at its last day.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import overload

WEEKEND = frozenset({5, 6})  # Saturday, Sunday (date.weekday())


@dataclass(frozen=True)
class BusinessCalendar:
    """The weekend days (``date.weekday()`` numbers) and the holidays to skip."""

    holidays: frozenset[date] = frozenset()
    weekend: frozenset[int] = WEEKEND
    _sorted: tuple[date, ...] = field(init=False, repr=False, compare=False)
    _prefix: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not all(isinstance(d, int) and 0 <= d <= 6 for d in self.weekend):
            raise ValueError("weekend days are numbers from 0 (Monday) to 6 (Sunday)")
        if len(self.weekend) == 7:
            raise ValueError("a week needs at least one business day")
        working = [d for d in sorted(self.holidays) if d.weekday() not in self.weekend]
        object.__setattr__(self, "_sorted", tuple(working))
        prefix = [0]
        for weekday in range(7):
            prefix.append(prefix[-1] + (weekday not in self.weekend))
        object.__setattr__(self, "_prefix", tuple(prefix))

    @property
    def per_week(self) -> int:
        """Business days in a week without holidays."""
        return self._prefix[7]

    def is_business_day(self, day: date) -> bool:
        """Not a weekend day and not a holiday."""
        return day.weekday() not in self.weekend and day not in self.holidays

    def next_business_day(self, day: date) -> date:
        """The first business day strictly after ``day``."""
        return self.add(day, 1)

    def first_business_day(self, day: date) -> date:
        """``day`` itself when it is a business day, else the next one."""
        return day if self.is_business_day(day) else self.next_business_day(day)

    def _holidays_in(self, start: date, end: date) -> int:
        """Holidays on weekdays in ``(start, end]``."""
        return bisect_right(self._sorted, end) - bisect_right(self._sorted, start)

    def _weekdays_through(self, day: date) -> int:
        """Non-weekend days from the calendar's first day through ``day``."""
        weeks, rest = divmod(day.toordinal(), 7)  # ordinal 1 is a Monday
        return weeks * self.per_week + self._prefix[rest]

    def between(self, start: date, end: date) -> int:
        """Business days in ``(start, end]``: 1 from a Friday to the next Monday, 0 from a
        day to itself, negative when ``end`` is before ``start``."""
        if end < start:
            return -self.between(end, start)
        weekdays = self._weekdays_through(end) - self._weekdays_through(start)
        return weekdays - self._holidays_in(start, end)

    def add(self, day: date, count: int) -> date:
        """The ``count``-th business day after ``day`` (``count`` >= 0; 0 gives ``day``).

        From a weekend or a holiday the next business day is the first one: Saturday plus one
        is Monday. For every day and count, ``between(day, add(day, count)) == count``.
        """
        if count < 0:
            raise ValueError("count business days forward: the count must be 0 or more")
        if count == 0:
            return day
        try:
            # whole weeks first, keeping at least one step so that the end is a weekday
            weeks, rest = divmod(count - 1, self.per_week)
            rest += 1
            result = day + timedelta(weeks=weeks)
            while rest:
                result += timedelta(days=1)
                rest -= result.weekday() not in self.weekend
            # each holiday in the span pushes the end one business day further
            missing = self._holidays_in(day, result)
            while missing:
                result += timedelta(days=1)
                if self.is_business_day(result):
                    missing -= 1
        except OverflowError:
            return date.max
        return result

    def holidays_between(self, start: date, end: date) -> list[date]:
        """The holidays on weekdays in ``[start, end]``, in order (for a hint)."""
        return list(self._sorted[bisect_left(self._sorted, start):
                                 bisect_right(self._sorted, end)])


NO_HOLIDAYS = BusinessCalendar()


def calendar_for(holidays: Iterable[date] = (), weekend: Iterable[int] = WEEKEND
                 ) -> BusinessCalendar:
    """A calendar from plain values (a list of dates, weekday numbers)."""
    return BusinessCalendar(frozenset(holidays), frozenset(weekend))


def local_day(value: date | datetime, tz: tzinfo | None = None) -> date:
    """The calendar day of ``value``: a date as it is, a moment on the wall clock of ``tz``
    (default: its own zone)."""
    if isinstance(value, datetime):
        return in_zone(value, tz).date()
    return value


def in_zone(value: datetime, tz: tzinfo | None) -> datetime:
    """``value`` seen in ``tz`` (None: as it is), or as it is if ``tz`` cannot place it."""
    if tz is None or value.tzinfo is None:
        return value
    try:
        return value.astimezone(tz)
    except (OverflowError, ValueError, OSError):
        return value


def at_wall_time(day: date, clock: time, tz: tzinfo | None) -> datetime:
    """``day`` at ``clock`` in ``tz``, with that day's UTC offset. A time the clocks skip
    (the spring-forward hour) moves forward by the gap, as a wall clock would."""
    naive = datetime.combine(day, clock.replace(tzinfo=None))
    if tz is None:
        return naive
    local = naive.replace(tzinfo=tz)
    try:
        # a round trip through UTC settles a skipped wall time onto a real one
        return local.astimezone(timezone.utc).astimezone(tz)
    except (OverflowError, ValueError, OSError):
        return local


@overload
def add_business_days(value: datetime, count: int,
                      calendar: BusinessCalendar = NO_HOLIDAYS) -> datetime: ...
@overload
def add_business_days(value: date, count: int,
                      calendar: BusinessCalendar = NO_HOLIDAYS) -> date: ...
def add_business_days(value: date | datetime, count: int,
                      calendar: BusinessCalendar = NO_HOLIDAYS) -> date | datetime:
    """``count`` business days after ``value``: a date gives a date; a moment gives the same
    wall-clock time on that day in its own zone (daylight saving taken into account when the
    zone is a ``zoneinfo.ZoneInfo``)."""
    if isinstance(value, datetime):
        day = calendar.add(value.date(), count)
        if day == date.max and count:
            return datetime.combine(date.max, value.timetz())
        return at_wall_time(day, value.timetz(), value.tzinfo)
    return calendar.add(value, count)


def business_days_between(start: date | datetime, end: date | datetime,
                          calendar: BusinessCalendar = NO_HOLIDAYS,
                          tz: tzinfo | None = None) -> int:
    """Business days from ``start`` to ``end``: those in ``(start's day, end's day]``.

    Moments are read as days on the wall clock of ``tz`` (default: ``start``'s own zone,
    which ``end`` is converted to), so both ends are days of the same calendar.
    """
    zone = tz if tz is not None else (start.tzinfo if isinstance(start, datetime) else None)
    return calendar.between(local_day(start, zone), local_day(end, zone))
