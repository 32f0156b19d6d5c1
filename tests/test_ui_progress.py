"""Pilot tests of the Progress view."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Sparkline

from tests.reflect_data import fixed_clock
from tests.routine_data import NOW, save_routine_records
from tests.snapshot_tools import snapshot_app
from tests.uitools import make_app
from tui.core.models import Conversation
from tui.core.progress import progress
from tui.screens.home import HomeScreen
from tui.screens.progress import ProgressScreen
from tui.widgets.due_list import DueList


def text(app: Any, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


async def open_progress(pilot: Any) -> None:
    await pilot.press("p")
    for _ in range(200):  # the numbers are worked out in a thread
        if "As of" in text(pilot.app, "#progress-status"):
            return
        await pilot.pause(0.02)
    raise AssertionError("the numbers never came")


async def test_progress_shows_the_funnel_months_and_weekdays(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    fixed_clock(app, NOW)
    save_routine_records(app.store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_progress(pilot)
        assert isinstance(app.screen, ProgressScreen)
        assert text(app, "#progress-status") == "As of 2026-12-03 · 3 conversations"
        funnel = text(app, "#progress-funnel").splitlines()
        assert funnel[1].startswith("Reached out          3  100% ███")
        assert funnel[3].rstrip() == "Held                 0    0%"
        weekdays = text(app, "#progress-weekdays").splitlines()
        assert weekdays[0].startswith("Mon   1/2    50% ")
        assert weekdays[0].endswith("· median 1d")
        assert weekdays[1].endswith("· 1 waiting")
        assert app.screen.query_one(Sparkline).data == [0] * 12
        assert "2025-12 … 2026-11" not in text(app, "#progress-months-caption")
        assert text(app, "#progress-months-caption").startswith("2026-01 … 2026-12")
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_p_in_the_filter_is_text(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.press("slash", "p")
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.query_one("#filter", Input).value == "p"


def test_progress_snapshot(snap_compare, tmp_path: Path) -> None:
    app = snapshot_app(tmp_path)
    fixed_clock(app, NOW)
    save_routine_records(app.store)
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_progress)


def test_progress_snapshot_narrow(snap_compare, tmp_path: Path) -> None:
    app = snapshot_app(tmp_path)
    fixed_clock(app, NOW)
    save_routine_records(app.store)
    assert snap_compare(app, terminal_size=(60, 24), run_before=open_progress)


async def _home_settled(pilot: Any) -> None:
    app = pilot.app
    for _ in range(300):  # what is due, then the numbers ahead, on threads
        if not any(w.is_running or w.state.name == "PENDING" for w in app.workers) and \
                app.screen.query_one(DueList).due is not None:
            return
        await pilot.pause(0.02)
    raise AssertionError("home never settled")


async def test_progress_opens_with_numbers_worked_out_ahead_and_again_after_a_change(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    worked_out: list[int] = []

    def counted(*args: Any, **kwargs: Any) -> Any:
        worked_out.append(1)
        return progress(*args, **kwargs)

    monkeypatch.setattr("tui.screens.progress_numbers.progress", counted)
    app = make_app(tmp_path)
    fixed_clock(app, NOW)
    save_routine_records(app.store)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(200):  # ahead, once home's own work was done
            if worked_out:
                break
            await pilot.pause(0.02)
        await _home_settled(pilot)
        assert len(worked_out) == 1
        await pilot.press("p")
        assert isinstance(app.screen, ProgressScreen)
        assert text(app, "#progress-status") == "As of 2026-12-03 · 3 conversations"
        assert len(worked_out) == 1  # shown as the screen mounted, from what was kept
        await pilot.press("escape")
        contact = app.store.contacts()[0]
        app.store.save_conversation(Conversation(contact_id=contact.id))  # a fourth chat
        await _home_settled(pilot)
        await open_progress(pilot)
        assert text(app, "#progress-status") == "As of 2026-12-03 · 4 conversations"
        assert len(worked_out) == 2  # the records changed: worked out again
        await pilot.press("r")
        await pilot.pause()
        for _ in range(100):
            if len(worked_out) == 3:
                break
            await pilot.pause(0.02)
        assert len(worked_out) == 3  # r always works them out again
