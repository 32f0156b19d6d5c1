"""Records for the outreach follow-up routine's tests: a clock fixed on Thursday 3 December
2026, 20:00 UTC, and outreach sent on the Monday of the week before."""

from __future__ import annotations

from datetime import datetime, timezone

from tui.core.models import Contact, Conversation, DraftMessage
from tui.core.store import Store

NOW = datetime(2026, 12, 3, 20, 0, tzinfo=timezone.utc)


def routine_records() -> tuple[list[Contact], list[Conversation]]:
    """Ana (Acme) written to on Mon 23 Nov, no reply: the second person was due Thu 26, the
    follow-up Wed 2 Dec. Bob at Acme never written to; Dana at Acme replied fast before; Carla
    written to on Tue 1 Dec (too early for anything)."""
    ana = Contact(name="Ana Silva", company="Acme Robotics", id="ana")
    bob = Contact(name="Bob Lee", company="acme  robotics", role="Engineer", id="bob")
    dana = Contact(name="Dana Li", company="Acme Robotics", id="dana")
    carla = Contact(name="Carla Diaz", company="Globex", id="carla")
    chats = [
        Conversation(contact_id="ana", id="chat-ana", status="reached_out",
                     topic="how you moved into robotics research",
                     outreach=DraftMessage(draft="Hi Ana", sent_on="2026-11-23",
                                      sent_at="2026-11-23T09:00:00+00:00")),
        Conversation(contact_id="dana", id="chat-dana", status="reached_out",
                     outreach=DraftMessage(sent_on="2026-10-05",
                                           sent_at="2026-10-05T09:00:00+00:00",
                                      replied_on="2026-10-06", reply="yes")),
        Conversation(contact_id="carla", id="chat-carla", status="reached_out",
                     outreach=DraftMessage(sent_on="2026-12-01")),
    ]
    return [ana, bob, dana, carla], chats


def save_routine_records(store: Store) -> None:
    """Put :func:`routine_records` in a store."""
    contacts, chats = routine_records()
    for contact in contacts:
        store.save_contact(contact)
    for chat in chats:
        store.save_conversation(chat)
