"""Live: the call itself. A timer, the questions in order, a note per question, stamped notes.

The pane is made of parts that each look after one thing and tell the pane by messages:
:class:`CallControls` (the clock and the call's state), :class:`QuestionFlow` (which question
is current), :class:`LiveNotes` (the note being typed and the quick line) and :class:`LiveLog`
(what was stamped). The pane keeps the current question, runs the keys (every one a ctrl or
function key: a letter is always text) and asks the screen to save.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import datetime
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Input, OptionList, TabbedContent, TextArea

from tui.core import live
from tui.core.live_flow import (
    MAX_QUESTION,
    check_question,
    first_current,
    insert_follow_up,
    move,
    next_pending,
    toggle_mark,
)
from tui.core.models import Question, Referral
from tui.dialogs.item_forms import ReferralForm
from tui.dialogs.prompts import TextPrompt
from tui.panes.base import ConversationPane
from tui.panes.live.call import CallControls
from tui.panes.live.keys import LIVE_BINDINGS, ORDERED_ACTIONS
from tui.panes.live.log import CallLog
from tui.panes.live.note_boxes import QuestionNote, QuickNote
from tui.panes.live.notes import LiveNotes
from tui.panes.live.question_flow import QuestionFlow
from tui.widgets.key_order import focus_now

FINISHED = ("done", "thanked")  # a call over by status, even with no timed session


class LivePane(ConversationPane):
    """The Live tab: start the call, move through the questions, take notes that stay."""

    BINDINGS = LIVE_BINDINGS
    ORDERED_ACTIONS = ORDERED_ACTIONS
    HELP_NOTE = ("During a call every letter is text: typed anywhere in this pane it goes into "
                 "the current question's note. Commands are ctrl and function keys (and ctrl+p).")
    DEFAULT_CSS = """
    LivePane #live-saved { display: none; }
    LivePane #live-current { height: auto; max-height: 3; padding: 0 1; background: $panel; }
    LivePane.-focus #live-saved { display: block; }
    LivePane.-focus QuestionFlow, LivePane.-focus NoteLog,
    LivePane.-focus #live-referrals { display: none; }
    LivePane.-focus QuestionNote { height: 1fr; }
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.current_id: str | None = None
        self.call = CallControls(id="live-top")
        self.questions = QuestionFlow(id="live-questions")
        self.notes = LiveNotes()
        self.log_part = CallLog(id="live-log")

    # The parts' handles that tests and the palette reach for.

    @property
    def note_area(self) -> QuestionNote:
        """The current question's note."""
        return self.notes.note_area

    @property
    def quick(self) -> QuickNote:
        """The quick-note line."""
        return self.notes.quick

    @property
    def log_list(self) -> CallLog:
        """The log of stamped notes."""
        return self.log_part

    @property
    def clock(self) -> Callable[[], datetime]:
        """The call's clock (the app's; tests may set their own)."""
        return self.call.clock

    @clock.setter
    def clock(self, clock: Callable[[], datetime]) -> None:
        self.call.clock = self.notes.clock = clock

    @property
    def wrap_up(self) -> int:
        """Minutes before the planned end at which wrap-up time is signalled."""
        return self.call.wrap_up

    def tick(self) -> None:
        """Show the clock now."""
        self.call.tick()

    def compose(self) -> ComposeResult:
        """Clock, questions, the current question and its note, the quick line, the log."""
        yield self.follow(self.call)
        yield self.questions
        yield self.follow(self.notes)
        yield self.follow(self.log_part)

    def on_mount(self) -> None:
        """Follow the tabs (another tab shown leaves focus mode)."""
        tabs = next((a for a in self.ancestors if isinstance(a, TabbedContent)), None)
        if tabs is not None:
            self.watch(tabs, "active", self._tab_activated, init=False)

    def refresh_view(self) -> None:
        """Show the model (after a load, or when the tab is shown again: another pane may
        have changed the questions)."""
        questions = self.conversation.questions
        if self.current_index() is None:
            start = first_current(questions, self.conversation.live.current_question_id)
            self.current_id = questions[start].id if start is not None else None
        self.questions.show_questions(questions, self.current_index())
        self.notes.show_question(self.current_id)
        self.notes.refresh_view()
        self.log_part.refresh_view()
        self.call.tick()

    # -- where keys and typing go --------------------------------------------------------

    def typing_target(self, widget: Widget) -> Widget | None:
        """A letter typed on a list goes into the current question's note."""
        return None if isinstance(widget, (Input, TextArea)) else self.notes.typing_box()

    def ordered_actions(self, widget: Widget) -> Collection[str]:
        """Every key of the pane runs in typing order."""
        return self.ORDERED_ACTIONS

    def entry_widget(self) -> Widget:
        """Where the cursor goes when the pane is shown: the note during a call, else the
        question list (where any letter typed still goes into the note)."""
        running = self.conversation.live.running and self.note_area.display
        return self.note_area if running else self.questions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer each ctrl+t meaning only when it applies; after the end the pane is a record
        (no end, no focus mode); esc outside a text box is the screen's (back)."""
        session = self.conversation.live
        typing = isinstance(self.screen.focused, (Input, TextArea))
        states = {"start": not session.started_at,
                  "pause": session.running and not session.paused_at,
                  "resume": session.running and bool(session.paused_at),
                  "reopen": bool(session.ended_at),
                  "read": bool(session.ended_at) or self.conversation.status in FINISHED,
                  "end": not session.ended_at,
                  "focus_mode": not session.ended_at or self.has_class("-focus"),
                  "leave": self.has_class("-focus") or typing}
        return states.get(action, True)

    # -- the current question ------------------------------------------------------------

    def current_index(self) -> int | None:
        """Where the current question is in asking order."""
        for index, question in enumerate(self.conversation.questions):
            if question.id == self.current_id:
                return index
        return None

    def current_question(self) -> Question | None:
        """The question being asked now."""
        index = self.current_index()
        return None if index is None else self.conversation.questions[index]

    def set_current(self, index: int | None) -> None:
        """Make the question at ``index`` current: highlight it and show its note."""
        questions = self.conversation.questions
        old = self.current_index()
        self.current_id = questions[index].id if index is not None else None
        if old is not None and old != index:
            self.questions.show_row(old, questions[old], False)
        if index is not None:
            self.questions.show_row(index, questions[index], True)
            if self.questions.highlighted != index:
                self.questions.highlighted = index
        self.notes.show_question(self.current_id)
        self._remember_current()

    def _remember_current(self) -> None:
        """Keep the current question with the call, so a restart goes back to it."""
        session = self.conversation.live
        if session.current_question_id != self.current_id:
            session.current_question_id = self.current_id
            self.edited()

    def _rows_changed(self) -> None:
        """The questions moved or one was added: the list, the heading and the log again."""
        self.questions.show_questions(self.conversation.questions, self.current_index())
        self.notes.show_heading()
        self.log_part.refresh_view()

    def _marks_changed(self, index: int, question: Question) -> None:
        self.questions.show_row(index, question, True)
        self.notes.show_heading()
        self.edited()
        self.call.tick()

    @on(QuestionFlow.CurrentChanged)
    def _follow_highlight(self, event: QuestionFlow.CurrentChanged) -> None:
        event.stop()
        if event.index != self.current_index() and \
                event.index < len(self.conversation.questions):
            self.set_current(event.index)

    @on(QuestionFlow.MoveRequested)
    def _move_requested(self, event: QuestionFlow.MoveRequested) -> None:
        event.stop()
        self.action_move(event.delta)

    @on(OptionList.OptionHighlighted, "#live-questions")
    def _question_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()  # followed already (see QuestionFlow.CurrentChanged)

    @on(OptionList.OptionSelected, "#live-questions")
    def _question_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_write_note()

    @on(LiveNotes.NoteStamped)
    def _note_stamped(self, event: LiveNotes.NoteStamped) -> None:
        event.stop()
        self.log_part.refresh_view()

    @on(CallControls.Ended)
    def _call_ended(self, event: CallControls.Ended) -> None:
        event.stop()
        self.notes.refresh_view()
        self.log_part.refresh_view()

    # -- the call ------------------------------------------------------------------------

    def action_start(self) -> None:
        """Start the call; the cursor goes to the current question's note."""
        self.call.change(live.start)
        focus_now(self.notes.typing_box())

    def action_pause(self) -> None:
        """Pause the timer."""
        self.call.change(live.pause)

    def action_resume(self) -> None:
        """Resume the timer."""
        self.call.change(live.resume)

    def action_reopen(self) -> None:
        """Carry on with an ended call, after asking."""
        self.call.reopen()

    def action_end(self) -> None:
        """End the call after asking."""
        self.notes.commit()
        self.call.end(self.current_id)

    def action_read(self) -> None:
        """Read the whole conversation, top to bottom (the screen saves and opens it)."""
        self.notes.commit()
        self.post_message(ConversationPane.ReadWanted(self.conversation.id))

    def action_timing(self) -> None:
        """Change the planned length of this call and the wrap-up warning."""
        self.call.timing()

    # -- questions -----------------------------------------------------------------------

    def action_next(self) -> None:
        """Mark the current question asked (if pending) and go to the next pending one.

        A question already marked keeps its mark: after ``F7`` (skip), ``ctrl+n`` is how to
        move on, so it must not turn the skip into "asked" (``F6`` does that on purpose)."""
        index, question = self.current_index(), self.current_question()
        if question is None or index is None:
            self.notify("No questions to move through.", markup=False)
            return
        if question.state == "pending":
            question.state = "asked"
            self.edited()
        target = next_pending(self.conversation.questions, index)
        self.questions.show_row(index, question, target is None)
        if target is None:
            ask = " ".join(self.conversation.ask.split())
            self.notify("Every question is asked or skipped. "
                        + (f"Time for the ask: {ask[:200]}" if ask else "Time for the ask?"),
                        markup=False, timeout=8)
        else:
            self.set_current(target)
        self.call.tick()

    def action_step(self, delta: int) -> None:
        """Move to the next or previous question without marking."""
        index = self.current_index()
        if index is not None and 0 <= index + delta < len(self.conversation.questions):
            self.set_current(index + delta)

    def action_mark(self, state: str) -> None:
        """Toggle asked or skipped on the current question."""
        index, question = self.current_index(), self.current_question()
        if question is not None and index is not None:
            toggle_mark(question, state)
            self._marks_changed(index, question)

    def action_star(self) -> None:
        """Toggle the star of the current question."""
        index, question = self.current_index(), self.current_question()
        if question is not None and index is not None:
            question.starred = not question.starred
            self._marks_changed(index, question)

    def action_move(self, delta: int) -> None:
        """Move the current question up or down in the asking order."""
        index = self.current_index()
        if index is not None and move(self.conversation.questions, index, delta) != index:
            self._rows_changed()
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
        self._rows_changed()
        self.notes.show_question(self.current_id)
        self._remember_current()
        self.edited()
        self.notify(f"Follow-up added as question {position + 1} (ctrl+n goes on to it).",
                    markup=False, timeout=4)

    # -- notes and referrals -------------------------------------------------------------

    def action_write_note(self) -> None:
        """Put the cursor in the current question's note (or the quick line without one)."""
        focus_now(self.notes.typing_box())

    def action_quick_note(self) -> None:
        """Put the cursor in the quick-note line; enter brings it back to where it was."""
        self.notes.open_quick(self.screen.focused)

    def action_referral(self) -> None:
        """They mentioned someone: keep the name as a pending referral."""
        self.app.push_screen(ReferralForm(title="They mentioned someone"), self._add_referral)

    def _add_referral(self, referral: Referral | None) -> None:
        if referral is None:
            return
        self.conversation.referrals.append(referral)
        self.notes.show_referrals()
        self.edited()
        self.notify(f"Noted {referral.name}. Reflect (f5) turns referrals into contacts.",
                    markup=False, timeout=4)

    # -- layout --------------------------------------------------------------------------

    def action_focus_mode(self) -> None:
        """Toggle focus mode: only the timer, the current question and the notes."""
        self.set_focus_mode(not self.has_class("-focus"))

    def set_focus_mode(self, on: bool) -> None:
        """Enter or leave focus mode (the screen hides its title, tabs and footer)."""
        self.set_class(on, "-focus")
        self.screen.set_class(on, "-live-focus")
        if on and self.screen.focused not in (self.note_area, self.quick):
            focus_now(self.notes.typing_box())
        self.refresh_bindings()

    def action_leave(self) -> None:
        """Escape in a text box: leave it (and focus mode) for the question list."""
        self.set_focus_mode(False)
        focus_now(self.questions)

    def _tab_activated(self, active: str) -> None:
        # Another tab shown: leave focus mode (the screen puts the cursor in when shown).
        if self.parent is None or active != self.parent.id:
            self.set_focus_mode(False)
