"""Working out the Due list in one pass over the records (see :func:`tui.core.followup.due_items`).

A long history gives tens of thousands of items, so the work per item is kept small: each
day's wording, deadline and place in the order are worked out once for every item due that
day, a summary's rows are read as they are (no views made of them), and each item is made
from a plain tuple. What is due, and why, is exactly what the rules in
:mod:`tui.core.followup` say; ``tests/test_due_listing.py`` holds the two to the same answer.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from tui.core.followup import (
    _NOTHING_TO_THANK,
    CALL_HAPPENED,
    KIND_ORDER,
    THANK_YOU_HOURS,
    DueItem,
)
from tui.core.models import Contact
from tui.core.moments import (
    ago,
    days_after,
    duration,
    end_of_day,
    format_day,
    local_day,
    moment,
    shifted,
)
from tui.core.summary import ConversationLike, ConversationSummary

_new = tuple.__new__  # a DueItem from a tuple of all its fields, without its Python __new__
_THANK_YOU_WINDOW = timedelta(hours=THANK_YOU_HOURS)
_fromisoformat = date.fromisoformat
_datetime_from = datetime.fromisoformat
_UNSEEN = object()
# (level, the start of the reason, deadline, ISO day, the items due at that deadline), or None
ActionDay = tuple[str, str, datetime, str, list[DueItem]] | None


def instant(moment_: datetime) -> float:
    """A moment as a number, to sort thousands of them fast (comparing aware datetimes is
    slow); the calendar's ends sort first or last, never raise."""
    try:
        return moment_.timestamp()
    except (OverflowError, ValueError, OSError):
        return float("-inf") if moment_.year < 1970 else float("inf")


