"""Helpers for Live pane tests: a conversation with planned questions and a settable clock."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from tests.uitools import make_app
from tui.app import CoffeechatApp
from tui.core.models import Contact, Conversation, Question
from tui.core.store import Store
from tui.panes.live import LivePane
from tui.panes.live.timer import CallTimer

T0 = datetime(2026, 12, 3, 14, 30, tzinfo=timezone.utc)
QUESTIONS = (
    "How did you get into robotics?",
    "What does a typical week look like?",
    "What skills matter most on your team?",
    "What do you wish you had known earlier?",
)


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self, start: datetime = T0) -> None:
        self.moment = start

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, minutes: float = 0, seconds: int = 0) -> None:
        """Move time forward."""
        self.moment += timedelta(minutes=minutes, seconds=seconds)


def planned_call(app: CoffeechatApp, **fields: Any) -> Conversation:
    """A scheduled conversation with Ana, four questions, a goal and an ask (as Prep leaves it)."""
    contact = Contact(name="Ana Silva", company="Acme Robotics", id="c0ffee000001",
                      created_at="2026-11-01T09:00:00+00:00")
    defaults: dict[str, Any] = dict(
        contact_id=contact.id, id="c0ffee000002", goal="How staff engineers pick work",
        ask="An introduction to her manager", status="scheduled",
        scheduled_at="2026-12-03T14:30:00+00:00", created_at="2026-11-02T09:00:00+00:00",
        questions=[Question(text=t, id=f"q{i + 1}") for i, t in enumerate(QUESTIONS)],
    )
    defaults.update(fields)
    app.store.save_contact(contact)
    return app.store.save_conversation(Conversation(**defaults))


def live_app(data_dir: Path, **fields: Any) -> CoffeechatApp:
    """An app whose store holds one planned call."""
    app = make_app(data_dir)
    planned_call(app, **fields)
    return app


async def open_live(pilot, clock: FakeClock | None = None) -> LivePane:
    """From home: open the first conversation, show Live, put the fake clock in."""
    await pilot.press("enter", "f4")
    await pilot.pause()
    pane = pilot.app.screen.query_one(LivePane)
    if clock is not None:
        pane.clock = clock
        pane.tick()
    return pane


def reread(app, data_dir: Path) -> Conversation:
    """Once the writer thread is done: the conversation as it is in the file, read like a
    second process would."""
    assert app.store.flush()
    store = Store.open(data_dir, readonly=True)
    try:
        return store.conversation("c0ffee000002")
    finally:
        store.close()


def timer_text(pane: LivePane) -> str:
    """What the timer shows."""
    return str(pane.query_one(CallTimer).render())
