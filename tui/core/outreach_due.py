"""The follow-up routine on the user's records: Due items, replies, reply speed and the nudge.

:mod:`tui.core.outreach_routine` does the counting on plain dates; this module reads it off
conversations and contacts. A conversation's outreach is "answered" once a reply is marked
(:func:`mark_replied`) or the chat moved on (scheduled, done or thanked): the routine stops.
The second step counts as done once an outreach to another person at the same company went
out on or after this one's day; the follow-up step once a follow-up is logged after the send.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any, TypeVar

from tui.core.followup import DueItem, add_followup
from tui.core.models import Contact, Conversation
from tui.core.moments import moment
from tui.core.outreach_routine import (
    ANSWERS,
    DEFAULT_SETTINGS,
    FOLLOW_UP,
    SECOND_CONTACT,
    Reply,
    ReplySpeed,
    RoutineSettings,
    draft_nudge,
    due_steps,
    reply_speed,
)
from tui.core.safetext import one_line
from tui.core.summary import ConversationLike

MOVED_ON = ("scheduled", "done", "thanked")
NUDGE_NOTE = "sent one short follow-up to the outreach"
ROUTINE_KINDS = (SECOND_CONTACT, FOLLOW_UP)
C = TypeVar("C", bound=ConversationLike)


def company_key(company: str) -> str:
    """The company name compared case- and space-blind (``" Stripe "`` == ``"stripe"``)."""
    return " ".join(company.split()).casefold()


def routine_settings(settings: Mapping[str, Any]) -> tuple[RoutineSettings, list[str]]:
    """The routine's numbers from the settings file (warnings name values not used)."""
    return RoutineSettings.from_settings(settings)


def sent_moment(conversation: ConversationLike, tz: Any = None) -> date | datetime | None:
    """When the outreach went out: the moment if known, else the day; None if not sent."""
    outreach = conversation.outreach
    if outreach.sent_at:
        return moment(outreach.sent_at, tz)
    return date.fromisoformat(outreach.sent_on) if outreach.sent_on else None


def reply_of(conversation: ConversationLike) -> Reply | None:
    """The reply marked on the outreach; a chat that moved on (scheduled or later) counts as
    answered "yes" even without a marked reply."""
    outreach = conversation.outreach
    if outreach.replied_on:
        return Reply(date.fromisoformat(outreach.replied_on), outreach.reply or "yes")
    if conversation.status in MOVED_ON and outreach.sent_on:
        return Reply(date.fromisoformat(outreach.sent_on), "yes")
    return None


def mark_replied(conversation: Conversation, day: date, answer: str) -> None:
    """They replied on ``day`` with ``answer`` (yes, no or later); the routine stops.

    Raises ``ValueError`` for an unknown answer, an outreach not sent, or a reply dated
    before the outreach went out.
    """
    if answer not in ANSWERS:
        raise ValueError(f"A reply is one of {', '.join(ANSWERS)}.")
    sent = conversation.outreach.sent_on
    if not sent:
        raise ValueError("The outreach is not marked as sent yet.")
    if day < date.fromisoformat(sent):
        raise ValueError(f"The reply cannot come before the outreach went out ({sent}).")
    conversation.outreach.replied_on = day.isoformat()
    conversation.outreach.reply = answer


def clear_reply(conversation: Conversation) -> None:
    """Undo :func:`mark_replied`."""
    conversation.outreach.replied_on = None
    conversation.outreach.reply = ""


def _second_contact_on(chat: ConversationLike, company: str,
                       sent_at: dict[str, list[tuple[date, str]]]) -> date | None:
    """The earliest outreach to someone else at ``company`` sent on or after this one's day
    (``sent_at``: per company, the days outreach went out and to whom, in order)."""
    if not company:
        return None
    mine = date.fromisoformat(chat.outreach_sent_on or "0001-01-01")
    sent = sent_at.get(company, [])
    start = bisect_left(sent, (mine, ""))
    return next((day for day, contact_id in sent[start:] if contact_id != chat.contact_id),
                None)


def _followed_up_on(chat: ConversationLike) -> date | None:
    sent = chat.outreach_sent_on or ""
    return min((date.fromisoformat(on) for on in chat.followup_days if on >= sent), default=None)


