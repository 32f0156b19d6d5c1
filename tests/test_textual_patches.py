"""Every private Textual name the app leans on exists and behaves as the app expects in the
pinned Textual: an upgrade that changes one fails here, not in the middle of a call."""

from __future__ import annotations

import inspect
import time
from typing import Any

from textual import _compositor, events
from textual._xterm_parser import XTermParser
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.constants import ESCAPE_DELAY
from textual.dom import DOMNode
from textual.drivers import linux_driver
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static, TabbedContent, TabPane, TextArea
from textual.widgets.option_list import Option
from textual.widgets.text_area import Document, WrappedDocument

from tui.widgets import textual_patches as patches
from tui.widgets.textual_input import PasteSafeParser, without_escapes
from tui.widgets.textual_input import install as install_paste_guard


def test_every_private_name_the_patches_use_exists() -> None:
    """The private attributes behind each public hook are where the hooks reach for them."""
    for owner, name in [
        (Widget, "_forward_event"),
        (App, "_display"),
        (TextArea, "_set_document"),
        (TextArea, "_watch_show_vertical_scrollbar"),
        (TextArea, "_watch_selection"),
        (TextArea, "_rewrap_and_refresh_virtual_size"),
        (OptionList, "_clear_caches"),
        (OptionList, "_update_lines"),
        (OptionList, "_get_left_gutter_width"),
        (Widget, "_scroll_update"),
        (TabbedContent, "_on_tab_pane_focused"),
    ]:
        assert callable(getattr(owner, name, None)), f"{owner.__name__}.{name} is gone"
    # ListRewrapOnScrollbar watches this reactive by Textual's private watcher name
    # (tests/test_fitted_list.py shows the list re-wrapping).
    assert "show_vertical_scrollbar" in OptionList._reactives
    # call_after_paint waits out batches, in which Textual's _display draws nothing.
    assert isinstance(App()._batch_count, int)
    for update, field in [(_compositor.LayoutUpdate, "strips"),
                          (_compositor.ChopsUpdate, "chops"),
                          (_compositor.InlineUpdate, "strips")]:
        assert field in inspect.signature(update.__init__).parameters
    # LazyOption fills the attribute Option.prompt reads; OneLineOptions fills the line cache.
    assert Option("x")._prompt == "x"
    cache = OptionList()._line_cache
    assert {"lines", "heights", "index_to_line"} <= set(vars(cache))
    # The hooks override the private methods with the same signature.
    assert list(inspect.signature(patches.TextAreaHooks._watch_selection).parameters) == \
        list(inspect.signature(TextArea._watch_selection).parameters)
    assert list(inspect.signature(patches.TextAreaHooks._set_document).parameters) == \
        list(inspect.signature(TextArea._set_document).parameters)


class Keyed(Widget):
    """A widget with one binding of its own."""

    BINDINGS = [Binding("ctrl+t", "start", "Start")]


def test_bindings_are_read_from_the_node_itself() -> None:
    node = Keyed()
    assert [b.action for b in patches.bindings_for(node, "ctrl+t")] == ["start"]
    assert patches.bindings_for(node, "ctrl+x") == []
    assert ("ctrl+t", "start") in {(k, b.action) for k, b in patches.binding_pairs(node)}
    assert isinstance(node, DOMNode)


class Boxes(App[None]):
    def compose(self) -> ComposeResult:
        yield Input(id="first")
        yield TextArea(id="area")
        with TabbedContent():
            yield TabPane("One", id="one")


async def test_a_forwarded_key_is_typed_into_the_target() -> None:
    app = Boxes()
    async with app.run_test() as pilot:
        box = app.query_one("#first", Input)
        box.focus()
        await pilot.pause()
        for char in "hi":
            patches.forward_key(box, char, char)
        await pilot.pause()
        assert box.value == "hi"


