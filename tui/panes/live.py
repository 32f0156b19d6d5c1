"""Live: the call itself. A timer, the questions in order, a note per question, stamped notes.

Everything typed goes into ``self.conversation`` on the keystroke's own change event and the
screen's autosaver writes it off the event loop. The clock is read from the stored session
each second (``tui.core.live``), so a restart or a crash never loses the call's time.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static, TabbedContent, TextArea

from tui.core import live
from tui.core.live_flow import first_current, progress
from tui.core.models import Contact, Conversation, Question
from tui.core.settings import load_settings
from tui.panes.base import ConversationPane
from tui.panes.live_actions import CallActions
from tui.panes.live_keys import IN_ORDER, LIVE_BINDINGS
from tui.panes.live_notes import NoteActions
from tui.widgets.key_order import OrderedKeys
from tui.widgets.live_log import NoteLog, referrals_line
from tui.widgets.live_note import QuestionNote, QuickNote
from tui.widgets.live_questions import QuestionFlow, current_heading
from tui.widgets.save_indicator import SaveIndicator
from tui.widgets.timer import CallTimer

TICK_SECONDS = 1.0


class LivePane(CallActions, NoteActions, ConversationPane):
    """The Live tab: start the call, move through the questions, take notes that stay."""

    BINDINGS = LIVE_BINDINGS
    HELP_NOTE = ("During a call every letter is text: typed anywhere in this pane it goes into "
                 "the current question's note. Commands are ctrl and function keys (and ctrl+p).")
    DEFAULT_CSS = """
    LivePane #live-top { height: auto; }
    LivePane #live-saved { display: none; }
    LivePane #live-current { height: auto; max-height: 3; padding: 0 1; background: $panel; }
    LivePane #live-referrals { height: 1; padding: 0 1; color: $text-muted; }
    LivePane #live-referrals.-empty { display: none; }
    LivePane #live-top.-wrap-up { background: $warning 15%; }
    LivePane #live-top.-overrun { background: $error 15%; }
    LivePane.-focus #live-saved { display: block; }
    LivePane.-focus QuestionFlow, LivePane.-focus NoteLog,
    LivePane.-focus #live-referrals { display: none; }
    LivePane.-focus QuestionNote { height: 1fr; }
    """

    def __init__(self, conversation: Conversation, contact: Contact, **kwargs: object) -> None:
        super().__init__(conversation, contact, **kwargs)
        # The app's clock (fixed in tests and snapshots); tests may also set their own.
        self.clock: Callable[[], datetime] = lambda: self.app.now()  # type: ignore[attr-defined]
        self.current_id: str | None = None
        self.wrap_up = live.DEFAULT_WRAP_UP_MINUTES
        self._note_owner: Question | None = None
        self._phase_seen: str | None = None
        self._touched = False
        self._log_shown: tuple[object, ...] = ()
        self._before_quick: Widget | None = None
        self.note_area = QuestionNote(id="live-note")
        self.quick = QuickNote(id="live-quick")
        self.quick.on_submit = self.add_quick_note
        self.questions = QuestionFlow(id="live-questions")
        self.questions.follow = self._follow_highlight
        self.questions.mover = self.action_move
        self.log_list = NoteLog(id="live-log")
        for widget in (self.note_area, self.quick, self.questions, self.log_list):
            self._wire(widget)
        self.questions.type_into = self.log_list.type_into = self.typing_box

    def _wire(self, widget: OrderedKeys) -> None:
        widget.key_owner = self
        widget.in_order = IN_ORDER

    def typing_box(self) -> Widget:
        """Where typing goes: the current question's note, else (no questions) the quick line."""
        return self.note_area if self.note_area.display else self.quick

    def entry_widget(self) -> Widget:
        """Where the cursor goes when the pane is shown: the note during a call, else the
        question list (where any letter typed still goes into the note)."""
        running = self.conversation.live.running and self.note_area.display
        return self.note_area if running else self.questions

    def compose(self) -> ComposeResult:
        """Timer, questions, the current question and its note, the quick line, the log."""
        with Horizontal(id="live-top"):
            yield CallTimer(id="live-timer")
            yield SaveIndicator(id="live-saved")
        yield self.questions
        yield Static(id="live-current")
        yield self.note_area
        yield self.quick
        yield Static(id="live-referrals")
        yield self.log_list

    def on_mount(self) -> None:
        """Read the wrap-up setting, show the model, start the clock, follow the tabs."""
        setting = load_settings(getattr(self.app, "config_folder", None))
        self.wrap_up = live.wrap_up_minutes(setting)
        self.show()
        self.set_interval(TICK_SECONDS, self.tick)
        tabs = next((a for a in self.ancestors if isinstance(a, TabbedContent)), None)
        if tabs is not None:
            self.watch(tabs, "active", self._tab_activated, init=False)

    def on_unmount(self) -> None:
        """Leaving or quitting: the last keystrokes go to the model and to the autosaver.

        The Edited message of a keystroke made just before quitting may never be handled, so
        the conversation is scheduled directly; the screen's (and the app's) flush saves it.
        """
        self._commit_note()
        if self.quick.value != self.conversation.live.draft:
            self.conversation.live.draft = self.quick.value
            self._touched = True
        if self._touched:
            self.app.autosaver.schedule(self.conversation)  # type: ignore[attr-defined]

    def edited(self, contact_changed: bool = False, profile_changed: bool = False) -> None:
        """Ask the screen to save, and remember that there is something to save."""
        self._touched = True
        super().edited(contact_changed, profile_changed)

    # -- showing -------------------------------------------------------------------------

    def show(self) -> None:
        """Refresh the widgets from the model (after a load, or when the tab is shown again:
        another pane may have changed the questions). A long log is rebuilt only if it
        changed."""
        if not self.is_mounted:
            return
        self._commit_note()
        self._note_owner = None
        questions = self.conversation.questions
        if self.current_index() is None:
            start = first_current(questions)
            self.current_id = questions[start].id if start is not None else None
        self.query_one(QuestionFlow).show_questions(questions, self.current_index())
        self._load_note()
        if self.quick.value != self.conversation.live.draft:
            self.quick.value = self.conversation.live.draft
        self._show_log(force=False)
        self._show_referrals()
        self.tick()

    def log_key(self) -> tuple[object, ...]:
        """What the log shows, in short: which notes, and the question numbers."""
        notes, questions = self.conversation.live.notes, self.conversation.questions
        return (id(notes), len(notes), notes[-1].id if notes else "",
                tuple(q.id for q in questions))

    def _show_log(self, force: bool = True) -> None:
        # Rebuilding a long log costs a frame or more: skip it when nothing it shows changed.
        key = self.log_key()
        if force or key != self._log_shown:
            self.query_one(NoteLog).show_notes(self.conversation.live.notes,
                                               self.conversation.questions)
        self._log_shown = key

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
        flow = self.query_one(QuestionFlow)
        if old is not None and old != index:
            flow.show_row(old, questions[old], False)
        if index is not None:
            flow.show_row(index, questions[index], True)
            if flow.highlighted != index:
                flow.highlighted = index
        self._load_note()

    def show_rows(self) -> None:
        """Rebuild the question list and the log (after a move or an insertion)."""
        questions = self.conversation.questions
        self.query_one(QuestionFlow).show_questions(questions, self.current_index())
        self._show_log()
        self._show_heading()

    def _load_note(self) -> None:
        self._commit_note()
        question = self.current_question()
        self._note_owner = question
        self.note_area.display = question is not None
        if question is not None and self.note_area.text != question.note:
            self.note_area.load_text(question.note)
            self.note_area.move_cursor(self.note_area.document.end)  # carry on writing
        self._show_heading()

    def _show_heading(self) -> None:
        heading = current_heading(self.current_index(), self.conversation.questions)
        self.query_one("#live-current", Static).update(heading)

    def _show_referrals(self) -> None:
        line = self.query_one("#live-referrals", Static)
        line.set_class(not self.conversation.referrals, "-empty")
        line.update(referrals_line(self.conversation.referrals))

    def tick(self) -> None:
        """Read the clock from the stored session and show it; signal wrap-up and overrun."""
        v = self.conversation
        state = live.timer_state(v.live, v.minutes, self.wrap_up, self.clock())
        asked, _, total = progress(v.questions)
        self.query_one(CallTimer).show(state, v.ask, f"{asked}/{total} asked" if total else "")
        top = self.query_one("#live-top")
        top.set_class(state.show_ask and state.phase != live.OVERRUN, "-wrap-up")
        top.set_class(state.phase == live.OVERRUN, "-overrun")
        previous, self._phase_seen = self._phase_seen, state.phase
        if previous != state.phase:
            self.refresh_bindings()
            message = live.phase_message(previous, state, v.minutes, v.ask)
            if message:
                self.notify(message, title="Time", severity="warning", markup=False, timeout=10)

    # -- typing --------------------------------------------------------------------------

    def _commit_note(self) -> None:
        owner = self._note_owner
        if owner is None:
            return
        text = self.note_area.text
        if owner.note != text:
            owner.note = text
            self.edited()

    @on(TextArea.Changed, "#live-note")
    def _note_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self._commit_note()

    @on(Input.Changed, "#live-quick")
    def _draft_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self.conversation.live.draft != event.value:
            self.conversation.live.draft = event.value
            self.edited()

    def _follow_highlight(self, index: int) -> None:
        # Called by the list as its highlight moves, before any later key is handled.
        if index != self.current_index() and index < len(self.conversation.questions):
            self.set_current(index)

    @on(OptionList.OptionHighlighted, "#live-questions")
    def _question_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()  # already followed (see _follow_highlight)

    @on(OptionList.OptionSelected, "#live-questions")
    def _question_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_write_note()

    @on(OptionList.OptionSelected, "#live-log")
    def _note_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.edit_log_note(event.option.id)

    @on(NoteLog.DeleteRequested)
    def _note_delete(self, event: NoteLog.DeleteRequested) -> None:
        event.stop()
        self.delete_log_note(event.note_id)

    def _tab_activated(self, active: str) -> None:
        # Another tab shown: leave focus mode (the screen puts the cursor in when shown).
        if self.parent is None or active != self.parent.id:
            self.set_focus_mode(False)
