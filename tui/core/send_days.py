"""The user's own evidence beside the day-of-week tip: how their outreach did by the weekday
it went out (reply rate and median business days to a reply), with the counts, so that a
small sample reads as small.

The counts come from :func:`tui.core.stats.compute_stats` (the Progress view's replies by
weekday); the business days are counted in the follow-up routine's calendar.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from tui.core.models import Contact
from tui.core.outreach_routine import DEFAULT_SETTINGS, RoutineSettings
from tui.core.progress import stats_inputs
from tui.core.stats import StatsInput, compute_stats
from tui.core.summary import ConversationLike

# Fewer messages than this with an answer due (sent long enough ago) is too little to go on.
ENOUGH_TO_GO_ON = 5


@dataclass(frozen=True)
class SendDay:
    """Outreach sent on one weekday: answers due, replies, median business days to reply."""

    label: str  # Mon, Tue...
    due: int  # sent long enough ago that an answer was due (or came)
    replied: int
    median_business_days: float | None

    def text(self) -> str:
        """``Tue 3 of 5 replied (60%, 1 business day)`` or ``Fri 0 of 2``."""
        if not self.due:
            return f"{self.label} {self.replied} replied, others still waiting"
        if not self.replied:
            return f"{self.label} 0 of {self.due}"
        rate = round(100 * self.replied / self.due)
        days = ""
        if self.median_business_days is not None:
            number = f"{self.median_business_days:g}"
            days = f", {number} business day{'' if number == '1' else 's'}"
        return f"{self.label} {self.replied} of {self.due} replied ({rate}%{days})"


@dataclass(frozen=True)
class SendEvidence:
    """The user's figures by weekday (only days something was sent on), Monday first."""

    days: tuple[SendDay, ...]

    @property
    def answered_or_due(self) -> int:
        """Messages whose answer is in or due, over every weekday."""
        return sum(d.due for d in self.days)

    def text(self) -> str:
        """One line for the outreach notes."""
        total = self.answered_or_due
        if total < ENOUGH_TO_GO_ON:
            if not total:
                return "Your outreach: no answers due yet, so nothing of your own to go on."
            return (f"Your outreach: {total} message{'s' if total != 1 else ''} with an answer "
                    f"due so far — too little to go on yet (from {ENOUGH_TO_GO_ON}).")
        return "Your outreach: " + " · ".join(d.text() for d in self.days if d.due) + "."


def send_evidence(rows: Sequence[StatsInput], today: date,
                  settings: RoutineSettings = DEFAULT_SETTINGS) -> SendEvidence:
    """The figures from the progress rows (see :func:`tui.core.progress.stats_inputs`)."""
    stats = compute_stats(rows, today, settings)
    days = []
    for weekday, counts in enumerate(stats.replies_by_weekday):
        if not counts.sent:
            continue
        spans = [settings.calendar.between(r.outreach_sent_on, r.reply_on) for r in rows
                 if r.sent_weekday == weekday and r.replied and r.reply_on is not None
                 and r.outreach_sent_on is not None]
        spans = [max(0, s) for s in spans]
        median = round(float(statistics.median(spans)), 1) if spans else None
        days.append(SendDay(counts.label, counts.sent - counts.waiting, counts.replied,
                            median))
    return SendEvidence(tuple(days))


def own_send_evidence(contacts: Iterable[Contact], conversations: Iterable[ConversationLike],
                      now: datetime, settings: RoutineSettings = DEFAULT_SETTINGS
                      ) -> SendEvidence:
    """The figures from the records (summaries will do; run it off the event loop at scale)."""
    return send_evidence(stats_inputs(contacts, conversations, now), now.date(), settings)
