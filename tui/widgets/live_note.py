"""The two places a user types during a call: the current question's note and the quick line."""

from __future__ import annotations

from textual import events
from textual.widgets import TextArea
from textual.widgets.text_area import Document, Location, WrappedDocument

from tui.core.live import MAX_QUICK_NOTE
from tui.widgets.text_box import LineBox, TextBox


class _JoinedOnceDocument(Document):
    """A Document that joins its lines into ``text`` once per change, not once per call.

    TextArea asks for ``text`` on every rendered line (to decide on the placeholder): with a
    1 MB note that is a 1 MB join per line per frame. Every change goes through
    ``replace_range`` (typing, paste, undo, redo), which forgets the joined text.
    """

    _joined: str | None = None

    def replace_range(self, start: Location, end: Location, text: str):  # type: ignore[no-untyped-def]
        """Edit, and forget the joined text."""
        self._joined = None
        return super().replace_range(start, end, text)

    @property
    def text(self) -> str:
        """The whole text (joined at most once per change)."""
        if self._joined is None:
            self._joined = super().text
        return self._joined


class _CountedWrappedDocument(WrappedDocument):
    """A WrappedDocument whose height is a length, not a sum over every line.

    TextArea asks for the height on every rendered line; the stock property sums over all
    lines (17,000 of them in a 1 MB note). There is one ``_offset_to_line_info`` entry per
    visual line, kept up to date by ``wrap`` and ``wrap_range``.
    """

    @property
    def height(self) -> int:
        """The number of visual lines."""
        return len(self._offset_to_line_info)


def speed_up(text_area: TextArea) -> None:
    """Give a plain-text TextArea the two shortcuts above (other documents are left alone)."""
    if type(text_area.document) is Document:
        text_area.document.__class__ = _JoinedOnceDocument
    if type(text_area.wrapped_document) is WrappedDocument:
        text_area.wrapped_document.__class__ = _CountedWrappedDocument


class QuestionNote(TextBox):
    """The current question's note: plain Markdown text, never rendered while typing.

    The pane's keys that change which question the note belongs to (``ctrl+n``...) run here,
    in the order the keys were typed (see :class:`OrderedKeys`).
    """

    DEFAULT_CSS = """
    QuestionNote { height: 1fr; min-height: 3; background: $boost; scrollbar-gutter: stable; }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(
            soft_wrap=True, show_line_numbers=False, tab_behavior="focus", compact=True,
            placeholder="Notes on this question (Markdown). Saved as you type; esc leaves.",
            **kwargs,  # type: ignore[arg-type]
        )

    def _set_document(self, text: str, language: str | None) -> None:
        super()._set_document(text, language)
        speed_up(self)

    def _watch_show_vertical_scrollbar(self) -> None:
        self.clamp_cursor()
        # Textual re-wraps the whole document when the scrollbar appears; with a stable
        # gutter the wrap width does not change, and skipping the re-wrap halves the cost
        # of a big paste (a 1 MB paste would otherwise be wrapped twice).
        wrapped_width = getattr(self.wrapped_document, "_width", None)
        if self.wrap_width and self.wrap_width != wrapped_width:
            self._rewrap_and_refresh_virtual_size()
        self.scroll_cursor_visible()


class LineInput(LineBox):
    """A one-line input whose pastes keep every word: line breaks become spaces, and a paste
    longer than ``max_chars`` is refused with a message (nothing already typed changes)."""

    hint = ""

    def __init__(self, value: str = "", *, max_chars: int = MAX_QUICK_NOTE,
                 **kwargs: object) -> None:
        super().__init__(value, **kwargs)  # type: ignore[arg-type]
        self.max_chars = max_chars

    def _on_paste(self, event: events.Paste) -> None:
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


class QuickNote(LineInput):
    """One line for a free note; enter stamps it with the minute of the call (the pane sets
    ``on_submit``: clearing the line on a posted message would wipe keys typed after enter).
    """

    hint = " Paste long text into the question's note area."

    def __init__(self, **kwargs: object) -> None:
        super().__init__(
            placeholder="quick note: enter stamps it with the minute (ctrl+l)", compact=True,
            # Coming back to a half-typed note must not select it: the next key would replace it.
            select_on_focus=False, **kwargs,
        )
