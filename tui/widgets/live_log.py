"""The running log of time-stamped notes: plain text, appended one row at a time."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets.option_list import Option

from tui.core.models import LiveNote, Question, Referral
from tui.text import one_line, styled
from tui.widgets.fitted_list import FittedOptionList
from tui.widgets.key_order import OrderedKeys


def note_row(note: LiveNote, numbers: dict[str, int]) -> Content:
    """``03:12 Q2 text``: the stamp, the question it belongs to, the note as typed."""
    number = numbers.get(note.question_id or "")
    return styled(
        (note.stamp, "dim"), " ",
        (f"Q{number} ", "$accent") if number else "",
        note.text,
    )


def referrals_line(referrals: list[Referral]) -> Content:
    """``↪ Mentioned: Bob Lee (Globex) · Carla``: who this person pointed to."""
    names = [r.name + (f" ({r.company})" if r.company else "") for r in referrals]
    return styled(("↪ Mentioned: ", "bold"), one_line(" · ".join(names), 500))


def question_numbers(questions: list[Question]) -> dict[str, int]:
    """Question id -> its number in asking order."""
    return {q.id: i + 1 for i, q in enumerate(questions)}


class NoteLog(OrderedKeys, FittedOptionList):
    """Option ids are note ids. New notes are added as one row, never by a full rebuild.

    Letters typed here are text for the current question's note (``type_into``)."""

    BINDINGS = [
        Binding("delete", "delete_note", "Delete note", tooltip="Delete the highlighted note "
                "(asks first)", id="live.log.delete"),
        Binding("enter", "select", "Edit note", show=False, tooltip="Correct the highlighted "
                "note", id="live.log.edit"),
    ]
    DEFAULT_CSS = """
    NoteLog { height: auto; max-height: 25%; min-height: 1; }
    """

    class DeleteRequested(Message):
        """The user wants the highlighted note gone (the pane asks first)."""

        def __init__(self, note_id: str) -> None:
            super().__init__()
            self.note_id = note_id

    def show_notes(self, notes: list[LiveNote], questions: list[Question]) -> None:
        """Rebuild every row (on load, or when question numbers changed)."""
        numbers = question_numbers(questions)
        self.clear_options()
        self.add_options(Option(note_row(n, numbers), id=n.id) for n in notes)
        if not notes:
            self.add_option(Option(styled(
                ("Notes you stamp with ctrl+l appear here, with the minute of the call.", "dim")),
                disabled=True))
        self._to_end()

    def append_note(self, note: LiveNote, questions: list[Question], first: bool) -> None:
        """Add one row at the end (``first`` drops the placeholder row)."""
        if first:
            self.clear_options()
        self.add_option(Option(note_row(note, question_numbers(questions)), id=note.id))
        self._to_end()

    def replace_note(self, note: LiveNote, questions: list[Question]) -> None:
        """Repaint one note after it was edited."""
        self.replace_option_prompt(note.id, note_row(note, question_numbers(questions)))

    def _to_end(self) -> None:
        if self.option_count and not self.get_option_at_index(self.option_count - 1).disabled:
            self.highlighted = self.option_count - 1
        self.scroll_end(animate=False)

    def action_delete_note(self) -> None:
        """Ask the pane to delete the highlighted note."""
        option = self.highlighted_option
        if option is not None and option.id:
            self.post_message(self.DeleteRequested(option.id))
