"""Progress you can see: the funnel, replies by weekday, chats per month, asks, relationships.

Pure: the caller maps each conversation onto a :class:`StatsInput` and passes ``today`` (the
user's today), so a test or the CLI gets the same numbers every time. Counts always travel with
rates, so that a small sample is visibly small. :meth:`Stats.to_json` is the ``coffeechat stats
--json`` document; its keys:

- ``today``: the day the numbers are for; ``conversations``: how many went in.
- ``funnel``: a list, one object per stage in order (``ideas``, ``reached_out``, ``replied``,
  ``held``, ``thanked``, ``referrals``), each with ``stage``, ``label``, ``count`` and
  ``conversion`` (the share of the stage before it that got this far, 0-1, or null when the
  stage before is empty). A conversation counts in every stage it has reached (one that was
  held was also reached out to and replied to). ``referrals`` counts people, not
  conversations; its ``conversion`` is referrals per held conversation and can pass 1.
- ``replies``: ``overall`` and ``by_weekday`` (Monday first, every day present), each with
  ``sent``, ``replied``, ``waiting`` (no reply yet, but fewer business days than the
  follow-up step have passed, so left out of the rate), ``reply_rate`` (replied / (sent -
  waiting), or null), ``median_days_to_reply`` (calendar days, from replies with a date, or
  null) and ``with_reply_date`` (how many replies that median rests on).
- ``per_month``: the last ``months`` months, oldest first, each ``month`` (``YYYY-MM``),
  ``held`` and ``reached_out``, zero-filled for a sparkline.
- ``ask``: held conversations that had an ask (``asked``), those that led to at least one
  introduction (``led_to_introduction``), and ``rate``.
- ``relationships``: contacts with a conversation: ``contacts``, ``within_cadence``,
  ``overdue``, ``no_cadence``.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from tui.core.outreach_routine import DEFAULT_SETTINGS, RoutineSettings

STATUS_RANK = {"idea": 0, "reached_out": 1, "scheduled": 2, "done": 3, "thanked": 4}
STAGES = (("ideas", "Ideas"), ("reached_out", "Reached out"), ("replied", "Replied"),
          ("held", "Held"), ("thanked", "Thanked"), ("referrals", "Referrals gained"))
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
DEFAULT_MONTHS = 12


@dataclass(frozen=True)
class StatsInput:
    """One conversation as the statistics see it.

    ``status``: one of ``models.STATUSES``; ``outreach_sent_on``, ``reply_on``, ``held_on``
    (the day the call took place, None until it has) and ``thanked_on`` are days in the
    user's zone; ``reply_answer``: ``yes``, ``no`` or ``later`` when a reply was marked;
    ``referrals``: people this conversation gave you; ``ask_made``: it had an ask;
    ``introductions``: people it actually introduced you to; ``cadence``: the contact's
    stay-in-touch state (``within``, ``overdue``, or None for no cadence).
    """

    status: str = "idea"
    contact_id: str = ""
    outreach_sent_on: date | None = None
    reply_on: date | None = None
    reply_answer: str | None = None
    held_on: date | None = None
    thanked_on: date | None = None
    referrals: int = 0
    ask_made: bool = False
    introductions: int = 0
    cadence: str | None = None

    # Worked out once, when made (the numbers read them tens of thousands of times):
    #: how far along the status is (an unknown status counts as an idea);
    rank: int = field(init=False, repr=False, compare=False)
    #: the call took place;
    held: bool = field(init=False, repr=False, compare=False)
    #: they answered (a reply was marked, or the chat was scheduled or held);
    replied: bool = field(init=False, repr=False, compare=False)
    #: the outreach went out (or the chat got further without one being logged);
    reached_out: bool = field(init=False, repr=False, compare=False)
    #: the thank-you went out;
    thanked: bool = field(init=False, repr=False, compare=False)
    #: 0 (Monday) to 6 (Sunday): the day the outreach was sent, if it was.
    sent_weekday: int | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        rank = STATUS_RANK.get(self.status, 0)
        held = self.held_on is not None or rank >= 3
        replied = self.reply_on is not None or self.reply_answer is not None or rank >= 2 \
            or held
        sent = self.outreach_sent_on
        for name, value in (("rank", rank), ("held", held), ("replied", replied),
                            ("reached_out", sent is not None or rank >= 1 or replied),
                            ("thanked", self.thanked_on is not None or rank >= 4),
                            ("sent_weekday", sent.weekday() if sent else None)):
            object.__setattr__(self, name, value)


def _rate(part: float, whole: float) -> float | None:
    return round(part / whole, 3) if whole else None


@dataclass(frozen=True)
class FunnelStage:
    """One stage of the funnel."""

    stage: str
    label: str
    count: int
    conversion: float | None


@dataclass(frozen=True)
class ReplyCounts:
    """Replies to the outreach sent on one weekday (or overall)."""

    label: str
    sent: int
    replied: int
    waiting: int
    median_days_to_reply: float | None
    with_reply_date: int

    @property
    def reply_rate(self) -> float | None:
        """Replied out of those sent whose answer is due (waiting ones left out)."""
        return _rate(self.replied, self.sent - self.waiting)

    def to_json(self) -> dict[str, Any]:
        """The JSON object for this weekday."""
        return {"weekday": self.label, "sent": self.sent, "replied": self.replied,
                "waiting": self.waiting, "reply_rate": self.reply_rate,
                "median_days_to_reply": self.median_days_to_reply,
                "with_reply_date": self.with_reply_date}


@dataclass(frozen=True)
class Stats:
    """Everything the Progress view and ``coffeechat stats`` show."""

    today: date
    conversations: int
    funnel: tuple[FunnelStage, ...]
    replies_overall: ReplyCounts
    replies_by_weekday: tuple[ReplyCounts, ...]
    per_month: tuple[tuple[str, int, int], ...]  # (YYYY-MM, held, reached out)
    asked: int
    led_to_introduction: int
    relationships: dict[str, int]

    @property
    def ask_rate(self) -> float | None:
        """How often an ask led to an introduction."""
        return _rate(self.led_to_introduction, self.asked)

    def stage(self, name: str) -> FunnelStage:
        """One funnel stage by its key."""
        return next(s for s in self.funnel if s.stage == name)

    def to_json(self) -> dict[str, Any]:
        """The documented JSON document (see the module docstring)."""
        return {
            "today": self.today.isoformat(),
            "conversations": self.conversations,
            "funnel": [{"stage": s.stage, "label": s.label, "count": s.count,
                        "conversion": s.conversion} for s in self.funnel],
            "replies": {"overall": self.replies_overall.to_json(),
                        "by_weekday": [w.to_json() for w in self.replies_by_weekday]},
            "per_month": [{"month": m, "held": h, "reached_out": r}
                          for m, h, r in self.per_month],
            "ask": {"asked": self.asked, "led_to_introduction": self.led_to_introduction,
                    "rate": self.ask_rate},
            "relationships": dict(self.relationships),
        }


def compute_stats(rows: Iterable[StatsInput], today: date,
                  settings: RoutineSettings = DEFAULT_SETTINGS,
                  months: int = DEFAULT_MONTHS) -> Stats:
    """All the progress numbers for these conversations, as of ``today``.

    An outreach with no reply counts as unanswered once ``settings.follow_up_after``
    business days (7) have passed; before that it is *waiting* and kept out of reply rates.
    """
    data = list(rows)
    sent = [r for r in data if r.outreach_sent_on]
    by_weekday: list[list[StatsInput]] = [[] for _ in WEEKDAYS]
    for row in sent:
        by_weekday[row.sent_weekday or 0].append(row)
    return Stats(
        today=today,
        conversations=len(data),
        funnel=_funnel(data),
        replies_overall=_replies("all", sent, today, settings),
        replies_by_weekday=tuple(_replies(name, by_weekday[day], today, settings)
                                 for day, name in enumerate(WEEKDAYS)),
        per_month=_per_month(data, today, months),
        asked=sum(1 for r in data if r.held and r.ask_made),
        led_to_introduction=sum(1 for r in data if r.held and r.ask_made and
                                r.introductions > 0),
        relationships=_relationships(data),
    )


def _funnel(data: list[StatsInput]) -> tuple[FunnelStage, ...]:
    counts = {
        "ideas": len(data),
        "reached_out": sum(r.reached_out for r in data),
        "replied": sum(r.replied for r in data),
        "held": sum(r.held for r in data),
        "thanked": sum(r.thanked for r in data),
        "referrals": sum(max(0, r.referrals) for r in data),
    }
    stages = []
    previous: int | None = None
    for key, label in STAGES:
        base = counts["held"] if key == "referrals" else previous
        stages.append(FunnelStage(key, label, counts[key],
                                  None if base is None else _rate(counts[key], base)))
        previous = counts[key]
    return tuple(stages)


def _replies(label: str, sent: list[StatsInput], today: date,
             settings: RoutineSettings) -> ReplyCounts:
    replied = [r for r in sent if r.replied]
    waiting = sum(1 for r in sent if not r.replied and r.outreach_sent_on is not None and
                  settings.calendar.between(r.outreach_sent_on, today) <
                  settings.follow_up_after)
    days = [max(0, (r.reply_on - r.outreach_sent_on).days) for r in replied
            if r.reply_on is not None and r.outreach_sent_on is not None]
    median = round(float(statistics.median(days)), 1) if days else None
    return ReplyCounts(label, len(sent), len(replied), waiting, median, len(days))


def _month_key(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def _months_back(today: date, months: int) -> list[str]:
    keys = []
    year, month = today.year, today.month
    for _ in range(max(0, months)):
        keys.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        if year < 1:
            break
    return keys[::-1]


def _per_month(data: list[StatsInput], today: date,
               months: int) -> tuple[tuple[str, int, int], ...]:
    keys = _months_back(today, months)
    held = dict.fromkeys(keys, 0)
    reached = dict.fromkeys(keys, 0)
    for row in data:
        if row.held_on and row.held_on <= today and _month_key(row.held_on) in held:
            held[_month_key(row.held_on)] += 1
        sent = row.outreach_sent_on
        if sent and sent <= today and _month_key(sent) in reached:
            reached[_month_key(sent)] += 1
    return tuple((k, held[k], reached[k]) for k in keys)


def _relationships(data: list[StatsInput]) -> dict[str, int]:
    state: dict[str, str | None] = {}
    for row in data:
        if not row.contact_id:
            continue
        current = state.get(row.contact_id)
        if row.cadence == "overdue" or (row.cadence == "within" and current != "overdue"):
            state[row.contact_id] = row.cadence
        else:
            state.setdefault(row.contact_id, None)
    values = list(state.values())
    return {"contacts": len(values), "within_cadence": values.count("within"),
            "overdue": values.count("overdue"), "no_cadence": values.count(None)}
