"""Text boxes of the app: no surprises for someone typing fast.

- keys are handled in the order they were typed (see :class:`OrderedKeys`): a tab, a
  backspace or an enter typed quickly takes effect before the keys typed after it;
- ``ctrl+home`` / ``ctrl+end`` go to the start / end of the text;
- the first time in, the cursor is at the end of the text, and it stays in view: a text box
  that grows inside a scrolling pane scrolls the pane to the cursor, so what is typed is
  always on screen;
- a one-line box does not select its text on focus (the next key would replace it).
"""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.binding import Binding
from textual.containers import ScrollableContainer
from textual.geometry import Region
from textual.widgets import Input, TextArea
from textual.widgets.text_area import Selection

from tui.widgets.key_order import OrderedKeys


class TextBox(OrderedKeys, TextArea):
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

    _visited = False

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``pane_key`` never runs here: the key belongs to the pane around the box."""
        return action != "pane_key"

    def _on_focus(self, event: events.Focus) -> None:
        # The first time in, the cursor goes to the end: you carry on writing, you do not
        # type in front of what is there.
        if not self._visited:
            self._visited = True
            if self.selection.end == (0, 0) and self.text:
                self.move_cursor(self.document.end)

    def clamp_cursor(self) -> None:
        """Keep the cursor inside the text. During an undo or a redo Textual can ask where the
        cursor is on screen (a scrollbar came or went) before it has put the cursor back, with
        the cursor still past the end of a now shorter text: that raised an error."""
        row, column = self.selection.end
        last = self.document.line_count - 1
        if row > last or column > len(self.document[min(row, last)]):
            self.selection = Selection.cursor(self.document.end)

    def _watch_show_vertical_scrollbar(self) -> None:
        self.clamp_cursor()
        super()._watch_show_vertical_scrollbar()

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


class LineBox(OrderedKeys, Input):
    """A one-line box that keeps its text on focus (typing adds, never replaces) and takes
    ctrl+home / ctrl+end like a text box.

    ``on_submit``, when set, is called at once on enter, in typing order (a posted Submitted
    message would arrive after keys typed behind the enter).
    """

    on_submit: Callable[[str], None] | None = None

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

    async def action_submit(self) -> None:
        """Enter: hand the line over now (or post Submitted as usual)."""
        if self.on_submit is None:
            await super().action_submit()
        else:
            self.on_submit(self.value)
