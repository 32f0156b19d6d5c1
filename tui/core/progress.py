"""The user's records read as progress: each conversation mapped onto a
:class:`~tui.core.stats.StatsInput`, then :func:`~tui.core.stats.compute_stats`.

Shared by the Progress view and ``coffeechat stats``, so both show the same numbers.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from tui.core.followup import call_happened, keep_in_touch_on
from tui.core.models import Contact
from tui.core.moments import local_day
from tui.core.outreach_routine import DEFAULT_SETTINGS, RoutineSettings
from tui.core.stats import DEFAULT_MONTHS, Stats, StatsInput, compute_stats
from tui.core.summary import ConversationLike


def _held_on(chat: ConversationLike, now: datetime) -> date | None:
    """The local day of the call, once it has happened."""
    if not call_happened(chat, now):
        return None
    when = chat.held_at or chat.live.ended_at
    return local_day(when, now.tzinfo) if when else None


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def stats_inputs(contacts: Iterable[Contact], conversations: Iterable[ConversationLike],
                 now: datetime) -> list[StatsInput]:
    """One :class:`StatsInput` per conversation, read as of ``now`` (in its zone)."""
    people = {c.id: c for c in contacts}
    chats = list(conversations)
    by_contact: dict[str, list[ConversationLike]] = {}
    for chat in chats:
        by_contact.setdefault(chat.contact_id, []).append(chat)
    today = now.date()
    cadence: dict[str, str | None] = {}
    for contact_id, theirs in by_contact.items():
        person = people.get(contact_id)
        until = keep_in_touch_on(person, theirs, now.tzinfo) if person else None
        cadence[contact_id] = None if until is None else (
            "within" if until >= today else "overdue")
    rows = []
    for chat in chats:
        outreach = chat.outreach
        referrals = chat.referrals
        rows.append(StatsInput(
            status=chat.status,
            contact_id=chat.contact_id,
            outreach_sent_on=_day(outreach.sent_on),
            reply_on=_day(outreach.replied_on),
            reply_answer=outreach.reply or None,
            held_on=_held_on(chat, now),
            thanked_on=_day(chat.thank_you.sent_on),
            referrals=sum(1 for r in referrals if r.name.strip()) if referrals else 0,
            ask_made=bool(chat.ask.strip()),
            introductions=sum(1 for r in referrals if r.contact_id and r.contact_id in people)
            if referrals else 0,
            cadence=cadence.get(chat.contact_id),
        ))
    return rows


def progress(contacts: Iterable[Contact], conversations: Iterable[ConversationLike],
             now: datetime, settings: RoutineSettings = DEFAULT_SETTINGS,
             months: int = DEFAULT_MONTHS) -> Stats:
    """Every progress number for these records, as of ``now``."""
    return compute_stats(stats_inputs(contacts, conversations, now), now.date(), settings,
                         months)
