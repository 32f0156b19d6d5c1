"""Home at start: the conversations are listed once, then the contacts and what is due follow
(nothing is built twice while the app comes up)."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from tests.reflect_data import busy_history, fixed_clock
from tests.uitools import make_app
from tui.app import CoffeechatApp
from tui.core.models import Contact
from tui.screens.home import HomeScreen
from tui.widgets.due_list import DueList
from tui.widgets.record_lists import ContactList, ConversationList


def busy_app(folder: Path) -> CoffeechatApp:
    """An app on a history with things due, its clock fixed."""
    app = make_app(folder)
    fixed_clock(app)
    busy_history(app)
    return app


async def test_start_builds_each_list_once(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[str] = []
    for cls, method in ((ConversationList, "show"), (ContactList, "show_contacts")):
        original = getattr(cls, method)

        def counted(self: object, *args: object, _original=original, _name=cls.__name__,
                    **kwargs: object) -> None:
            built.append(_name)
            _original(self, *args, **kwargs)

        monkeypatch.setattr(cls, method, counted)
    app = busy_app(tmp_path)
    async with app.run_test(size=(100, 30)):
        home = app.screen
        assert isinstance(home, HomeScreen)
        deadline = time.monotonic() + 10
        while home.query_one(DueList).due is None and time.monotonic() < deadline:
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.05)  # a second build would follow what is due
        due = home.query_one(DueList).due
        assert due  # the history has things due, so the contacts could have been re-shown
        assert home.query_one(ContactList).option_count > 0
        assert built == ["ConversationList", "ContactList"]


async def test_the_first_frame_does_not_wait_for_what_is_due(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The conversations are drawn first; the contacts and what is due are worked out once
    that frame is on the screen, not before it."""
    seen: list[tuple[int, object]] = []
    display = CoffeechatApp._display

    def drawn(self: CoffeechatApp, screen: object, renderable: object) -> None:
        if (isinstance(screen, HomeScreen) and renderable is not None and not seen
                and not self._batch_count):  # a frame Textual draws
            seen.append((screen.query_one(ConversationList).option_count,
                         screen.query_one(DueList).due))
        display(self, screen, renderable)  # type: ignore[arg-type]

    monkeypatch.setattr(CoffeechatApp, "_display", drawn)
    app = busy_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen)
        for _ in range(100):
            await pilot.pause(0.01)
            if home.query_one(DueList).due is not None:
                break
        assert home.query_one(DueList).due  # worked out once the frame was drawn
    rows, due = seen[0]
    assert rows > 0 and due is None


async def test_empty_lists_say_what_to_do(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(60, 24)) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen)
        chats = home.query_one(ConversationList)
        assert [str(o.prompt) for o in chats.options] == [
            "No conversations yet: n plans one, a adds a contact."]
        assert chats.highlighted is None  # a hint, not something to open
        await pilot.press("enter")
        assert app.screen is home
        await pilot.press("2")
        contacts = home.query_one(ContactList)
        assert [str(o.prompt) for o in contacts.options] == [
            "No contacts yet: a adds one; ctrl+p imports them."]
        await pilot.press("1", "slash")
        for key in "zzz":
            await pilot.press(key)
        assert [str(o.prompt) for o in chats.options] == [
            "No conversations yet: n plans one, a adds a contact."]
    busy = make_app(tmp_path / "busy")
    busy_history(busy)
    async with busy.run_test(size=(60, 24)) as pilot:
        home = busy.screen
        await pilot.press("slash")
        for key in "zzzq":
            await pilot.press(key)
        chats = home.query_one(ConversationList)
        assert [str(o.prompt) for o in chats.options] == [
            "Nothing matches the filter (esc clears it)."]


async def test_coming_back_rebuilds_only_what_changed(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[tuple[str, bool]] = []
    original = HomeScreen.refresh_lists

    def counted(self: HomeScreen, reload: bool = True, clock: bool = False) -> None:
        built.append(("reload" if reload else "clock", clock))
        original(self, reload, clock)

    monkeypatch.setattr(HomeScreen, "refresh_lists", counted)
    app = busy_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen)
        await pilot.pause()
        built.clear()
        await pilot.press("f1")  # a screen that changes nothing
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is home and built == []
        await pilot.press("f1")
        await pilot.pause()
        assert app.screen is not home
        home._clock_tick()  # the clock ticks while help is on top: nothing is built...
        assert built == []
        await pilot.press("escape")
        await pilot.pause()
        assert built == [("clock", True)]  # ...until home shows again
        built.clear()
        await pilot.press("f1")
        app.store.save_contact(Contact(name="Zoe Newcomer", id="z1"))  # changed meanwhile
        await pilot.press("escape")
        await pilot.pause()
        assert built == [("reload", False)]
        await pilot.press("2")
        names = [str(o.prompt) for o in home.query_one(ContactList).options]
        assert any("Zoe Newcomer" in n for n in names)


async def test_the_minute_clock_leaves_an_unchanged_due_list_alone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("tui.widgets.due_list.BACKGROUND_DUE_FROM", 1)  # on a thread, as at scale
    rebuilt: list[int] = []
    original = DueList.add_options

    def counted(self: DueList, *args: object, **kwargs: object) -> DueList:
        rebuilt.append(1)
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(DueList, "add_options", counted)
    app = busy_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen)
        due = home.query_one(DueList)

        async def worked_out() -> None:
            deadline = time.monotonic() + 10
            while (due.due is None or any(w.is_running for w in app.workers)) \
                    and time.monotonic() < deadline:
                await asyncio.sleep(0.01)
            await pilot.pause()

        await worked_out()
        shown = [o.id for o in due.options]
        assert due.due and rebuilt
        rebuilt.clear()
        home.refresh_lists(reload=False, clock=True)  # the minute clock: the same things due
        await worked_out()
        assert rebuilt == [] and [o.id for o in due.options] == shown
        app.store.save_contact(app.store.contacts()[0])  # unchanged data, new snapshots
        home.refresh_lists()
        await worked_out()
        assert rebuilt == []
