"""The app's date fields refuse a time the clocks skip, with the command line's message, and
save nothing."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from tests.test_ui_prep import new_app, open_prep
from tests.uitools import make_app, stored, type_text
from tui.app import CoffeechatApp
from tui.screens.home import HomeScreen

SKIPPED = ("2026-03-08 02:30 does not exist in this time zone: the clocks go forward from "
           "02:00 to 03:00 that day")


@pytest.fixture(autouse=True)
def new_york(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The system zone is America/New_York and the app's clock reads Mon 2 Mar 2026, 10:00."""
    if not hasattr(time, "tzset"):
        pytest.skip("needs time.tzset")
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    monday = datetime(2026, 3, 2, 10, 0).astimezone()
    monkeypatch.setattr(CoffeechatApp, "now", lambda self: monday)
    yield
    monkeypatch.undo()
    time.tzset()


async def test_prep_schedule_refuses_a_skipped_time(tmp_path: Path) -> None:
    app = new_app(tmp_path, status="reached_out")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_prep(pilot, "4")
        assert app.focused is not None and app.focused.id == "when"
        await type_text(pilot, "2026-03-08 02:30")
        await pilot.pause()
        feedback = app.screen.query_one("#when-feedback", Static)
        assert SKIPPED in str(feedback.render())  # said while typing
        await pilot.press("enter")
        await pilot.pause()
        assert feedback.has_class("-error")
        assert SKIPPED in str(feedback.render())
        assert app.screen.query_one("#when", Input).value == "2026-03-08 02:30"
        assert app.focused.id == "when"
        await pilot.press("ctrl+u")
        await type_text(pilot, "2026-03-08 03:30")
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "minutes"
    assert app.store.flush()
    (conversation,) = stored(tmp_path, "conversations")
    assert conversation["scheduled_at"] == "2026-03-08T03:30:00-04:00"


async def test_new_conversation_form_refuses_a_skipped_time(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await type_text(pilot, "Ana")
        for _ in range(7):
            await pilot.press("tab")
        assert app.focused is not None and app.focused.id == "v-when"
        await type_text(pilot, "2026-03-08 02:30")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, HomeScreen)
        error = str(app.screen.query_one(".form-error").render())
        assert error.startswith("When: ") and SKIPPED in error
        assert app.focused is not None and app.focused.id == "v-when"
    assert app.store.flush()
    assert stored(tmp_path, "conversations") == []
