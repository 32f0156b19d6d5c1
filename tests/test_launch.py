"""The command starts without the cyclic garbage collector, and the app turns it back on once
its first frame is drawn (it runs for hours)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.uitools import make_app
from tui import app as app_module
from tui import cli, launch


@pytest.fixture
def collector_restored() -> Iterator[None]:
    """Whatever a test does to the collector, it is on again afterwards."""
    try:
        yield
    finally:
        gc.enable()


def test_the_command_line_runs_without_the_collector(
        monkeypatch: pytest.MonkeyPatch, collector_restored: None) -> None:
    seen: list[bool] = []
    monkeypatch.setattr(cli, "main", lambda: seen.append(gc.isenabled()) or 0)
    assert launch.main() == 0
    assert seen == [False]


async def test_the_app_turns_the_collector_on_after_its_first_frame(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, collector_restored: None) -> None:
    monkeypatch.setattr(app_module.gc, "freeze", lambda: None)  # one process, many apps
    app = make_app(tmp_path)
    app.in_terminal = True
    gc.disable()
    async with app.run_test() as pilot:
        for _ in range(100):
            await pilot.pause(0.01)
            if gc.isenabled():
                break
        assert gc.isenabled()
