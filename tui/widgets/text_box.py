"""Text boxes of the panes: no surprises for someone typing fast.

- ``ctrl+home`` / ``ctrl+end`` go to the start / end of the text;
- the cursor stays in view: a text box that grows inside a scrolling pane scrolls the pane
  to the cursor, so what is typed is always on screen;
- a one-line box does not select its text on focus (the next key would replace it).
"""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.containers import ScrollableContainer
from textual.geometry import Region
from textual.widgets import Input, TextArea
from textual.widgets.text_area import Selection


class TextBox(TextArea):
    """A multi-line text box (plain text, soft wrap, no line numbers by default)."""

    # f6 and f7 (select line, select all in a stock TextArea) are the panes' keys here.
    BINDINGS = [
        Binding("ctrl+home", "text_start", "Start of text", show=False),
        Binding("ctrl+end", "text_end", "End of text", show=False),
        Binding("f6", "pane_key", show=False),
        Binding("f7", "pane_key", show=False),
    ]

    def __init__(self, text: str = "", **kwargs: object) -> None:
        kwargs.setdefault("soft_wrap", True)
        kwargs.setdefault("show_line_numbers", False)
        super().__init__(text, **kwargs)  # type: ignore[arg-type]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``pane_key`` never runs here: the key belongs to the pane around the box."""
        return action != "pane_key"

    def action_text_start(self) -> None:
        """The cursor to the start of the text."""
        self.move_cursor((0, 0))

    def action_text_end(self) -> None:
        """The cursor to the end of the text."""
        self.move_cursor(self.document.end)

    def _watch_selection(self, previous_selection: Selection, selection: Selection) -> None:
        super()._watch_selection(previous_selection, selection)
        if self.is_mounted:
            self.call_after_refresh(self.reveal_cursor)

    def reveal_cursor(self) -> None:
        """Scroll the nearest scrolling container so the cursor's line is in view."""
        if not self.has_focus or not self.is_mounted:
            return
        container = next((a for a in self.ancestors if isinstance(a, ScrollableContainer)
                          and a.allow_vertical_scroll), None)
        if container is None:
            return
        x, y = self.cursor_screen_offset
        view = container.scrollable_content_region
        if view.y <= y < view.bottom:
            return
        inside = Region(x - view.x + container.scroll_x, y - view.y + container.scroll_y, 1, 1)
        container.scroll_to_region(inside, animate=False, immediate=True)


class LineBox(Input):
    """A one-line box that keeps its text on focus (typing adds, never replaces) and takes
    ctrl+home / ctrl+end like a text box."""

    BINDINGS = [
        Binding("ctrl+home", "home", "Start", show=False),
        Binding("ctrl+end", "end", "End", show=False),
    ]

    def __init__(self, value: str = "", **kwargs: object) -> None:
        kwargs.setdefault("select_on_focus", False)
        super().__init__(value, **kwargs)  # type: ignore[arg-type]

    def _on_focus(self, event: events.Focus) -> None:
        # Coming into the box, the cursor goes after the text: what is typed is added.
        self.cursor_position = len(self.value)
