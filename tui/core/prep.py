"""Prep logic without a UI: the research checklist and the planned questions.

The checklist is made from the shipped (or the user's) template once per conversation and then
belongs to the conversation. The question plan is ``Conversation.questions`` in asking order.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from tui.core.content import (
    OUTREACH,
    Section,
    load_checklist,
    load_questions,
    load_template,
    order_sections,
)
from tui.core.models import ChecklistItem, Conversation, Question
from tui.core.question_bank import BankEntry, bank_entries

R = TypeVar("R", ChecklistItem, Question)

OTHER_SECTION = "Other"
OWN_CATEGORY = "My own"
MINUTES_PER_QUESTION = 3
MAX_ITEM_TEXT = 2000


class PrepError(ValueError):
    """An edit that cannot be made; the message is meant for the user."""


@dataclass
class PrepContent:
    """The content the Prep pane works from (shipped, or the user's own copies)."""

    checklist: list[Section]
    bank: list[BankEntry]
    outreach: str


def load_prep_content(user_dir: Path | None = None) -> tuple[PrepContent, list[str]]:
    """Load the checklist, question bank and outreach template, with any warnings."""
    checklist = load_checklist(user_dir)
    questions = load_questions(user_dir)
    outreach = load_template(OUTREACH, user_dir)
    content = PrepContent(checklist.value, bank_entries(questions.value), outreach.value)
    return content, [*checklist.warnings, *questions.warnings, *outreach.warnings]


# -- checklist -----------------------------------------------------------------------------


def checklist_from_template(sections: list[Section], kind: str) -> list[ChecklistItem]:
    """Fresh, unchecked items for every template entry, the kind's focus sections first."""
    return [
        ChecklistItem(text=text, section=section.title)
        for section in order_sections(sections, kind)
        for text in section.items
    ]


def checklist_groups(items: list[ChecklistItem], kind: str
                     ) -> list[tuple[str, list[ChecklistItem]]]:
    """Items grouped by section (stored order within a section), the kind's focus first."""
    grouped: dict[str, list[ChecklistItem]] = {}
    for item in items:
        grouped.setdefault(item.section.strip() or OTHER_SECTION, []).append(item)
    sections = [Section(title=title) for title in grouped]
    return [(s.title, grouped[s.title]) for s in order_sections(sections, kind)]


def clean_text(text: str, what: str, limit: int = MAX_ITEM_TEXT) -> str:
    """One line of user text, spaces tidied; empty or too long text is refused."""
    line = " ".join(text.split())
    if not line:
        raise PrepError(f"Type the {what} first.")
    if len(line) > limit:
        raise PrepError(f"That {what} is {len(line):,} characters; keep it under {limit:,}.")
    return line


def add_checklist_item(conversation: Conversation, text: str, section: str,
                       after_id: str | None = None) -> ChecklistItem:
    """Add an item to ``section``, after ``after_id`` when given, else at the section's end."""
    item = ChecklistItem(text=clean_text(text, "item"), section=section)
    items = conversation.checklist
    anchor = next((i for i, x in enumerate(items) if x.id == after_id), None)
    if anchor is None:
        same = [i for i, x in enumerate(items) if (x.section or OTHER_SECTION) == section]
        anchor = same[-1] if same else len(items) - 1
    items.insert(anchor + 1, item)
    return item


def remove_by_id(items: list[R], record_id: str) -> tuple[int, R] | None:
    """Remove the record with this id; returns (index, record) so it can be put back."""
    for index, record in enumerate(items):
        if record.id == record_id:
            return index, items.pop(index)
    return None


# -- the question plan ---------------------------------------------------------------------


def normalise(text: str) -> str:
    """A question's identity: case, spacing and the final punctuation ignored."""
    return " ".join(text.casefold().split()).rstrip(" ?.!")


def plan_position(questions: list[Question], text: str) -> int | None:
    """Where a question with this text already is in the plan (0-based), if it is."""
    key = normalise(text)
    return next((i for i, q in enumerate(questions) if normalise(q.text) == key), None)


def add_question(conversation: Conversation, text: str, category: str = OWN_CATEGORY,
                 after_id: str | None = None) -> Question:
    """Add a question to the plan (after ``after_id``, else at the end); no duplicates."""
    line = clean_text(text, "question")
    position = plan_position(conversation.questions, line)
    if position is not None:
        raise PrepError(f"Already in your plan as question {position + 1}.")
    question = Question(text=line, category=category)
    index = next((i for i, q in enumerate(conversation.questions) if q.id == after_id), None)
    if index is None:
        conversation.questions.append(question)
    else:
        conversation.questions.insert(index + 1, question)
    return question


def edit_question(conversation: Conversation, question_id: str, text: str) -> Question:
    """Change a planned question's wording (refusing a duplicate of another one)."""
    question = conversation.question(question_id)
    if question is None:
        raise PrepError("That question is no longer in the plan.")
    line = clean_text(text, "question")
    position = plan_position(conversation.questions, line)
    if position is not None and conversation.questions[position].id != question_id:
        raise PrepError(f"Already in your plan as question {position + 1}.")
    question.text = line
    return question


def move_question(questions: list[Question], question_id: str, step: int) -> int | None:
    """Move a question ``step`` places (negative: earlier); returns its new index, or None."""
    index = next((i for i, q in enumerate(questions) if q.id == question_id), None)
    if index is None:
        return None
    target = max(0, min(len(questions) - 1, index + step))
    if target != index:
        questions.insert(target, questions.pop(index))
    return target


def questions_that_fit(minutes: int) -> int:
    """About how many questions a call of this length has room for."""
    return max(1, minutes // MINUTES_PER_QUESTION)


def plan_summary(count: int, minutes: int) -> tuple[str, bool]:
    """A one-line summary of the plan against the time, and whether it is too full."""
    fit = questions_that_fit(minutes)
    noun = "question" if count == 1 else "questions"
    if count > fit:
        return (f"{count} {noun} for {minutes} min: about {fit} fit at ~{MINUTES_PER_QUESTION} "
                "min each. Put the must-asks first.", True)
    return f"{count} {noun} · room for about {fit} in {minutes} min", False
