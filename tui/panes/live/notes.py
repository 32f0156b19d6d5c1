"""Where notes are typed during a call: the current question written out, its note, and the
quick line that stamps a note with the minute of the call.

Everything typed goes into the conversation on the keystroke's own change message; the screen
saves it shortly after.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, TextArea

from tui.core import live
from tui.core.models import LiveNote, Question
from tui.panes.base import ModelView
from tui.panes.live.note_boxes import QuestionNote, QuickNote
from tui.panes.live.note_log import referrals_line
from tui.panes.live.question_flow import current_heading
from tui.widgets.app_services import app_services
from tui.widgets.key_order import focus_now
from tui.widgets.lines import Line
from tui.widgets.text_box import LineBox


class LiveNotes(ModelView):
    """The note of the question ``question_id`` (the pane says which: :meth:`show_question`)
    and the quick line."""

    DEFAULT_CSS = """
    LiveNotes { height: 1fr; }
    LiveNotes #live-referrals { height: 1; padding: 0 1; color: $text-muted; }
    LiveNotes #live-referrals.-empty { display: none; }
    """

    class NoteStamped(Message):
        """A quick note was stamped and added to the call's notes."""

        def __init__(self, note: LiveNote) -> None:
            super().__init__()
            self.note = note

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.clock: Callable[[], datetime] = lambda: app_services(self).clock()
        self.question_id: str | None = None  # the question the note holds
        self._before_quick: Widget | None = None
        self.note_area = QuestionNote(id="live-note")
        self.quick = QuickNote(id="live-quick")

    def compose(self) -> ComposeResult:
        """The question, its note, the quick line, who they mentioned."""
        yield Line(id="live-current")
        yield self.note_area
        yield self.quick
        yield Line(id="live-referrals")

    def refresh_view(self) -> None:
        """Show the question's note as the model has it, the quick line's draft and who they
        mentioned."""
        self.show_question(self.question_id)
        if self.quick.value != self.conversation.live.draft:
            self.quick.value = self.conversation.live.draft
        self.show_referrals()

    def show_referrals(self) -> None:
        """``↪ Mentioned: Bob Lee (Globex)``, or nothing."""
        referrals = self.conversation.referrals
        line = self.query_one("#live-referrals", Line)
        line.set_class(not referrals, "-empty")
        line.shown = referrals_line(referrals)

    def typing_box(self) -> Widget:
        """Where typing goes: the current question's note, else (no questions) the quick line."""
        return self.note_area if self.note_area.display else self.quick

    def show_question(self, question_id: str | None) -> None:
        """Make the note the note of ``question_id`` (None: no question), and say which; what
        the note held goes to the question it belonged to first."""
        self.commit_note()
        self.question_id = question_id
        question = self._question()
        self.note_area.display = question is not None
        if question is not None and self.note_area.text != question.note:
            self.note_area.load_text(question.note)
            self.note_area.move_cursor(self.note_area.document.end)  # carry on writing
        self.show_heading()

    def show_heading(self) -> None:
        """The current question written out, with its mark and star."""
        questions = self.conversation.questions
        index = next((i for i, q in enumerate(questions) if q.id == self.question_id), None)
        self.query_one("#live-current", Line).shown = current_heading(index, questions)

    def _question(self) -> Question | None:
        return self.conversation.question(self.question_id) if self.question_id else None

    def commit_note(self) -> None:
        """Put what the note holds into its question (the change message may not have arrived
        yet: switching question, leaving)."""
        question = self._question()
        if question is not None and question.note != self.note_area.text:
            question.note = self.note_area.text
            self.edited()

    def commit(self) -> None:
        """Put what the note and the quick line hold into the model."""
        self.commit_note()
        if self.quick.value != self.conversation.live.draft:
            self.conversation.live.draft = self.quick.value
            self.edited()

    def on_unmount(self) -> None:
        """Leaving or quitting: the last keystrokes go into the model (the screen saves it
        once its panes are gone)."""
        self.commit()

    @on(TextArea.Changed, "#live-note")
    def _note_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self.commit_note()

    @on(Input.Changed, "#live-quick")
    def _draft_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self.conversation.live.draft != event.value:
            self.conversation.live.draft = event.value
            self.edited()

    # -- the quick line ------------------------------------------------------------------

    def open_quick(self, came_from: Widget | None) -> None:
        """Put the cursor in the quick line; enter brings it back to ``came_from``."""
        if came_from is not self.quick:
            self._before_quick = came_from
        focus_now(self.quick)

    @on(LineBox.Entered, "#live-quick")
    def _stamp(self, request: LineBox.Entered) -> None:
        """Stamp the line as a note of the current question and clear it (before any key
        typed after the enter is handled)."""
        request.done_here()
        text = request.value
        if not text.strip():
            return
        session = self.conversation.live
        try:
            note = live.add_note(session, text, self.question_id, self.clock())
        except live.LiveError as exc:
            self.notify(str(exc), severity="warning", markup=False)
            return
        session.draft = ""
        self.quick.value = ""
        self.post_message(self.NoteStamped(note).set_sender(self))
        self.edited()
        back, self._before_quick = self._before_quick, None
        if back is not None and back.is_attached and back.display and back.focusable:
            focus_now(back)
