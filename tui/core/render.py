"""A conversation as one Markdown document: the read-only view, ``coffeechat show`` and the
Markdown and HTML exports all use this text.

Top to bottom: who, status, kind, when, how long, where; the goal and the ask; outreach; the
prep checklist and research notes; each question with its mark, star and note; the live log
with ``mm:ss`` stamps; the reflection in the order of the reflection prompts, then any other
answers; action items; referrals; the thank-you; follow-ups. Empty sections are left out.

User text cannot change the document's shape (see :mod:`tui.core.md_text`): plain fields are
escaped, notes are the user's Markdown inside block quotes, control characters are removed.
The output depends only on the arguments: moments are shown in the UTC offset they were
stored with, and month and day names are English, whatever the machine's locale.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import date, datetime

from tui.core.content import load_reflection, slug
from tui.core.md_text import has_text, inline, note_block, text_block
from tui.core.models import STATUS_LABELS, Contact, Conversation, LiveSession
from tui.core.redact import Redactor, redact_conversation

DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
STATE_LABELS = {"pending": "Not asked", "asked": "Asked", "skipped": "Skipped"}


def reflection_prompts() -> list[str]:
    """The reflection prompt titles in their file order (the user's copy when they have one)."""
    return [section.title for section in load_reflection().value]


def conversation_day(conversation: Conversation) -> date:
    """The day a conversation is filed under: when it was held, else scheduled, else created
    (the calendar day in the UTC offset the moment was stored with)."""
    when = conversation.held_at or conversation.created_at
    return datetime.fromisoformat(when).date()


def format_moment(text: str) -> str:
    """``Thu 3 Dec 2026, 14:30 (UTC+01:00)`` from a stored ISO moment."""
    moment = datetime.fromisoformat(text)
    shown = (f"{DAYS[moment.weekday()]} {moment.day} {MONTHS[moment.month - 1]} "
             f"{moment.year}, {moment:%H:%M}")
    offset = moment.utcoffset()
    if offset is None:
        return shown
    if not offset:
        return f"{shown} (UTC)"
    total = int(offset.total_seconds()) // 60
    sign, total = ("+" if total >= 0 else "-"), abs(total)
    return f"{shown} (UTC{sign}{total // 60:02d}:{total % 60:02d})"


def format_span(seconds: int) -> str:
    """``32 min 10 s``, ``1 h 05 min``."""
    minutes, secs = divmod(max(0, seconds), 60)
    if minutes >= 60:
        return f"{minutes // 60} h {minutes % 60:02d} min"
    return f"{minutes} min {secs} s" if secs else f"{minutes} min"


def conversation_markdown(
    conversation: Conversation,
    contact: Contact,
    *,
    people: Mapping[str, Contact] | None = None,
    prompts: Sequence[str] | None = None,
    redact: bool = False,
    redactor: Redactor | None = None,
) -> str:
    """The whole conversation as Markdown (see the module). ``people`` maps contact ids to
    contacts (for "introduced by" and referrals); ``prompts`` are the reflection prompt titles
    in order (default: :func:`reflection_prompts`); ``redact`` applies
    :func:`tui.core.redact.redact_conversation` first (with ``redactor`` when given: an export
    builds one for all its conversations)."""
    known = dict(people or {})
    if redact:
        conversation, contact, known = redact_conversation(conversation, contact, known,
                                                           redactor)
    titles = list(prompts) if prompts is not None else reflection_prompts()
    blocks = [
        *_header(conversation, contact, known),
        *_section("Goal", _paragraph(conversation.goal)),
        *_section("The ask", _paragraph(conversation.ask)),
        *_section("Outreach", _message(conversation.outreach.draft, conversation.outreach.sent_on)),
        *_section("Prep checklist", _checklist(conversation)),
        *_section("Research notes", note_block(conversation.research_notes)),
        *_section("Questions", "\n\n".join(_questions(conversation))),
        *_section("Live log", _live(conversation.live, conversation)),
        *_section("Reflection", "\n\n".join(_reflection(conversation, titles))),
        *_section("Action items", _actions(conversation)),
        *_section("Referrals", _referrals(conversation, known)),
        *_section("Thank-you", _message(conversation.thank_you.draft,
                                        conversation.thank_you.sent_on)),
        *_section("Follow-ups", _followups(conversation)),
    ]
    return "\n\n".join(block.rstrip("\n") for block in blocks if block.strip()) + "\n"


def _section(title: str, body: str) -> list[str]:
    return [f"## {title}", body] if body.strip() else []


def _paragraph(text: str) -> str:
    return inline(text) if has_text(text) else ""


def _header(chat: Conversation, contact: Contact, people: Mapping[str, Contact]) -> list[str]:
    blocks = [f"# {inline(contact.name) or '(no name)'}"]
    who = " · ".join(inline(part) for part in (contact.role, contact.company) if has_text(part))
    if who:
        blocks.append(who)
    kind = chat.kind + (f" · {inline(chat.topic)}" if has_text(chat.topic) else "")
    facts = [("Status", STATUS_LABELS.get(chat.status, chat.status)), ("Kind", kind)]
    if chat.live.started_at:
        facts.append(("Held", format_moment(chat.live.started_at)))
    if chat.scheduled_at and chat.scheduled_at != chat.live.started_at:
        facts.append(("Scheduled", format_moment(chat.scheduled_at)))
    facts.append(("How long", _how_long(chat)))
    where = chat.medium + (f" · {inline(chat.place)}" if has_text(chat.place) else "")
    facts.append(("Where", where))
    introducer = people.get(contact.introduced_by or "")
    if introducer is not None:
        facts.append(("Introduced by", inline(introducer.name)))
    tags = [inline(t) for t in contact.tags if has_text(t)]
    if tags:
        facts.append(("Tags", ", ".join(tags)))
    blocks.append("\n".join(f"- **{label}:** {value}" for label, value in facts))
    return blocks


def _how_long(chat: Conversation) -> str:
    planned = f"{chat.minutes} min planned"
    if chat.live.started_at and chat.live.ended_at:
        return f"{planned} · {format_span(chat.live.elapsed_seconds())} actual"
    if chat.live.started_at:
        return f"{planned} · call not ended"
    return planned


def _message(draft: str, sent_on: str | None) -> str:
    parts = [f"Sent {sent_on}." if sent_on else "Not sent yet."] if sent_on or has_text(draft) \
        else []
    if has_text(draft):
        parts.append(text_block(draft))
    return "\n\n".join(p.rstrip("\n") for p in parts)


def _checklist(chat: Conversation) -> str:
    if not chat.checklist:
        return ""
    done, total = chat.checklist_progress
    parts = [f"{done} of {total} done."]
    sections: dict[str, list[str]] = {}
    for item in chat.checklist:
        line = f"- [{'x' if item.done else ' '}] {inline(item.text) or '(no text)'}"
        if has_text(item.note):
            line += f" — {inline(item.note)}"
        sections.setdefault(item.section.strip(), []).append(line)
    for section, lines in sections.items():
        if section:
            parts.append(f"### {inline(section)}")
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def _questions(chat: Conversation) -> Iterator[str]:
    for number, question in enumerate(chat.questions, start=1):
        marks = [f"**{STATE_LABELS.get(question.state, question.state)}**"]
        if question.starred:
            marks.append("★ starred")
        if has_text(question.category):
            marks.append(inline(question.category))
        if question.added_live:
            marks.append("added during the call")
        block = f"### {number}. {inline(question.text) or '(no text)'}\n\n" + " · ".join(marks)
        note = note_block(question.note).rstrip("\n")
        yield block + (f"\n\n{note}" if note else "")


def _live(session: LiveSession, chat: Conversation) -> str:
    if not session.started_at and not session.notes and not has_text(session.draft):
        return ""
    parts = []
    if session.started_at:
        line = f"Started {format_moment(session.started_at)}"
        if session.ended_at:
            line += (f"; ended {_end_moment(session.started_at, session.ended_at)}; "
                     f"{format_span(session.elapsed_seconds())} of call time")
            if session.paused_seconds:
                line += f" ({format_span(session.paused_seconds)} paused)"
        else:
            line += "; not ended"
        parts.append(line + ".")
    numbers = {q.id: n for n, q in enumerate(chat.questions, start=1)}
    entries = []
    for note in sorted(session.notes, key=lambda n: n.at_seconds):
        entry = f"- `{note.stamp}` {inline(note.text) or '(empty)'}"
        if note.question_id in numbers:
            entry += f" · under question {numbers[note.question_id or '']}"
        entries.append(entry)
    if has_text(session.draft):
        entries.append(f"- (unsaved quick note) {inline(session.draft)}")
    if entries:
        parts.append("\n".join(entries))
    return "\n\n".join(parts)


def _end_moment(started: str, ended: str) -> str:
    start, end = datetime.fromisoformat(started), datetime.fromisoformat(ended)
    if start.date() == end.date() and start.utcoffset() == end.utcoffset():
        return f"{end:%H:%M}"
    return format_moment(ended)


def _reflection(chat: Conversation, titles: Sequence[str]) -> Iterator[str]:
    rating = chat.reflection.rating
    if rating is not None:
        yield f"**Rating:** {rating}/5 {'★' * rating}{'☆' * (5 - rating)}"
    answers = chat.reflection.answers
    shown: set[str] = set()
    for title in titles:
        key = slug(title)
        shown.add(key)
        if has_text(answers.get(key)):
            yield f"### {inline(title)}\n\n{note_block(answers[key]).rstrip()}"
    for key, answer in answers.items():
        if key not in shown and has_text(answer):
            title = key.replace("-", " ").strip().capitalize() or "Other"
            yield f"### {inline(title)}\n\n{note_block(answer).rstrip()}"


def _actions(chat: Conversation) -> str:
    lines = []
    for action in chat.actions:
        line = f"- [{'x' if action.done else ' '}] {inline(action.text) or '(no text)'}"
        lines.append(line + (f" · due {action.due}" if action.due else ""))
    return "\n".join(lines)


def _referrals(chat: Conversation, people: Mapping[str, Contact]) -> str:
    lines = []
    for referral in chat.referrals:
        if not has_text(referral.name):
            continue
        line = f"- **{inline(referral.name)}**"
        if has_text(referral.company):
            line += f" ({inline(referral.company)})"
        if has_text(referral.why):
            line += f" · {inline(referral.why)}"
        if referral.contact_id is None:
            line += " · not a contact yet"
        elif referral.contact_id in people:
            line += " · now a contact"
        else:
            line += " · was made a contact (since deleted)"
        lines.append(line)
    return "\n".join(lines)


def _followups(chat: Conversation) -> str:
    lines = []
    for followup in sorted(chat.followups, key=lambda f: f.on):
        note = inline(followup.note)
        lines.append(f"- {followup.on}" + (f" · {note}" if note else ""))
    return "\n".join(lines)
