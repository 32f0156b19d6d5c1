"""After the call: the thank-you window, stay-in-touch clocks and the list of what is due.

Everything here is pure: the caller passes ``now`` (an aware datetime), so the same data gives
the same answer in a test, a snapshot or the CLI. Calendar dates (due dates, last contacted) are
read in ``now``'s time zone: "today" is the user's today.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Any, NamedTuple

from tui.core.models import Contact, Conversation, FollowUp
from tui.core.moments import (
    days_after,
    duration,
    format_day,
    local_day,
    moment,
    shifted,
)
from tui.core.outreach_routine import DEFAULT_SETTINGS, RoutineSettings
from tui.core.summary import ConversationLike

THANK_YOU_HOURS = 24
SOON_DAYS = 7  # "this week": what falls due in the next seven days
CALL_HAPPENED = ("done", "thanked")
KIND_ORDER = {"thank-you": 0, "action": 1, "referral": 2, "cadence": 3,
              "outreach-follow-up": 4, "outreach-second-contact": 5}


def call_end(conversation: ConversationLike) -> datetime | None:
    """When the call ended: the live session's end, else the scheduled start plus its minutes."""
    return _call_end(conversation.live_ended_at, conversation)


def _call_end(ended_at: str | None, conversation: ConversationLike) -> datetime | None:
    if ended_at:
        return moment(ended_at, None)
    if conversation.scheduled_at:
        start = moment(conversation.scheduled_at, None)
        return shifted(start, timedelta(minutes=conversation.minutes))
    return None


def call_happened(conversation: ConversationLike, now: datetime) -> bool:
    """Marked done (or thanked), ended live, or scheduled and already over."""
    if conversation.status in CALL_HAPPENED or conversation.live.ended_at:
        return True
    end = call_end(conversation)
    return conversation.status == "scheduled" and end is not None and end <= now


@dataclass(frozen=True)
class ThankYouStatus:
    """Where the thank-you note stands: ``none``, ``sent``, ``due`` or ``overdue``."""

    state: str
    deadline: datetime | None = None
    sent_on: str | None = None

    def label(self, now: datetime) -> str:
        """``thank-you due · 5h left``, ``thank-you overdue by 2 days``, ``thank-you sent …``."""
        if self.state == "sent":
            when = format_day(date.fromisoformat(self.sent_on), now.date()) if self.sent_on else ""
            return f"thank-you sent {when}".strip()
        if self.state == "none":
            return ""
        if self.deadline is None:
            return "thank-you not sent yet"
        left = self.deadline - now
        if self.state == "due":
            return f"thank-you due · {duration(left)} left"
        return f"thank-you overdue by {duration(-left)}"

    def short(self, now: datetime) -> str:
        """``thank-you due 5h`` or ``thank-you overdue`` for a list row; empty otherwise."""
        if self.state == "overdue":
            return "thank-you overdue"
        if self.state != "due":
            return ""
        return f"thank-you due {duration(self.deadline - now)}" if self.deadline else \
            "thank-you due"

    @property
    def urgent(self) -> bool:
        """Due or overdue."""
        return self.state in ("due", "overdue")


NO_CALL_YET = ("idea", "reached_out")
NO_THANK_YOU = ThankYouStatus("none")
_NOTHING_TO_THANK = frozenset({"thanked", *NO_CALL_YET})


def thank_you_status(conversation: ConversationLike, now: datetime) -> ThankYouStatus:
    """The thank-you is due in the 24 hours after the call, then overdue until marked sent.

    Ideas and conversations only reached out to have no call yet, so nothing is due.
    """
    sent = conversation.thank_you_sent_on
    status = conversation.status
    if sent or status == "thanked":
        return ThankYouStatus("sent", sent_on=sent)
    if status in NO_CALL_YET:
        return NO_THANK_YOU
    ended = conversation.live_ended_at
    end = _call_end(ended, conversation)  # as call_happened() would, worked out once
    if not (status in CALL_HAPPENED or ended or
            (status == "scheduled" and end is not None and end <= now)):
        return NO_THANK_YOU
    if end is None:
        return ThankYouStatus("due")
    deadline = shifted(end, timedelta(hours=THANK_YOU_HOURS))
    return ThankYouStatus("due" if deadline > now else "overdue", deadline=deadline)


def touches(contact: Contact, conversations: Iterable[ConversationLike],
            tz: tzinfo | None) -> list[date]:
    """Every day the user was in touch with this contact that the data knows of."""
    days: list[date] = []
    day = date.fromisoformat
    if contact.last_contacted:
        days.append(day(contact.last_contacted))
    for c in conversations:
        if c.contact_id != contact.id:
            continue
        ended = c.live_ended_at
        if ended or c.status in CALL_HAPPENED:
            when = ended or c.live_started_at or c.scheduled_at
            if when:
                days.append(local_day(when, tz))
        for sent in (c.thank_you_sent_on, c.outreach_sent_on):
            if sent:
                days.append(day(sent))
        if c.followup_days:
            days.extend(map(day, c.followup_days))
    return days


