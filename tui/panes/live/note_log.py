"""The running log of time-stamped notes: plain text, appended one row at a time."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets.option_list import Option

from tui.core.models import LiveNote, Question, Referral
from tui.widgets.fitted_list import FittedOptionList
from tui.widgets.key_order import OrderedKeys
from tui.widgets.text import one_line, styled


def referrals_line(referrals: list[Referral]) -> Content:
    """``↪ Mentioned: Bob Lee (Globex) · Carla``: who this person pointed to."""
    names = [r.name + (f" ({r.company})" if r.company else "") for r in referrals]
    return styled(("↪ Mentioned: ", "bold"), one_line(" · ".join(names), 500))


def question_numbers(questions: list[Question]) -> dict[str, int]:
    """Question id -> its number in asking order."""
    return {q.id: i + 1 for i, q in enumerate(questions)}


LogRow = tuple[str, str, int | None, str]  # note id, stamp, question number, text


def log_rows(notes: list[LiveNote], questions: list[Question]) -> tuple[LogRow, ...]:
    """What the log shows, row by row."""
    numbers = question_numbers(questions)
    return tuple((n.id, n.stamp, numbers.get(n.question_id or ""), n.text) for n in notes)


def _row_content(row: LogRow) -> Content:
    _, stamp, number, text = row
    return styled((stamp, "dim"), " ", (f"Q{number} ", "$accent") if number else "", text)


class NoteLog(OrderedKeys, FittedOptionList):
    """Option ids are note ids. ``rows`` is what it shows: a note added at the end adds one
    row, a note edited repaints one, anything else rebuilds the list.

    Letters typed here are text for the current question's note (the pane puts them there)."""

    BINDINGS = [
        Binding("delete", "delete_note", "Delete note", tooltip="Delete the highlighted note "
                "(asks first)", id="live.log.delete"),
        Binding("enter", "select", "Edit note", show=False, tooltip="Correct the highlighted "
                "note", id="live.log.edit"),
    ]
    DEFAULT_CSS = """
    NoteLog { height: auto; max-height: 25%; min-height: 1; }
    """

    rows: reactive[tuple[LogRow, ...]] = reactive((), init=False)

    class DeleteRequested(Message):
        """The user wants the highlighted note gone (the pane asks first)."""

        def __init__(self, note_id: str) -> None:
            super().__init__()
            self.note_id = note_id

    def on_mount(self) -> None:
        """Show the rows (an empty log says what it is for)."""
        self.watch_rows((), self.rows)

    def watch_rows(self, old: tuple[LogRow, ...], new: tuple[LogRow, ...]) -> None:
        """Show ``new``, touching as few rows as possible."""
        changed = [i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b]
        if old and len(new) == len(old) + 1 and not changed:
            self.add_option(Option(_row_content(new[-1]), id=new[-1][0]))
        elif old and len(new) == len(old) and len(changed) == 1:
            self.replace_option_prompt_at_index(changed[0], _row_content(new[changed[0]]))
            return
        else:
            self.clear_options()
            self.add_options(Option(_row_content(row), id=row[0]) for row in new)
            if not new:
                self.add_option(Option(styled(
                    ("Notes you stamp with ctrl+l appear here, with the minute of the call.",
                     "dim")), disabled=True))
        self._to_end()

    def _to_end(self) -> None:
        if self.option_count and not self.get_option_at_index(self.option_count - 1).disabled:
            self.highlighted = self.option_count - 1
        self.scroll_end(animate=False)

    def action_delete_note(self) -> None:
        """Ask the pane to delete the highlighted note."""
        option = self.highlighted_option
        if option is not None and option.id:
            self.post_message(self.DeleteRequested(option.id).set_sender(self))
