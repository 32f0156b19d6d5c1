"""Outreach and scheduling without a UI: drafts, the send-time hint, sent and scheduled states."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from tui.core.models import MAX_MINUTES, Contact, Conversation
from tui.core.moments import in_zone

LINKEDIN_NOTE_LIMIT = 300
ABOUT_ME_KEYS = ("my_name", "who_i_am")
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_TITLES = {"dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "mx", "mx.", "prof", "prof."}
GOOD_SEND_DAYS = (1, 2)  # Tuesday, Wednesday
GOOD_SEND_HOUR = 9


class ScheduleError(ValueError):
    """A scheduling value that cannot be used; the message is meant for the user."""


# -- drafting ------------------------------------------------------------------------------


def greeting_name(name: str) -> str:
    """The name to greet with: the first name, or the full name after a title (Dr, Ms...)."""
    words = name.split()
    if not words:
        return ""
    return " ".join(words) if words[0].casefold() in _TITLES else words[0]


_WANT = re.compile(r"^(?:to\s+)?(?:understand|learn(?:\s+about)?|find\s+out(?:\s+about)?|"
                   r"hear(?:\s+about)?|know(?:\s+about)?|explore|get\s+a\s+sense\s+of)\s+",
                   re.IGNORECASE)


def hoped_to_learn(goal: str) -> str:
    """The goal as it reads after "particularly": ``Understand how teams plan.`` ->
    ``how teams plan`` (a leading verb of wanting to know goes, so does the end dot; a first
    word that is not a name or an acronym is lower-cased)."""
    text = " ".join(goal.split()).rstrip(" .!")
    text = _WANT.sub("", text)
    word = text.split(" ", 1)[0]
    if len(word) > 1 and word[0].isupper() and word[1:].islower() and word.isalpha():
        text = text[0].lower() + text[1:]
    return text


def draft_values(contact: Contact, conversation: Conversation, me: dict[str, str],
                 introducer: str = "") -> dict[str, str]:
    """What the app knows for the outreach template's placeholders (blank: left to the user)."""
    values = {
        "name": greeting_name(contact.name),
        "company": contact.company.strip(),
        "role": contact.role.strip(),
        "goal": conversation.goal.strip(),
        "what_i_hope_to_learn": hoped_to_learn(conversation.goal),
        "minutes": str(conversation.minutes),
        "mutual_connection": introducer.strip(),
    }
    values.update({k: v for k, v in me.items() if k in ABOUT_ME_KEYS})
    return values


def draft_outreach(template: str, values: dict[str, str]) -> str:
    """The template with what is known filled in; the rest stays ``{visible}``."""
    from tui.core.content import fill_template  # markdown-it: only when a draft is made

    return fill_template(template, values)


def unfilled(text: str, known: set[str]) -> list[str]:
    """The ``{placeholders}`` (of ``known`` names) still in ``text``, each once, in order."""
    return list(dict.fromkeys(f"{{{m}}}" for m in _PLACEHOLDER.findall(text) if m in known))


def length_note(text: str, limit: int = LINKEDIN_NOTE_LIMIT) -> tuple[str, bool]:
    """The character count, and whether it is past LinkedIn's connection-note limit."""
    count = len(text.strip())
    if count > limit:
        return f"{count} chars · {count - limit} over LinkedIn's {limit}-char note limit", True
    return f"{count} chars · fits a LinkedIn connection note ({limit} max)", False


def send_time_hint(now: datetime) -> str | None:
    """A gentle nudge when drafting on a Monday, after Thursday noon or at the weekend.

    Messages sent on Tuesday or Wednesday morning tend to get more replies; None when ``now``
    is already a good time (Tuesday, Wednesday, Thursday morning).
    """
    day = now.weekday()
    if day in (1, 2) or (day == 3 and now.time() < time(12, 0)):
        return None
    best = next_good_send(now)
    return (f"Tip: Tuesday or Wednesday mornings get more replies; maybe send it "
            f"{best.strftime('%a %d %b')} around {GOOD_SEND_HOUR}:00.")


