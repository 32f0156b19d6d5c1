"""Moments and calendar days as the after-call features need them: stored ISO text read in
the user's time zone, deadlines at the end of a day, and short human wording."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo


def moment(text: str, tz: tzinfo | None) -> datetime:
    """A stored ISO moment as an aware datetime (a naive one is read in ``tz``, else locally)."""
    value = datetime.fromisoformat(text)
    if value.tzinfo:
        return value
    return value.replace(tzinfo=tz) if tz else value.astimezone()


def local_day(text: str, tz: tzinfo | None) -> date:
    """The calendar day of a stored moment, or of a stored date, in ``tz``."""
    if len(text) == 10:
        return date.fromisoformat(text)
    return moment(text, tz).astimezone(tz).date()


def end_of_day(day: date, tz: tzinfo | None) -> datetime:
    """The first instant after ``day`` ends: the deadline of something due that day."""
    return datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz)


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
