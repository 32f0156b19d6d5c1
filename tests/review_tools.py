"""Shared data and waiting for the review screens' tests (read-only view, person page)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from export_data import hostile_chat, marcus_chat, people

from tui.core.models import Contact, Conversation
from tui.core.store import Store


def fill(store: Store) -> None:
    """Priya, Marcus (introduced by Priya), Jonas (by Marcus), the hostile contact; Marcus's
    finished call and a newer plan with him, and the hostile conversation."""
    for contact in people().values():
        store.save_contact(contact)
    store.save_contact(Contact(id="c-jonas", name="Jonas Berg", company="Tidewater",
                               introduced_by="c-marcus",
                               created_at="2026-11-01T09:00:00+00:00"))
    store.save_conversation(marcus_chat())
    store.save_conversation(hostile_chat())
    store.save_conversation(Conversation(
        id="chat-marcus-2", contact_id="c-marcus", status="idea", goal="Catch up in spring",
        created_at="2027-01-05T10:00:00+00:00", updated_at="2027-01-05T10:00:00+00:00"))


async def until(pilot: Any, check: Callable[[], Any], tries: int = 200) -> Any:
    """Pause until ``check()`` is truthy (returns it); fails after ``tries`` pauses."""
    for _ in range(tries):
        value = check()
        if value:
            return value
        await pilot.pause(0.02)
    raise AssertionError("the screen never got there")
