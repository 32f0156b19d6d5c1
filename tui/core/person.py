"""One person's history: details, the referral chain both ways, their conversations newest
first, open actions, the stay-in-touch state and the follow-up log.

Pure: the caller passes every contact, the person's conversations and ``now``. Used by the
person page and ``coffeechat person``; :func:`person_text` is the plain-text form.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from tui.core.followup import keep_in_touch_on, last_touch
from tui.core.models import STATUS_LABELS, Contact, Conversation
from tui.core.moments import local_day
from tui.core.summary import ConversationLike

MAX_DEPTH = 12  # a referral tree deeper than this is cut (and a cycle never loops)


@dataclass(frozen=True)
class Introduced:
    """Someone this person introduced: a contact (``contact_id``), or a referral not yet made
    into a contact; ``children`` are the people they introduced in turn."""

    name: str
    company: str = ""
    contact_id: str | None = None
    children: tuple[Introduced, ...] = ()


@dataclass(frozen=True)
class OpenAction:
    """An action item not done yet, with the conversation it came from."""

    text: str
    due: str | None
    conversation_id: str


@dataclass(frozen=True)
class Touch:
    """One entry of the follow-up log."""

    on: str
    note: str
    conversation_id: str


@dataclass
class PersonHistory:
    """Everything the person page shows (see the module docstring)."""

    contact: Contact
    introduced_by: list[Contact]  # nearest first: who introduced them, who introduced that one
    introduced: list[Introduced]
    conversations: list[Conversation]  # newest first
    open_actions: list[OpenAction]
    followups: list[Touch]  # newest first
    last_touch: date | None
    next_touch: date | None
    today: date
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def stay_in_touch(self) -> str:
        """``every 90 days; last in touch 2026-03-01; next by 2026-05-30 (in 20 days)``."""
        cadence = self.contact.cadence_days
        if not cadence:
            parts = ["no stay-in-touch reminder"]
        else:
            parts = [f"every {cadence} day{'s' if cadence != 1 else ''}"]
        parts.append(f"last in touch {self.last_touch.isoformat()}" if self.last_touch
                     else "not in touch yet")
        if self.next_touch is not None and self.next_touch != date.max:
            days = (self.next_touch - self.today).days
            when = ("today" if days == 0 else f"in {days} day{'s' if days != 1 else ''}"
                    if days > 0 else f"{-days} day{'s' if days != -1 else ''} overdue")
            parts.append(f"next by {self.next_touch.isoformat()} ({when})")
        return "; ".join(parts)


def _held_key(chat: Conversation) -> str:
    return chat.held_at or chat.created_at


Referrals = Mapping[str, Sequence[Sequence[Any]]]


def referrals_by_person(summaries: Iterable[ConversationLike]) -> dict[str, list[Sequence[Any]]]:
    """Per contact id: the referrals recorded in their conversations, as summary rows
    ``(id, name, company, contact_id)`` (the lists' summaries carry them: no file is read)."""
    made: dict[str, list[Sequence[Any]]] = {}
    for chat in summaries:
        rows = getattr(chat, "referral_rows", None)
        if rows is None:
            rows = [(r.id, r.name, r.company, r.contact_id) for r in chat.referrals]
        if rows:
            made.setdefault(chat.contact_id, []).extend(rows)
    return made


def person_history(contact: Contact, contacts: Sequence[Contact],
                   conversations: Sequence[Conversation], now: datetime,
                   referrals: Referrals | None = None) -> PersonHistory:
    """Work out ``contact``'s history from every contact and their conversations (only
    theirs are needed); ``referrals`` are everyone's (see :func:`referrals_by_person`;
    default: those of ``conversations``), for the tree of whom they introduced."""
    by_id = {c.id: c for c in contacts}
    theirs = sorted((c for c in conversations if c.contact_id == contact.id),
                    key=_held_key, reverse=True)
    actions = [OpenAction(a.text, a.due, chat.id)
               for chat in theirs for a in chat.actions if not a.done]
    actions.sort(key=lambda a: (a.due is None, a.due or ""))
    log = [Touch(f.on, f.note, chat.id) for chat in theirs for f in chat.followups]
    log.sort(key=lambda t: t.on, reverse=True)
    tz = now.tzinfo
    chain = _chain_up(contact, by_id)
    return PersonHistory(
        contact=contact,
        introduced_by=chain,
        introduced=list(_tree_down(contact.id, by_id, referrals if referrals is not None
                                   else referrals_by_person(theirs),
                                   {contact.id, *(p.id for p in chain)}, 0)),
        conversations=theirs,
        open_actions=actions,
        followups=log,
        last_touch=last_touch(contact, theirs, tz),
        next_touch=keep_in_touch_on(contact, theirs, tz),
        today=now.date(),
    )


def _chain_up(contact: Contact, by_id: dict[str, Contact]) -> list[Contact]:
    chain: list[Contact] = []
    seen = {contact.id}
    current = by_id.get(contact.introduced_by or "")
    while current is not None and current.id not in seen and len(chain) < MAX_DEPTH:
        chain.append(current)
        seen.add(current.id)
        current = by_id.get(current.introduced_by or "")
    return chain


def _tree_down(person_id: str, by_id: dict[str, Contact],
               referrals: Referrals, seen: set[str],
               depth: int) -> Iterator[Introduced]:
    if depth >= MAX_DEPTH:
        return
    children: dict[str, Introduced] = {}
    named: list[Introduced] = []
    for other in by_id.values():
        if other.introduced_by == person_id and other.id not in seen:
            children[other.id] = Introduced(other.name, other.company, other.id)
    for _, name, company, contact_id in referrals.get(person_id, ()):
        if contact_id and contact_id in by_id:
            if contact_id not in seen and contact_id not in children:
                known = by_id[contact_id]
                children[contact_id] = Introduced(known.name, known.company, known.id)
        elif name.strip():
            named.append(Introduced(name, company))
    # a referral typed by name for someone who is already a contact introduced by them
    known_names = {" ".join(c.name.casefold().split()) for c in children.values()}
    named = [n for n in named if " ".join(n.name.casefold().split()) not in known_names]
    seen |= set(children)
    for child in sorted(children.values(), key=lambda c: c.name.casefold()):
        grand = tuple(_tree_down(child.contact_id or "", by_id, referrals, seen, depth + 1))
        yield Introduced(child.name, child.company, child.contact_id, grand)
    yield from named


def tree_lines(nodes: Sequence[Introduced], prefix: str = "") -> Iterator[tuple[str, Introduced]]:
    """(drawing prefix, node) for each node of the tree, depth first, with box lines."""
    for index, node in enumerate(nodes):
        last = index == len(nodes) - 1
        yield prefix + ("└─ " if last else "├─ "), node
        yield from tree_lines(node.children, prefix + ("   " if last else "│  "))


def conversation_line(chat: Conversation, tz: Any = None, sep: str = "  ") -> str:
    """``2026-03-01  done  person  payments in Europe``: one conversation in a list."""
    held = chat.held_at
    day = local_day(held, tz).isoformat() if held else "not scheduled"
    about = chat.goal or chat.topic or "(no goal yet)"
    return sep.join((day, STATUS_LABELS.get(chat.status, chat.status), chat.kind, about))


def person_text(history: PersonHistory) -> str:
    """The history as plain text (control characters are the caller's to guard)."""
    c = history.contact
    lines = [c.name]
    who = " · ".join(part for part in (c.role, c.company) if part.strip())
    if who:
        lines.append(who)
    for label, value in (("Email", c.email), ("LinkedIn", c.linkedin),
                         ("How found", c.how_found), ("Tags", ", ".join(c.tags)),
                         ("Notes", " ".join(c.notes.split()))):
        if value.strip():
            lines.append(f"{label}: {value}")
    lines.append(f"Stay in touch: {history.stay_in_touch}")
    lines.append("")
    if history.introduced_by:
        lines.append("Introduced by: " + " ← ".join(p.label for p in history.introduced_by))
    else:
        lines.append("Introduced by: nobody recorded")
    if history.introduced:
        lines.append("Introduced you to:")
        for drawn, node in tree_lines(history.introduced):
            label = f"{node.name} ({node.company})" if node.company else node.name
            lines.append(f"  {drawn}{label}" + ("" if node.contact_id else
                                                 "  (not a contact yet)"))
    lines.append("")
    count = len(history.conversations)
    lines.append(f"Conversations ({count}), newest first:" if count else "No conversations yet.")
    lines.extend(f"  {conversation_line(chat)}  [{chat.id}]" for chat in history.conversations)
    if history.open_actions:
        lines.append("")
        lines.append("Open actions:")
        lines.extend(f"  - {a.text}" + (f" (due {a.due})" if a.due else "")
                     for a in history.open_actions)
    if history.followups:
        lines.append("")
        lines.append("Follow-ups, newest first:")
        lines.extend(f"  {t.on}  {' '.join(t.note.split()) or '(no note)'}"
                     for t in history.followups)
    return "\n".join(lines) + "\n"


def person_json(history: PersonHistory) -> dict[str, Any]:
    """The history for ``coffeechat person --json``."""
    def node(n: Introduced) -> dict[str, Any]:
        return {"name": n.name, "company": n.company, "contact_id": n.contact_id,
                "introduced": [node(k) for k in n.children]}

    return {
        "contact": history.contact.to_dict(),
        "introduced_by": [{"id": p.id, "name": p.name, "company": p.company}
                          for p in history.introduced_by],
        "introduced": [node(n) for n in history.introduced],
        "conversations": [{"id": c.id, "status": c.status, "kind": c.kind, "goal": c.goal,
                           "held_at": c.held_at} for c in history.conversations],
        "open_actions": [{"text": a.text, "due": a.due, "conversation_id": a.conversation_id}
                         for a in history.open_actions],
        "followups": [{"on": t.on, "note": t.note, "conversation_id": t.conversation_id}
                      for t in history.followups],
        "last_touch": history.last_touch.isoformat() if history.last_touch else None,
        "next_touch": (history.next_touch.isoformat()
                       if history.next_touch and history.next_touch != date.max else None),
    }
