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
    """Settings are read before the event loop starts, the content on a thread of its own
    once the app shows (and only once)."""
    app = live_app(tmp_path)
    read = content._read
    readers: list[str] = []
    paths: list[Path] = []

    def refuse(*_args: object, **_kwargs: object) -> object:
        raise AssertionError("read a file on the event loop")

    def spy(path: Path) -> str:
        readers.append(threading.current_thread().name)
        paths.append(path)
        return read(path)

    monkeypatch.setattr(content, "_read", spy)
    monkeypatch.setattr(settings, "load_settings", refuse)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_live(pilot)
        await pilot.press("f3", "f3", "f3", "f5")
        await pilot.pause()
        assert app.screen.query_one("#thank-you-draft")
        await pilot.press("f5", "ctrl+down", "ctrl+down", "ctrl+down", "ctrl+down", "ctrl+r")
        await pilot.pause()
    assert readers and set(readers) == {"reading the content"}
    assert len(paths) == len(set(paths))


async def test_the_methods_views_read_no_file_on_the_event_loop(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.reflect_data import fixed_clock
    from tests.routine_data import NOW, save_routine_records
    from tests.uitools import make_app, until
    from tui.core import company_file, hypotheses
    from tui.core.conversation_files import ConversationFiles

    readers: list[str] = []

    def spying(read: object) -> object:
        def spy(*args: object, **kwargs: object) -> object:
            readers.append(threading.current_thread().name)
            return read(*args, **kwargs)  # type: ignore[operator]
        return spy

    monkeypatch.setattr(company_file, "load_records", spying(company_file.load_records))
    monkeypatch.setattr(hypotheses, "load_records", spying(hypotheses.load_records))
    monkeypatch.setattr(ConversationFiles, "read", spying(ConversationFiles.read))
    app = make_app(tmp_path)
    fixed_clock(app, NOW)
    save_routine_records(app.store)
    async with app.run_test(size=(80, 24)) as pilot:
        main = threading.current_thread().name
        await pilot.press("c")
        await until(pilot, lambda: getattr(app.screen, "loaded", False))
        await pilot.press("enter")
        await until(pilot, lambda: getattr(app.screen, "learned_ready", False))
        await pilot.press("escape", "escape", "h")
        await until(pilot, lambda: getattr(app.screen, "loaded", False))
        await pilot.press("escape", "enter")  # a conversation: Prep and Reflect show links
        await until(pilot, lambda: "Tests" in str(app.screen.query("#prep-tests").first()
                                                  .render()) if app.screen.query("#prep-tests")
                    else False)
        await pilot.press("f5", "f8")
        await pilot.pause()
    assert len(readers) >= 5 and main not in readers, readers
