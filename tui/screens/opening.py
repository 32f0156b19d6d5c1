"""Opening a conversation from the review screens: read it whole, or edit it at one place."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from textual.screen import Screen

from tui.core.search_fields import Locator

if TYPE_CHECKING:
    from tui.core.search import SearchIndex
    from tui.core.store import Store
    from tui.screens.home import HomeScreen


def home_of(screen: Screen[Any]) -> HomeScreen | None:
    """The home screen under ``screen`` (it opens conversations)."""
    from tui.screens.home import HomeScreen

    return next((s for s in screen.app.screen_stack if isinstance(s, HomeScreen)), None)


def read_conversation(screen: Screen[Any], conversation_id: str) -> None:
    """Show the read-only view; its ``e`` opens the conversation at the matching pane."""
    from tui.screens.read import ReadScreen

    async def edit(pane: str | None) -> None:
        if pane:
            await open_at(screen, conversation_id, pane)

    screen.app.push_screen(ReadScreen(conversation_id), edit)


async def open_at(screen: Screen[Any], conversation_id: str, pane: str) -> bool:
    """Open the conversation for editing with ``pane`` shown (the conversation screen when it
    is the one already open underneath); True once it is shown."""
    from tui.screens.conversation import ConversationScreen

    current = screen.app.screen
    if isinstance(current, ConversationScreen) and current.conversation_id == conversation_id:
        current.action_pane(pane)
        return True
    home = home_of(screen)
    if home is None or not await home.open_conversation(conversation_id):
        return False
    opened = screen.app.screen
    if isinstance(opened, ConversationScreen):
        # after the first refresh: the tabs settle on their first pane until then
        settled = asyncio.get_running_loop().create_future()

        def settle() -> None:
            if not settled.done():
                settled.set_result(None)

        opened.call_after_refresh(settle)
        await settled
        opened.action_pane(pane)
    return True


async def show_place(screen: Screen[Any], conversation_id: str | None, contact_id: str,
                     locator: Locator) -> None:
    """Show where a search hit or a tagged place lives: a contact's page, or the
    conversation at its pane, part and item, scrolled to it."""
    from tui.screens.person import PersonScreen
    from tui.screens.places import go_to, pane_of

    app = screen.app
    if conversation_id is None:  # a contact's own record
        await app.push_screen(PersonScreen(contact_id))
    elif await open_at(screen, conversation_id, pane_of(locator)):
        go_to(app.screen, locator)


def find_index(store: Store) -> tuple[SearchIndex, bool]:
    """The app's search index, or, while the app is still building it, the index file as it
    is so far (True: the caller opened it and closes it). Opens a file: call it on a thread."""
    index = store.search_index
    if index is not None:
        return index, False
    from tui.core.search import SearchIndex

    return SearchIndex.open(store.layout.root), True
