"""The Due list worked out the plain way, rule by rule, one kind of item at a time: the
reference that ``tests/test_due_listing.py`` holds :func:`tui.core.followup.due_items` to."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta

from tui.core.followup import (
    KIND_ORDER,
    DueItem,
    call_end,
    last_touch,
    thank_you_status,
)
from tui.core.models import Contact
from tui.core.moments import ago, days_after, end_of_day, format_day, moment
from tui.core.outreach_due import routine_items
from tui.core.outreach_routine import DEFAULT_SETTINGS, RoutineSettings
from tui.core.summary import ConversationLike


def reference_due_items(contacts: Iterable[Contact], conversations: Iterable[ConversationLike],
                        now: datetime, soon_days: int = 7,
                        routine: RoutineSettings | None = None) -> list[DueItem]:
    """What is due, most urgent first (the rules of :func:`tui.core.followup.due_items`)."""
    people = {c.id: c for c in contacts}
    chats = list(conversations)
    items: list[DueItem] = []
    for chat in chats:
        who = people.get(chat.contact_id)
        name = who.name if who else "(unknown contact)"
        items += _thank_you(chat, name, now)
        items += _actions(chat, name, now, soon_days)
        items += _referrals(chat, name, people, chats, now)
    for person in people.values():
        theirs = [c for c in chats if c.contact_id == person.id]
        items += _cadence(person, theirs, now)
    items += routine_items(people.values(), chats, now, routine or DEFAULT_SETTINGS)
    return sorted(items, key=lambda i: (_instant(i.due), KIND_ORDER[i.kind],
                                        i.contact.casefold(), i.contact_id or ""))


def _instant(moment_: datetime) -> float:
    try:
        return moment_.timestamp()
    except (OverflowError, ValueError, OSError):
        return float("-inf") if moment_.year < 1970 else float("inf")


def _thank_you(chat: ConversationLike, name: str, now: datetime) -> list[DueItem]:
    status = thank_you_status(chat, now)
    if not status.urgent:
        return []
    deadline = status.deadline or now
    return [DueItem("thank-you", status.state, deadline, deadline.isoformat(timespec="seconds"),
                    status.label(now), name, chat.contact_id, chat.id)]


def _actions(chat: ConversationLike, name: str, now: datetime,
             soon_days: int) -> list[DueItem]:
    today = now.date()
    found = []
    for action in chat.actions:
        if action.done or not action.due:
            continue
        day = date.fromisoformat(action.due)
        if day < today:
            level, when = "overdue", f"overdue since {format_day(day, today)}"
        elif day == today:
            level, when = "due", "due today"
        elif day <= today + timedelta(days=soon_days):
            level, when = "soon", f"due {format_day(day, today)}"
        else:
            continue
        text = " ".join(action.text.split()) or "(no text)"
        found.append(DueItem("action", level, end_of_day(day, now.tzinfo), day.isoformat(),
                             f"action {when}: {text}", name, chat.contact_id, chat.id,
                             action.id))
    return found


def _referrals(chat: ConversationLike, name: str, people: dict[str, Contact],
               chats: list[ConversationLike], now: datetime) -> list[DueItem]:
    found = []
    when = min(call_end(chat) or moment(chat.created_at, now.tzinfo), now)
    for referral in chat.referrals:
        if not referral.name.strip():
            continue
        contact = people.get(referral.contact_id or "")
        if referral.contact_id and contact is None:
            continue
        if contact is None:
            found.append(DueItem(
                "referral", "due", when, when.date().isoformat(),
                f"referral from {name}: not a contact yet (f7 in Reflect makes one)",
                referral.name, None, chat.id, referral.id))
            continue
        theirs = [c for c in chats if c.contact_id == contact.id]
        if contact.last_contacted or any(c.status != "idea" for c in theirs):
            continue
        found.append(DueItem("referral", "due", when, when.date().isoformat(),
                             f"referral from {name}: not contacted yet", contact.name,
                             contact.id, (theirs[0].id if theirs else None) or chat.id,
                             referral.id))
    return found


def _cadence(person: Contact, theirs: list[ConversationLike], now: datetime) -> list[DueItem]:
    today = now.date()
    if not person.cadence_days:
        return []
    last = last_touch(person, theirs, now.tzinfo)
    if last is None:
        return []
    due_on = days_after(last, person.cadence_days)
    if due_on > today:
        return []
    if any(c.status == "scheduled" and c.scheduled_at and moment(c.scheduled_at, now.tzinfo) > now
           for c in theirs):
        return []
    reason = (f"keep in touch (every {person.cadence_days} days): last touch "
              f"{format_day(last, today)}, {ago((today - last).days)}")
    return [DueItem("cadence", "due" if due_on == today else "overdue",
                    end_of_day(due_on, now.tzinfo), due_on.isoformat(), reason, person.name,
                    person.id)]
