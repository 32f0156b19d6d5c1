"""The Schedule part of Prep: when, how long, how (coffee, phone, video) and where."""

from __future__ import annotations

from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid
from textual.widget import Widget
from textual.widgets import Input, Label, Select

from tui.core.agenda import status_label
from tui.core.dates import DateError, format_when, parse_when, to_local
from tui.core.models import MEDIUMS
from tui.core.outreach import (
    ScheduleError,
    confirmation,
    countdown,
    parse_minutes,
    set_schedule,
)
from tui.core.prep import questions_that_fit
from tui.panes.prep.part import PrepPart
from tui.widgets.app_services import app_services
from tui.widgets.lines import Line
from tui.widgets.text import styled
from tui.widgets.text_box import LineBox

MAX_PLACE = 2000
PLACE_HINT = {"coffee": "café name and address", "phone": "phone number (who calls whom)",
              "video": "video link"}


class SchedulePart(PrepPart):
    """Date and time (enter sets it), planned minutes, medium and place or link."""

    label = "Schedule"
    BINDINGS = [
        Binding("ctrl+o", "copy", "Copy confirmation", tooltip="Copy one line that confirms "
                "the time, zone and place", id="prep.copy_confirmation"),
    ]
    DEFAULT_CSS = """
    SchedulePart Grid { grid-size: 2; grid-columns: 10 1fr; grid-rows: auto; height: auto;
                        padding: 0 1 0 0; }
    SchedulePart Grid Label { color: $text-muted; padding: 0 1; }
    SchedulePart .feedback { color: $text-muted; height: auto; }
    SchedulePart .feedback.-error { color: $error; }
    SchedulePart #schedule-status { padding: 1 1 0 1; height: auto; }
    SchedulePart #confirmation { padding: 1 1 0 1; height: auto; color: $text-muted; }
    """

    def compose(self) -> ComposeResult:
        """Four fields, each with a feedback line, and the status."""
        with Grid():
            yield Label("When")
            yield LineBox(id="when", compact=True,
                        placeholder="2026-12-03 14:30, tomorrow 9am, fri 3pm; enter sets it")
            yield Label("")
            yield Line(id="when-feedback", classes="feedback")
            yield Label("Minutes")
            yield LineBox(id="minutes", compact=True, type="integer", max_length=4)
            yield Label("")
            yield Line(id="minutes-feedback", classes="feedback")
            yield Label("Medium")
            yield Select([(m, m) for m in MEDIUMS], id="medium", compact=True, allow_blank=False)
            yield Label("Place")
            yield LineBox(id="place", compact=True)
        yield Line(id="schedule-status")
        yield Line(id="confirmation")

    # -- showing -------------------------------------------------------------------------

    def _when_text(self) -> str:
        local = self._local()
        return local.strftime("%Y-%m-%d %H:%M") if local else ""

    def refresh_view(self) -> None:
        """Fill the fields from the model."""
        v = self.conversation
        for field_id, value in (("when", self._when_text()), ("minutes", str(v.minutes)),
                                ("place", v.place)):
            box = self.query_one(f"#{field_id}", Input)
            if box.value != value:
                with box.prevent(Input.Changed):
                    box.value = value
        medium = self.query_one("#medium", Select)
        if medium.value != v.medium:
            with medium.prevent(Select.Changed):
                medium.value = v.medium
        self._feedback("when-feedback", self._when_summary())
        self._feedback("minutes-feedback", self._minutes_summary())
        self._show_status()

    def _feedback(self, widget_id: str, text: str, error: bool = False) -> None:
        widget = self.query_one(f"#{widget_id}", Line)
        widget.shown = styled(text)
        widget.set_class(error, "-error")

    def _when_summary(self) -> str:
        moment = self.conversation.scheduled
        if moment is None:
            return "not scheduled yet"
        return (f"{format_when(moment, app_services(self).clock())} · "
                f"{countdown(moment, app_services(self).clock()).text}")

    def _minutes_summary(self) -> str:
        fit = questions_that_fit(self.conversation.minutes)
        return f"room for about {fit} questions · 1 to 600"

    def _local(self) -> datetime | None:
        moment = self.conversation.scheduled
        if moment is None:
            return None
        return to_local(moment, app_services(self).clock())

    def _show_status(self) -> None:
        v = self.conversation
        self.query_one("#schedule-status", Line).shown = (styled(
            ("Status ", "$text-muted"), (status_label(v), "bold"),
            ("  (setting a date makes it scheduled)", "dim"),
        ))
        self.query_one("#place", Input).placeholder = PLACE_HINT.get(v.medium, "")
        local = self._local()
        line = self.query_one("#confirmation", Line)
        line.display = local is not None
        if local is not None:
            line.shown = styled(("To confirm (ctrl+o copies):\n", "dim"),
                                (confirmation(v, local), "$text"))

    def action_copy(self) -> None:
        """Copy the confirmation line."""
        local = self._local()
        if local is None:
            self.say("Set a date first; then ctrl+o copies a line that confirms it.", "warning")
            return
        self.app.copy_to_clipboard(confirmation(self.conversation, local))
        self.say("Copied the confirmation line to the clipboard.")

    # -- when ----------------------------------------------------------------------------

    @on(Input.Changed, "#when")
    def _when_typed(self, event: Input.Changed) -> None:
        text = event.value.strip()
        if text == self._when_text():
            self._feedback("when-feedback", self._when_summary())
            return
        if not text:
            self._feedback("when-feedback", "blank: enter clears the date")
            return
        try:
            moment = parse_when(text, app_services(self).clock())
        except DateError as exc:
            self._feedback("when-feedback", str(exc))
            return
        self._feedback("when-feedback", f"→ {format_when(moment, app_services(self).clock())}: "
                                        "enter sets it")

    @on(LineBox.Entered, "#when")
    def _when_submitted(self, request: LineBox.Entered) -> None:
        request.done_here()
        if self.apply_when():
            self.screen.focus_next()

    @on(Input.Blurred, "#when")
    def _when_left(self) -> None:
        self.apply_when(leaving=True)

    def apply_when(self, leaving: bool = False) -> bool:
        """Store the typed date; a bad one is explained and nothing stored changes."""
        box = self.query_one("#when", Input)
        text = box.value.strip()
        if text == self._when_text():
            return True
        v = self.conversation
        if not text:
            set_schedule(v, None)
        else:
            try:
                set_schedule(v, parse_when(text, app_services(self).clock()))
            except DateError as exc:
                self._feedback("when-feedback", f"Not saved: {exc}", error=True)
                if leaving:
                    self.say(f"The date was not saved: {exc}", "error")
                return False
        with box.prevent(Input.Changed):
            box.value = self._when_text()
        self._feedback("when-feedback", self._when_summary())
        self._show_status()
        self.edited()
        return True

    # -- minutes, medium, place ----------------------------------------------------------

    @on(Input.Changed, "#minutes")
    def _minutes_typed(self, event: Input.Changed) -> None:
        # Checked as typed, stored on enter or on leaving the field: typing 9999 must not
        # store 9, 99 and 999 on the way to being refused.
        try:
            minutes = parse_minutes(event.value)
        except ScheduleError as exc:
            self._feedback("minutes-feedback", f"{exc} Not saved.", error=True)
            return
        if minutes != self.conversation.minutes:
            self._feedback("minutes-feedback", f"→ {minutes} min (enter or tab stores it)")
        else:
            self._feedback("minutes-feedback", self._minutes_summary())

    @on(Input.Blurred, "#minutes")
    def _minutes_left(self, event: Input.Blurred) -> None:
        self._minutes_done(event.value)

    @on(LineBox.Entered, "#minutes")
    def _minutes_entered(self, request: LineBox.Entered) -> None:
        request.done_here()
        if self._minutes_done(request.value):
            self.screen.focus_next()

    def _minutes_done(self, value: str) -> bool:
        """Store the typed minutes; False (with the reason) when they are not acceptable."""
        try:
            minutes = parse_minutes(value)
        except ScheduleError as exc:
            self._feedback("minutes-feedback",
                           f"{exc} Not saved; still {self.conversation.minutes} min.", error=True)
            return False
        if minutes != self.conversation.minutes:
            self.conversation.minutes = minutes
            self.edited()
        self._feedback("minutes-feedback", self._minutes_summary())
        return True

    @on(LineBox.Entered, "#place")
    def _next(self, request: LineBox.Entered) -> None:
        request.done_here()
        self.screen.focus_next()

    @on(Select.Changed, "#medium")
    def _medium_changed(self, event: Select.Changed) -> None:
        if event.value in MEDIUMS and event.value != self.conversation.medium:
            self.conversation.medium = str(event.value)
            self._show_status()
            self.edited()

    @on(Input.Changed, "#place")
    def _place_typed(self, event: Input.Changed) -> None:
        if len(event.value) > MAX_PLACE:
            self.say(f"Place or link is limited to {MAX_PLACE:,} characters; not saved.",
                     "error")
            return
        if event.value != self.conversation.place:
            self.conversation.place = event.value
            self.edited()

    def first_widget(self) -> Widget | None:
        """Start on the date."""
        return self.query_one("#when")
