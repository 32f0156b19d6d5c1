"""The thank-you note: a draft filled from the user's own notes, and marking it sent."""

from __future__ import annotations

import re
from datetime import date, datetime

from tui.core.content import fill_template, slug
from tui.core.followup import log_touch
from tui.core.models import Contact, Conversation
from tui.core.moments import in_zone, moment

KEY_INSIGHTS = slug("Key insights")
NEXT_STEPS = slug("Next steps")
MAX_SPECIFIC = 200
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?")
_SENTENCE_END = re.compile(r"[.!?]+\s+(?=[A-Z0-9\"“‘'(])")
_ABBREVIATIONS = {"dr", "mr", "mrs", "ms", "mx", "prof", "st", "vs", "etc", "e.g", "i.e",
                  "inc", "ltd", "co", "jr", "sr", "no"}


def first_name(name: str) -> str:
    """``Ana`` from ``Ana Silva``; ``Dr. Ana Silva`` gives ``Ana`` too."""
    words = name.split()
    titles = {"dr", "dr.", "prof", "prof.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "mx", "mx."}
    while len(words) > 1 and words[0].casefold() in titles:
        words.pop(0)
    return words[0] if words else ""


def first_sentence(text: str) -> str:
    """The first list item or line of Markdown, cut at its first sentence, without the end dot."""
    for line in text.splitlines():
        line = _BULLET.sub("", line).strip().lstrip("#>").strip()
        if line:
            sentence = _cut_at_sentence_end(line)
            if len(sentence) > MAX_SPECIFIC:
                sentence = sentence[: MAX_SPECIFIC - 1].rstrip() + "…"
            return sentence
    return ""


def _cut_at_sentence_end(line: str) -> str:
    for match in _SENTENCE_END.finditer(line):
        before = line[: match.start()].rsplit(None, 1)[-1].casefold() if match.start() else ""
        if before not in _ABBREVIATIONS and len(before) > 1:
            return line[: match.start()]
    return line.rstrip(" .")


def mid_sentence(text: str) -> str:
    """``Started as an analyst`` -> ``started as an analyst``, to follow a colon mid-sentence;
    words that look like names or acronyms (``API``, ``McKinsey``, ``I``) keep their capital."""
    word = text.split(" ", 1)[0]
    if len(word) > 1 and word[0].isupper() and word[1:].islower() and word.isalpha():
        return text[0].lower() + text[1:]
    return text


def specific_detail(conversation: Conversation) -> str:
    """Something specific from this conversation: a starred question's note, else the first
    key insight's first sentence (else the first answer's); empty when there is nothing yet."""
    for question in conversation.questions:
        if question.starred and question.note.strip():
            return first_sentence(question.note)
    answers = conversation.reflection.answers
    for key in (KEY_INSIGHTS, *answers):
        found = first_sentence(answers.get(key, ""))
        if found:
            return found
    return ""


def next_step(conversation: Conversation) -> str:
    """The first open action item, else the first line of the "next steps" answer."""
    for action in conversation.actions:
        if not action.done and action.text.strip():
            return first_sentence(action.text)
    return first_sentence(conversation.reflection.answers.get(NEXT_STEPS, ""))


def call_day(conversation: Conversation) -> date | None:
    """The local day of the call (``held_at``: started, else scheduled; else ended)."""
    when = conversation.held_at or conversation.live.ended_at
    return in_zone(moment(when, None), None).date() if when else None


def spoken_date(day: date | None, today: date) -> str:
    """``Tuesday`` within the last week, else ``3 December`` (with the year if another)."""
    if day is None:
        return ""
    if 0 <= (today - day).days < 7:
        return day.strftime("%A")
    text = f"{day.day} {day.strftime('%B')}"
    return text if day.year == today.year else f"{text} {day.year}"


def draft_values(conversation: Conversation, contact: Contact, my_name: str,
                 now: datetime) -> dict[str, str]:
    """The placeholder values; empty ones stay visible as ``{placeholder}`` in the draft."""
    return {
        "name": first_name(contact.name),
        "date": spoken_date(call_day(conversation), now.date()),
        "specific": mid_sentence(specific_detail(conversation)),
        "next_step": mid_sentence(next_step(conversation)),
        "my_name": my_name.strip(),
        "company": contact.company.strip(),
        "role": contact.role.strip(),
    }


def draft_thank_you(template: str, conversation: Conversation, contact: Contact,
                    my_name: str, now: datetime) -> str:
    """The template filled from this conversation; unknown placeholders stay for the user."""
    return fill_template(template, draft_values(conversation, contact, my_name, now))


def mark_sent(conversation: Conversation, contact: Contact, day: date) -> None:
    """The note went out on ``day``: status becomes thanked and the contact's clock restarts."""
    conversation.thank_you.sent_on = day.isoformat()
    conversation.status = "thanked"
    log_touch(contact, day)


def unmark_sent(conversation: Conversation) -> None:
    """Undo :func:`mark_sent` (the contact's last-contacted day is left as it is)."""
    conversation.thank_you.sent_on = None
    if conversation.status == "thanked":
        conversation.status = "done"
