"""Moments and calendar days as the after-call features need them: stored ISO text read in
the user's time zone, deadlines at the end of a day, and short human wording.

Stored data may hold any date ISO 8601 allows (year 1, year 9999, with or without an offset):
nothing here raises on one. Arithmetic that would leave the calendar stops at its ends, and a
moment the local zone cannot place is read as UTC.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone, tzinfo


def moment(text: str, tz: tzinfo | None) -> datetime:
    """A stored ISO moment as an aware datetime (a naive one is read in ``tz``, else locally)."""
    value = datetime.fromisoformat(text)
    if value.tzinfo:
        return value
    if tz:
        return value.replace(tzinfo=tz)
    try:
        return value.astimezone()
    except (OverflowError, ValueError, OSError):  # the first or last hours of the calendar
        return value.replace(tzinfo=timezone.utc)


def shifted(value: datetime, delta: timedelta) -> datetime:
    """``value + delta``, held at the calendar's first or last moment instead of overflowing."""
    try:
        return value + delta
    except OverflowError:
        edge = datetime.max if delta > timedelta(0) else datetime.min
        return edge.replace(tzinfo=value.tzinfo)


def days_after(day: date, days: int) -> date:
    """``day`` plus ``days`` (negative: before), held at the calendar's first or last day."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


def in_zone(value: datetime, tz: tzinfo | None) -> datetime:
    """``value`` in ``tz`` (None: the system zone), or as it is if that zone cannot place it."""
    try:
        return value.astimezone(tz)
    except (OverflowError, ValueError, OSError):
        return value


def local_day(text: str, tz: tzinfo | None) -> date:
    """The calendar day of a stored moment, or of a stored date, in ``tz``."""
    if len(text) == 10:
        return date.fromisoformat(text)
    return in_zone(moment(text, tz), tz).date()


def end_of_day(day: date, tz: tzinfo | None) -> datetime:
    """The first instant after ``day`` ends: the deadline of something due that day."""
    return datetime.combine(days_after(day, 1), time(0), tzinfo=tz)


def format_day(day: date, today: date) -> str:
    """``Wed 03 Dec``, with the year when it is not this year."""
    return day.strftime("%a %d %b" if day.year == today.year else "%a %d %b %Y")


def ago(days: int) -> str:
    """``today``, ``yesterday``, ``5 days ago``."""
    return {0: "today", 1: "yesterday"}.get(days, f"{days} days ago")


def duration(span: timedelta) -> str:
    """``45m``, ``5h``, ``3 days``: coarse, because the user only needs the order of size."""
    minutes = int(span.total_seconds() // 60)
    if minutes < 60:
        return f"{max(minutes, 1)}m"
    if minutes < 48 * 60:
        return f"{minutes // 60}h"
    return f"{minutes // (24 * 60)} days"
