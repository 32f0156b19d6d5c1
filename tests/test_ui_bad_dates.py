"""A record holding a date no calendar arithmetic can handle (year 9999, year 1, left by an
older coffeechat or a hand edit) is shown and can be fixed in the app, in a zone east of UTC
where the year-9999 moment falls off the calendar."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input

from tests.uitools import make_app, stored, type_text
from tui.core.models import ActionItem, Contact, Conversation, LiveSession
from tui.screens.conversation import ConversationScreen
from tui.screens.home import HomeScreen


@pytest.fixture
def tokyo() -> Iterator[None]:
    """The system zone is Asia/Tokyo (UTC+9) for the test."""
    if not hasattr(time, "tzset"):
        pytest.skip("time zones cannot be switched on this platform")
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Tokyo"
    time.tzset()
    yield
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


async def test_far_future_date_is_shown_and_editable(tmp_path: Path, tokyo: None) -> None:
    app = make_app(tmp_path)
    bob = app.store.save_contact(Contact(name="Bob", id="b0b", last_contacted="9999-12-31"))
    app.store.save_conversation(Conversation(
        contact_id=bob.id, id="far", status="scheduled", scheduled_at="9999-12-31T23:59:00+00:00",
        actions=[ActionItem(text="someday", due="9999-12-31")]))
    app.store.save_conversation(Conversation(
        contact_id=bob.id, id="old", status="done", scheduled_at="0001-01-01T00:00:00",
        live=LiveSession(started_at="0001-01-01T00:00:00", ended_at="0001-01-01T00:30:00")))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("3", "2", "1")  # every tab of the home screen draws
        await pilot.pause()
        rows = [str(o.prompt) for o in app.screen.query_one("#conversation-list").options]
        assert any("Bob" in row for row in rows)
        await app.screen.open_conversation("far")
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)
        for key in ("f3", "f4", "f5", "f2"):  # every pane draws
            await pilot.press(key)
            await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        when = app.screen.query_one("#v-when", Input)
        assert when.value.startswith("9999-12-31")
        when.value = ""
        when.focus()
        await type_text(pilot, "9999-12-30 10:00")
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = str(app.screen.query_one(".form-error").render())
        assert "too far ahead" in error and "1900 to 2200" in error
        when.value = ""
        await type_text(pilot, "2026-12-03 14:30")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)
        assert app.store.flush()
    far = next(c for c in stored(tmp_path, "conversations") if c["id"] == "far")
    assert far["scheduled_at"].startswith("2026-12-03T14:30")
