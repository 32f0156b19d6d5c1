"""Home's records: planning, adding, editing and deleting conversations and contacts.

The forms only answer; :class:`HomeRecords` saves what they return through the store and has
the home screen show its lists again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.widgets import Input

from tui.core.followup import DueItem
from tui.core.models import Contact
from tui.core.store import Store
from tui.core.summary import ConversationSummary
from tui.dialogs.confirm import ConfirmScreen
from tui.screens.routine_due import routine_item
from tui.widgets.due_list import DueList
from tui.widgets.record_lists import ContactList, ConversationList

OPEN_ON_REFLECT = ("thank-you", "action")  # due items opened on the Reflect pane

if TYPE_CHECKING:
    from tui.dialogs.record_forms import ConversationDraft
    from tui.screens.home import HomeScreen


class HomeRecords:
    """The record commands of ``home`` (new, edit, delete, and opening what is due)."""

    def __init__(self, home: HomeScreen) -> None:
        self.home = home

    @property
    def store(self) -> Store:
        """The data."""
        return self.home.store

    @property
    def app(self) -> App[Any]:
        """The app (dialogs are pushed on it)."""
        return self.home.app

    async def edit_highlighted(self) -> None:
        """Edit what the shown tab highlights: a contact, a conversation, or the record a due
        item is about."""
        home = self.home
        if home.on_tab("due"):
            await self.edit_due()
        elif home.on_tab("contacts"):
            contact_id = home.query_one(ContactList).current_id
            if contact_id:
                self.edit_contact(contact_id)
        else:
            conversation_id = home.query_one(ConversationList).current_id
            if conversation_id:
                await self.edit_conversation(conversation_id)

    def new_conversation(self) -> None:
        """Plan a new conversation (with the highlighted contact when on the contacts tab)."""
        contact = None
        if self.home.on_tab("contacts"):
            contact = self.store.contact_or_none(self.home.query_one(ContactList).current_id)
        from tui.dialogs.record_forms import ConversationForm  # heavy: when first needed

        form = ConversationForm(None, contact, self.store.contacts())
        self.app.push_screen(form, self._save_new_conversation)

    def _save_new_conversation(self, draft: ConversationDraft | None) -> None:
        if draft is None:
            return
        contact = self.store.contact_for(draft.name, draft.company, draft.role)
        draft.conversation.contact_id = contact.id
        self.store.save_contact(contact)
        saved = self.store.save_conversation(draft.conversation)
        self.home.query_one("#filter", Input).value = ""
        self.home.action_tab("conversations")
        self.home.refresh_lists()
        self.home.query_one(ConversationList).select_id(saved.id)
        self.home.notify(f"Planned a conversation with {contact.name}.", markup=False, timeout=3)

    def new_contact(self) -> None:
        """Add a contact."""
        from tui.dialogs.record_forms import ContactForm

        self.app.push_screen(ContactForm(None, self.store.contacts()), self._save_contact)

    async def edit_conversation(self, conversation_id: str) -> None:
        """Open the conversation form for this conversation (read off the event loop)."""
        from tui.dialogs.record_forms import ConversationForm

        conversation = await self.home.read_conversation(conversation_id)
        if conversation is None:
            return
        contact = self.store.contact_or_none(conversation.contact_id)
        form = ConversationForm(conversation, contact, self.store.contacts())
        self.app.push_screen(form, lambda draft: self._save_edited_conversation(draft, contact))

    def _save_edited_conversation(self, draft: ConversationDraft | None,
                                  current: Contact | None) -> None:
        if draft is None:
            return
        contact = self.store.contact_for(draft.name, draft.company, draft.role, current)
        self.store.save_contact(contact)
        draft.conversation.contact_id = contact.id
        self.store.save_conversation(draft.conversation)
        self.home.refresh_lists()

    def edit_contact(self, contact_id: str) -> None:
        """Open the contact form for this contact."""
        from tui.dialogs.record_forms import ContactForm

        contact = self.store.contact(contact_id)
        self.app.push_screen(ContactForm(contact, self.store.contacts()), self._save_contact)

    def _save_contact(self, contact: Contact | None) -> None:
        if contact is None:
            return
        twin = self.store.find_contact(contact.name, contact.company)
        if twin is not None and twin.id != contact.id:
            self.home.notify(f"Note: {twin.label} already exists; both are kept.", markup=False)
        saved = self.store.save_contact(contact)
        self.home.refresh_lists()
        self.home.query_one(ContactList).select_id(saved.id)

    def delete(self) -> None:
        """Ask, then delete the highlighted contact (with their conversations) or conversation."""
        if self.home.on_tab("contacts"):
            contact_id = self.home.query_one(ContactList).current_id
            if not contact_id:
                return
            contact = self.store.contact(contact_id)
            count = len(self.store.summaries(contact_id))
            extra = f" and their {count} conversation{'s' if count != 1 else ''}" if count else ""
            question = f"Delete {contact.label}{extra}? This cannot be undone."
            self.app.push_screen(ConfirmScreen(question),
                                 lambda yes: self._delete_contact(contact_id, bool(yes)))
            return
        conversation_id = self.home.query_one(ConversationList).current_id
        if not conversation_id:
            return
        conversation = self.store.summary(conversation_id)
        if conversation is None:
            return
        who = self.store.contact_or_none(conversation.contact_id)
        question = f"Delete the conversation with {who.label if who else 'unknown'}? " \
                   "Its notes go with it. This cannot be undone."
        self.app.push_screen(ConfirmScreen(question),
                             lambda yes: self._delete_conversation(conversation, bool(yes)))

    def _delete_contact(self, contact_id: str, yes: bool) -> None:
        if yes:
            for conversation in self.store.summaries(contact_id):
                self.home.autosaver.discard(conversation.id)
            self.home.autosaver.discard(contact_id)
            self.store.delete_contact(contact_id)
            self.home.refresh_lists()

    def _delete_conversation(self, conversation: ConversationSummary, yes: bool) -> None:
        if yes:
            self.home.autosaver.discard(conversation.id)
            self.store.delete_conversation(conversation.id)
            self.home.refresh_lists()

    async def open_due(self, item: DueItem) -> None:
        """Open what a due item is about: the contact form for a keep-in-touch reminder,
        else its conversation (on the Reflect pane for a thank-you or an action)."""
        if item.kind == "cadence" or not item.conversation_id:
            if item.contact_id:
                self.edit_contact(item.contact_id)
            return
        if routine_item(item):
            await self.home.routine_steps.open_step(item)
            return
        opened = await self.home.open_conversation(item.conversation_id)
        if opened and (item.kind in OPEN_ON_REFLECT or item.contact_id is None):
            from tui.screens.conversation import ConversationScreen

            screen = self.app.screen
            if isinstance(screen, ConversationScreen):
                screen.action_pane("reflect")

    async def edit_due(self) -> None:
        """``e`` on the Due tab: the contact form for a keep-in-touch reminder, else the
        conversation form."""
        item = self.home.query_one(DueList).current_item
        if item is not None and (item.kind == "cadence" or not item.conversation_id):
            if item.contact_id:
                self.edit_contact(item.contact_id)
        elif item is not None and item.conversation_id:
            await self.edit_conversation(item.conversation_id)
