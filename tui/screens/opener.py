"""Opening a conversation from a list: its file read off the event loop, and the keys typed
meanwhile held for it (see :mod:`tui.widgets.key_hold`)."""

from __future__ import annotations

import asyncio
from typing import Any

from textual.screen import Screen

from tui.core.dataformat import StorageError
from tui.core.models import Conversation
from tui.core.store import NotFoundError
from tui.widgets.app_services import app_services
from tui.widgets.key_hold import app_key_hold


class ConversationOpener:
    """Reads and opens conversations for ``screen`` (one at a time)."""

    def __init__(self, screen: Screen[Any]) -> None:
        self.screen = screen
        self._opening = False  # a conversation is being read to be opened

    async def read(self, conversation_id: str) -> Conversation | None:
        """The conversation, its file read off the event loop; None (after saying why) when
        it cannot be read."""
        store = app_services(self.screen).store
        try:
            return await asyncio.to_thread(store.conversation, conversation_id)
        except (NotFoundError, StorageError, OSError) as exc:
            self.screen.notify(str(exc), severity="error", markup=False)
            return None

    async def open(self, conversation_id: str) -> bool:
        """Show one conversation; returns once it is mounted, True if it could be opened."""
        from tui.screens.conversation import ConversationScreen  # heavy: when first needed

        if self._opening:
            return False  # the one being opened hands the keys on
        self._opening = True
        holder = app_key_hold(self.screen)
        if holder is not None:
            holder.hold_keys()
        try:
            conversation = await self.read(conversation_id)
            if conversation is None:
                return False
            await self.screen.app.push_screen(ConversationScreen(conversation_id, conversation))
            return True
        finally:
            self._opening = False
            # Keys typed meanwhile go to the conversation, in order (or back to the list if
            # it could not be opened).
            self.release_keys()

    def release_keys(self) -> None:
        """Hand on the keys held since an enter that may have opened a screen."""
        holder = app_key_hold(self.screen)
        if holder is not None:
            holder.release_keys()
