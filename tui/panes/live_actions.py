"""The Live pane's keys and what they do (a mixin of :class:`tui.panes.live.LivePane`).

ctrl keys work everywhere in the pane, also while typing; single letters work when the
focus is not in a text box (Textual gives printable keys to the text box first).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from textual.binding import Binding
from textual.widgets import Input, TextArea

from tui.core import live
from tui.core.live_flow import finish, insert_follow_up, move, next_pending, toggle_mark
from tui.core.models import MAX_MINUTES, Referral
from tui.core.settings import save_setting
from tui.text import one_line
from tui.widgets.live_forms import CallConfirm, ReferralForm, TextPrompt
from tui.widgets.live_log import NoteLog
from tui.widgets.live_questions import QuestionFlow

if TYPE_CHECKING:
    from tui.panes.live import LivePane

    _Base = LivePane
else:
    _Base = object


def _b(keys: str, action: str, description: str, tooltip: str, bid: str,
       show: bool = True) -> Binding:
    return Binding(keys, action, description, show=show, tooltip=tooltip, id=f"live.{bid}")


LIVE_BINDINGS = [
    _b("ctrl+t", "start", "Start", "Start the call's timer", "start"),
    _b("ctrl+t", "pause", "Pause", "Pause the timer (ctrl+t again resumes)", "pause"),
    _b("ctrl+t", "resume", "Resume", "Resume the timer; the pause does not count", "resume"),
    _b("ctrl+t", "reopen", "Carry on", "Reopen a call that was ended by mistake", "reopen"),
    _b("ctrl+n", "next", "Asked, next", "Mark this question asked and go to the next "
       "pending one", "next"),
    _b("ctrl+l,l", "quick_note", "Quick note", "Type a note stamped with the minute of the "
       "call (ctrl+l, or l)", "quick"),
    _b("ctrl+o,o,plus", "follow_up", "Follow-up", "Add a follow-up question right after this "
       "one (ctrl+o, o or +)", "followup"),
    _b("ctrl+r,r", "referral", "Referral", "They mentioned someone: note the name (ctrl+r, "
       "or r)", "referral"),
    _b("a", "mark('asked')", "Asked", "Mark the current question asked (again: pending)",
       "asked"),
    _b("s", "mark('skipped')", "Skip", "Mark the current question skipped (again: pending)",
       "skip"),
    _b("asterisk", "star", "Star", "Star the current question (an answer worth keeping)",
       "star"),
    _b("i", "write_note", "Write", "Type the current question's note (enter works too)",
       "write"),
    _b("ctrl+g,f", "focus_mode", "Focus", "Show only the timer, the question and the notes "
       "(ctrl+g, or f)", "focus"),
    _b("E", "end", "End call", "End the call: saves start and end, status done (asks first)",
       "end"),
    _b("ctrl+down,j", "step(1)", "Next question", "Go to the next question without marking",
       "down", show=False),
    _b("ctrl+up,k", "step(-1)", "Previous question", "Go to the previous question", "up",
       show=False),
    _b("shift+down,J", "move(1)", "Move down", "Move the current question down", "movedown",
       show=False),
    _b("shift+up,K", "move(-1)", "Move up", "Move the current question up", "moveup",
       show=False),
    _b("w", "wrap_setting", "Wrap-up warning", "Minutes before the end that wrap-up time "
       "is signalled (a setting kept for every call)", "wrap", show=False),
    _b("m", "planned_minutes", "Planned minutes", "Change how long this call is planned to "
       "last", "minutes", show=False),
    _b("escape", "leave", "Leave text box", "Leave focus mode, or leave the text box for "
       "the question list", "leave", show=False),
]

# Actions only reachable by single letters: hidden from the footer while typing.
LETTER_ACTIONS = {"mark", "star", "write_note", "end", "wrap_setting", "planned_minutes",
                  "move"}


class LiveActions(_Base):
    """Key actions of the Live pane."""

    def _typing(self) -> bool:
        return isinstance(self.app.focused, (Input, TextArea))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer each ctrl+t meaning only when it applies; hide letters while typing."""
        session = self.conversation.live
        states = {"start": not session.started_at,
                  "pause": session.running and not session.paused_at,
                  "resume": session.running and bool(session.paused_at),
                  "reopen": bool(session.ended_at),
                  "leave": self.has_class("-focus") or self._typing()}
        if action in states:
            return states[action]
        return not (action in LETTER_ACTIONS and self._typing())

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
        if self.note_area.display:
            self.note_area.focus()

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
        self.app.push_screen(CallConfirm(question, "Yes, carry on"),
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
        self.app.push_screen(CallConfirm(question, "Yes, end it"),
                             lambda yes: self._end(moment, clock) if yes else None)

    def _end(self, moment: datetime, clock: str) -> None:
        self._timer(lambda _session, _now: finish(self.conversation, moment))
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
            self.notify("Every question is asked or skipped. Time for the ask?", markup=False)
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
                            check=lambda text: text)
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

    # -- notes ---------------------------------------------------------------------------

    def action_write_note(self) -> None:
        """Put the cursor in the current question's note."""
        if self.note_area.display:
            self.note_area.focus()

    def action_quick_note(self) -> None:
        """Put the cursor in the quick-note line (enter brings it back to the note)."""
        if self.app.focused is not self.quick:
            self._return_to_note = self.app.focused is self.note_area
        self.quick.focus()

    def add_quick_note(self, text: str) -> None:
        """Stamp ``text`` as a note of the current question and clear the line."""
        if not text.strip():
            return
        session = self.conversation.live
        try:
            note = live.add_note(session, text, self.current_id, self.clock())
        except live.LiveError as exc:
            self.notify(str(exc), severity="warning", markup=False)
            return
        session.draft = ""
        self.quick.value = ""
        self.query_one(NoteLog).append_note(note, self.conversation.questions,
                                            first=len(session.notes) == 1)
        self._log_shown = self.log_key()
        self.edited()
        if self._return_to_note and self.note_area.display:
            self._return_to_note = False
            self.note_area.focus()

    def edit_log_note(self, note_id: str) -> None:
        """Change the text of a stamped note."""
        note = next((n for n in self.conversation.live.notes if n.id == note_id), None)
        if note is None:
            return

        def check(text: str) -> str:
            if not text.strip():
                raise live.LiveError("The note is empty. To remove it, press delete in the log.")
            if len(text) > live.MAX_QUICK_NOTE:
                raise live.LiveError(f"Keep a quick note under {live.MAX_QUICK_NOTE:,} "
                                     "characters.")
            return text.strip()

        def done(text: str | None) -> None:
            if text is not None and text != note.text:
                note.text = text
                self.query_one(NoteLog).replace_note(note, self.conversation.questions)
                self.edited()

        self.app.push_screen(TextPrompt(f"Note at {note.stamp}", "Note", note.text,
                                        check=check), done)

    def delete_log_note(self, note_id: str) -> None:
        """Delete a stamped note, after asking."""
        notes = self.conversation.live.notes
        note = next((n for n in notes if n.id == note_id), None)
        if note is None:
            return

        def done(yes: bool | None) -> None:
            if yes and note in notes:
                notes.remove(note)
                self._show_log()
                self.edited()

        question = f"Delete the note at {note.stamp}: “{one_line(note.text, 80)}”?"
        self.app.push_screen(CallConfirm(question, "Yes, delete"), done)

    def action_referral(self) -> None:
        """They mentioned someone: keep the name as a pending referral."""
        self.app.push_screen(ReferralForm(), self._add_referral)

    def _add_referral(self, referral: Referral | None) -> None:
        if referral is None:
            return
        self.conversation.referrals.append(referral)
        self._show_referrals()
        self.edited()
        self.notify(f"Noted {referral.name}. Reflect (f5) turns referrals into contacts.",
                    markup=False, timeout=4)

    # -- settings and layout -------------------------------------------------------------

    def action_wrap_setting(self) -> None:
        """Set how many minutes before the end wrap-up time is signalled."""
        top = live.MAX_WRAP_UP_MINUTES
        prompt = TextPrompt(
            "Wrap-up warning", "Minutes", str(self.wrap_up),
            placeholder="minutes before the planned end; 0 turns it off",
            check=lambda text: live.parse_minutes(text, 0, top, "Wrap-up warning"))
        self.app.push_screen(prompt, self._set_wrap_up)

    def _set_wrap_up(self, minutes: int | None) -> None:
        if minutes is None:
            return
        self.wrap_up = minutes
        try:
            save_setting(live.WRAP_UP_SETTING, minutes, getattr(self.app, "config_folder", None))
        except OSError as exc:
            self.notify(f"Wrap-up set for now, but not remembered: {exc}", severity="warning",
                        markup=False)
        self.tick()

    def action_planned_minutes(self) -> None:
        """Change the planned length of this call."""
        prompt = TextPrompt(
            "Planned length", "Minutes", str(self.conversation.minutes),
            check=lambda text: live.parse_minutes(text, 1, MAX_MINUTES, "Planned length"))
        self.app.push_screen(prompt, self._set_minutes)

    def _set_minutes(self, minutes: int | None) -> None:
        if minutes is not None and minutes != self.conversation.minutes:
            self.conversation.minutes = minutes
            self.edited()
            self.tick()

    def action_focus_mode(self) -> None:
        """Toggle focus mode: only the timer, the current question and the notes."""
        self.set_focus_mode(not self.has_class("-focus"))

    def set_focus_mode(self, on: bool) -> None:
        """Enter or leave focus mode (the screen hides its title, tabs and footer)."""
        self.set_class(on, "-focus")
        self.screen.set_class(on, "-live-focus")
        if on and self.app.focused not in (self.note_area, self.quick):
            (self.note_area if self.note_area.display else self.quick).focus()
        self.refresh_bindings()

    def action_leave(self) -> None:
        """Escape: leave focus mode, else leave the text box for the question list."""
        if self.has_class("-focus"):
            self.set_focus_mode(False)
        else:
            self.query_one(QuestionFlow).focus()
