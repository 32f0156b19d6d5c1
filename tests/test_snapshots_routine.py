"""Snapshots of the outreach follow-up routine's views (the nudge, the second person)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.reflect_data import fixed_clock
from tests.routine_data import NOW, save_routine_records
from tests.snapshot_tools import press_then_saved, snapshot_app
from tui.widgets.due_list import DueList


def routine_snapshot_app(tmp_path: Path) -> Any:
    app = snapshot_app(tmp_path)
    fixed_clock(app, NOW)
    save_routine_records(app.store)
    return app


def open_step(kind: str) -> Any:
    async def run_before(pilot: Any) -> None:
        await pilot.press("3")
        due = pilot.app.screen.query_one(DueList)
        key = next(k for k, i in due.items.items() if i.kind == kind)
        due.highlighted = due.get_option_index(key)
        await pilot.press("enter")
        await pilot.pause()

    return run_before


def test_due_list_with_routine_steps_snapshot(snap_compare, tmp_path: Path) -> None:
    app = routine_snapshot_app(tmp_path)
    assert snap_compare(app, terminal_size=(80, 24), run_before=press_then_saved("3"))


def test_nudge_snapshot(snap_compare, tmp_path: Path) -> None:
    app = routine_snapshot_app(tmp_path)
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_step("outreach-follow-up"))


def test_second_person_snapshot_narrow(snap_compare, tmp_path: Path) -> None:
    app = routine_snapshot_app(tmp_path)
    assert snap_compare(app, terminal_size=(60, 24),
                        run_before=open_step("outreach-second-contact"))
