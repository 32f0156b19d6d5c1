"""Dates and times as people type them: ``2026-12-03 14:30``, ``tomorrow 9am``, ``fri 3pm``.

Everything returned is timezone-aware in the local zone (or the zone of ``now`` when given), so
comparisons stay right across time zones and daylight-saving changes.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
EXAMPLES = "e.g. 2026-12-03 14:30, tomorrow 9am, fri 3pm"


class DateError(ValueError):
    """Text that is not a date or time coffeechat understands; the message says what is."""


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
        raise DateError(f"'{text}' is not a time ({EXAMPLES})")
    hour, minute = int(match["h"]), int(match["m"] or 0)
    ampm = (match["ampm"] or "").replace(".", "")
    if ampm:
        if not 1 <= hour <= 12:
            raise DateError(f"'{text}': with am/pm the hour must be from 1 to 12")
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    if hour > 23 or minute > 59:
        raise DateError(f"'{text}' is not a valid time of day")
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
        try:
            y, m, d = (int(p) for p in t.split("-"))
            return date(y, m, d)
        except ValueError as exc:
            raise DateError(f"'{text}' is not a real date: {exc}") from None
    if t == "today":
        return today
    if t == "yesterday":
        return today - timedelta(days=1)
    if t == "tomorrow":
        return today + timedelta(days=1)
    match = re.fullmatch(r"(?:in\s+(\d+)\s+days?|\+(\d+)d?)", t)
    if match:
        return today + timedelta(days=int(match[1] or match[2]))
    match = re.fullmatch(r"in\s+(\d+)\s+weeks?", t)
    if match:
        return today + timedelta(weeks=int(match[1]))
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
        f"'{text}' is not a date coffeechat understands (e.g. 2026-12-03, tomorrow, fri)"
    )


def _localize(naive: datetime, now: datetime | None) -> datetime:
    """Attach a zone to a wall-clock time: ``now``'s zone when given, else the system's.

    Without ``now`` the system zone is asked about *that* date, so a summer time typed in
    winter gets the summer offset (``datetime.now().astimezone()`` has a fixed offset).
    """
    if now is None or _is_system_zone(now):
        return naive.astimezone()
    return naive.replace(tzinfo=now.tzinfo).astimezone()


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
        raise DateError(f"'{text}' has no time: add one, e.g. {t} 14:30")
    iso = t.replace(" ", "T", 1) if re.match(r"^\d{4}-\d{2}-\d{2} ", t) else t
    if re.match(r"^\d{4}-\d{2}-\d{2}T", iso):
        try:
            moment = datetime.fromisoformat(iso)
        except ValueError:
            raise DateError(f"'{text}' is not a valid date and time ({EXAMPLES})") from None
        return moment if moment.tzinfo else _localize(moment, given)
    match = _WHEN.match(t)
    if not match or not match[1]:
        raise DateError(f"'{text}' is not a date and time coffeechat understands ({EXAMPLES})")
    day = parse_day(match[1], now.date())
    at = parse_time(match[2])
    return _localize(datetime.combine(day, at), given)


def format_when(moment: datetime | str | None, now: datetime | None = None) -> str:
    """A short, friendly rendering: ``Tue 3 Dec 14:30`` (year shown when not this year)."""
    if moment is None:
        return ""
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    now = now or datetime.now().astimezone()
    local = to_local(moment, now) if moment.tzinfo else moment
    pattern = "%a %d %b %H:%M" if local.year == now.year else "%a %d %b %Y %H:%M"
    return local.strftime(pattern)


def to_local(moment: datetime, now: datetime | None = None) -> datetime:
    """``moment`` in the zone of ``now`` (the system zone, with its own DST rules for that
    date, when ``now`` is the system's local time or not given)."""
    if now is None or _is_system_zone(now):
        return moment.astimezone()
    return moment.astimezone(now.tzinfo)


def to_iso(moment: datetime) -> str:
    """An aware datetime as the ISO 8601 string we store."""
    return moment.isoformat(timespec="seconds")
