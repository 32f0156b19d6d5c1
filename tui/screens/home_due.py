"""The home screen's Due tab: open what an item is about, or deal with it on the spot."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from textual import on, work
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import OptionList, TabbedContent

from tui.clock import app_now
from tui.core.followup import DueItem, due_items
from tui.core.models import Contact
from tui.core.summary import ConversationLike
from tui.text import plain
from tui.widgets.due_list import DueList

# Due items that open the conversation on its Reflect pane (where they are dealt with).
OPEN_ON_REFLECT = ("thank-you", "action")
# From this many conversations, what is due is worked out on a thread (it takes a while).
BACKGROUND_DUE_FROM = 2000


class DueTab(Screen[None]):
    """The Due tab's half of :class:`~tui.screens.home.HomeScreen` (its base class), which
    provides the store, the lists and the forms used here."""

    BINDINGS = [
        Binding("x,space", "settle", "Done", tooltip="Deal with the highlighted due item: check "
                "the action off, mark the thank-you sent, or log a touch today",
                id="home.settle"),
    ]
    store: Any
    edit_contact: Any
    open_conversation: Any
    read_conversation: Any
    refresh_lists: Any
    _edit_conversation: Any

    def now(self) -> datetime:
        """The app's clock (tests and snapshots fix it)."""
        return app_now(self.app)

    def work_out_due(self, contacts: Sequence[Contact],
                     conversations: Sequence[ConversationLike], now: datetime) -> None:
        """Work out what is due: at once for a few conversations, on a thread for many (the
        list follows when it is ready; meanwhile the tab says it is being worked out)."""
        if len(conversations) < BACKGROUND_DUE_FROM:
            self._due: list[DueItem] | None = due_items(contacts, conversations, now)
            return
        if not hasattr(self, "_due"):
            self._due = None
        self._due_on_thread(list(contacts), list(conversations), now)

    @work(thread=True, exclusive=True, group="due", exit_on_error=False)
    def _due_on_thread(self, contacts: list[Contact], conversations: list[ConversationLike],
                       now: datetime) -> None:
        """On a worker thread: models and summaries are only read here."""
        items = due_items(contacts, conversations, now)
        self.app.call_from_thread(self._due_ready, items)

    def _due_ready(self, items: list[DueItem]) -> None:
        self._due = items
        self.show_due(self.query_one("#filter").value)  # type: ignore[attr-defined]

    def show_due(self, needle: str) -> None:
        """Show what is due (or that it is being worked out) and its count on the tab."""
        due = getattr(self, "_due", None)
        self.query_one(DueList).show_items(due, needle)
        count = "…" if due is None else str(len(due))
        self.query_one(TabbedContent).get_tab("due").label = plain(f"Due ({count}) [3]")

    def _on_due_tab(self) -> bool:
        return self.query_one(TabbedContent).active == "due"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``x`` (done) only means something on the Due tab, and nothing is deleted there."""
        if action == "settle":
            return self._on_due_tab()
        if action == "delete":
            return not self._on_due_tab()
        return True

    async def action_settle(self) -> None:
        """Deal with the highlighted due item without opening it, then show the list again."""
        item = self.query_one(DueList).current_item
        if item is None:
            return
        from tui.core.due_actions import latest_conversation, settle  # markdown: when needed

        contact = self.store.contact_or_none(item.contact_id)
        conversation = None
        if item.conversation_id and item.kind != "cadence":
            conversation = await self.read_conversation(item.conversation_id)
            if conversation is None:
                return
        else:
            latest = latest_conversation(self.store.summaries(item.contact_id))
            if latest is not None:
                conversation = await self.read_conversation(latest.id)
        try:
            message = settle(item, conversation, contact, self.now().date())
        except ValueError as exc:
            self.notify(str(exc), markup=False, severity="warning")
            return
        try:
            if contact is not None:
                self.store.save_contact(contact)
            if conversation is not None:
                self.store.save_conversation(conversation)
        except Exception as exc:
            self.notify(f"Not saved: {exc}", markup=False, severity="error")
            return
        self.refresh_lists()
        self.notify(message, markup=False, timeout=3)

    @on(OptionList.OptionSelected, "#due-list")
    async def _open_due(self, event: OptionList.OptionSelected) -> None:
        item = self.query_one(DueList).items.get(event.option.id or "")
        try:
            if item is not None:
                await self.open_due(item)
        finally:
            self.app.release_keys()  # type: ignore[attr-defined]

    async def open_due(self, item: DueItem) -> None:
        """Open what a due item is about: the contact form for a keep-in-touch reminder,
        else its conversation (on the Reflect pane for a thank-you or an action)."""
        if item.kind == "cadence" or not item.conversation_id:
            if item.contact_id:
                self.edit_contact(item.contact_id)
            return
        opened = await self.open_conversation(item.conversation_id)
        if opened and (item.kind in OPEN_ON_REFLECT or item.contact_id is None):
            self.app.screen.action_pane("reflect")  # type: ignore[attr-defined]

    async def edit_due(self) -> None:
        """``e`` on the Due tab: the contact form for a keep-in-touch reminder, else the
        conversation form."""
        item = self.query_one(DueList).current_item
        if item is not None and (item.kind == "cadence" or not item.conversation_id):
            if item.contact_id:
                self.edit_contact(item.contact_id)
        elif item is not None and item.conversation_id:
            await self._edit_conversation(item.conversation_id)
