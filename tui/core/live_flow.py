"""Moving through the questions during a call, and what ending a call does to a conversation.

Pure functions over the models (no UI): the Live pane calls them and then asks to be saved.
List order is asking order, so moving a question means moving it in the list.
"""

from __future__ import annotations

from datetime import datetime

from tui.core.live import LiveError, add_note, end
from tui.core.models import Conversation, Question, Referral
from tui.core.safetext import has_visible, invisible_detail

FOLLOW_UP_CATEGORY = "follow-up"
MAX_QUESTION = 1_000
MAX_REFERRAL_FIELD = 500
STATUS_BEFORE_DONE = ("idea", "reached_out", "scheduled")


def first_current(questions: list[Question], remembered: str | None = None) -> int | None:
    """Where to start: the question the user was on (``remembered``, the session's
    ``current_question_id``) if it is still there, else the first question still pending,
    else the first one, else None."""
    for index, question in enumerate(questions):
        if remembered is not None and question.id == remembered:
            return index
    for index, question in enumerate(questions):
        if question.state == "pending":
            return index
    return 0 if questions else None


def next_pending(questions: list[Question], index: int | None) -> int | None:
    """The next pending question after ``index`` (wrapping round); None when all are done."""
    count = len(questions)
    start = -1 if index is None else index
    for step in range(1, count + 1):
        candidate = (start + step) % count
        if candidate != index and questions[candidate].state == "pending":
            return candidate
    return None


def toggle_mark(question: Question, state: str) -> str:
    """Mark ``question`` asked or skipped; marking it again puts it back to pending."""
    if state not in ("asked", "skipped"):
        raise LiveError(f"Unknown mark {state!r}.")
    question.state = "pending" if question.state == state else state
    return question.state


def move(questions: list[Question], index: int, delta: int) -> int:
    """Move the question at ``index`` by ``delta`` places (clamped); returns its new index."""
    target = max(0, min(len(questions) - 1, index + delta))
    if target != index:
        questions.insert(target, questions.pop(index))
    return target


def check_question(text: str) -> str:
    """A question's text, tidied; a specific :class:`LiveError` if it cannot be one."""
    clean = " ".join(text.split())
    if not clean:
        raise LiveError("The question is empty.")
    if len(clean) > MAX_QUESTION:
        raise LiveError(f"That question is {len(clean):,} characters; keep it under "
                        f"{MAX_QUESTION:,} (notes go in the note area).")
    return clean


def insert_follow_up(questions: list[Question], index: int | None, text: str) -> int:
    """Add a follow-up question (``added_live``) right after ``index``; returns its index."""
    question = Question(text=check_question(text), category=FOLLOW_UP_CATEGORY, added_live=True)
    position = len(questions) if index is None else index + 1
    questions.insert(position, question)
    return position


def make_referral(name: str, company: str = "", why: str = "") -> Referral:
    """A pending referral (no contact yet) from what the user typed."""
    fields = {"Name": name, "Company": company, "Why": why}
    clean = {}
    for label, value in fields.items():
        tidy = " ".join(value.split())
        if len(tidy) > MAX_REFERRAL_FIELD:
            raise LiveError(f"{label} is {len(tidy):,} characters; keep it under "
                            f"{MAX_REFERRAL_FIELD}.")
        clean[label] = tidy
    if not has_visible(clean["Name"]):
        raise LiveError("Who did they mention? Give at least a name"
                        f"{invisible_detail(clean['Name'])}.")
    return Referral(name=clean["Name"], company=clean["Company"], why=clean["Why"],
                    contact_id=None)


def finish(conversation: Conversation, moment: datetime,
           current_question_id: str | None = None) -> None:
    """End the call and move the conversation on to ``done`` (a later status is kept).

    A quick note still being typed becomes a note of the call, so it is not left behind.
    """
    session = conversation.live
    if session.draft.strip() and not session.ended_at:
        try:
            add_note(session, session.draft, current_question_id, moment)
            session.draft = ""
        except LiveError:
            pass  # too long for a quick note: it stays in the quick-note line
    end(session, moment)
    if conversation.status in STATUS_BEFORE_DONE:
        conversation.status = "done"


def progress(questions: list[Question]) -> tuple[int, int, int]:
    """(asked, skipped, total)."""
    asked = sum(1 for q in questions if q.state == "asked")
    skipped = sum(1 for q in questions if q.state == "skipped")
    return asked, skipped, len(questions)
