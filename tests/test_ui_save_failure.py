"""A save that fails is visible on every screen with its reason, quitting says what would be
lost, and leaving with unsaved data writes a recovery file and exits non-zero."""

from __future__ import annotations

import errno
import json
import time
from pathlib import Path

import pytest

from tests.uitools import make_app, stored, type_text
from tui.app import CoffeechatApp
from tui.app_run import run_app
from tui.core import persist
from tui.core.models import Contact
from tui.core.storage import DATA_FILE
from tui.core.store import Store
from tui.screens.home import HomeScreen
from tui.services.recovery import finish
from tui.widgets.save_indicator import SaveIndicator

FULL = "No space left on device"


class Disk:
    """The data file's disk: full or not, switched by the test."""

    def __init__(self, store: Store) -> None:
        self.full = False
        self._write = store.datafile.write
        self._write_file = store.datafile.write_file
        store.datafile.write = self.write  # type: ignore[method-assign]
        store.datafile.write_file = self.write_file  # type: ignore[method-assign]
        self.path = store.path

    def write(self, payload: bytes) -> None:
        if self.full:
            raise OSError(errno.ENOSPC, FULL, str(self.path))
        self._write(payload)

    def write_file(self, path: Path, payload: bytes) -> None:
        if self.full:
            raise OSError(errno.ENOSPC, FULL, str(path))
        self._write_file(path, payload)


@pytest.fixture(autouse=True)
def _quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(persist, "RETRY_SECONDS", 0.1)


async def _until(pilot, condition, seconds: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    # A generous deadline: on a busy machine the writer thread's retry can take seconds.
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        await pilot.pause(0.05)
        if condition():
            return
    raise AssertionError("the screen never showed it")


def _home_problem(app: CoffeechatApp) -> str:
    bar = app.screen.query_one("#save-problem", SaveIndicator)
    return str(bar.render()) if bar.display else ""


async def _plan(pilot, name: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("n")
    await type_text(pilot, name)
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_the_home_screen_shows_a_failed_save_and_its_recovery(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    disk = Disk(app.store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        assert _home_problem(app) == ""
        disk.full = True
        await _plan(pilot, "Home Three")
        assert isinstance(app.screen, HomeScreen)
        await _until(pilot, lambda: FULL in _home_problem(app))
        problem = _home_problem(app)
        assert str(tmp_path / DATA_FILE) in problem and "ctrl+s tries now" in problem
        toasts = " ".join(str(t.render()) for t in app.screen.query("Toast"))
        assert FULL in toasts
        disk.full = False
        # the problem line goes as the retry starts ("saving"); "saved" follows the write
        await _until(pilot, lambda: _home_problem(app) == "" and app.save_status[0] == "saved")
        assert app.save_status == ("saved", None)
    assert [c["name"] for c in stored(tmp_path, "contacts")] == ["Home Three"]


async def test_the_conversation_screen_says_why_it_is_not_saved(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    app.store.new_conversation(app.store.contact_for("Ana"))
    disk = Disk(app.store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "f3")
        await pilot.pause()
        disk.full = True
        assert app.focused is not None and app.focused.id == "checklist"
        await pilot.press("space")  # tick the first research step: any change will do
        indicator = app.screen.query_one(SaveIndicator)
        await _until(pilot, lambda: indicator.state == "error")
        assert f"✗ not saved: {FULL}" in str(indicator.render())
        tip = str(indicator.tooltip)  # the file that could not be written is named
        assert str(tmp_path / DATA_FILE) in tip or str(tmp_path / "conversations") in tip


async def test_quitting_after_a_failed_save_says_what_would_be_lost(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    disk = Disk(app.store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        disk.full = True
        await _plan(pilot, "Home Three")
        await _until(pilot, lambda: app.save_status[0] == "error")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running
        toasts = " ".join(str(t.render()) for t in app.screen.query("Toast"))
        assert "Quitting now leaves out contact Home Three (new), the conversation with " \
               "Home Three (new)" in " ".join(toasts.split())
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_value == 1


async def test_sigterm_with_unsaved_data_exits_non_zero(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    disk = Disk(app.store)
    async with app.run_test(size=(100, 30)) as pilot:
        disk.full = True
        await _plan(pilot, "Home Three")
        app.terminate()
        await pilot.pause()
    assert app.return_value == 1


def test_finish_writes_a_recovery_file_beside_the_data(tmp_path: Path, capsys) -> None:
    store = Store.open(tmp_path / "data", background=True)
    store.save_contact(Contact(name="Ana", id="a1"))
    assert store.flush()
    before = store.path.read_bytes()
    disk = Disk(store)
    disk.full = True
    store.save_contact(Contact(name="Home Three", id="h3"))
    assert finish(store, timeout=2) == 1
    store.close()
    assert store.path.read_bytes() == before  # never over the data
    [recovery] = (tmp_path / "data").glob("coffeechat-recovery-*.json")
    assert recovery.stat().st_mode & 0o777 == 0o600
    names = sorted(d["name"] for d in json.loads(recovery.read_text())["contacts"].values())
    assert names == ["Ana", "Home Three"]
    err = capsys.readouterr().err
    assert err.startswith("coffeechat: not saved: Could not save") and FULL in err
    assert str(recovery) in err and "contact Home Three (new)" in err
    assert f"coffeechat restore {recovery}" in err and err.count("\n") == 1


def test_finish_with_everything_saved_writes_nothing(tmp_path: Path, capsys) -> None:
    store = Store.open(tmp_path / "data", background=True)
    store.save_contact(Contact(name="Ana"))
    assert finish(store) == 0
    store.close()
    assert not list((tmp_path / "data").glob("*recovery*"))
    assert capsys.readouterr().err == ""


def test_run_app_leaves_a_recovery_file_and_exit_1(tmp_path: Path, capsys, monkeypatch) -> None:
    from tui.core.storage import DataFile

    real_write = DataFile.write
    full = {"on": False}

    def write(self: DataFile, payload: bytes) -> None:
        if full["on"]:
            raise OSError(errno.ENOSPC, FULL, str(self.path))
        real_write(self, payload)

    def run(self: CoffeechatApp) -> int:  # the user typed a name, then the disk filled up
        full["on"] = True
        self.store.save_contact(Contact(name="Typed Before The Hangup"))
        return 0

    monkeypatch.setattr(DataFile, "write", write)
    monkeypatch.setattr(CoffeechatApp, "run", run)
    assert run_app(tmp_path / "data") == 1
    [recovery] = (tmp_path / "data").glob("coffeechat-recovery-*.json")
    assert "Typed Before The Hangup" in recovery.read_text()
    assert str(recovery) in capsys.readouterr().err
