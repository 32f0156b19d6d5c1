"""The call's clock and its state: the timer line, wrap-up and overrun, start, pause, resume,
carry on, end, and the planned length.

The time is read from the stored session each second (``tui.core.live``), so a restart or a
crash never loses the call's time.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from textual.app import ComposeResult
from textual.message import Message

from tui.core import live
from tui.core.live_flow import finish, progress
from tui.core.models import LiveSession
from tui.dialogs.confirm import ConfirmScreen
from tui.dialogs.prompts import TimingForm
from tui.panes.base import ModelView
from tui.panes.live.timer import CallTimer
from tui.widgets.app_services import app_services
from tui.widgets.save_indicator import SaveIndicator

TICK_SECONDS = 1.0


class CallControls(ModelView):
    """The top line of the Live pane: the clock (and the save state in focus mode). It changes
    ``conversation.live`` through the core's call functions and posts ``Edited``."""

    DEFAULT_CSS = """
    CallControls { layout: horizontal; height: auto; }
    CallControls.-wrap-up { background: $warning 15%; }
    CallControls.-overrun { background: $error 15%; }
    """

    class Ended(Message):
        """The call was ended (its last quick note may have become a note of the log)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        # The app's clock (fixed in tests and snapshots); the pane may give another.
        self.clock: Callable[[], datetime] = lambda: app_services(self).clock()
        self.wrap_up = live.DEFAULT_WRAP_UP_MINUTES
        self._phase_seen: str | None = None

    def compose(self) -> ComposeResult:
        """The timer and the save state."""
        yield CallTimer(id="live-timer")
        yield SaveIndicator(id="live-saved")

    def on_mount(self) -> None:
        """Read the wrap-up setting and start the clock."""
        self.wrap_up = live.wrap_up_minutes(app_services(self).settings.values())
        self.set_interval(TICK_SECONDS, self.tick)

    def refresh_view(self) -> None:
        """Show the clock as the model has it."""
        self.tick()

    def tick(self) -> None:
        """Read the clock from the stored session and show it; signal wrap-up and overrun."""
        v = self.conversation
        now = self.clock()
        state = live.timer_state(v.live, v.minutes, self.wrap_up, now)
        asked, _, total = progress(v.questions)
        self.query_one(CallTimer).reading = (state, v.ask,
                                             f"{asked}/{total} asked" if total else "",
                                             live.ended_summary(v.live, now))
        self.set_class(state.show_ask and state.phase != live.OVERRUN, "-wrap-up")
        self.set_class(state.phase == live.OVERRUN, "-overrun")
        previous, self._phase_seen = self._phase_seen, state.phase
        if previous != state.phase:
            self.refresh_bindings()
            message = live.phase_message(previous, state, v.minutes, v.ask)
            if message:
                self.notify(message, title="Time", severity="warning", markup=False, timeout=10)

    def change(self, how: Callable[[LiveSession, datetime], None]) -> bool:
        """Change the session (start, pause, resume...) now; a refusal is said, not raised."""
        try:
            how(self.conversation.live, self.clock())
        except live.LiveError as exc:
            self.notify(str(exc), severity="warning", markup=False)
            return False
        self.edited()
        self.tick()
        return True

    def reopen(self) -> None:
        """Carry on with an ended call, after asking."""
        question = ("The call has ended. Carry on with it? The time since it ended does "
                    "not count.")

        def answered(yes: bool | None) -> None:
            if yes:
                self.change(live.reopen)

        self.app.push_screen(ConfirmScreen(question, "Yes, carry on", variant="warning"),
                             answered)

    def end(self, current_question_id: str | None) -> None:
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
        self.app.push_screen(
            ConfirmScreen(question, "Yes, end it", variant="warning"),
            lambda yes: self._end(moment, clock, current_question_id) if yes else None)

    def _end(self, moment: datetime, clock: str, current_question_id: str | None) -> None:
        if not self.change(lambda _session, _now: finish(self.conversation, moment,
                                                         current_question_id)):
            return
        self.post_message(self.Ended().set_sender(self))
        if self.conversation.live.ended_at:
            self.notify(f"Call ended after {clock}. Reflect (f5) while it is fresh.",
                        markup=False, timeout=6)

    def timing(self) -> None:
        """Change the planned length of this call and the wrap-up warning."""
        self.app.push_screen(TimingForm(self.conversation.minutes, self.wrap_up), self._timed)

    def _timed(self, timing: tuple[int, int] | None) -> None:
        if timing is None:
            return
        minutes, wrap_up = timing
        if minutes != self.conversation.minutes:
            self.conversation.minutes = minutes
            self.edited()
        if wrap_up != self.wrap_up:
            self.wrap_up = wrap_up
            app_services(self).settings.set(live.WRAP_UP_SETTING, wrap_up)
        self.tick()
