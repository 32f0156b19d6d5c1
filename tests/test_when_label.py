"""The call's moment in words: planned, held (early, late or without a plan), or neither; and
the same moment in the conversation's title line, its details and the home list."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from tests.live_tools import live_app
from tui.core.agenda import when_label
from tui.core.dates import format_when
from tui.core.models import Conversation, LiveSession
from tui.widgets.lines import FixedLine, Line

SCHEDULED = "2026-12-01T09:00:00+00:00"
EARLY = LiveSession(started_at="2026-11-30T00:00:00+00:00", ended_at="2026-11-30T00:02:00+00:00")


def test_a_planned_call_shows_its_moment() -> None:
    chat = Conversation(contact_id="c1", scheduled_at="2030-01-02T10:00:00+00:00")
    assert "2030" in when_label(chat) and "held" not in when_label(chat)


def test_a_call_held_without_a_plan_shows_when_it_was_held() -> None:
    chat = Conversation(contact_id="c1", status="done", live=LiveSession(
        started_at="2026-11-20T09:00:00+00:00", ended_at="2026-11-20T09:25:00+00:00"))
    label = when_label(chat)
    assert label.startswith("held ") and "20 Nov" in label


def test_a_call_held_ahead_of_its_plan_shows_when_it_was_held() -> None:
    chat = Conversation(contact_id="c1", status="done", scheduled_at=SCHEDULED, live=EARLY)
    assert when_label(chat) == "held " + format_when(EARLY.started_at)
    running = Conversation(contact_id="c1", scheduled_at=SCHEDULED,
                           live=LiveSession(started_at=EARLY.started_at))
    assert when_label(running) == format_when(EARLY.started_at)


def test_a_call_neither_planned_nor_held_is_not_scheduled() -> None:
    assert when_label(Conversation(contact_id="c1")) == "not scheduled"


async def test_title_details_and_list_agree_on_when_an_early_call_was_held(
        tmp_path: Path) -> None:
    app = live_app(tmp_path, status="done", scheduled_at=SCHEDULED, live=EARLY)
    held, planned = format_when(EARLY.started_at), format_when(SCHEDULED)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        [row] = [str(o.prompt) for o in
                 app.screen.query_one("#conversation-list", OptionList).options if o.id]
        assert held in row and planned not in row
        await pilot.press("enter", "f2")
        await pilot.pause()
        title = str(app.screen.query_one("#title", FixedLine).shown)
        details = str(app.screen.query_one("#details-body", Line).shown)
        assert f"done · person · held {held}" in title and planned not in title
        assert f"held {held} · 30 min" in details and planned not in details
