"""Dealing with a due item on the spot (``x`` on the home screen's Due tab): check the action
off, mark the thank-you sent, or log a touch today, and save what changed."""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.screen import Screen

from tui.core.followup import DueItem
from tui.core.models import Conversation
from tui.screens.opener import ConversationOpener
from tui.widgets.app_services import app_services


async def settle_due(screen: Screen[Any], opener: ConversationOpener, item: DueItem,
                     today: date) -> bool:
    """Settle ``item`` (its conversation read off the event loop) and say so on ``screen``;
    True when something was saved."""
    from tui.core.due_actions import latest_conversation, settle  # markdown: when needed

    store = app_services(screen).store
    contact = store.contact_or_none(item.contact_id)
    conversation: Conversation | None = None
    if item.conversation_id and item.kind != "cadence":
        conversation = await opener.read(item.conversation_id)
        if conversation is None:
            return False
    else:
        latest = latest_conversation(store.summaries(item.contact_id))
        if latest is not None:
            conversation = await opener.read(latest.id)
    try:
        message = settle(item, conversation, contact, today)
    except ValueError as exc:
        screen.notify(str(exc), markup=False, severity="warning")
        return False
    try:
        if contact is not None:
            store.save_contact(contact)
        if conversation is not None:
            store.save_conversation(conversation)
    except Exception as exc:
        screen.notify(f"Not saved: {exc}", markup=False, severity="error")
        return False
    screen.notify(message, markup=False, timeout=3)
    return True
