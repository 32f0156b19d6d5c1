"""The domain: contacts and conversations as dataclasses that round-trip to plain JSON.

Every record carries a stable string id. Dates are ISO 8601 strings: a calendar date as
``YYYY-MM-DD``, a moment as ``YYYY-MM-DDTHH:MM:SS+HH:MM`` (always with its UTC offset).
``from_dict`` validates what it reads and raises :class:`ModelError` with a message that names
the offending field, so a hand-edited or imported file gets a specific complaint.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from typing import Any, TypeVar

from tui.core.moments import moment

KINDS = ("person", "industry", "company")
STATUSES = ("idea", "reached_out", "scheduled", "done", "thanked")
STATUS_LABELS = {
    "idea": "idea",
    "reached_out": "reached out",
    "scheduled": "scheduled",
    "done": "done",
    "thanked": "thanked",
}
MEDIUMS = ("video", "phone", "coffee")
QUESTION_STATES = ("pending", "asked", "skipped")
HOW_FOUND = ("LinkedIn", "alumni", "friend", "event", "association", "colleague", "other")
DEFAULT_MINUTES = 30
DEFAULT_CADENCE_DAYS = 90
MAX_MINUTES = 600


class ModelError(ValueError):
    """A document does not have the shape or values a coffeechat record needs."""


def new_id() -> str:
    """A fresh, stable, URL-safe record id."""
    return uuid.uuid4().hex[:12]


def now_iso() -> str:
    """The current moment as an ISO 8601 string with the local UTC offset."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


def _str(data: dict[str, Any], key: str, where: str, default: str = "") -> str:
    value = data.get(key, default)
    if value is None:
        return default
    if not isinstance(value, str):
        raise ModelError(f"{where}: '{key}' must be text, not {type(value).__name__}")
    return value


def _opt_str(data: dict[str, Any], key: str, where: str) -> str | None:
    value = data.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ModelError(f"{where}: '{key}' must be text, not {type(value).__name__}")
    return value


def _bool(data: dict[str, Any], key: str, where: str) -> bool:
    value = data.get(key, False)
    if not isinstance(value, bool):
        raise ModelError(f"{where}: '{key}' must be true or false")
    return value


def _int(data: dict[str, Any], key: str, where: str, default: int | None) -> int | None:
    value = data.get(key, default)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ModelError(f"{where}: '{key}' must be a whole number")
    return value


def _choice(data: dict[str, Any], key: str, where: str, choices: tuple[str, ...]) -> str:
    value = data.get(key, choices[0])
    if value not in choices:
        raise ModelError(f"{where}: '{key}' is {value!r}; expected one of {', '.join(choices)}")
    return str(value)


def _date(data: dict[str, Any], key: str, where: str) -> str | None:
    value = _opt_str(data, key, where)
    if value is not None:
        try:
            date.fromisoformat(value)
        except ValueError:
            raise ModelError(f"{where}: '{key}' is {value!r}, not a YYYY-MM-DD date") from None
    return value


def _moment(data: dict[str, Any], key: str, where: str) -> str | None:
    value = _opt_str(data, key, where)
    if value is not None:
        try:
            datetime.fromisoformat(value)
        except ValueError:
            raise ModelError(f"{where}: '{key}' is {value!r}, not an ISO 8601 date-time") from None
    return value


def _list(data: dict[str, Any], key: str, where: str) -> list[Any]:
    value = data.get(key, [])
    if value is None:
        return []
    if not isinstance(value, list):
        raise ModelError(f"{where}: '{key}' must be a list")
    return value


