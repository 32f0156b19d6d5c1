"""Dates and times as people type them: ``2026-12-03 14:30``, ``tomorrow 9am``, ``fri 3pm``.

Everything returned is timezone-aware in the local zone (or the zone of ``now`` when given), so
comparisons stay right across time zones and daylight-saving changes. Dates outside the years
1900-2200 are refused with a message (a typo such as 9999 would otherwise sit in the data as a
date no calendar arithmetic can handle).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, time, timedelta, timezone, tzinfo

from tui.core.safetext import clipped

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
EXAMPLES = "e.g. 2026-12-03 14:30, tomorrow 9am, fri 3pm"
MIN_YEAR = 1900
MAX_YEAR = 2200
WINDOW = f"coffeechat takes dates from {MIN_YEAR} to {MAX_YEAR}"


class DateError(ValueError):
    """Text that is not a date or time coffeechat understands; the message says what is."""


def _quoted(text: str) -> str:
    """What the person typed, in quotes, as a message shows it (a long paste clipped)."""
    return f"'{clipped(text)}'"


def in_window(day: date) -> bool:
    """True for a day in the years coffeechat accepts (1900-2200)."""
    return MIN_YEAR <= day.year <= MAX_YEAR


def check_window(day: date, text: str) -> None:
    """Raise :class:`DateError` for a day outside the years coffeechat accepts."""
    if not in_window(day):
        raise DateError(f"{_quoted(text)} is "
                        f"{'too far ahead' if day.year > MAX_YEAR else 'too long ago'}: {WINDOW}")


def iso_day(text: str, original: str | None = None) -> date:
    """A ``YYYY-MM-DD`` date, with a precise message for a month or day that does not exist
    and for a year outside the window."""
    shown = original or text
    year, month, day = (int(part) for part in text.split("-"))
    if not 1 <= month <= 12:
        raise DateError(f"{_quoted(shown)} is not a real date: there is no month {month}")
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateError(f"{_quoted(shown)} is "
                        f"{'too far ahead' if year > MAX_YEAR else 'too long ago'}: {WINDOW}")
    length = calendar.monthrange(year, month)[1]
    if not 1 <= day <= length:
        raise DateError(f"{_quoted(shown)} is not a real date: {calendar.month_name[month]} {year} "
                        f"has {length} days")
    return date(year, month, day)


def _ahead(today: date, days: int, text: str) -> date:
    try:
        day = today + timedelta(days=days)
    except OverflowError:
        raise DateError(f"{_quoted(text)} is too far ahead: {WINDOW}") from None
    check_window(day, text)
    return day


_WHEN = re.compile(
    r"^(.*?)\s*(?:at\s+)?(\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?|noon|midnight)$",
    re.IGNORECASE,
)
_TIME = re.compile(r"^(?P<h>\d{1,2})(?::(?P<m>\d{2}))?\s*(?P<ampm>am|pm|a\.m\.|p\.m\.)?$")


def parse_time(text: str) -> time:
    """``14:30``, ``9am``, ``9:30 pm``, ``noon``, ``midnight``."""
    t = text.strip().lower()
    if t == "noon":
        return time(12, 0)
    if t == "midnight":
        return time(0, 0)
    match = _TIME.match(t)
    if not match or (match["m"] is None and match["ampm"] is None):
        raise DateError(f"{_quoted(text)} is not a time ({EXAMPLES})")
    hour, minute = int(match["h"]), int(match["m"] or 0)
    ampm = (match["ampm"] or "").replace(".", "")
    if ampm:
        if not 1 <= hour <= 12:
            raise DateError(f"{_quoted(text)}: with am/pm the hour must be from 1 to 12")
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    if hour > 23 or minute > 59:
        raise DateError(f"{_quoted(text)} is not a valid time of day")
    return time(hour, minute)


def _weekday(word: str) -> int | None:
    word = word.lower().rstrip(".")
    if len(word) < 3:
        return None
    for index, name in enumerate(WEEKDAYS):
        if name.startswith(word):
            return index
    return None


def parse_day(text: str, today: date) -> date:
    """``2026-12-03``, ``today``, ``tomorrow``, ``fri``, ``next tuesday``, ``in 3 days``, ``+3``."""
    t = " ".join(text.strip().lower().split())
    if not t:
        raise DateError(f"no date given ({EXAMPLES})")
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", t):
        return iso_day(t, text.strip())
    if t == "today":
        return today
    if t == "yesterday":
        return _ahead(today, -1, text)
    if t == "tomorrow":
        return _ahead(today, 1, text)
    match = re.fullmatch(r"(?:in\s+(\d{1,12})\s+days?|\+(\d{1,12})d?)", t)
    if match:
        return _ahead(today, int(match[1] or match[2]), text)
    match = re.fullmatch(r"in\s+(\d{1,12})\s+weeks?", t)
    if match:
        return _ahead(today, 7 * int(match[1]), text)
    if t == "next week":
        return today + timedelta(days=7 - today.weekday())
    words = t.split()
    if len(words) in (1, 2) and (len(words) == 1 or words[0] in ("next", "this")):
        day = _weekday(words[-1])
        if day is not None:
            ahead = (day - today.weekday()) % 7 or 7
            if words[0] == "this" and day == today.weekday():
                ahead = 0
            return today + timedelta(days=ahead)
    raise DateError(
        f"{_quoted(text)} is not a date coffeechat understands (e.g. 2026-12-03, tomorrow, fri)"
    )


def _localize(naive: datetime, now: datetime | None) -> datetime:
    """Attach a zone to a wall-clock time: ``now``'s zone when given, else the system's.

    Without ``now`` the system zone is asked about *that* date, so a summer time typed in
    winter gets the summer offset (``datetime.now().astimezone()`` has a fixed offset). A time
    the clocks skip when they go forward is refused (it would be stored an hour off); a time
    they show twice when they go back is the first of the two.
    """
    zone = None if now is None or _is_system_zone(now) else now.tzinfo
    moment = _attach(naive.replace(fold=0), zone)
    if _wall(moment, zone) != naive:
        start, end = _skipped(naive, zone)
        raise DateError(f"{naive:%Y-%m-%d %H:%M} does not exist in this time zone: the clocks "
                        f"go forward from {start:%H:%M} to {end:%H:%M} that day; give a time "
                        f"before {start:%H:%M} or from {end:%H:%M} on")
    return moment if zone is None else moment.astimezone()


def _attach(naive: datetime, zone: tzinfo | None) -> datetime:
    """``naive`` as a moment in ``zone`` (None: the system's, with its rules for that date)."""
    return naive.astimezone() if zone is None else naive.replace(tzinfo=zone)


def _wall(moment: datetime, zone: tzinfo | None) -> datetime:
    """What the clocks in ``zone`` (None: the system's) show at ``moment``."""
    if zone is None:
        return moment.astimezone().replace(tzinfo=None)
    # by way of UTC: converting to the zone a moment already has leaves it as it is
    return moment.astimezone(timezone.utc).astimezone(zone).replace(tzinfo=None)


def _skipped(naive: datetime, zone: tzinfo | None) -> tuple[datetime, datetime]:
    """For a wall-clock time the clocks skip: the times they jump from and to."""
    def offset(moment: datetime) -> timedelta | None:
        return (moment.astimezone() if zone is None else moment.astimezone(zone)).utcoffset()

    low, high = sorted(_attach(naive.replace(fold=fold), zone).astimezone(timezone.utc)
                       for fold in (0, 1))
    before, after = offset(low), offset(high)
    while high - low > timedelta(seconds=1):  # the moment of the change, by halves
        middle = low + (high - low) / 2
        if offset(middle) == before:
            low = middle
        else:
            high = middle
    start = high + (before or timedelta())
    end = high + (after or timedelta())
    return start.replace(tzinfo=None), end.replace(tzinfo=None)


def _is_system_zone(now: datetime) -> bool:
    """True when ``now`` is the system's local time (``datetime.now().astimezone()`` gives a
    fixed offset; the system zone's own rules are better for other dates)."""
    return now.utcoffset() == now.astimezone().utcoffset()


def parse_when(text: str, now: datetime | None = None) -> datetime:
    """A date and time typed by a person, as an aware datetime in the local zone."""
    given = now
    now = now or datetime.now().astimezone()
    t = " ".join(text.strip().split())
    if not t:
        raise DateError(f"no date given ({EXAMPLES})")
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", t):
        iso_day(t)
        raise DateError(f"{_quoted(text)} has no time: add one, e.g. {t} 14:30")
    iso = re.match(r"^(\d{4}-\d{1,2}-\d{1,2})[ T](.*)$", t)
    if iso:
        day = iso_day(iso[1], t)
        try:
            moment = datetime.fromisoformat(t.replace(" ", "T", 1))
        except ValueError:  # not ISO 8601 after all, e.g. "2026-12-03 9am": the time as typed
            moment = datetime.combine(day, parse_time(iso[2]))
        return moment if moment.tzinfo else _localize(moment, given)
    match = _WHEN.match(t)
    if not match or not match[1]:
        raise DateError(
            f"{_quoted(text)} is not a date and time coffeechat understands ({EXAMPLES})")
    try:
        day = parse_day(match[1], now.date())
    except DateError as exc:
        if "not a date coffeechat understands" in str(exc):
            raise DateError(
                f"{_quoted(text)} is not a date and time coffeechat understands ({EXAMPLES})"
            ) from None
        raise
    at = parse_time(match[2])
    return _localize(datetime.combine(day, at), given)


def format_when(moment: datetime | str | None, now: datetime | None = None) -> str:
    """A short, friendly rendering: ``Tue 3 Dec 14:30`` (year shown when not this year).

    Never raises: a stored moment that is not a date-time, or that the local zone cannot place
    (year 1, year 9999), is shown as it is stored.
    """
    if moment is None:
        return ""
    try:
        if isinstance(moment, str):
            moment = datetime.fromisoformat(moment)
        now = now or datetime.now().astimezone()
        local = to_local(moment, now) if moment.tzinfo else moment
        pattern = "%a %d %b %H:%M" if local.year == now.year else "%a %d %b %Y %H:%M"
        return local.strftime(pattern)
    except (ValueError, OverflowError, OSError):
        return str(moment).replace("T", " ")[:16]


def to_local(moment: datetime, now: datetime | None = None) -> datetime:
    """``moment`` in the zone of ``now`` (the system zone, with its own DST rules for that
    date, when ``now`` is the system's local time or not given)."""
    try:
        if now is None or _is_system_zone(now):
            return moment.astimezone()
        return moment.astimezone(now.tzinfo)
    except (OverflowError, ValueError, OSError):  # a stored moment at the calendar's ends
        return moment


def to_iso(moment: datetime) -> str:
    """An aware datetime as the ISO 8601 string we store."""
    return moment.isoformat(timespec="seconds")