class Listing:
    """The Due items of one listing as they are found, gathered by their deadline as a
    number (for the order), and what they share: ``now``, today, the zone and each day's
    wording."""

    def __init__(self, people: dict[str, Contact],
                 by_contact: dict[str, list[ConversationLike]], now: datetime,
                 soon_days: int) -> None:
        self.people = people
        self.by_contact = by_contact
        self.now = now
        self.tz = now.tzinfo
        self.today = now.date()
        self.soon = self.today + timedelta(days=soon_days)
        self.at: dict[float, list[DueItem]] = {}  # the items, by deadline as a number
        self._words: dict[date, str] = {}
        self._ends: dict[date, tuple[datetime, list[DueItem]]] = {}
        self._actions: dict[str, ActionDay] = {}
        self._cadences: dict[tuple[date, int], Any] = {}

    # -- what each day shares ------------------------------------------------------------

    def words(self, day: date) -> str:
        """:func:`format_day` of ``day`` (against today)."""
        text = self._words.get(day)
        if text is None:
            text = self._words[day] = format_day(day, self.today)
        return text

    def end(self, day: date) -> tuple[datetime, list[DueItem]]:
        """:func:`end_of_day` of ``day`` in the zone of ``now``, and the items due then."""
        held = self._ends.get(day)
        if held is None:
            moment_ = end_of_day(day, self.tz)
            held = self._ends[day] = (moment_, self.due_at(instant(moment_)))
        return held

    def due_at(self, number: float) -> list[DueItem]:
        """The items due at the instant ``number`` (the list to add one to)."""
        same = self.at.get(number)
        if same is None:
            same = self.at[number] = []
        return same

    def action_day(self, due: str) -> ActionDay:
        """What an action due on ``due`` (its stored text) shows; None when it is not due
        within the coming days."""
        try:
            return self._actions[due]
        except KeyError:
            pass
        day = _fromisoformat(due)
        if day < self.today:
            level, reason = "overdue", f"action overdue since {self.words(day)}: "
        elif day == self.today:
            level, reason = "due", "action due today: "
        elif day <= self.soon:
            level, reason = "soon", f"action due {self.words(day)}: "
        else:
            self._actions[due] = None
            return None
        end, same = self.end(day)
        found = self._actions[due] = (level, reason, end, day.isoformat(), same)
        return found

    # -- the kinds of item ----------------------------------------------------------------

    def conversations(self, chats: Iterable[ConversationLike]) -> None:
        """The thank-you, actions and referrals of each conversation."""
        people, thank_you, actions_of, referrals_of = (
            self.people, self.thank_you, self.actions, self.referrals)
        summary = ConversationSummary
        for chat in chats:
            who = people.get(chat.contact_id)
            name = who.name if who else "(unknown contact)"
            if chat.status not in _NOTHING_TO_THANK and not chat.thank_you_sent_on:
                thank_you(chat, name)
            if type(chat) is summary:  # its rows as they are: no views to make
                actions: Sequence[Sequence[Any]] = chat.open_actions
                referrals: Sequence[Sequence[Any]] = chat.referral_rows
            else:
                actions = [(a.id, a.text, a.due, a.done) for a in chat.actions]
                referrals = [(r.id, r.name, r.company, r.contact_id) for r in chat.referrals]
            if actions:
                actions_of(actions, chat, name)
            if referrals:
                referrals_of(referrals, chat, name)

    def thank_you(self, chat: ConversationLike, name: str) -> None:
        """:func:`~tui.core.followup.thank_you_status` and its label, for a conversation not
        thanked yet that has had (or has) a call."""
        now, status = self.now, chat.status
        ended = chat.live_ended_at
        end = _call_end(chat)
        if not (status in CALL_HAPPENED or ended or
                (status == "scheduled" and end is not None and end <= now)):
            return
        if end is None:
            state, deadline, label = "due", now, "thank-you not sent yet"
        else:
            deadline = shifted(end, _THANK_YOU_WINDOW)
            left = deadline - now
            if deadline > now:
                state, label = "due", f"thank-you due · {duration(left)} left"
            else:
                state, label = "overdue", f"thank-you overdue by {duration(-left)}"
        self.due_at(instant(deadline)).append(_new(DueItem, (
            "thank-you", state, deadline, deadline.isoformat(timespec="seconds"), label, name,
            chat.contact_id, chat.id, None)))

    def actions(self, actions: Iterable[Sequence[Any]], chat: ConversationLike,
                name: str) -> None:
        """``actions``: (id, text, due, done) of each."""
        when = self.action_day
        contact_id, chat_id = chat.contact_id, chat.id
        for ident, text, due, done in actions:
            if done or not due:
                continue
            found = when(due)
            if found is None:
                continue
            level, reason, end, day, same = found
            same.append(_new(DueItem, (
                "action", level, end, day, reason + (" ".join(text.split()) or "(no text)"),
                name, contact_id, chat_id, ident)))

    def referrals(self, referrals: Iterable[Sequence[Any]], chat: ConversationLike,
                  name: str) -> None:
        """``referrals``: (id, name, company, contact id) of each."""
        people, now = self.people, self.now
        end = _call_end(chat) or moment(chat.created_at, self.tz)
        when = now if now < end else end  # min(end, now), without the call
        day = when.date().isoformat()
        same = self.due_at(instant(when))
        not_yet = None  # the reason of a referral not a contact yet, made once
        chat_id = chat.id
        for ident, referred, _company, contact_id in referrals:
            if not referred.strip():
                continue
            contact = people.get(contact_id or "")
            if contact_id and contact is None:
                continue  # the user deleted the contact made from it
            item: tuple[Any, ...]
            if contact is None:
                if not_yet is None:
                    not_yet = f"referral from {name}: not a contact yet (f7 in Reflect makes one)"
                item = ("referral", "due", when, day, not_yet, referred, None, chat_id, ident)
            else:
                theirs = self.by_contact.get(contact.id, ())
                if contact.last_contacted or any(c.status != "idea" for c in theirs):
                    continue
                planned = theirs[0].id if theirs else None
                item = ("referral", "due", when, day, f"referral from {name}: not contacted "
                        "yet", contact.name, contact.id, planned or chat_id, ident)
            same.append(_new(DueItem, item))

    def cadence(self, person: Contact) -> None:
        """The stay-in-touch reminder of a contact with a cadence."""
        theirs = self.by_contact.get(person.id, ())
        last = last_touch_of(person, theirs, self.tz)
        cadence = person.cadence_days
        if last is None or not cadence:
            return
        found = self._cadences.get((last, cadence), _UNSEEN)
        if found is _UNSEEN:
            found = self._cadences[(last, cadence)] = self._cadence_due(last, cadence)
        if found is None:
            return
        now, tz = self.now, self.tz
        for c in theirs:
            if c.status == "scheduled" and c.scheduled_at and moment(c.scheduled_at, tz) > now:
                return  # a call is coming up
        level, reason, end, day, same = found
        same.append(_new(DueItem, ("cadence", level, end, day, reason, person.name, person.id,
                                   None, None)))

    def _cadence_due(self, last: date, cadence: int) -> ActionDay:
        """What a reminder every ``cadence`` days after a last touch on ``last`` shows (the
        same for everyone with that touch and cadence); None when it is not due yet."""
        today = self.today
        due_on = days_after(last, cadence)
        if due_on > today:
            return None
        reason = (f"keep in touch (every {cadence} days): last touch {self.words(last)}, "
                  f"{ago((today - last).days)}")
        end, same = self.end(due_on)
        return ("due" if due_on == today else "overdue", reason, end, due_on.isoformat(), same)

    def add(self, items: Iterable[DueItem]) -> None:
        """Items found elsewhere (the outreach routine's)."""
        for item in items:
            self.due_at(instant(item.due)).append(item)

    def by_urgency(self) -> list[DueItem]:
        """Earliest deadline first, then by kind, then by name (case-blind), then by contact
        id (people of one name keep one order, whatever order the contacts came in): only
        the items due at the same instant (every action due on a day) need a sort of their
        own."""
        at = self.at
        ordered: list[DueItem] = []
        for number in sorted(at):
            same = at[number]
            if len(same) > 1:
                same.sort(key=_kind_name_and_id)
            ordered += same
        return ordered


