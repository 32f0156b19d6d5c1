"""The planned questions in asking order, the current one highlighted, marks at a glance."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets.option_list import Option

from tui.core.models import Question
from tui.widgets.fitted_list import FittedOptionList
from tui.widgets.key_order import OrderedKeys
from tui.widgets.text import one_line, styled

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
        return styled(("No question yet: ctrl+o adds one. ", "bold"),
                      ("Quick notes (ctrl+l) still work.", "dim"))
    question = questions[index]
    state = "" if question.state == "pending" else f" · {question.state}"
    return styled(
        (f"Q{index + 1}/{len(questions)}{state}", "bold $accent"),
        (" ★" if question.starred else "", "bold $warning"),
        "  ", (one_line(question.text, 1000), "bold"),
    )


class QuestionFlow(OrderedKeys, FittedOptionList):
    """Option ids are question ids; the highlighted option is the current question.

    When the highlight moves it posts :class:`CurrentChanged` to the pane at once, ahead of
    anything a later key asks of the pane, so the note below belongs to the new question
    before a letter typed after the move is put in it.
    """

    # Aliases of the pane's ctrl+shift+↑/↓ (no id: the palette lists the pane's once).
    BINDINGS = [
        Binding("shift+up", "move(-1)", "Move up", show=False,
                tooltip="Ask this question earlier"),
        Binding("shift+down", "move(1)", "Move down", show=False,
                tooltip="Ask this question later"),
    ]
    DEFAULT_CSS = """
    QuestionFlow { height: auto; max-height: 35%; min-height: 1; }
    """

    class CurrentChanged(Message):
        """The question at ``index`` is the current one now."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    class MoveRequested(Message):
        """Move the current question ``delta`` places in the asking order."""

        def __init__(self, delta: int) -> None:
            super().__init__()
            self.delta = delta

    def _to_pane(self, message: Message) -> None:
        # Straight to the parent: queued ahead of any request a later key sends there.
        (self.parent or self).post_message(message.set_sender(self))

    def watch_highlighted(self, highlighted: int | None) -> None:
        """Tell the pane which question is current now."""
        super().watch_highlighted(highlighted)
        if highlighted is not None and not self.get_option_at_index(highlighted).disabled:
            self._to_pane(self.CurrentChanged(highlighted))

    def action_move(self, delta: int) -> None:
        """Move the current question up or down in the asking order."""
        self._to_pane(self.MoveRequested(delta))

    def show_questions(self, questions: list[Question], current: int | None) -> None:
        """Rebuild every row (a call has tens of questions, not thousands)."""
        with self.prevent(self.CurrentChanged):
            self.clear_options()
            self.add_options(
                Option(question_row(i + 1, q, i == current), id=q.id)
                for i, q in enumerate(questions)
            )
            if not questions:
                self.add_option(Option(styled(
                    ("No questions yet: ctrl+o adds one; Prep (f3) plans them. Typing goes "
                     "into the quick note.", "dim")),
                    disabled=True))
            if current is not None:
                self.highlighted = current

    def show_row(self, index: int, question: Question, current: bool) -> None:
        """Repaint one row after a mark or a star."""
        self.replace_option_prompt_at_index(index, question_row(index + 1, question, current))