def next_good_send(now: datetime) -> datetime:
    """The next Tuesday or Wednesday at 9:00 after ``now`` (same time zone)."""
    day = now.date()
    for ahead in range(8):
        candidate = datetime.combine(day + timedelta(days=ahead), time(GOOD_SEND_HOUR),
                                     tzinfo=now.tzinfo)
        if candidate.weekday() in GOOD_SEND_DAYS and candidate > now:
            return candidate
    raise AssertionError("a Tuesday always comes within eight days")  # pragma: no cover


# -- sent and scheduled --------------------------------------------------------------------


def mark_sent(conversation: Conversation, on: date, at: datetime | None = None) -> None:
    """Record that the outreach went out (``at``: the moment, which the follow-up routine
    counts from); an idea becomes "reached out"."""
    conversation.outreach.sent_on = on.isoformat()
    conversation.outreach.sent_at = at.isoformat(timespec="seconds") if at else None
    if conversation.status == "idea":
        conversation.status = "reached_out"


def unmark_sent(conversation: Conversation) -> None:
    """Undo :func:`mark_sent`; "reached out" goes back to "idea"."""
    conversation.outreach.sent_on = None
    conversation.outreach.sent_at = None
    if conversation.status == "reached_out":
        conversation.status = "idea"


def set_schedule(conversation: Conversation, moment: datetime | None) -> None:
    """Set (or clear) the date; a date moves an idea or a reached-out chat to "scheduled"."""
    if moment is None:
        conversation.scheduled_at = None
        if conversation.status == "scheduled":
            conversation.status = "reached_out" if conversation.outreach.sent_on else "idea"
        return
    conversation.scheduled_at = moment.isoformat(timespec="seconds")
    if conversation.status in ("idea", "reached_out"):
        conversation.status = "scheduled"


def parse_minutes(text: str) -> int:
    """Planned minutes typed by a person: a whole number from 1 to the maximum."""
    value = text.strip()
    if not value.isdigit() or not 1 <= int(value) <= MAX_MINUTES:
        raise ScheduleError(f"Minutes: a whole number from 1 to {MAX_MINUTES} (you typed "
                            f"'{value[:20]}').")
    return int(value)


MEDIUM_WORDS = {"coffee": "coffee", "phone": "phone call", "video": "video call"}


def confirmation(conversation: Conversation, local: datetime) -> str:
    """One line to confirm the time, zone, length and place with the other person."""
    when = f"{local.strftime('%a')} {local.day} {local.strftime('%b')} at " \
           f"{local.strftime('%H:%M')} ({local.tzname() or 'local time'})"
    medium = MEDIUM_WORDS.get(conversation.medium, conversation.medium)
    place = " ".join(conversation.place.split())
    where = f" at {place}" if place and conversation.medium == "coffee" else \
        (f": {place}" if place else "")
    return f"Confirming our {conversation.minutes}-minute {medium} on {when}{where}."


@dataclass(frozen=True)
class Countdown:
    """How far away a scheduled moment is, in words."""

    text: str
    past: bool


def countdown(moment: datetime, now: datetime) -> Countdown:
    """``in 3 days``, ``in 2 h``, ``tomorrow``, ``2 days ago``..."""
    delta = moment - now
    seconds = delta.total_seconds()
    days = (in_zone(moment, now.tzinfo).date() - now.date()).days
    if seconds < 0:
        return Countdown("today, already past" if days == 0 else
                         f"{-days} day{'s' if days != -1 else ''} ago", True)
    if seconds < 3600:
        return Countdown(f"in {max(1, int(seconds // 60))} min", False)
    if days == 0:
        return Countdown(f"in {int(seconds // 3600)} h", False)
    if days == 1:
        return Countdown("tomorrow", False)
    return Countdown(f"in {days} days", False)