def routine_items(contacts: Iterable[Contact], conversations: Iterable[ConversationLike],
                  now: datetime,
                  settings: RoutineSettings = DEFAULT_SETTINGS) -> list[DueItem]:
    """The routine's steps whose day has come, as Due items (one conversation's steps each
    carry its id; ``item_id`` is the step's kind)."""
    people = {c.id: c for c in contacts}
    chats = [c for c in conversations if c.outreach_sent_on]
    companies: dict[str, str] = {}  # contact id -> company_key of their company
    keys: dict[str, str] = {}  # a company as written -> its company_key (few are written)
    for contact_id, person in people.items():
        key = keys.get(person.company)
        if key is None:
            key = keys[person.company] = company_key(person.company)
        companies[contact_id] = key
    sent_at: dict[str, list[tuple[date, str]]] = {}
    day_of = date.fromisoformat
    for c in chats:
        key = companies.get(c.contact_id)
        if key is not None:
            days = sent_at.get(key)
            if days is None:
                days = sent_at[key] = []
            days.append((day_of(c.outreach_sent_on or ""), c.contact_id))
    for days in sent_at.values():
        days.sort()
    items = []
    for chat in chats:
        if chat.outreach_replied_on or chat.status in MOVED_ON:
            continue  # answered (see reply_of)
        who = people.get(chat.contact_id)
        name = who.name if who else "(unknown contact)"
        company = companies[chat.contact_id] if who else ""
        sent = sent_moment(chat, now.tzinfo)
        assert sent is not None
        for step in due_steps(sent, now, None, settings,
                              second_contact_on=_second_contact_on(chat, company, sent_at),
                              followed_up_on=_followed_up_on(chat)):
            items.append(DueItem(step.kind, step.level, step.due_at, step.due_on.isoformat(),
                                 step.reason(name, who.company if who else ""), name,
                                 chat.contact_id, chat.id, step.kind))
    return items


def latest_outreach(contact_id: str, conversations: Iterable[C]) -> C | None:
    """This contact's most recently sent outreach."""
    sent = [c for c in conversations if c.contact_id == contact_id and c.outreach.sent_on]
    return max(sent, key=lambda c: (c.outreach.sent_at or c.outreach.sent_on or ""),
               default=None)


def speed_of(conversation: ConversationLike, now: datetime,
             settings: RoutineSettings = DEFAULT_SETTINGS) -> ReplySpeed | None:
    """How fast this outreach was answered (None if it was not sent). A chat that moved on
    without a marked reply tells nothing about speed, so it reads as None too."""
    sent = sent_moment(conversation, now.tzinfo)
    if sent is None:
        return None
    replied = conversation.outreach.replied_on
    if replied is None and conversation.status in MOVED_ON:
        return None
    return reply_speed(sent, date.fromisoformat(replied) if replied else None, now, settings)


def contact_speeds(conversations: Iterable[ConversationLike], now: datetime,
                   settings: RoutineSettings = DEFAULT_SETTINGS) -> dict[str, ReplySpeed]:
    """Each contact's reply speed to their latest outreach (contacts never written to, or
    whose chat moved on without a marked reply, are left out)."""
    latest: dict[str, ConversationLike] = {}
    for chat in conversations:
        if not chat.outreach.sent_on:
            continue
        key = chat.outreach.sent_at or chat.outreach.sent_on
        held = latest.get(chat.contact_id)
        if held is None or key > (held.outreach.sent_at or held.outreach.sent_on or ""):
            latest[chat.contact_id] = chat
    speeds = {}
    for contact_id, chat in latest.items():
        speed = speed_of(chat, now, settings)
        if speed is not None:
            speeds[contact_id] = speed
    return speeds


def second_contacts(contact: Contact, contacts: Iterable[Contact],
                    conversations: Iterable[ConversationLike], now: datetime,
                    settings: RoutineSettings = DEFAULT_SETTINGS,
                    speeds: Mapping[str, ReplySpeed] | None = None) -> list[Contact]:
    """Other people at ``contact``'s company to write to next: those not written to yet
    first, then by how fast they replied before; by name within each. ``speeds``: each
    contact's reply speed, if the caller has worked it out already."""
    company = company_key(contact.company)
    if not company:
        return []
    chats = list(conversations)
    written = {c.contact_id for c in chats if c.outreach.sent_on}
    if speeds is None:
        speeds = contact_speeds(chats, now, settings)
    others = [c for c in contacts if c.id != contact.id and company_key(c.company) == company]
    return sorted(others, key=lambda c: (c.id in written,
                                         speeds[c.id].rank if c.id in speeds else 1,
                                         c.name.casefold()))


def nudge_text(conversation: ConversationLike, contact: Contact | None,
               my_name: str = "") -> str:
    """The drafted follow-up to the first person."""
    sent = conversation.outreach.sent_on
    return draft_nudge(contact.name if contact else "", conversation.topic or conversation.goal,
                       my_name=my_name, sent_on=date.fromisoformat(sent) if sent else None,
                       minutes=min(conversation.minutes, 30))


def log_nudge_sent(conversation: Conversation, contact: Contact, day: date) -> None:
    """The follow-up went out on ``day``: logged as a follow-up (its step drops out)."""
    add_followup(conversation, contact, day, NUDGE_NOTE)


def reply_label(conversation: ConversationLike, now: datetime,
                settings: RoutineSettings = DEFAULT_SETTINGS) -> str:
    """``replied yes on 2026-11-20 · replied fast (1 business day)`` for the outreach status
    line; ``waiting for a reply (2 business days)`` before a reply; empty if not sent."""
    outreach = conversation.outreach
    speed = speed_of(conversation, now, settings)
    if outreach.replied_on:
        text = f"replied {outreach.reply or 'yes'} on {outreach.replied_on}"
        return f"{text} · {speed.label}" if speed else text
    return one_line(speed.label) if speed else ""
