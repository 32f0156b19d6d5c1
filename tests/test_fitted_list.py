"""A long checklist step keeps its second line when the list's scrollbar appears (an item
grew a note line) without the terminal being resized."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.widgets.option_list import Option

from tui.panes.prep.checklist import ChecklistList

LONG = ("[ ] Get a feel for the culture from the careers page, employee reviews and what staff "
        "post publicly.")  # 100 cells: one line at 100 columns, two once a scrollbar takes 2


class ListApp(App[None]):
    CSS = "ChecklistList { height: 8; border: none; padding: 0; }"

    def compose(self) -> ComposeResult:
        yield ChecklistList(Option(LONG, id="long"),
                            *[Option(f"step {i}", id=f"s{i}") for i in range(5)])


async def test_a_long_step_wraps_again_when_the_scrollbar_appears() -> None:
    app = ListApp()
    async with app.run_test(size=(100, 20)) as pilot:
        listing = app.query_one(ChecklistList)
        await pilot.pause()
        assert not listing.show_vertical_scrollbar
        listing.replace_option_prompt("s0", "step 0\n    ↳ a note\n    ↳ and more\nof it")
        await pilot.pause()
        assert listing.show_vertical_scrollbar
        lines = [strip.text.rstrip() for strip in
                 listing.render_lines(Region(0, 0, listing.size.width, 3))]
        assert lines[0].endswith("what staff post")
        assert lines[1] == "publicly."