def _kind_name_and_id(item: DueItem) -> tuple[int, str, str]:
    return KIND_ORDER[item[0]], item[5].casefold(), item[6] or ""


def _call_end(chat: ConversationLike) -> datetime | None:
    """:func:`~tui.core.followup.call_end`, the usual case (a moment with its offset)
    inline."""
    ended = chat.live_ended_at
    if ended:
        value = _datetime_from(ended)
        return value if value.tzinfo else moment(ended, None)
    scheduled = chat.scheduled_at
    if scheduled:
        start = _datetime_from(scheduled)
        if not start.tzinfo:
            start = moment(scheduled, None)
        return shifted(start, timedelta(minutes=chat.minutes))
    return None


def last_touch_of(contact: Contact, theirs: Iterable[ConversationLike],
                  tz: Any) -> date | None:
    """:func:`~tui.core.followup.last_touch` for ``theirs``, the contact's conversations,
    without making the list of every touch."""
    best = _fromisoformat(contact.last_contacted) if contact.last_contacted else None
    for c in theirs:
        ended = c.live_ended_at
        if ended or c.status in CALL_HAPPENED:
            when = ended or c.live_started_at or c.scheduled_at
            if when:
                day = _local_day(when, tz)
                if best is None or day > best:
                    best = day
        sent = c.thank_you_sent_on
        if sent:
            day = _fromisoformat(sent)
            if best is None or day > best:
                best = day
        sent = c.outreach_sent_on
        if sent:
            day = _fromisoformat(sent)
            if best is None or day > best:
                best = day
        if c.followup_days:
            day = max(map(_fromisoformat, c.followup_days))
            if best is None or day > best:
                best = day
    return best


def _local_day(text: str, tz: Any) -> date:
    """:func:`~tui.core.moments.local_day`, the usual cases inline."""
    if tz is None or len(text) == 10:
        return local_day(text, tz)
    value = _datetime_from(text)
    if value.tzinfo is None:  # read in ``tz``, so its day is the day it names
        return value.date()
    try:
        return value.astimezone(tz).date()
    except (OverflowError, ValueError, OSError):
        return value.date()
