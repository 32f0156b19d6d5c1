"""The way in and out: the command starts without the cyclic garbage collector, a subcommand
ends its process at once, the app turns the collector back on once its first frame is drawn
(it runs for hours) and stops its background work when it leaves."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
import threading
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
    monkeypatch.setattr(launch, "leave", lambda code: None)
    assert launch.main() == 0
    assert seen == [False]


@pytest.mark.parametrize("app_ran", [False, True])
def test_a_subcommand_ends_the_process_at_once_the_app_does_not(
        monkeypatch: pytest.MonkeyPatch, collector_restored: None, app_ran: bool) -> None:
    left: list[int] = []
    monkeypatch.setattr(cli, "main", lambda: 3)
    monkeypatch.setattr(launch.os, "_exit", left.append)
    if app_ran:
        monkeypatch.setitem(sys.modules, "tui.app", app_module)
    else:
        monkeypatch.delitem(sys.modules, "tui.app")
    assert launch.main() == 3
    assert left == ([] if app_ran else [3])


@pytest.mark.parametrize("argv", [["list", "--json"], ["new", "Ada Lovelace"], ["show", "nope"]])
def test_a_subcommand_process_writes_all_and_keeps_its_exit_code(
        tmp_path: Path, subprocess_env: dict[str, str], argv: list[str]) -> None:
    data = tmp_path / "data"
    made = subprocess.run([sys.executable, "-m", "tui", "--data-dir", str(data), "new", "Bo"],
                          capture_output=True, text=True, env=subprocess_env, timeout=60)
    assert made.returncode == 0, made.stderr
    result = subprocess.run([sys.executable, "-m", "tui", "--data-dir", str(data), *argv],
                            capture_output=True, text=True, env=subprocess_env, timeout=60)
    if argv[0] == "show":  # a failure: its message and its exit code
        assert result.returncode == 2 and "nope" in result.stderr, result
        return
    assert result.returncode == 0, result.stderr
    listed = subprocess.run([sys.executable, "-m", "tui", "--data-dir", str(data), "list",
                             "--json"], capture_output=True, text=True, env=subprocess_env,
                            timeout=60)
    expected = ["Ada Lovelace", "Bo"] if argv[0] == "new" else ["Bo"]
    assert sorted(row["contact"] for row in json.loads(listed.stdout)) == expected
    if argv[0] == "list":  # the whole listing reached the pipe
        assert json.loads(result.stdout) == json.loads(listed.stdout)


async def test_the_app_turns_the_collector_on_after_its_first_frame(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, collector_restored: None) -> None:
    monkeypatch.setattr(app_module.gc, "freeze", lambda: None)  # one process, many apps
    monkeypatch.setattr(app_module, "preload", lambda: None)
    app = make_app(tmp_path)
    app.in_terminal = True
    gc.disable()
    async with app.run_test() as pilot:
        for _ in range(100):
            await pilot.pause(0.01)
            if gc.isenabled():
                break
        assert gc.isenabled()


async def test_leaving_the_app_stops_its_background_work(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Textual waits for the upkeep's thread before the app can end: the work must be told to
    stop when the app leaves, not once it has ended (a search index being built at 10,000
    conversations held ctrl+q for over ten seconds)."""
    seen: list[bool] = []

    def slow_upkeep(store: object, report: object, stop: threading.Event, *_: object) -> None:
        seen.append(stop.wait(30))  # a long rebuild that checks for the stop as it goes

    monkeypatch.setattr(app_module, "upkeep", slow_upkeep)
    app = make_app(tmp_path)
    async with app.run_test() as pilot:
        for _ in range(100):
            await pilot.pause(0.01)
            if app.workers:
                break
        await pilot.press("ctrl+q")
    assert app.upkeep_done.wait(10)
    assert seen == [True]
