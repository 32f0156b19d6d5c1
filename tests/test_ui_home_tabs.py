"""Home's tab titles keep their counts whole in a narrow split: the keys that pick a tab
([1]-[3]) are shown only while every title fits with them."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import TabbedContent

from tests.uitools import make_app
from tui.widgets.tab_titles import tab_titles

TABS = [("conversations", "Conversations (1000)", "1"), ("contacts", "Contacts (600)", "2"),
        ("due", "Due (2689)", "3")]


def test_the_keys_go_first_and_all_together() -> None:
    assert tab_titles(TABS, 62) == {"conversations": "Conversations (1000) [1]",
                                    "contacts": "Contacts (600) [2]", "due": "Due (2689) [3]"}
    assert tab_titles(TABS, 61) == {"conversations": "Conversations (1000)",
                                    "contacts": "Contacts (600)", "due": "Due (2689)"}


def _titles(app) -> list[str]:  # type: ignore[no-untyped-def]
    tabs = app.screen.query_one(TabbedContent)
    return [str(tabs.get_tab(ident).label) for ident in ("conversations", "contacts", "due")]


async def test_a_narrower_terminal_drops_the_keys_and_a_wider_one_brings_them_back(
        tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        wide = _titles(app)
        assert all(title.endswith(f"[{key}]") for key, title in enumerate(wide, 1))
        needed = sum(len(title) + 2 for title in wide)
        await pilot.resize_terminal(needed - 1, 24)
        await pilot.pause()
        narrow = _titles(app)
        assert narrow == [title.rsplit(" [", 1)[0] for title in wide]
        assert narrow[0].startswith("Conversations (") and narrow[2].startswith("Due (")
        await pilot.press("3")  # the keys still pick the tabs
        await pilot.pause()
        assert app.screen.query_one(TabbedContent).active == "due"
        tabs = [app.screen.query_one(TabbedContent).get_tab(ident)
                for ident in ("conversations", "contacts", "due")]
        assert tabs[0].region.x == 0 and tabs[-1].region.right <= needed - 1  # none scrolled
        await pilot.resize_terminal(needed, 24)
        await pilot.pause()
        assert _titles(app) == wide
