"""Reading the brief before meeting someone again: the person's earlier conversations, their
files read on a thread (the summaries say which ones, without reading any)."""

from __future__ import annotations

import asyncio
import contextlib

from tui.core.brief import Brief, build_brief, earlier_ids, wants_brief
from tui.core.dataformat import StorageError
from tui.core.models import Contact, Conversation
from tui.core.store import NotFoundError, Store


def _read(store: Store, ids: list[str]) -> list[Conversation]:
    chats = []
    for conversation_id in ids:
        with contextlib.suppress(NotFoundError, StorageError, OSError):
            chats.append(store.conversation(conversation_id))
    return chats


async def read_brief(store: Store, conversation: Conversation,
                     contact: Contact) -> Brief | None:
    """The brief for ``conversation`` (None when it was held already, or the person was never
    met before); the earlier files are read off the event loop."""
    if not wants_brief(conversation):
        return None
    ids = earlier_ids(conversation, store.summaries(conversation.contact_id))
    if not ids:
        return None
    contacts = store.contacts()
    chats = await asyncio.to_thread(_read, store, ids)
    return build_brief(contact, chats, contacts)