def _dict(data: Any, where: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise ModelError(f"{where} must be an object, not {type(data).__name__}")
    return data


def _id(data: dict[str, Any], where: str) -> str:
    value = data.get("id") or new_id()
    if not isinstance(value, str):
        raise ModelError(f"{where}: 'id' must be text")
    return value


R = TypeVar("R")


def _plain(value: Any) -> Any:
    # dataclasses.asdict deep-copies every leaf; ours are immutable (str, int, bool, None),
    # so rebuilding only the containers is enough and several times faster.
    if isinstance(value, Record):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}  # type: ignore[arg-type]
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class Record:
    """Shared ``to_dict`` for the dataclasses below."""

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready copy of this record."""
        return _plain(self)  # type: ignore[no-any-return]

    def copy(self: R) -> R:
        """A deep copy, so that callers can edit without touching the original."""
        return type(self).from_dict(self.to_dict())  # type: ignore[attr-defined]


@dataclass
class Contact(Record):
    """A person the user talks to, or might."""

    name: str
    id: str = field(default_factory=new_id)
    company: str = ""
    role: str = ""
    email: str = ""
    linkedin: str = ""
    how_found: str = ""
    introduced_by: str | None = None
    tags: list[str] = field(default_factory=list)
    notes: str = ""
    cadence_days: int | None = DEFAULT_CADENCE_DAYS
    last_contacted: str | None = None
    created_at: str = field(default_factory=now_iso)
    connected_on: str | None = None  # the day of the LinkedIn connection (YYYY-MM-DD)

    @classmethod
    def from_dict(cls, data: Any) -> Contact:
        """Build and validate a contact from its stored form."""
        d = _dict(data, "contact")
        where = f"contact {d.get('id', '?')}"
        name = _str(d, "name", where).strip()
        if not name:
            raise ModelError(f"{where}: a contact needs a name")
        tags = _list(d, "tags", where)
        if not all(isinstance(t, str) for t in tags):
            raise ModelError(f"{where}: 'tags' must be a list of text")
        cadence = _int(d, "cadence_days", where, DEFAULT_CADENCE_DAYS)
        if cadence is not None and cadence <= 0:
            raise ModelError(f"{where}: 'cadence_days' must be a positive number of days or none")
        return cls(
            id=_id(d, where),
            name=name,
            company=_str(d, "company", where),
            role=_str(d, "role", where),
            email=_str(d, "email", where),
            linkedin=_str(d, "linkedin", where),
            how_found=_str(d, "how_found", where),
            introduced_by=_opt_str(d, "introduced_by", where),
            tags=list(tags),
            notes=_str(d, "notes", where),
            cadence_days=cadence,
            last_contacted=_date(d, "last_contacted", where),
            connected_on=_date(d, "connected_on", where),
            created_at=_moment(d, "created_at", where) or now_iso(),
        )

    @property
    def label(self) -> str:
        """Name, with the company when there is one."""
        return f"{self.name} ({self.company})" if self.company else self.name


@dataclass
class ChecklistItem(Record):
    """One step of the prep checklist."""

    text: str
    section: str = ""
    id: str = field(default_factory=new_id)
    done: bool = False
    note: str = ""

    @classmethod
    def from_dict(cls, data: Any) -> ChecklistItem:
        """Build and validate a checklist item."""
        d = _dict(data, "checklist item")
        where = "checklist item"
        return cls(
            id=_id(d, where),
            text=_str(d, "text", where),
            section=_str(d, "section", where),
            done=_bool(d, "done", where),
            note=_str(d, "note", where),
        )


@dataclass
class Question(Record):
    """A planned (or live-added) question; list order is the asking order."""

    text: str
    category: str = ""
    id: str = field(default_factory=new_id)
    state: str = "pending"
    note: str = ""
    starred: bool = False
    added_live: bool = False

    @classmethod
    def from_dict(cls, data: Any) -> Question:
        """Build and validate a question."""
        d = _dict(data, "question")
        where = "question"
        return cls(
            id=_id(d, where),
            text=_str(d, "text", where),
            category=_str(d, "category", where),
            state=_choice(d, "state", where, QUESTION_STATES),
            note=_str(d, "note", where),
            starred=_bool(d, "starred", where),
            added_live=_bool(d, "added_live", where),
        )


@dataclass
class LiveNote(Record):
    """A free note taken during the call, stamped with seconds since the start."""

    text: str
    at_seconds: int = 0
    question_id: str | None = None
    id: str = field(default_factory=new_id)

    @classmethod
    def from_dict(cls, data: Any) -> LiveNote:
        """Build and validate a live note."""
        d = _dict(data, "live note")
        where = "live note"
        return cls(
            id=_id(d, where),
            text=_str(d, "text", where),
            at_seconds=_int(d, "at_seconds", where, 0) or 0,
            question_id=_opt_str(d, "question_id", where),
        )

    @property
    def stamp(self) -> str:
        """``mm:ss`` since the start of the call."""
        minutes, seconds = divmod(max(0, self.at_seconds), 60)
        return f"{minutes:02d}:{seconds:02d}"


@dataclass
class LiveSession(Record):
    """The call itself: when it started and ended, pauses, and free notes."""

    started_at: str | None = None
    ended_at: str | None = None
    paused_at: str | None = None
    paused_seconds: int = 0
    notes: list[LiveNote] = field(default_factory=list)
    draft: str = ""  # the quick note being typed, kept so a crash cannot lose it

    @classmethod
    def from_dict(cls, data: Any) -> LiveSession:
        """Build and validate a live session."""
        d = _dict(data or {}, "live session")
        where = "live session"
        return cls(
            started_at=_moment(d, "started_at", where),
            ended_at=_moment(d, "ended_at", where),
            paused_at=_moment(d, "paused_at", where),
            paused_seconds=_int(d, "paused_seconds", where, 0) or 0,
            notes=[LiveNote.from_dict(n) for n in _list(d, "notes", where)],
            draft=_str(d, "draft", where),
        )

    def elapsed_seconds(self, now: datetime | None = None) -> int:
        """Seconds of call time so far, pauses left out."""
        if not self.started_at:
            return 0
        start = moment(self.started_at, None)
        if self.ended_at:
            end = moment(self.ended_at, None)
        elif self.paused_at:
            end = moment(self.paused_at, None)
        else:
            end = now or datetime.now().astimezone()
        try:
            return max(0, int((end - start).total_seconds()) - self.paused_seconds)
        except OverflowError:  # moments at the calendar's ends, from a hand-edited file
            return 0

    @property
    def running(self) -> bool:
        """Started and not yet ended (paused counts as running)."""
        return bool(self.started_at) and not self.ended_at


@dataclass
class Reflection(Record):
    """Answers to the reflection prompts (keyed by prompt) and a 1-5 rating."""

    answers: dict[str, str] = field(default_factory=dict)
    rating: int | None = None

    @classmethod
    def from_dict(cls, data: Any) -> Reflection:
        """Build and validate a reflection."""
        d = _dict(data or {}, "reflection")
        where = "reflection"
        answers = d.get("answers") or {}
        if not isinstance(answers, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in answers.items()
        ):
            raise ModelError(f"{where}: 'answers' must map prompts to text")
        rating = _int(d, "rating", where, None)
        if rating is not None and not 1 <= rating <= 5:
            raise ModelError(f"{where}: 'rating' must be from 1 to 5")
        return cls(answers=dict(answers), rating=rating)


@dataclass
class ActionItem(Record):
    """Something the user promised themselves to do after the call."""

    text: str
    due: str | None = None
    done: bool = False
    id: str = field(default_factory=new_id)

    @classmethod
    def from_dict(cls, data: Any) -> ActionItem:
        """Build and validate an action item."""
        d = _dict(data, "action item")
        where = "action item"
        return cls(
            id=_id(d, where),
            text=_str(d, "text", where),
            due=_date(d, "due", where),
            done=_bool(d, "done", where),
        )


@dataclass
class Referral(Record):
    """Someone this person mentioned; becomes a contact (``contact_id``) when acted upon."""

    name: str
    company: str = ""
    why: str = ""
    contact_id: str | None = None
    id: str = field(default_factory=new_id)

    @classmethod
    def from_dict(cls, data: Any) -> Referral:
        """Build and validate a referral."""
        d = _dict(data, "referral")
        where = "referral"
        return cls(
            id=_id(d, where),
            name=_str(d, "name", where),
            company=_str(d, "company", where),
            why=_str(d, "why", where),
            contact_id=_opt_str(d, "contact_id", where),
        )


@dataclass
class Message(Record):
    """A drafted message (outreach or thank-you) and the date it went out."""

    draft: str = ""
    sent_on: str | None = None

    @classmethod
    def from_dict(cls, data: Any) -> Message:
        """Build and validate a message."""
        d = _dict(data or {}, "message")
        return cls(draft=_str(d, "draft", "message"), sent_on=_date(d, "sent_on", "message"))


@dataclass
class FollowUp(Record):
    """A later touch: reported back, shared news, sent an article."""

    on: str
    note: str = ""
    id: str = field(default_factory=new_id)

    @classmethod
    def from_dict(cls, data: Any) -> FollowUp:
        """Build and validate a follow-up entry."""
        d = _dict(data, "follow-up")
        on = _date(d, "on", "follow-up")
        if on is None:
            raise ModelError("follow-up: 'on' needs a date")
        return cls(id=_id(d, "follow-up"), on=on, note=_str(d, "note", "follow-up"))


@dataclass
class Conversation(Record):
    """One informational interview, from the first idea to the thank-you and after."""

    contact_id: str
    id: str = field(default_factory=new_id)
    kind: str = "person"
    topic: str = ""
    goal: str = ""
    ask: str = ""
    status: str = "idea"
    outreach: Message = field(default_factory=Message)
    scheduled_at: str | None = None
    minutes: int = DEFAULT_MINUTES
    medium: str = "video"
    place: str = ""
    checklist: list[ChecklistItem] = field(default_factory=list)
    research_notes: str = ""
    questions: list[Question] = field(default_factory=list)
    live: LiveSession = field(default_factory=LiveSession)
    reflection: Reflection = field(default_factory=Reflection)
    actions: list[ActionItem] = field(default_factory=list)
    referrals: list[Referral] = field(default_factory=list)
    thank_you: Message = field(default_factory=Message)
    followups: list[FollowUp] = field(default_factory=list)
    created_at: str = field(default_factory=now_iso)
    updated_at: str = field(default_factory=now_iso)

    @classmethod
    def from_dict(cls, data: Any) -> Conversation:
        """Build and validate a conversation from its stored form."""
        d = _dict(data, "conversation")
        where = f"conversation {d.get('id', '?')}"
        contact_id = _str(d, "contact_id", where)
        if not contact_id:
            raise ModelError(f"{where}: 'contact_id' is missing")
        minutes = _int(d, "minutes", where, DEFAULT_MINUTES)
        if minutes is None:
            minutes = DEFAULT_MINUTES
        if not 1 <= minutes <= MAX_MINUTES:
            raise ModelError(f"{where}: 'minutes' must be from 1 to {MAX_MINUTES}")
        return cls(
            id=_id(d, where),
            contact_id=contact_id,
            kind=_choice(d, "kind", where, KINDS),
            topic=_str(d, "topic", where),
            goal=_str(d, "goal", where),
            ask=_str(d, "ask", where),
            status=_choice(d, "status", where, STATUSES),
            outreach=Message.from_dict(d.get("outreach")),
            scheduled_at=_moment(d, "scheduled_at", where),
            minutes=minutes,
            medium=_choice(d, "medium", where, MEDIUMS),
            place=_str(d, "place", where),
            checklist=[ChecklistItem.from_dict(x) for x in _list(d, "checklist", where)],
            research_notes=_str(d, "research_notes", where),
            questions=[Question.from_dict(x) for x in _list(d, "questions", where)],
            live=LiveSession.from_dict(d.get("live")),
            reflection=Reflection.from_dict(d.get("reflection")),
            actions=[ActionItem.from_dict(x) for x in _list(d, "actions", where)],
            referrals=[Referral.from_dict(x) for x in _list(d, "referrals", where)],
            thank_you=Message.from_dict(d.get("thank_you")),
            followups=[FollowUp.from_dict(x) for x in _list(d, "followups", where)],
            created_at=_moment(d, "created_at", where) or now_iso(),
            updated_at=_moment(d, "updated_at", where) or now_iso(),
        )

    @property
    def scheduled(self) -> datetime | None:
        """The scheduled moment, if any (always with a UTC offset: a moment stored without one
        is read in the local zone)."""
        return moment(self.scheduled_at, None) if self.scheduled_at else None

    @property
    def held_at(self) -> str | None:
        """When the chat happened (the call's start) or is planned to (the scheduled time)."""
        return self.live.started_at or self.scheduled_at

    @property
    def checklist_progress(self) -> tuple[int, int]:
        """(done, total) of the prep checklist."""
        return sum(1 for i in self.checklist if i.done), len(self.checklist)

    def question(self, question_id: str) -> Question | None:
        """The question with this id, if present."""
        return next((q for q in self.questions if q.id == question_id), None)


def field_names(cls: type) -> list[str]:
    """The stored field names of a record class (used by importers to reject strangers)."""
    return [f.name for f in fields(cls)]
