"""SVG snapshots of the review screens: the read-only view (and, below, the person page and
search) at 100x30 and in a 60x24 split."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.review_tools import fill, until
from tests.snapshot_tools import snapshot_app, until_still
from tests.uitools import type_text
from tui.screens.person import PersonScreen
from tui.screens.read import ReadScreen
from tui.screens.search import SearchScreen


def _reading(conversation_id: str) -> Any:
    async def run_before(pilot: Any) -> None:
        app = pilot.app
        app.screen.query_one("#conversation-list").select_id(conversation_id)
        await pilot.press("v")
        screen = await until(pilot, lambda: isinstance(app.screen, ReadScreen) and app.screen)
        await until(pilot, lambda: screen.all_shown is not None)
        await until_still(pilot)

    return run_before


def test_read_view_snapshot(snap_compare, tmp_path: Path) -> None:
    app = snapshot_app(tmp_path)
    fill(app.store)
    assert snap_compare(app, terminal_size=(100, 30), run_before=_reading("chat-marcus"))


def test_read_view_snapshot_narrow(snap_compare, tmp_path: Path) -> None:
    app = snapshot_app(tmp_path)
    fill(app.store)
    assert snap_compare(app, terminal_size=(60, 24), run_before=_reading("chat-marcus"))


def _person(contact_id: str) -> Any:
    async def run_before(pilot: Any) -> None:
        app = pilot.app
        await pilot.press("2")
        app.screen.query_one("#contact-list").select_id(contact_id)
        await pilot.press("enter")
        screen = await until(pilot, lambda: isinstance(app.screen, PersonScreen) and app.screen)
        await until(pilot, lambda: screen.history is not None)
        await until_still(pilot)

    return run_before


def test_person_page_snapshot(snap_compare, tmp_path: Path) -> None:
    app = snapshot_app(tmp_path)
    fill(app.store)
    assert snap_compare(app, terminal_size=(100, 30), run_before=_person("c-marcus"))


def test_person_page_snapshot_narrow(snap_compare, tmp_path: Path) -> None:
    app = snapshot_app(tmp_path)
    fill(app.store)
    assert snap_compare(app, terminal_size=(60, 24), run_before=_person("c-marcus"))


def _searching(text: str) -> Any:
    async def run_before(pilot: Any) -> None:
        app = pilot.app
        await until(pilot, lambda: app.upkeep_done.is_set())
        await pilot.press("ctrl+f")
        screen = await until(pilot, lambda: isinstance(app.screen, SearchScreen) and app.screen)
        await until(pilot, lambda: screen._index is not None)
        await type_text(pilot, text)
        await until(pilot, lambda: screen.result is not None
                    and screen.result.query.text == text)
        await until_still(pilot)

    return run_before


def test_search_snapshot(snap_compare, tmp_path: Path) -> None:
    app = snapshot_app(tmp_path)
    fill(app.store)
    assert snap_compare(app, terminal_size=(100, 30), run_before=_searching("ddia"))


def test_search_snapshot_narrow(snap_compare, tmp_path: Path) -> None:
    app = snapshot_app(tmp_path)
    fill(app.store)
    assert snap_compare(app, terminal_size=(60, 24), run_before=_searching("ddia"))
