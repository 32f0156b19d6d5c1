"""Every use of a name Textual keeps private, in one place.

The app needs a few things Textual offers no public way to do: keys handed on in typing order,
a TextArea that stays fast with a 1 MB note, lists that re-wrap when their scrollbar appears,
tabs that ignore a stale focus, and a last check on every screen update. Each is a small hook
here, with a public name the rest of the app uses; ``tests/test_textual_patches.py`` checks
that every private name used below exists and behaves as expected in the pinned Textual, so an
upgrade fails there, in one place, and not somewhere in the middle of a call. (The terminal
input parser, patched so that a paste stays a paste, is the one other place:
:mod:`tui.widgets.textual_input`.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import repeat
from typing import Any, ClassVar

from rich.console import RenderableType
from rich.segment import Segment
from textual import events, on
from textual._compositor import ChopsUpdate, InlineUpdate, LayoutUpdate
from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode
from textual.geometry import Size
from textual.screen import Screen, ScreenResultType
from textual.strip import Strip
from textual.visual import VisualType
from textual.widget import Widget
from textual.widgets import OptionList, TabbedContent, TabPane, TextArea
from textual.widgets._footer import FooterKey
from textual.widgets._select import SelectCurrent
from textual.widgets.option_list import Option
from textual.widgets.text_area import Document, Location, Selection, WrappedDocument

from tui.core.safetext import REPLACEMENT, UNSAFE

__all__ = [
    "FooterKey", "GuardedApp", "LazyOption", "ListRewrapOnScrollbar", "OneLineOptions",
    "SelectCurrent", "StyledAsMounted", "TabsFollowFocus", "TextAreaHooks", "binding_pairs",
    "bindings_for",
    "call_after_paint", "forward_key", "guard_update", "safe_strip",
]


# -- key bindings and keys -----------------------------------------------------------------


def bindings_for(node: DOMNode, key: str) -> list[Binding]:
    """The bindings ``node`` itself declares for ``key`` (not those of its ancestors)."""
    return list(node._bindings.key_to_bindings.get(key, ()))


def binding_pairs(node: DOMNode) -> Iterator[tuple[str, Binding]]:
    """Every ``(key, binding)`` that ``node`` itself declares."""
    yield from node._bindings


def forward_key(target: Widget, key: str, character: str | None) -> None:
    """Hand a key to ``target`` as if the terminal had sent it there (behind the keys already
    queued for it)."""
    target._forward_event(events.Key(key, character))


# -- screen updates ------------------------------------------------------------------------


def _replacement(match: Any) -> str:
    return REPLACEMENT if 0xD800 <= ord(match[0]) < 0xE000 else ""


def safe_strip(strip: Strip) -> Strip:
    """``strip`` without control characters in its text (the same strip when it has none)."""
    if UNSAFE.search(strip.text) is None:
        return strip
    segments = [
        Segment(UNSAFE.sub(_replacement, text), style, control) if not control else segment
        for segment in strip
        for text, style, control in (segment,)
    ]
    return Strip(segments, strip.cell_length)


def guard_update(update: Any) -> Any:
    """A screen update (as Textual's compositor makes them) with every strip made safe;
    anything else is returned unchanged."""
    if isinstance(update, LayoutUpdate):
        update.strips = [[safe_strip(strip) for strip in line] for line in update.strips]
    elif isinstance(update, ChopsUpdate):
        update.chops = [
            {x: (safe_strip(strip) if strip is not None else None) for x, strip in line.items()}
            for line in update.chops
        ]
    elif isinstance(update, InlineUpdate):
        update.strips = [safe_strip(strip) for strip in update.strips]
    return update


class GuardedApp(App[int]):
    """An app whose every screen update passes :func:`guard_update` before it is written.

    The last line of defence: widgets that show user text go through ``tui.widgets.text``,
    which makes control characters visible, but editable widgets (inputs, text areas) and
    Markdown show text as it is stored. Characters that could drive the terminal are removed
    from the text of each segment here; they take no cells, so removing them never moves
    anything on screen (a lone surrogate, one cell and not text a terminal can be sent,
    becomes ``\ufffd``).
    """

    _after_paint: list[Callable[[], object]] | None = None

    def _display(self, screen: Screen[Any], renderable: RenderableType | None) -> None:
        super()._display(screen, guard_update(renderable))
        if (self._after_paint and renderable is not None and screen is self.screen
                and not self._batch_count):  # in a batch, Textual draws nothing
            waiting, self._after_paint = self._after_paint, None
            for callback in waiting:
                self.call_later(callback)

    def call_after_paint(self, callback: Callable[[], object]) -> None:
        """Call ``callback`` soon after the next screen update has been drawn.

        ``call_after_refresh`` is not that: Textual calls it when the screen is next idle,
        which at start can be before the layout's first frame, so work scheduled with it
        holds the first frame back."""
        if self._after_paint is None:
            self._after_paint = []
        self._after_paint.append(callback)


def call_after_paint(node: DOMNode, callback: Callable[[], object]) -> None:
    """Call ``callback`` once the screen has next been drawn (see
    :meth:`GuardedApp.call_after_paint`; in any other app, after the next refresh)."""
    app = node.app
    if isinstance(app, GuardedApp):
        app.call_after_paint(callback)
    else:
        node.call_after_refresh(callback)


# -- text areas ----------------------------------------------------------------------------


class JoinedOnceDocument(Document):
    """A Document that joins its lines into ``text`` once per change, not once per call.

    TextArea asks for ``text`` on every rendered line (to decide on the placeholder): with a
    1 MB note that is a 1 MB join per line per frame. Every change goes through
    ``replace_range`` (typing, paste, undo, redo), which forgets the joined text.
    """

    _joined: str | None = None

    def replace_range(self, start: Location, end: Location, text: str) -> Any:
        """Edit, and forget the joined text."""
        self._joined = None
        return super().replace_range(start, end, text)

    @property
    def text(self) -> str:
        """The whole text (joined at most once per change)."""
        if self._joined is None:
            self._joined = super().text
        return self._joined


class CountedWrappedDocument(WrappedDocument):
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
        text_area.document.__class__ = JoinedOnceDocument
    if type(text_area.wrapped_document) is WrappedDocument:
        text_area.wrapped_document.__class__ = CountedWrappedDocument


class TextAreaHooks(TextArea):
    """A TextArea with public hooks where the stock one has private watchers.

    - :meth:`scrollbar_toggled` runs first when the vertical scrollbar comes or goes;
    - :meth:`selection_moved` runs after the cursor or the selection moved;
    - ``fast_documents``: the documents get the shortcuts of :func:`speed_up`, and the text is
      not wrapped again when the scrollbar comes or goes while the wrap width stays the same
      (with a stable gutter it does: a 1 MB paste is then wrapped once, not twice).
    """

    fast_documents: ClassVar[bool] = False

    def scrollbar_toggled(self) -> None:
        """The vertical scrollbar is about to come or go (subclasses add to this)."""

    def selection_moved(self) -> None:
        """The cursor or the selection moved (subclasses add to this)."""

    def _set_document(self, text: str, language: str | None) -> None:
        super()._set_document(text, language)
        if self.fast_documents:
            speed_up(self)

    def _watch_show_vertical_scrollbar(self) -> None:
        self.scrollbar_toggled()
        if not self.fast_documents:
            super()._watch_show_vertical_scrollbar()
            return
        wrapped_width = getattr(self.wrapped_document, "_width", None)
        if self.wrap_width and self.wrap_width != wrapped_width:
            self._rewrap_and_refresh_virtual_size()
        self.scroll_cursor_visible()

    def _watch_selection(self, previous_selection: Selection, selection: Selection) -> None:
        super()._watch_selection(previous_selection, selection)
        self.selection_moved()


# -- lists and tabs ------------------------------------------------------------------------


class ListRewrapOnScrollbar(OptionList):
    """An OptionList that forgets how its options were wrapped when its scrollbar comes or
    goes (Textual forgets only on a resize)."""

    def _watch_show_vertical_scrollbar(self) -> None:
        self._clear_caches()


class LazyOption(Option):
    """An option whose prompt is made by ``make`` when the row is first shown (Textual keeps
    the prompt in ``_prompt``)."""

    def __init__(self, make: Callable[[], VisualType], id: str | None = None) -> None:
        super().__init__("", id=id)
        self._make: Callable[[], VisualType] | None = make

    @property
    def prompt(self) -> VisualType:
        """The prompt, made now if it was not yet."""
        if self._make is not None:
            self._prompt, self._make = self._make(), None
        return self._prompt


class OneLineOptions(OptionList):
    """An OptionList that, while :meth:`one_line_rows` says so, counts every option as one
    line (Textual's own ``_update_lines`` draws every option to measure it: 10,000 rows
    drawn before the first is shown)."""

    def one_line_rows(self) -> bool:
        """Whether every option is one line (subclasses decide; default: no)."""
        return False

    def _update_lines(self) -> None:
        if not self.one_line_rows():
            super()._update_lines()
            return
        region = self.scrollable_content_region
        if not region:
            return
        cache = self._line_cache
        count, known = len(self.options), len(cache.lines)
        if known < count:
            new = range(known, count)
            cache.lines.extend(zip(new, repeat(0)))
            cache.heights.update(dict.fromkeys(new, 1))
            cache.index_to_line.update(zip(new, new, strict=True))
        size = Size(region.width - self._get_left_gutter_width(), len(cache.lines))
        if size != self.virtual_size:
            self.virtual_size = size
            self._scroll_update(size)


class TabsFollowFocus(TabbedContent):
    """A TabbedContent that asks :meth:`follow_focus` before it obeys a pane's "something
    was focused in me" (the stock one always shows that pane)."""

    def follow_focus(self, pane: TabPane) -> bool:
        """Whether to show ``pane`` because a widget in it was focused (default: yes)."""
        return True

    def _on_tab_pane_focused(self, event: TabPane.Focused) -> None:
        if not self.follow_focus(event.tab_pane):
            event.stop()
            event.prevent_default()


# -- screens ---------------------------------------------------------------------------------


class StyledAsMounted(Screen[ScreenResultType]):
    """A screen that is not styled a second time when it is first shown. Textual styles each
    widget as it is mounted, then styles the whole screen again on its first ScreenResume;
    for a conversation's four panes that second pass was a sixth of opening it. Later
    resumes (back from a dialog) restyle as Textual decides."""

    _shown_before = False

    @on(events.ScreenResume)
    def _styled_already(self, event: events.ScreenResume) -> None:
        """The first time: leave the styles of the widgets just mounted as they are (this
        runs before Textual's own handler, which reads ``refresh_styles``)."""
        if not self._shown_before:
            self._shown_before = True
            event.refresh_styles = False
