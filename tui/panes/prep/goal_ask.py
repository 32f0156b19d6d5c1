"""Goal and the ask: two short lines that frame the questions (the Live pane shows them too)."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Label

from tui.panes.base import ModelView
from tui.widgets.key_order import focus_now
from tui.widgets.text_box import LineBox

MAX_LINE = 2000
FIELDS = {"goal": "The goal", "ask": "The ask"}


class GoalAndAsk(ModelView):
    """Edits ``Conversation.goal`` and ``.ask`` in place as the user types."""

    DEFAULT_CSS = "GoalAndAsk { height: auto; }"
    DRAW_ON_MOUNT = False  # the Questions part draws it with itself

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._too_long: set[str] = set()

    def compose(self) -> ComposeResult:
        """Two labelled one-line fields."""
        with Horizontal(classes="prep-row"):
            yield Label("Goal")
            yield LineBox(id="goal", compact=True,
                          placeholder="what I want to learn from this chat")
        with Horizontal(classes="prep-row"):
            yield Label("The ask")
            yield LineBox(id="ask", compact=True,
                          placeholder="the one ask for the end, e.g. an introduction to …; "
                                      "enter: the question bank")

    def refresh_view(self) -> None:
        """Show the model's goal and ask (without echoing a change back)."""
        for field_id in FIELDS:
            box = self.query_one(f"#{field_id}", Input)
            value = getattr(self.conversation, field_id)
            if box.value != value:
                with box.prevent(Input.Changed):
                    box.value = value

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        field_id = event.input.id or ""
        if field_id not in FIELDS:
            return
        event.stop()
        if len(event.value) > MAX_LINE:
            if field_id not in self._too_long:
                self._too_long.add(field_id)
                self.app.notify(f"{FIELDS[field_id]} is limited to {MAX_LINE:,} characters; the "
                                "longer text is not saved until it is shorter.",
                                severity="error", markup=False)
            return
        self._too_long.discard(field_id)
        if getattr(self.conversation, field_id) != event.value:
            setattr(self.conversation, field_id, event.value)
            self.edited()

    @on(LineBox.Entered, "#goal")
    def _next_field(self, request: LineBox.Entered) -> None:
        # Enter on the goal goes on to the ask; enter on the ask is the part's (to the bank).
        request.done_here()
        focus_now(self.query_one("#ask"))