def last_touch(contact: Contact, conversations: Iterable[ConversationLike],
               tz: tzinfo | None = None) -> date | None:
    """The latest touch (logged, a call, a thank-you, an outreach), or None."""
    return max(touches(contact, conversations, tz), default=None)


def keep_in_touch_on(contact: Contact, conversations: Iterable[ConversationLike],
                     tz: tzinfo | None = None) -> date | None:
    """The day the stay-in-touch clock runs out; None without a cadence or any touch yet."""
    if not contact.cadence_days:
        return None
    last = last_touch(contact, conversations, tz)
    return days_after(last, contact.cadence_days) if last else None


def log_touch(contact: Contact, day: date) -> bool:
    """Restart the stay-in-touch clock from ``day`` (never moves it back); True if changed."""
    if contact.last_contacted and date.fromisoformat(contact.last_contacted) >= day:
        return False
    contact.last_contacted = day.isoformat()
    return True


def add_followup(conversation: Conversation, contact: Contact, day: date,
                 note: str = "") -> FollowUp:
    """Log that the user got back in touch on ``day``; restarts the contact's clock."""
    entry = FollowUp(on=day.isoformat(), note=note)
    conversation.followups.append(entry)
    conversation.followups.sort(key=lambda f: f.on)
    log_touch(contact, day)
    return entry


class DueItem(NamedTuple):
    """One line of the Due list: what, for whom, by when, and why (a named tuple: tens of
    thousands of them are made for a long history)."""

    kind: str  # thank-you | action | referral | cadence | outreach-second-contact | ...-follow-up
    level: str  # overdue | due | soon
    due: datetime  # the deadline, for ordering
    due_text: str  # ISO date (or moment for a thank-you) for scripts
    reason: str
    contact: str
    contact_id: str | None = None
    conversation_id: str | None = None
    item_id: str | None = None

    @property
    def key(self) -> str:
        """A stable id for a list option."""
        return f"{self.kind}:{self.conversation_id or ''}:{self.item_id or self.contact_id}"

    def to_json(self) -> dict[str, Any]:
        """The ``coffeechat due --json`` object."""
        return due_json([self])[0]


def due_json(items: Iterable[DueItem]) -> list[dict[str, Any]]:
    """:meth:`DueItem.to_json` of each item (made in one go: there may be tens of thousands)."""
    return [{"kind": kind, "level": level, "due": due_text, "contact": contact,
             "contact_id": contact_id, "conversation": conversation_id, "reason": reason}
            for kind, level, _, due_text, reason, contact, contact_id, conversation_id, _
            in items]


def due_items(contacts: Iterable[Contact], conversations: Iterable[ConversationLike],
              now: datetime, soon_days: int = SOON_DAYS,
              routine: RoutineSettings | None = None) -> list[DueItem]:
    """Everything that needs the user: most urgent (earliest deadline) first, then by kind,
    name and contact id (the contacts may come in any order). ``routine``:
    the outreach follow-up routine's settings (default: 3 and 7 business days).

    What is due: a thank-you from the call's end until it is marked sent (:func:`thank_you_status`);
    an action not done, overdue, due today or within ``soon_days``; a referral not yet a
    contact, or a contact not yet contacted; a contact whose stay-in-touch clock has run out
    (:func:`keep_in_touch_on`) with no call coming up; the outreach routine's steps. The work
    is done in one pass by :mod:`tui.core.due_listing`.
    """
    from tui.core.due_listing import Listing  # they build on this module
    from tui.core.outreach_due import routine_items

    people = {c.id: c for c in contacts}
    chats = list(conversations)
    by_contact: dict[str, list[ConversationLike]] = {}
    for chat in chats:
        theirs = by_contact.get(chat.contact_id)
        if theirs is None:
            by_contact[chat.contact_id] = [chat]
        else:
            theirs.append(chat)
    listing = Listing(people, by_contact, now, soon_days)
    listing.conversations(chats)
    for person in people.values():
        if person.cadence_days:
            listing.cadence(person)
    listing.add(routine_items(people.values(), chats, now, routine or DEFAULT_SETTINGS))
    return listing.by_urgency()


def due_summary(items: list[DueItem]) -> str:
    """``3 due (1 overdue)``, for a tab title or a status line."""
    overdue = sum(1 for i in items if i.level == "overdue")
    return f"{len(items)} due" + (f" ({overdue} overdue)" if overdue else "")
