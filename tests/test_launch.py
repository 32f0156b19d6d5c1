"""The command starts without the cyclic garbage collector, and the app turns it back on once
its first frame is drawn (it runs for hours)."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
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
