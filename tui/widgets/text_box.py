"""Text boxes of the app: no surprises for someone typing fast.

- keys are handled in the order they were typed (see :mod:`tui.widgets.key_order`): a tab, a
  backspace or an enter typed quickly takes effect before the keys typed after it;
- ``ctrl+home`` / ``ctrl+end`` go to the start / end of the text;
- the first time in, the cursor is at the end of the text, and it stays in view: a text box
  that grows inside a scrolling pane scrolls the pane to the cursor, so what is typed is
  always on screen;
- a one-line box does not select its text on focus (the next key would replace it);
- a typed zero-width joiner or non-joiner goes in like any other character: emoji sequences
  and words in Persian or Indic scripts hold them, and a stock box drops them (Python does not
  count them as printable).
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.binding import Binding
from textual.containers import ScrollableContainer
from textual.geometry import Region
from textual.widgets import Input
from textual.widgets.text_area import Selection

from tui.widgets.key_order import OrderedKeys, Request, ask
from tui.widgets.textual_patches import TextAreaHooks

MAX_LINE = 2_000  # a one-line box takes this many characters unless told otherwise
JOINERS = frozenset("\u200c\u200d")  # zero-width non-joiner and joiner


def typed_joiner(event: events.Key) -> str | None:
    """The zero-width joiner or non-joiner a key typed, else None (the key is handled as
    usual); the key goes no further."""
    character = event.character
    if character is None or character not in JOINERS:
        return None
    event.stop()
    event.prevent_default()
    return character


class TextBox(OrderedKeys, TextAreaHooks):
    """A multi-line text box (plain text, soft wrap, no line numbers by default)."""

    # f6 and f7 (select line, select all in a stock TextArea) are the panes' keys here.
    BINDINGS = [
        Binding("ctrl+home", "text_start", "Start of text", show=False),
        Binding("ctrl+end", "text_end", "End of text", show=False),
        Binding("f6", "pane_key", show=False),
        Binding("f7", "pane_key", show=False),
    ]

    def __init__(self, text: str = "", **kwargs: Any) -> None:
        kwargs.setdefault("soft_wrap", True)
        kwargs.setdefault("show_line_numbers", False)
        super().__init__(text, **kwargs)

    _visited = False

    async def _on_key(self, event: events.Key) -> None:
        """A typed joiner goes in at the cursor (see the module's docstring)."""
        joiner = typed_joiner(event)
        if joiner is not None and not self.read_only:
            start, end = self.selection
            self.replace(joiner, start, end, maintain_selection_offset=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``pane_key`` never runs here: the key belongs to the pane around the box."""
        return action != "pane_key"

    def on_focus(self, event: events.Focus) -> None:
        """The first time in, the cursor goes to the end: you carry on writing, you do not
        type in front of what is there."""
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

    def scrollbar_toggled(self) -> None:
        """Keep the cursor inside the text before the box is laid out again."""
        self.clamp_cursor()

    def selection_moved(self) -> None:
        """Keep the cursor in view (once the box has its new size)."""
        if self.is_mounted:
            self.call_after_refresh(self.reveal_cursor)

    def action_text_start(self) -> None:
        """The cursor to the start of the text."""
        self.move_cursor((0, 0))

    def action_text_end(self) -> None:
        """The cursor to the end of the text."""
        self.move_cursor(self.document.end)

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
        inside = Region(x - view.x + round(container.scroll_x),
                        y - view.y + round(container.scroll_y), 1, 1)
        container.scroll_to_region(inside, animate=False, immediate=True)


class LineBox(OrderedKeys, Input):
    """A one-line box that keeps its text on focus (typing adds, never replaces) and takes
    ctrl+home / ctrl+end like a text box.

    Enter asks the form or pane around it first (:class:`LineBox.Entered`, handled before any
    key typed after the enter); when nobody takes it, the box posts ``Input.Submitted``.
    """

    BINDINGS = [
        Binding("ctrl+home", "home", "Start", show=False),
        Binding("ctrl+end", "end", "End", show=False),
    ]

    class Entered(Request):
        """Enter was pressed in ``box``, with ``value`` in it."""

        def __init__(self, box: LineBox, value: str) -> None:
            super().__init__()
            self.box = box
            self.value = value

        @property
        def control(self) -> LineBox:
            """The box (so ``@on(LineBox.Entered, "#id")`` works)."""
            return self.box

    def __init__(self, value: str = "", **kwargs: Any) -> None:
        kwargs.setdefault("select_on_focus", False)
        super().__init__(value, **kwargs)

    def on_focus(self, event: events.Focus) -> None:
        """Coming into the box, the cursor goes after the text: what is typed is added."""
        self.cursor_position = len(self.value)

    async def _on_key(self, event: events.Key) -> None:
        """A typed joiner goes in at the cursor (see the module's docstring)."""
        joiner = typed_joiner(event)
        if joiner is None:
            return
        if self.selection.is_empty:
            self.insert_text_at_cursor(joiner)
        else:
            self.replace(joiner, *self.selection)

    async def action_submit(self) -> None:
        """Enter: hand the line over now (or post Submitted as usual)."""
        if not await ask(self, self.Entered(self, self.value)):
            await super().action_submit()


class LineInput(LineBox):
    """A one-line input whose pastes keep every word: line breaks become spaces, and a paste
    longer than ``max_chars`` is refused with a message (nothing already typed changes)."""

    hint = ""

    def __init__(self, value: str = "", *, max_chars: int = MAX_LINE,
                 **kwargs: Any) -> None:
        super().__init__(value, **kwargs)
        self.max_chars = max_chars

    def on_paste(self, event: events.Paste) -> None:
        """Flatten a multi-line paste; refuse one that is too long."""
        text = event.text
        flat = " ".join(text.split()) if ("\n" in text or "\r" in text) else text
        if len(self.value) + len(flat) > self.max_chars:
            event.prevent_default()
            event.stop()
            self.notify(f"That paste is {len(text):,} characters: this line holds up to "
                        f"{self.max_chars:,}.{self.hint}", severity="warning", markup=False,
                        timeout=8)
            return
        if flat != text:
            event.prevent_default()
            event.stop()
            start, end = self.selection
            self.replace(flat, min(start, end), max(start, end))


class SubInput(LineBox):
    """A one-line field under a list: escape asks to go back to the list
    (:class:`SubInput.Leave`); with ``down_leaves``, ↓ asks to go down to it
    (:class:`SubInput.Down`). Both are answered before any key typed after them."""

    BINDINGS = [
        Binding("escape", "leave", "Back to list", show=False, tooltip="Return to the list",
                id="prep.input.leave"),
        Binding("down", "down", "To the list", show=False, tooltip="Down to the list below"),
    ]

    def __init__(self, value: str = "", *, down_leaves: bool = False, **kwargs: Any) -> None:
        super().__init__(value, **kwargs)
        self.down_leaves = down_leaves

    class Down(Request):
        """The user pressed ↓ in a field that leads down to a list."""

        def __init__(self, field: SubInput) -> None:
            super().__init__()
            self.field = field

        @property
        def control(self) -> SubInput:
            """The field (so ``@on(SubInput.Down, "#id")`` works)."""
            return self.field

    class Leave(Request):
        """The user pressed escape in this field."""

        def __init__(self, field: SubInput) -> None:
            super().__init__()
            self.field = field

        @property
        def control(self) -> SubInput:
            """The field (so ``@on(SubInput.Leave, "#id")`` works)."""
            return self.field

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """↓ only where it leads somewhere."""
        return action != "down" or self.down_leaves

    async def action_down(self) -> None:
        """Down to the list."""
        await ask(self, self.Down(self))

    async def action_leave(self) -> None:
        """Tell the part the user is done here."""
        await ask(self, self.Leave(self))
