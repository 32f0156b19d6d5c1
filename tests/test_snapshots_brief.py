"""SVG snapshots of Prep's Last time part (the brief before meeting someone again) at 100x30
and in a 60x24 split."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.review_tools import fill, until
from tests.snapshot_tools import snapshot_app, until_saved, until_still
from tui.panes.prep import PrepPane
from tui.screens.conversation import ConversationScreen


async def _brief(pilot: Any) -> None:
    app = pilot.app
    app.screen.query_one("#conversation-list").select_id("chat-marcus-2")
    await pilot.press("enter")
    screen = await until(pilot, lambda: isinstance(app.screen, ConversationScreen)
                         and app.screen)
    await until(pilot, lambda: screen.query_one(PrepPane).brief is not None)
    await pilot.press("f3")
    await until(pilot, lambda: app.focused is screen.query_one("#brief-rows"))
    await until_saved(pilot)
    await until_still(pilot)


def test_prep_brief_snapshot(snap_compare, tmp_path: Path) -> None:
    app = snapshot_app(tmp_path)
    fill(app.store)
    assert snap_compare(app, terminal_size=(100, 30), run_before=_brief)


def test_prep_brief_snapshot_narrow(snap_compare, tmp_path: Path) -> None:
    app = snapshot_app(tmp_path)
    fill(app.store)
    assert snap_compare(app, terminal_size=(60, 24), run_before=_brief)