async def test_fast_documents_are_swapped_in_and_agree_with_the_stock_ones() -> None:
    app = Boxes()
    async with app.run_test(size=(40, 10)) as pilot:
        area = app.query_one(TextArea)
        area.soft_wrap = True
        area.load_text("a long line of words that wraps more than once here\nsecond")
        await pilot.pause()
        stock_height = area.wrapped_document.height
        stock_text = area.document.text
        patches.speed_up(area)
        assert type(area.document) is patches.JoinedOnceDocument
        assert type(area.wrapped_document) is patches.CountedWrappedDocument
        assert area.wrapped_document.height == stock_height > 2
        assert area.document.text == stock_text
        area.insert("new ")
        assert area.document.text.startswith("new ")
        assert isinstance(area.document, Document)
        assert isinstance(area.wrapped_document, WrappedDocument)


def test_every_kind_of_screen_update_is_guarded() -> None:
    """The compositor's three kinds of update keep their strips where the guard looks."""
    from rich.segment import Segment
    from textual.geometry import Region

    def dirty() -> Strip:
        return Strip([Segment("a\x1b[2Jb")])

    layout = _compositor.LayoutUpdate([[dirty()]], Region(0, 0, 2, 1))
    inline = _compositor.InlineUpdate([dirty()])
    chops = _compositor.ChopsUpdate([{0: dirty(), 2: None}], [(0, 0, 2)], [[2]])
    for update in (layout, inline, chops):
        assert patches.guard_update(update) is update
    assert [s.text for line in layout.strips for s in line] == ["a[2Jb"]
    assert [s.text for s in inline.strips] == ["a[2Jb"]
    first = chops.chops[0][0]
    assert first is not None and first.text == "a[2Jb"
    clean = Strip([Segment("plain")])
    assert patches.safe_strip(clean) is clean
    assert patches.guard_update("not an update") == "not an update"


def test_a_lazy_option_draws_its_prompt_once_when_first_asked() -> None:
    made: list[str] = []

    def make() -> str:
        made.append("row")
        return "row"

    option = patches.LazyOption(make, id="a")
    assert made == []
    assert option.prompt == "row" and option.prompt == "row"
    assert made == ["row"] and option.id == "a"


class OneLine(patches.OneLineOptions):
    def one_line_rows(self) -> bool:
        return True


class Lists(App[None]):
    def compose(self) -> ComposeResult:
        yield OneLine(*[f"a long row {i} " * 20 for i in range(50)], id="one")
        yield OptionList(*[f"a long row {i} " * 20 for i in range(50)], id="stock")


async def test_one_line_options_count_one_line_per_option_without_drawing() -> None:
    app = Lists()
    async with app.run_test(size=(40, 20)) as pilot:
        await pilot.pause()
        one, stock = app.query_one("#one", OneLine), app.query_one("#stock", OptionList)
        assert one.virtual_size.height == 50
        assert stock.virtual_size.height > 50  # the stock list wraps each long row
        one.highlighted = 49
        await pilot.pause()
        assert one.scroll_offset.y > 0


class Painted(patches.GuardedApp):
    """Records what happened in which order: frames drawn and callbacks called."""

    def __init__(self) -> None:
        super().__init__()
        self.events: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static("hello")

    def on_mount(self) -> None:
        self.call_after_paint(lambda: self.events.append("callback"))
        self.events.append("mounted")

    def _display(self, screen: Any, renderable: Any) -> None:
        if renderable is not None and not self._batch_count:
            self.events.append("frame")
        super()._display(screen, renderable)


async def test_a_callback_after_paint_runs_once_the_next_frame_is_drawn() -> None:
    app = Painted()
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.pause()
        assert app.events.count("callback") == 1
        assert app.events.index("mounted") < app.events.index("frame") < \
            app.events.index("callback")


class Marked(Screen[None]):
    """A plain screen with one styled widget."""

    DEFAULT_CSS = "Marked Static.marked { width: 7; }"

    def compose(self) -> ComposeResult:
        yield Static("x", classes="marked")


