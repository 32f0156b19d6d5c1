"""The follow-up routine after an outreach, counted in business days, and how fast people reply.

After an outreach goes out with no reply: once ``second_contact_after`` business days (3) have
passed, reach out to a second person at the same company; once ``follow_up_after`` (7) have
passed, send the first person one short follow-up (:func:`draft_nudge` writes it). A reply of
any kind (yes, no, later) ends the routine, and a step the user has done drops out.

When the count starts: a message sent on a business day before the workday ends (18:00 by
default) is read that day, which is day 0. One sent later, at the weekend or on a holiday is
read on the next business day, so that day is day 0: Friday 10:00 -> second contact due
Wednesday, Friday 19:00 or Saturday -> Thursday, Tuesday 23:59 -> Monday. Days are read on the
wall clock of the user's zone (``tz``, default ``now``'s). A step is due from the start of its
day. Everything is pure: the caller passes ``now``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, tzinfo
from typing import Any

from tui.core.business_days import WEEKEND, BusinessCalendar, at_wall_time, in_zone
from tui.core.outreach import greeting_name
from tui.core.safetext import one_line

SECOND_CONTACT = "outreach-second-contact"
FOLLOW_UP = "outreach-follow-up"
ANSWERS = ("yes", "no", "later")
DEFAULT_SECOND_CONTACT_AFTER = 3
DEFAULT_FOLLOW_UP_AFTER = 7
DEFAULT_WORKDAY_ENDS = time(18, 0)
MAX_BUSINESS_DAYS = 60
_DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class RoutineSettings:
    """The routine's numbers (settings keys of the same names) and the calendar it counts in.

    ``workday_ends``: a message sent at or after this time is counted from the next business
    day (None: the day it was sent, whatever the hour).
    """

    second_contact_after: int = DEFAULT_SECOND_CONTACT_AFTER
    follow_up_after: int = DEFAULT_FOLLOW_UP_AFTER
    holidays: frozenset[date] = frozenset()
    weekend: frozenset[int] = WEEKEND
    workday_ends: time | None = DEFAULT_WORKDAY_ENDS
    calendar: BusinessCalendar = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for name in ("second_contact_after", "follow_up_after"):
            value = getattr(self, name)
            if not 1 <= value <= MAX_BUSINESS_DAYS:
                raise ValueError(f"{name} must be from 1 to {MAX_BUSINESS_DAYS} business days")
        object.__setattr__(self, "calendar", BusinessCalendar(self.holidays, self.weekend))

    @classmethod
    def from_settings(cls, data: Mapping[str, Any]) -> tuple[RoutineSettings, list[str]]:
        """Read the settings file's values; each one that cannot be used is named in a warning
        and its default is used instead (settings are preferences, never a reason to fail).

        Keys: ``second_contact_after`` and ``follow_up_after`` (whole numbers of business
        days), ``holidays`` (a list of ``YYYY-MM-DD``), ``weekend`` (a list of day names such
        as ``["sat", "sun"]`` or ``["fri", "sat"]``), ``workday_ends`` (``HH:MM`` or null).
        """
        warnings: list[str] = []
        numbers = {}
        for key, default in (("second_contact_after", DEFAULT_SECOND_CONTACT_AFTER),
                             ("follow_up_after", DEFAULT_FOLLOW_UP_AFTER)):
            value = data.get(key, default)
            if isinstance(value, bool) or not isinstance(value, int) or \
                    not 1 <= value <= MAX_BUSINESS_DAYS:
                warnings.append(f"{key}: {value!r} is not a whole number of business days from "
                                f"1 to {MAX_BUSINESS_DAYS}; using {default}")
                value = default
            numbers[key] = value
        holidays = _holidays(data.get("holidays", []), warnings)
        weekend = _weekend(data.get("weekend"), warnings)
        ends = _workday_ends(data.get("workday_ends", "18:00"), warnings)
        return cls(numbers["second_contact_after"], numbers["follow_up_after"], holidays,
                   weekend, ends), warnings


def _holidays(value: Any, warnings: list[str]) -> frozenset[date]:
    if not isinstance(value, list):
        warnings.append("holidays: expected a list of YYYY-MM-DD dates; none used")
        return frozenset()
    days = set()
    for item in value:
        try:
            days.add(date.fromisoformat(item))
        except (TypeError, ValueError):
            warnings.append(f"holidays: {str(item)[:40]!r} is not a YYYY-MM-DD date; skipped")
    return frozenset(days)


def _weekend(value: Any, warnings: list[str]) -> frozenset[int]:
    if value is None:
        return WEEKEND
    names = [str(v).strip().casefold()[:3] for v in value] if isinstance(value, list) else []
    days = frozenset(_DAY_NAMES.index(n) for n in names if n in _DAY_NAMES)
    if not isinstance(value, list) or len(days) != len(names) or len(days) == 7:
        warnings.append("weekend: expected a list of day names such as [\"sat\", \"sun\"]; "
                        "using Saturday and Sunday")
        return WEEKEND
    return days


def _workday_ends(value: Any, warnings: list[str]) -> time | None:
    if value is None:
        return None
    try:
        return time.fromisoformat(str(value))
    except ValueError:
        warnings.append(f"workday_ends: {str(value)[:20]!r} is not a time such as 18:00; "
                        "using 18:00")
        return DEFAULT_WORKDAY_ENDS


DEFAULT_SETTINGS = RoutineSettings()


@dataclass(frozen=True)
class Reply:
    """They replied: on which day, and their answer (``yes``, ``no`` or ``later``)."""

    on: date
    answer: str = "yes"

    def __post_init__(self) -> None:
        if self.answer not in ANSWERS:
            raise ValueError(f"a reply is one of {', '.join(ANSWERS)}, not {self.answer!r}")


@dataclass(frozen=True)
class RoutineStep:
    """One step of the routine: what, after how many business days, and from when."""

    kind: str  # SECOND_CONTACT or FOLLOW_UP
    after: int  # business days without a reply
    due_on: date  # the day it becomes due (in the user's zone)
    due_at: datetime  # the start of that day
    level: str  # "due" on its day, "overdue" after it, "upcoming" before it
    waited: int  # business days waited so far

    @property
    def is_due(self) -> bool:
        """Its day has come."""
        return self.level != "upcoming"

    def reason(self, name: str, company: str = "") -> str:
        """One line for the Due list (names folded to one line, control characters out)."""
        who = one_line(name) or "them"
        days = f"{self.waited} business day{'s' if self.waited != 1 else ''}"
        if self.kind == SECOND_CONTACT:
            where = f"at {one_line(company)}" if one_line(company) else "at the same company"
            return f"no reply from {who} after {days}: reach out to a second person {where}"
        return f"no reply from {who} after {days}: send one short follow-up"


def clock_start(sent: date | datetime, settings: RoutineSettings = DEFAULT_SETTINGS,
                tz: tzinfo | None = None) -> date:
    """Day 0 of the count: the day the message is read (see the module docstring)."""
    calendar = settings.calendar
    if not isinstance(sent, datetime):
        return calendar.first_business_day(sent)
    local = in_zone(sent, tz)
    day = local.date()
    late = settings.workday_ends is not None and local.time() >= settings.workday_ends
    if calendar.is_business_day(day) and not late:
        return day
    return calendar.next_business_day(day)


def follow_up_routine(sent: date | datetime, now: datetime, reply: Reply | None = None,
                      settings: RoutineSettings = DEFAULT_SETTINGS, *,
                      tz: tzinfo | None = None, second_contact_on: date | None = None,
                      followed_up_on: date | None = None) -> list[RoutineStep]:
    """The routine's remaining steps (due or upcoming), earliest first.

    Empty once a reply is marked. ``second_contact_on``: the day the user wrote to a second
    person at the company; ``followed_up_on``: the day they sent the follow-up. A step done
    on or after the day the outreach was sent is left out. ``tz``: the user's zone (default:
    ``now``'s).
    """
    if reply is not None:
        return []
    zone = tz if tz is not None else now.tzinfo
    start = clock_start(sent, settings, zone)
    sent_day = in_zone(sent, zone).date() if isinstance(sent, datetime) else sent
    today = in_zone(now, zone).date()
    waited = max(0, settings.calendar.between(start, today))
    done = {SECOND_CONTACT: second_contact_on, FOLLOW_UP: followed_up_on}
    steps = []
    for kind, after in ((SECOND_CONTACT, settings.second_contact_after),
                        (FOLLOW_UP, settings.follow_up_after)):
        finished = done[kind]
        if finished is not None and finished >= sent_day:
            continue
        due_on = settings.calendar.add(start, after)
        level = "upcoming" if due_on > today else ("due" if due_on == today else "overdue")
        steps.append(RoutineStep(kind, after, due_on, at_wall_time(due_on, time(0), zone),
                                 level, waited))
    return sorted(steps, key=lambda s: (s.due_on, s.after))


def due_steps(sent: date | datetime, now: datetime, reply: Reply | None = None,
              settings: RoutineSettings = DEFAULT_SETTINGS, *, tz: tzinfo | None = None,
              second_contact_on: date | None = None,
              followed_up_on: date | None = None) -> list[RoutineStep]:
    """Only the steps whose day has come (what the Due list shows)."""
    steps = follow_up_routine(sent, now, reply, settings, tz=tz,
                              second_contact_on=second_contact_on,
                              followed_up_on=followed_up_on)
    return [s for s in steps if s.is_due]


# -- how fast they replied --------------------------------------------------------------------

FAST, SLOW, NO_REPLY, WAITING = "fast", "slow", "no-reply", "waiting"
SPEED_RANK = {FAST: 0, WAITING: 1, SLOW: 2, NO_REPLY: 3}


@dataclass(frozen=True)
class ReplySpeed:
    """How quickly someone answered an outreach.

    ``fast``: replied within ``second_contact_after`` business days (3) of day 0, before the
    routine would move on to someone else: the people who answer this fast tend to be the
    ones who help most. ``slow``: replied later. ``no-reply``: no answer after that many
    business days or more (``business_days`` keeps counting), the day the Due list moves on
    to a second person; a reply that still comes that day counts as fast. ``waiting``: too
    early to tell.
    """

    kind: str
    business_days: int
    label: str

    @property
    def rank(self) -> int:
        """For sorting people: fast first, then waiting, slow, no reply."""
        return SPEED_RANK[self.kind]


def _days(count: int) -> str:
    return "same day" if count == 0 else f"{count} business day{'s' if count != 1 else ''}"


def reply_speed(sent: date | datetime, reply_on: date | None, now: datetime,
                settings: RoutineSettings = DEFAULT_SETTINGS,
                tz: tzinfo | None = None) -> ReplySpeed:
    """Classify the reply (or its absence) to an outreach sent at ``sent``; see
    :class:`ReplySpeed` for the thresholds. A reply dated before day 0 counts as same day."""
    zone = tz if tz is not None else now.tzinfo
    start = clock_start(sent, settings, zone)
    fast_within = settings.second_contact_after
    if reply_on is not None:
        days = max(0, settings.calendar.between(start, reply_on))
        if days <= fast_within:
            return ReplySpeed(FAST, days, f"replied fast ({_days(days)})")
        return ReplySpeed(SLOW, days, f"replied slowly ({_days(days)})")
    waited = max(0, settings.calendar.between(start, in_zone(now, zone).date()))
    if waited < fast_within:
        return ReplySpeed(WAITING, waited, f"waiting for a reply ({_days(waited)})")
    return ReplySpeed(NO_REPLY, waited, f"no reply after {_days(waited)}")


# -- the follow-up nudge ----------------------------------------------------------------------


def _as_phrase(ask: str) -> str:
    """``Moving into UX research.`` -> ``moving into UX research`` (an acronym stays)."""
    phrase = one_line(ask).rstrip(" .!?;:,")
    if len(phrase) > 1 and phrase[0].isupper() and phrase[1].islower():
        phrase = phrase[0].lower() + phrase[1:]
    return phrase


def draft_nudge(name: str, ask: str = "", *, my_name: str = "", sent_on: date | None = None,
                minutes: int = 20) -> str:
    """One short, friendly follow-up to the first person, in plain text.

    ``name``: the contact's name (greeted by first name); ``ask``: what the first message
    asked their advice on, as a phrase (``how you moved from teaching into research``);
    ``sent_on``: when the first message went out; ``minutes``: the call's length.
    """
    greeting = greeting_name(one_line(name))
    note = f"my note of {sent_on:%A} {sent_on.day} {sent_on:%B}" if sent_on else "my earlier note"
    phrase = _as_phrase(ask)
    advice = f"your advice on {phrase}" if phrase else "your advice"
    sign = f"\n{one_line(my_name)}" if one_line(my_name) else ""
    return (f"Hi {greeting or 'there'},\n\n"
            f"I'm following up on {note} in case it slipped down your inbox. I'd still be "
            f"grateful for {advice}. Would you have {minutes} minutes for a call in the next "
            f"few weeks?\n\nThank you,{sign}\n")
