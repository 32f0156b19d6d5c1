"""The event loop never waits on the disk for settings or content: both are read before it
starts, and a changed setting is written in a thread."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from tests.live_tools import live_app, open_live
from tui.core import content, settings


async def test_a_changed_setting_is_written_off_the_event_loop(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    writers: list[str] = []
    write = settings.write_settings

    def spy(values: dict[str, object], folder: Path | None = None) -> None:
        writers.append(threading.current_thread().name)
        write(values, folder)

    monkeypatch.setattr(settings, "write_settings", spy)
    app = live_app(tmp_path)
    async with app.run_test() as pilot:
        main = threading.current_thread().name
        app.theme = "gruvbox"
        for _ in range(50):
            await pilot.pause(0.02)
            if writers:
                break
        assert writers and writers[0] != main
    assert settings.load_settings(tmp_path / "config")["theme"] == "gruvbox"


async def test_panes_read_no_file_once_the_app_runs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = live_app(tmp_path)

    def refuse(*_args: object, **_kwargs: object) -> object:
        raise AssertionError("read a file on the event loop")

    monkeypatch.setattr(content, "_read", refuse)
    monkeypatch.setattr(settings, "load_settings", refuse)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_live(pilot)
        await pilot.press("f3", "f3", "f3", "f5")
        await pilot.pause()
        assert app.screen.query_one("#thank-you-draft")
        await pilot.press("f5", "ctrl+down", "ctrl+down", "ctrl+down", "ctrl+down", "ctrl+r")
        await pilot.pause()
