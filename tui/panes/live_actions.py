"""What the Live pane's keys do to the call and the questions (a mixin of
:class:`tui.panes.live.LivePane`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from textual.widgets import Input, TextArea

from tui.core import live
from tui.core.live_flow import (
    MAX_QUESTION,
    check_question,
    finish,
    insert_follow_up,
    move,
    next_pending,
    toggle_mark,
)
from tui.screens.confirm import ConfirmScreen
from tui.widgets.key_order import focus_now
from tui.widgets.live_forms import TextPrompt
from tui.widgets.live_questions import QuestionFlow

if TYPE_CHECKING:
    from tui.panes.live import LivePane

    _Base = LivePane
else:
    _Base = object


class CallActions(_Base):
    """The clock, the questions, focus mode."""

    def _typing(self) -> bool:
        return isinstance(self.screen.focused, (Input, TextArea))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer each ctrl+t meaning only when it applies; after the end the pane is a record
        (no end, no focus mode); esc outside a text box is the screen's (back)."""
        session = self.conversation.live
        states = {"start": not session.started_at,
                  "pause": session.running and not session.paused_at,
                  "resume": session.running and bool(session.paused_at),
                  "reopen": bool(session.ended_at),
                  "end": not session.ended_at,
                  "focus_mode": not session.ended_at or self.has_class("-focus"),
                  "leave": self.has_class("-focus") or self._typing()}
        return states.get(action, True)

    # -- the clock -----------------------------------------------------------------------

    def _timer(self, change: Callable[[Any, datetime], None]) -> None:
        try:
            change(self.conversation.live, self.clock())
        except live.LiveError as exc:
            self.notify(str(exc), severity="warning", markup=False)
            return
        self.edited()
        self.tick()

    def action_start(self) -> None:
        """Start the call; the cursor goes to the current question's note."""
        self._timer(live.start)
        focus_now(self.typing_box())

    def action_pause(self) -> None:
        """Pause the timer."""
        self._timer(live.pause)

    def action_resume(self) -> None:
        """Resume the timer."""
        self._timer(live.resume)

    def action_reopen(self) -> None:
        """Carry on with an ended call, after asking."""
        question = ("The call has ended. Carry on with it? The time since it ended does "
                    "not count.")
        self.app.push_screen(ConfirmScreen(question, "Yes, carry on", variant="warning"),
                             lambda yes: self._timer(live.reopen) if yes else None)

    def action_end(self) -> None:
        """End the call after asking; keeps the moment the key was pressed."""
        session = self.conversation.live
        if not session.running:
            self.notify("The call has not started (ctrl+t starts it)." if not session.started_at
                        else "The call has already ended.", severity="warning", markup=False)
            return
        moment = self.clock()
        clock = live.format_clock(session.elapsed_seconds(moment))
        question = (f"End the call at {clock}? Its start and end are saved and the "
                    "conversation moves to done.")
        self.app.push_screen(ConfirmScreen(question, "Yes, end it", variant="warning"),
                             lambda yes: self._end(moment, clock) if yes else None)

    def _end(self, moment: datetime, clock: str) -> None:
        self._timer(lambda _session, _now: finish(self.conversation, moment, self.current_id))
        self.quick.value = self.conversation.live.draft
        if self.conversation.live.ended_at:
            self.notify(f"Call ended after {clock}. Reflect (f5) while it is fresh.",
                        markup=False, timeout=6)

    # -- questions -----------------------------------------------------------------------

    def action_next(self) -> None:
        """Mark the current question asked (if pending) and go to the next pending one."""
        index, question = self.current_index(), self.current_question()
        if question is None or index is None:
            self.notify("No questions to move through.", markup=False)
            return
        if question.state == "pending":
            question.state = "asked"
            self.edited()
        target = next_pending(self.conversation.questions, index)
        self.query_one(QuestionFlow).show_row(index, question, target is None)
        if target is None:
            ask = " ".join(self.conversation.ask.split())
            self.notify("Every question is asked or skipped. "
                        + (f"Time for the ask: {ask[:200]}" if ask else "Time for the ask?"),
                        markup=False, timeout=8)
        else:
            self.set_current(target)
        self.tick()

    def action_step(self, delta: int) -> None:
        """Move to the next or previous question without marking."""
        index = self.current_index()
        count = len(self.conversation.questions)
        if index is not None and 0 <= index + delta < count:
            self.set_current(index + delta)

    def action_mark(self, state: str) -> None:
        """Toggle asked or skipped on the current question."""
        index, question = self.current_index(), self.current_question()
        if question is None or index is None:
            return
        toggle_mark(question, state)
        self.query_one(QuestionFlow).show_row(index, question, True)
        self._show_heading()
        self.edited()
        self.tick()

    def action_star(self) -> None:
        """Toggle the star of the current question."""
        index, question = self.current_index(), self.current_question()
        if question is None or index is None:
            return
        question.starred = not question.starred
        self.query_one(QuestionFlow).show_row(index, question, True)
        self._show_heading()
        self.edited()

    def action_move(self, delta: int) -> None:
        """Move the current question up or down in the asking order."""
        index = self.current_index()
        if index is None:
            return
        if move(self.conversation.questions, index, delta) != index:
            self.show_rows()
            self.edited()

    def action_follow_up(self) -> None:
        """Ask for a follow-up question and put it right after the current one."""
        prompt = TextPrompt("Follow-up question", "Question", placeholder="what to ask next",
                            check=check_question, max_chars=MAX_QUESTION)
        self.app.push_screen(prompt, self._add_follow_up)

    def _add_follow_up(self, text: str | None) -> None:
        if text is None:
            return
        index = self.current_index()
        try:
            position = insert_follow_up(self.conversation.questions, index, text)
        except live.LiveError as exc:
            self.notify(str(exc), severity="warning", markup=False)
            return
        if index is None:
            self.current_id = self.conversation.questions[position].id
        self.show_rows()
        self._load_note()
        self.edited()
        self.notify(f"Follow-up added as question {position + 1} (ctrl+n goes on to it).",
                    markup=False, timeout=4)

    def action_focus_mode(self) -> None:
        """Toggle focus mode: only the timer, the current question and the notes."""
        self.set_focus_mode(not self.has_class("-focus"))

    def set_focus_mode(self, on: bool) -> None:
        """Enter or leave focus mode (the screen hides its title, tabs and footer)."""
        self.set_class(on, "-focus")
        self.screen.set_class(on, "-live-focus")
        if on and self.screen.focused not in (self.note_area, self.quick):
            focus_now(self.typing_box())
        self.refresh_bindings()

    def action_leave(self) -> None:
        """Escape in a text box: leave it (and focus mode) for the question list."""
        self.set_focus_mode(False)
        focus_now(self.questions)
