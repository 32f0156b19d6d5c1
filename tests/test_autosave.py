"""The autosaver: debounce, and what happens when a save fails."""

from __future__ import annotations

import pytest

from tui.core.models import Contact, Conversation
from tui.services.autosave import RETRY_SECONDS, Autosaver


class FlakyStore:
    """Saves contacts; fails conversations while ``broken``."""

    def __init__(self) -> None:
        self.broken = True
        self.saved: list[str] = []

    def save_contact(self, contact: Contact) -> Contact:
        self.saved.append(contact.name)
        return contact

    def save_conversation(self, conversation: Conversation) -> Conversation:
        if self.broken:
            raise OSError("disk full")
        self.saved.append(conversation.goal)
        return conversation


def test_a_failed_save_keeps_the_edit_saves_the_rest_and_retries_later() -> None:
    now = [100.0]
    store = FlakyStore()
    saver = Autosaver(store, clock=lambda: now[0])  # type: ignore[arg-type]
    saver.schedule(Conversation(contact_id="c1", goal="kept"))
    saver.schedule(Contact(name="Ana"))
    with pytest.raises(OSError):
        saver.flush()
    assert store.saved == ["Ana"] and saver.pending and "disk full" in (saver.error or "")
    store.broken = False
    now[0] += 1.0
    saver.tick()  # too soon: waits before retrying
    assert store.saved == ["Ana"]
    now[0] += RETRY_SECONDS
    saver.tick()
    assert store.saved == ["Ana", "kept"] and not saver.pending and saver.error is None
