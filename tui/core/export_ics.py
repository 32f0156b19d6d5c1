"""``export ics``: scheduled chats, thank-you deadlines and open action items as a calendar.

Written with the ``icalendar`` library, which takes care of RFC 5545 escaping, line folding
at 75 octets and the value types. Decisions:

* **Times in UTC.** coffeechat stores each moment with its UTC offset, not a named time zone;
  a ``TZID`` would have to be guessed and would be wrong across a daylight-saving change,
  while ``...Z`` is exact and every calendar shows it in the viewer's own zone.
* **All-day events, not tasks,** for thank-you deadlines (the day the 24 hours after the call
  run out) and open action items (their due day): Google Calendar and Outlook ignore
  ``VTODO`` on import and Apple Calendar does not turn them into reminders, so a task would be
  lost in two of the three; an all-day ``VEVENT`` marked free (``TRANSP:TRANSPARENT``) shows
  in all of them without blocking the day.
* **Stable UIDs** made of record ids (``call-<id>``, ``thank-you-<id>``,
  ``action-<chat id>-<id>``) and ``@coffeechat.invalid`` (a reserved domain nobody owns),
  identical in every export, so importing again updates instead of duplicating.
  ``SEQUENCE`` grows with the conversation's last change (minutes since 2024-01-01) and
  ``LAST-MODIFIED`` is that change, so calendars take the newer copy; ``DTSTAMP`` is the
  moment of the export.

Limits: an action done or a thank-you sent since the last import is left out of the new file;
calendar programs do not delete an event on re-import, so it stays until deleted by hand.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from icalendar import Calendar, Event

from tui import __version__
from tui.core.export_files import Entry, check_file_target, entries, write_private
from tui.core.followup import thank_you_status
from tui.core.models import Contact, Conversation
from tui.core.redact import Redactor, redactor_for
from tui.core.safetext import one_line, strip_controls

UID_DOMAIN = "coffeechat.invalid"
PRODID = f"-//coffeechat//coffeechat {__version__}//EN"
_EPOCH = datetime(2024, 1, 1, tzinfo=timezone.utc)


def _utc(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.astimezone(timezone.utc)


def _sequence(chat: Conversation) -> int:
    return max(0, int((_utc(chat.updated_at) - _EPOCH).total_seconds()) // 60)


class _Texts:
    """Names and free text for the calendar, redacted or as they are."""

    def __init__(self, redactor: Redactor | None) -> None:
        self.redactor = redactor

    def name(self, contact: Contact) -> str:
        name = one_line(contact.name)
        return self.redactor.name(name) if self.redactor else name

    def text(self, text: str) -> str:
        clean = strip_controls(text).strip()
        return self.redactor.text(clean) if self.redactor else clean

    def who(self, contact: Contact) -> str:
        company = one_line(contact.company)
        return self.name(contact) + (f" ({company})" if company else "")


def _base(uid: str, chat: Conversation, summary: str, description: str,
          stamp: datetime) -> Event:
    event = Event()
    event.add("uid", f"{uid}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("created", _utc(chat.created_at))
    event.add("last-modified", _utc(chat.updated_at))
    event.add("sequence", _sequence(chat))
    event.add("summary", summary)
    if description:
        event.add("description", description)
    event.add("categories", ["coffeechat"])
    return event


def _all_day(event: Event, day: date) -> Event:
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("transp", "TRANSPARENT")
    return event


def _call_event(entry: Entry, texts: _Texts, stamp: datetime) -> Event | None:
    chat, contact = entry.conversation, entry.contact
    if not chat.scheduled_at:
        return None
    lines = []
    for label, value in (("Goal", chat.goal), ("The ask", chat.ask)):
        if texts.text(value):
            lines.append(f"{label}: {texts.text(value)}")
    lines.append(f"{chat.minutes} min, {chat.medium}")
    event = _base(f"call-{chat.id}", chat, f"Coffee chat: {texts.who(contact)}",
                  "\n".join(lines), stamp)
    start = _utc(chat.scheduled_at)
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=chat.minutes))
    place = one_line(chat.place)
    if place and texts.redactor is None:
        event.add("location", place)
    event.add("status", "CONFIRMED")
    return event


def _thank_you_event(entry: Entry, texts: _Texts, now: datetime) -> Event | None:
    chat, contact = entry.conversation, entry.contact
    status = thank_you_status(chat, now)
    if status.state not in ("due", "overdue") or status.deadline is None:
        return None
    event = _base(f"thank-you-{chat.id}", chat, f"Send thank-you: {texts.who(contact)}",
                  "The thank-you note is best sent within 24 hours of the call.",
                  now.astimezone(timezone.utc))
    return _all_day(event, status.deadline.date())


def _action_events(entry: Entry, texts: _Texts, stamp: datetime) -> list[Event]:
    chat, contact = entry.conversation, entry.contact
    found = []
    for action in chat.actions:
        if action.done or not action.due:
            continue
        what = one_line(texts.text(action.text)) or "(no text)"
        event = _base(f"action-{chat.id}-{action.id}", chat, f"To do: {what}",
                      f"From the coffee chat with {texts.who(contact)}.", stamp)
        found.append(_all_day(event, date.fromisoformat(action.due)))
    return found


def calendar_bytes(conversations: Iterable[Conversation], people: Mapping[str, Contact], *,
                   redact: bool = False, now: datetime | None = None) -> bytes:
    """The calendar as RFC 5545 bytes (CRLF line ends, folded, UTF-8)."""
    moment = now or datetime.now().astimezone()
    stamp = moment.astimezone(timezone.utc).replace(microsecond=0)
    chats = list(conversations)
    texts = _Texts(redactor_for(chats, people) if redact else None)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Coffee chats")
    for entry in entries(chats, people):
        events: Sequence[Event | None] = [
            _call_event(entry, texts, stamp),
            _thank_you_event(entry, texts, moment),
            *_action_events(entry, texts, stamp),
        ]
        for event in events:
            if event is not None:
                calendar.add_component(event)
    return bytes(calendar.to_ical())


def export_ics(path: Path, conversations: Iterable[Conversation],
               people: Mapping[str, Contact], *, redact: bool = False,
               now: datetime | None = None) -> int:
    """Write the calendar to ``path`` (atomic, 0600); returns how many events it holds."""
    check_file_target(path)
    payload = calendar_bytes(conversations, people, redact=redact, now=now)
    write_private(path, payload)
    return payload.count(b"BEGIN:VEVENT")
