"""The brief before meeting someone again: what was learned last time, what is still open,
the questions never asked, and whom they introduced.

Pure: the caller reads the earlier conversations (off the event loop) and passes them in.
:func:`earlier_ids` picks them from the cheap summaries; :func:`build_brief` works the brief
out; :func:`questions_to_carry` says which unasked questions a plan does not have yet.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tui.core.models import Contact, Conversation, Question
from tui.core.prep import normalise
from tui.core.summary import ConversationLike

NOT_HELD = frozenset({"idea", "reached_out", "scheduled"})
HELD = frozenset({"done", "thanked"})
KEY_INSIGHTS = "key-insights"


@dataclass(frozen=True)
class Learned:
    """One thing learned: a starred question's note, or a reflection answer."""

    label: str  # the question, or the reflection prompt ("Key insights")
    text: str
    conversation_id: str
    day: str
    starred: bool = False  # a starred question's note (else a reflection answer)


@dataclass(frozen=True)
class OpenItem:
    """An action not done yet, or a thank-you never sent."""

    text: str
    due: str | None
    conversation_id: str
    day: str


@dataclass(frozen=True)
class Unasked:
    """A question planned in an earlier conversation and never asked in any of them."""

    text: str
    category: str
    conversation_id: str
    day: str


@dataclass(frozen=True)
class IntroducedPerson:
    """Someone they introduced; ``contact_id`` when that person is a contact now."""

    name: str
    company: str
    why: str
    contact_id: str | None
    conversation_id: str


@dataclass(frozen=True)
class Brief:
    """Everything the "Last time" part of Prep shows."""

    name: str
    meetings: int  # earlier conversations that were held
    last_id: str
    last_day: str
    last_minutes: int  # how long the last call lasted (0: not timed)
    last_goal: str
    last_ask: str
    learned: tuple[Learned, ...]
    open_items: tuple[OpenItem, ...]
    unasked: tuple[Unasked, ...]
    introduced: tuple[IntroducedPerson, ...]


def wants_brief(conversation: ConversationLike) -> bool:
    """A conversation not held yet (idea, reached out, scheduled; its call not started)."""
    return conversation.status in NOT_HELD and not conversation.live.started_at


def was_held(conversation: ConversationLike) -> bool:
    """The conversation took place: its call started, or it is done or thanked."""
    return bool(conversation.live.started_at) or conversation.status in HELD


def _when(conversation: ConversationLike) -> str:
    return conversation.held_at or conversation.created_at


def earlier_ids(conversation: ConversationLike, theirs: Iterable[ConversationLike]) -> list[str]:
    """The ids of the conversations with the same person that were held, newest first
    (``theirs``: that person's conversations, summaries will do)."""
    held = [c for c in theirs if c.id != conversation.id
            and c.contact_id == conversation.contact_id and was_held(c)]
    held.sort(key=_when, reverse=True)
    return [c.id for c in held]


def _day(conversation: Conversation) -> str:
    return _when(conversation)[:10]


def _prompt_title(key: str) -> str:
    return key.replace("-", " ").strip().capitalize() or "Other"


def _learned(chat: Conversation) -> Iterable[Learned]:
    day = _day(chat)
    for question in chat.questions:
        if question.starred and question.note.strip():
            yield Learned(question.text, question.note.strip(), chat.id, day, starred=True)
    answers = chat.reflection.answers
    keys = sorted(answers, key=lambda k: k != KEY_INSIGHTS)  # key insights first
    for key in keys:
        if answers[key].strip():
            yield Learned(_prompt_title(key), answers[key].strip(), chat.id, day)


def _open_items(chat: Conversation) -> Iterable[OpenItem]:
    day = _day(chat)
    for action in chat.actions:
        if not action.done and action.text.strip():
            yield OpenItem(action.text.strip(), action.due, chat.id, day)
    if chat.status == "done" and not chat.thank_you.sent_on:
        yield OpenItem(f"Thank-you for the chat of {day} not sent", None, chat.id, day)


def _unasked(chats: Sequence[Conversation]) -> list[Unasked]:
    asked = {normalise(q.text) for chat in chats for q in chat.questions if q.state == "asked"}
    found: dict[str, Unasked] = {}
    for chat in chats:  # newest first: the latest wording of a question wins
        for question in chat.questions:
            key = normalise(question.text)
            if key and key not in asked and key not in found:
                found[key] = Unasked(question.text, question.category, chat.id, _day(chat))
    return list(found.values())


def _introduced(chats: Sequence[Conversation], contacts: Sequence[Contact],
                person_id: str) -> list[IntroducedPerson]:
    by_id = {c.id: c for c in contacts}
    by_name = {" ".join(c.name.casefold().split()): c for c in contacts}
    people: dict[str, IntroducedPerson] = {}
    for chat in chats:
        for referral in chat.referrals:
            name = " ".join(referral.name.split())
            if not name:
                continue
            known = by_id.get(referral.contact_id or "") or by_name.get(name.casefold())
            key = known.id if known else name.casefold()
            if key not in people:
                people[key] = IntroducedPerson(
                    known.name if known else name, known.company if known else referral.company,
                    referral.why.strip(), known.id if known else None, chat.id)
    for contact in contacts:
        if contact.introduced_by == person_id and contact.id not in people:
            people[contact.id] = IntroducedPerson(contact.name, contact.company, "",
                                                  contact.id, "")
    return list(people.values())


def build_brief(contact: Contact, earlier: Sequence[Conversation],
                contacts: Sequence[Contact]) -> Brief | None:
    """The brief from the earlier conversations with ``contact`` (any order; those not held
    are left out); None when there is none."""
    chats = sorted((c for c in earlier if was_held(c) and c.contact_id == contact.id),
                   key=_when, reverse=True)
    if not chats:
        return None
    last = chats[0]
    minutes = last.live.elapsed_seconds() // 60 if last.live.ended_at else 0
    return Brief(
        name=contact.name,
        meetings=len(chats),
        last_id=last.id,
        last_day=_day(last),
        last_minutes=minutes,
        last_goal=last.goal.strip(),
        last_ask=last.ask.strip(),
        learned=tuple(item for chat in chats for item in _learned(chat)),
        open_items=tuple(item for chat in chats for item in _open_items(chat)),
        unasked=tuple(_unasked(chats)),
        introduced=tuple(_introduced(chats, contacts, contact.id)),
    )


def questions_to_carry(brief: Brief, plan: Sequence[Question]) -> list[Unasked]:
    """The unasked questions that ``plan`` does not have yet (by their words)."""
    planned = {normalise(q.text) for q in plan}
    return [u for u in brief.unasked if normalise(u.text) not in planned]


def brief_heading(brief: Brief) -> str:
    """``Last time with Marcus Lee: 2026-03-01, 32 min (2 chats before)``."""
    length = f", {brief.last_minutes} min" if brief.last_minutes else ""
    before = (f" ({brief.meetings} chats before)" if brief.meetings > 1 else "")
    return f"Last time with {brief.name}: {brief.last_day}{length}{before}"
