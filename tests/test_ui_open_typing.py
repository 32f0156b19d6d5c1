"""Keys typed while a conversation opens (its file is read off the event loop) are kept and
handed to its screen in the order they were typed: none reaches the list of chats."""

from __future__ import annotations

import time
from pathlib import Path

from textual.widgets import TabbedContent, TextArea

from tests.live_tools import live_app
from tests.reflect_data import busy_history, fixed_clock
from tests.test_ui_live_typing import burst, chars
from tests.uitools import make_app
from tui.dialogs.record_forms import ConversationForm
from tui.screens.conversation import ConversationScreen
from tui.screens.home import HomeScreen
from tui.widgets.due_list import DueList


async def until(pilot, condition, seconds: float = 10.0) -> bool:
    """Wait until ``condition()`` holds (True) or the deadline passes (False)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        await pilot.pause(0.02)
    return condition()


def live_note(app) -> str | None:
    """The first question's note on the Live pane, None while Live is not showing."""
    screen = app.screen
    if not isinstance(screen, ConversationScreen):
        return None
    panes = screen.query("#panes")
    if not panes or panes.first().active != "live":
        return None
    return screen.conversation.questions[0].note


async def test_f4_and_a_note_typed_right_after_enter_land_on_live(tmp_path: Path) -> None:
    app = live_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        burst(app, [("enter", None), ("f4", None), *chars("Fintech, then robots")])
        assert await until(pilot, lambda: live_note(app) == "Fintech, then robots"), (
            app.screen, live_note(app))
        assert [type(s) for s in app.screen_stack[1:]] == [HomeScreen, ConversationScreen]
        assert app.focused is not None and app.focused.id == "live-note"
    app.store.close()


async def test_pane_keys_typed_while_opening_switch_in_order(tmp_path: Path) -> None:
    app = live_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        burst(app, [("enter", None), ("f3", None), ("f5", None), ("f2", None), ("f4", None),
                    *chars("ok")])
        assert await until(pilot, lambda: live_note(app) == "ok"), (app.screen, live_note(app))
    app.store.close()


async def test_a_letter_typed_while_opening_is_a_key_of_the_conversation(
        tmp_path: Path) -> None:
    # On the list "q" quits and "e" edits the highlighted chat: held, "q" reaches the
    # conversation (where it does nothing) and "e" edits it from its own screen.
    app = live_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        burst(app, [("enter", None), ("q", None), ("e", None)])
        assert await until(pilot, lambda: isinstance(app.screen, ConversationForm)), (
            app.screen_stack)
        assert [type(s) for s in app.screen_stack[1:]] == [
            HomeScreen, ConversationScreen, ConversationForm]
        assert app.is_running
    app.store.close()


async def test_a_due_item_opens_on_reflect_with_what_was_typed_meanwhile(
        tmp_path: Path) -> None:
    app = make_app(tmp_path)
    fixed_clock(app)
    busy_history(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3")
        due = app.screen.query_one(DueList)
        assert await until(pilot, lambda: app.focused is due and len(due.items) == 5)
        # the keep-in-touch reminder, then an action: it opens on Reflect
        burst(app, [("down", None), ("enter", None), *chars("Calm team")])

        def typed() -> str:
            focused = app.focused
            return focused.text if isinstance(focused, TextArea) else ""

        assert await until(pilot, lambda: typed() == "Calm team"), (
            app.screen_stack, app.focused)
        assert isinstance(app.screen, ConversationScreen)
        assert app.screen.conversation.id == "c0ffee000004"
        assert app.screen.query_one("#panes", TabbedContent).active == "reflect"
    app.store.close()