class MarkedStyledAsMounted(patches.StyledAsMounted[None], Marked):
    DEFAULT_CSS = "MarkedStyledAsMounted Static.marked { width: 7; }"


async def test_a_screen_styled_as_mounted_is_not_styled_again_when_first_shown(
        monkeypatch: Any) -> None:
    """Textual styles a plain screen again when it is first shown (the handler reads the
    event's ``refresh_styles``); the patched one keeps the styles its widgets were given as
    they mounted."""
    restyled: list[DOMNode] = []
    update_styles = App.update_styles

    def noted(self: App[Any], node: DOMNode, animate: bool = True) -> None:
        restyled.append(node)
        update_styles(self, node, animate)

    monkeypatch.setattr(App, "update_styles", noted)
    app: App[None] = App()
    async with app.run_test() as pilot:
        for screen, again in ((Marked(), True), (MarkedStyledAsMounted(), False)):
            restyled.clear()
            await app.push_screen(screen)
            await pilot.pause()
            assert (screen in restyled) is again
            assert screen.query_one(Static).styles.width is not None
            assert screen.query_one(Static).styles.width.value == 7
            assert screen.query_one(Static).region.width == 7


# -- the terminal's input: a paste stays a paste ---------------------------------------------


def _parsed(parser: PasteSafeParser | XTermParser, chunks: list[str]) -> list[tuple[str, str]]:
    found = []
    for chunk in chunks:
        for event in parser.feed(chunk):
            if isinstance(event, events.Paste):
                found.append(("paste", event.text))
            elif isinstance(event, events.Key):
                found.append(("key", event.key))
    return found


PASTED = "\x1b[200~P2 \x1b[0mx\x06after \x1b]0;title\x07tab\there\x1b[201~z"


def test_a_paste_with_escapes_in_it_stays_one_paste_without_them() -> None:
    wanted = [("paste", "P2 x\x06after tab\there"), ("key", "z")]
    assert _parsed(PasteSafeParser(), [PASTED]) == wanted
    assert _parsed(PasteSafeParser(), list(PASTED)) == wanted  # one character at a time
    # Textual's own parser breaks the same paste up into keys (what this module fixes).
    assert ("key", "ctrl+f") in _parsed(XTermParser(), [PASTED])


def test_keys_around_a_paste_are_keys_and_markers_cut_in_two_are_found() -> None:
    chunks = ["\x1b[A", "a", "\x1b[2", "00~", "x\x1b", "[31", "mred\x1b[2", "01~b"]
    assert _parsed(PasteSafeParser(), chunks) == [
        ("key", "up"), ("key", "a"), ("paste", "xred"), ("key", "b")]


def test_an_escape_key_outside_a_paste_is_not_held_back() -> None:
    parser = PasteSafeParser()
    assert list(parser.feed("\x1b")) == []  # an escape key, or the start of a sequence
    time.sleep(ESCAPE_DELAY + 0.05)
    assert [event.key for event in parser.tick() if isinstance(event, events.Key)] == [
        "escape"]


def test_input_that_ends_inside_a_paste_gives_what_came() -> None:
    parser = PasteSafeParser()
    found = _parsed(parser, ["\x1b[200~half \x1b[1mway"])
    assert found == []
    assert [e.text for e in parser.feed("") if isinstance(e, events.Paste)] == ["half way"]


def test_install_makes_the_terminal_driver_use_the_paste_safe_parser(monkeypatch) -> None:
    monkeypatch.setattr(linux_driver, "XTermParser", XTermParser)
    install_paste_guard()
    assert linux_driver.XTermParser is PasteSafeParser


def test_an_escape_string_with_no_end_loses_only_its_escape() -> None:
    assert without_escapes("see \x1bPrice list") == "see rice list"
    assert without_escapes("a\x1b]no end, then the rest") == "ano end, then the rest"
    assert without_escapes("t\x1b]0;title\x07ext \x1b[1mbold\x1b[0m") == "text bold"
