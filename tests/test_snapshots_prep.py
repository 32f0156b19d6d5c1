"""SVG snapshots of the Prep pane's four parts (update with --snapshot-update on purpose)."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from tests.snapshot_tools import (
    background_work_shown,
    sample_conversation,
    snapshot_app,
    until_saved,
)
from tests.uitools import _key, until
from tui.app import CoffeechatApp

MONDAY = datetime(2026, 11, 23, 10, 0, tzinfo=timezone.utc)


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """The send-time tip and "in N days" depend on the day: pin it."""
    monkeypatch.setattr(CoffeechatApp, "now", lambda self: MONDAY)


def keys(*presses: str) -> list[str]:
    """Key names; a string longer than one key name that starts with ':' is typed out."""
    out: list[str] = []
    for press in presses:
        out.extend([_key(ch) for ch in press[1:]] if press.startswith(":") else [press])
    return out


def settle(*presses: str) -> Any:
    """A run_before that presses keys, then saves so the indicator reads "saved"."""

    async def run_before(pilot: Any) -> None:
        await pilot.press(*keys(*presses))
        await pilot.pause()
        await until_saved(pilot)
        await until(pilot, lambda: background_work_shown(pilot.app))

    return run_before


def test_prep_research_snapshot(snap_compare, tmp_path: Path) -> None:
    app = snapshot_app(tmp_path)
    sample_conversation(app)
    assert snap_compare(app, terminal_size=(100, 30), run_before=settle(
        "enter", "f3", "space", "down", "space", "n", ":Her post on [b]queues[/]", "enter",
        "down"))


def test_prep_questions_snapshot(snap_compare, tmp_path: Path) -> None:
    app = snapshot_app(tmp_path)
    sample_conversation(app)
    assert snap_compare(app, terminal_size=(80, 24), run_before=settle(
        "enter", "f3", "f3", "slash", ":mentr", "down", "enter"))


def test_prep_outreach_snapshot(snap_compare, tmp_path: Path) -> None:
    app = snapshot_app(tmp_path)
    sample_conversation(app)
    assert snap_compare(app, terminal_size=(80, 24), run_before=settle("enter", "f3", "3",
                                                                       "enter"))


def test_prep_schedule_snapshot_narrow(snap_compare, tmp_path: Path) -> None:
    app = snapshot_app(tmp_path)
    sample_conversation(app)
    assert snap_compare(app, terminal_size=(60, 24), run_before=settle(
        "enter", "f3", "4", "enter", "ctrl+u", ":fri 25pm"))
