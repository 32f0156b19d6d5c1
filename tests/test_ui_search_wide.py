"""Search results in a narrow terminal: wide characters never push the match out of its row."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.geometry import Region
from textual.widgets import OptionList

from tests.review_tools import until
from tests.test_ui_search import _search
from tests.uitools import make_app
from tui.core.models import Contact, Conversation


@pytest.mark.parametrize("width", [80, 60])
async def test_the_match_shows_on_the_second_line_of_each_row(tmp_path: Path,
                                                               width: int) -> None:
    app = make_app(tmp_path)
    app.store.save_contact(Contact(id="p1", name="Snip"))
    for number, filler in enumerate(("😀 ", "李小龍 ", "a ")):
        app.store.save_conversation(Conversation(id=f"w{number}", contact_id="p1",
                                                 goal=filler * 60 + "target"))
    async with app.run_test(size=(width, 24)) as pilot:
        await until(pilot, lambda: app.upkeep_done.is_set())
        screen = await _search(app, pilot, "target")
        assert len(screen.hits) == 3
        rows = screen.query_one("#search-results", OptionList)
        await until(pilot, lambda: rows.option_count == 3 and rows.size.width > 0)
        await pilot.pause()
        lines = rows.render_lines(Region(0, 0, rows.size.width, 6))
        for head, body in zip(lines[0::2], lines[1::2], strict=True):
            assert "Snip" in head.text
            shown = [s.text for s in body if s.style and s.style.reverse]
            assert "".join(shown) == "target", body.text
