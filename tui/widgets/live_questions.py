"""The planned questions in asking order, the current one highlighted, marks at a glance."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.core.models import Question
from tui.text import one_line, styled

MARKS = {"pending": ("○", "$text-muted"), "asked": ("✓", "$success"),
         "skipped": ("–", "$text-muted")}


def question_row(number: int, question: Question, current: bool) -> Content:
    """``▶ 3 ✓ text ★ follow-up``: where we are, number, mark, the question, its tags."""
    mark, mark_style = MARKS.get(question.state, MARKS["pending"])
    text_style = "dim" if question.state == "skipped" else ("bold" if current else "")
    return styled(
        ("▶" if current else " ", "bold $accent"),
        (f"{number:>2} ", "dim"),
        (mark, mark_style), " ",
        (one_line(question.text), text_style),
        (" ★", "bold $warning") if question.starred else "",
        (" +follow-up", "italic $text-muted") if question.added_live else "",
    )


def current_heading(index: int | None, questions: list[Question]) -> Content:
    """The current question written out in full above its note (or what to do without one)."""
    if index is None:
        return styled(("No question selected: ctrl+o adds one. ", "bold"),
                      ("Quick notes (ctrl+l) still work.", "dim"))
    question = questions[index]
    state = "" if question.state == "pending" else f" · {question.state}"
    return styled(
        (f"Q{index + 1}/{len(questions)}{state}", "bold $accent"),
        (" ★" if question.starred else "", "bold $warning"),
        "  ", (one_line(question.text, 1000), "bold"),
    )


class QuestionFlow(OptionList):
    """Option ids are question ids; the highlighted option is the current question."""

    DEFAULT_CSS = """
    QuestionFlow { height: auto; max-height: 35%; min-height: 1; }
    """

    def show_questions(self, questions: list[Question], current: int | None) -> None:
        """Rebuild every row (a call has tens of questions, not thousands)."""
        self.clear_options()
        self.add_options(
            Option(question_row(i + 1, q, i == current), id=q.id) for i, q in enumerate(questions)
        )
        if not questions:
            self.add_option(Option(styled(
                ("No questions yet: ctrl+o adds one; Prep (f3) plans them.", "dim")),
                disabled=True))
        if current is not None:
            self.highlighted = current

    def show_row(self, index: int, question: Question, current: bool) -> None:
        """Repaint one row after a mark or a star."""
        self.replace_option_prompt_at_index(index, question_row(index + 1, question, current))
