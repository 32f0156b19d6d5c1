"""Home: conversations (upcoming, to plan, past), contacts, and what is due."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.widgets import Header, Input, OptionList, TabbedContent, TabPane

from tui.core.dataformat import StorageError
from tui.core.models import Contact
from tui.core.store import NotFoundError
from tui.core.summary import ConversationSummary
from tui.screens.confirm import ConfirmScreen
from tui.screens.home_due import DueTab
from tui.text import plain
from tui.widgets.data_status import DataProblems, DataProgress
from tui.widgets.due_list import DueList
from tui.widgets.key_footer import KeyFooter
from tui.widgets.record_lists import ContactList, ConversationList
from tui.widgets.save_indicator import SaveIndicator

if TYPE_CHECKING:
    from tui.screens.record_forms import ConversationDraft

CLOCK_SECONDS = 60


def _forms():  # type: ignore[no-untyped-def]
    """The forms module, imported when a form is first opened (its text areas are heavy to
    import, and the list should show first)."""
    from tui.screens import record_forms

    return record_forms


class HomeScreen(DueTab):
    """The lists a user starts from; every change goes through the store and is shown again."""

    BINDINGS = [
        Binding("n", "new_conversation", "New chat", tooltip="Plan a new conversation",
                id="home.new"),
        Binding("a", "new_contact", "Add contact", tooltip="Add a contact", id="home.contact"),
        Binding("e", "edit", "Edit", tooltip="Edit the highlighted item", id="home.edit"),
        Binding("v", "read", "Read", tooltip="Read the highlighted conversation top to bottom",
                id="home.read"),
        Binding("d,delete", "delete", "Delete", tooltip="Delete the highlighted item",
                id="home.delete"),
        Binding("slash", "filter", "Filter", tooltip="Filter the list by name, company or goal",
                id="home.filter"),
        Binding("1", "tab('conversations')", "Chats", show=False, id="home.tab1"),
        Binding("2", "tab('contacts')", "Contacts", show=False, id="home.tab2"),
        Binding("3", "tab('due')", "Due", show=False,
                tooltip="Thank-you notes, actions, referrals and people to get back to",
                id="home.tab3"),
        Binding("q", "app.quit", "Quit", show=False, tooltip="Save and quit", id="home.quit"),
    ]

    def compose(self) -> ComposeResult:
        """Header, a filter line, the tabs, the footer."""
        yield Header()
        yield DataProblems(id="data-problems")
        yield DataProgress(id="data-progress")
        yield Input(placeholder="filter: name, company, goal (esc clears)", id="filter",
                    compact=True)
        with TabbedContent(id="home-tabs", initial="conversations"):
            with TabPane(plain("Conversations [1]"), id="conversations"):
                yield ConversationList(id="conversation-list")
            with TabPane(plain("Contacts [2]"), id="contacts"):
                yield ContactList(id="contact-list")
            with TabPane(plain("Due [3]"), id="due"):
                yield DueList(id="due-list")
        yield SaveIndicator(problems_only=True, id="save-problem")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Fill the conversations (the other tabs just after the first frame: with thousands
        of records the list shows sooner) and put the cursor in them."""
        self._first_frame = True
        self.refresh_lists()
        self.call_after_refresh(self._after_first_frame)
        self.show_problems(list(getattr(self.app, "data_problems", [])))
        self.query_one("#filter").display = False
        self.query_one(ConversationList).focus()
        # Hours left for a thank-you and what is due today change while the app sits open.
        self.set_interval(CLOCK_SECONDS, lambda: self.refresh_lists(reload=False, clock=True))

    def on_screen_suspend(self) -> None:
        """Another screen on top: its changes are shown on the way back."""
        self._stale = True

    def on_screen_resume(self) -> None:
        """Coming back from a conversation: show what changed there."""
        if getattr(self, "_stale", False):
            self._stale = False
            self.refresh_lists()

    # -- showing -------------------------------------------------------------------------

    @property
    def store(self):  # type: ignore[no-untyped-def]
        """The app's store."""
        return self.app.store  # type: ignore[attr-defined]

    def refresh_lists(self, reload: bool = True, clock: bool = False) -> None:
        """Rebuild the lists, applying the filter; ``reload`` reads the store again first,
        ``clock`` works out what is due again (time has passed)."""
        now = self.now()
        if reload or not hasattr(self, "_records"):
            self._records = (self.store.contacts(), self.store.summaries())
        contacts, conversations = self._records
        needle = self.query_one("#filter", Input).value
        by_id = {c.id: c for c in contacts}
        self.query_one(ConversationList).show(conversations, by_id, needle, now)
        tabs = self.query_one(TabbedContent)
        tabs.get_tab("conversations").label = plain(f"Conversations ({len(conversations)}) [1]")
        if getattr(self, "_first_frame", False):
            return
        if reload or clock or not hasattr(self, "_due"):
            self.work_out_due(*self._records, now)
        counts = Counter(c.contact_id for c in conversations)
        self.query_one(ContactList).show_contacts(contacts, counts, needle)
        self.show_due(needle)
        tabs.get_tab("contacts").label = plain(f"Contacts ({len(contacts)}) [2]")

    def _after_first_frame(self) -> None:
        self._first_frame = False
        self.refresh_lists(reload=False, clock=True)

    def show_upkeep(self, text: str | None) -> None:
        """Say what is being done with the data in the background (None: nothing)."""
        self.query_one(DataProgress).show_progress(text)

    def show_problems(self, lines: list[str]) -> None:
        """List the files that need the user (damaged, newer, sync conflicts)."""
        self.query_one(DataProblems).show_problems(lines)

    def _on_contacts_tab(self) -> bool:
        return self.query_one(TabbedContent).active == "contacts"

    def action_tab(self, tab: str) -> None:
        """Switch tab and focus its list."""
        self.query_one(TabbedContent).active = tab
        self._focus_list()

    def _focus_list(self) -> None:
        active = self.query_one(TabbedContent).active
        target = {"contacts": ContactList, "due": DueList}.get(active, ConversationList)
        self.query_one(target).focus()

    @on(TabbedContent.TabActivated)
    def _tab_changed(self) -> None:
        self._focus_list()
        self.refresh_bindings()

    # -- filter --------------------------------------------------------------------------

    def action_filter(self) -> None:
        """Show the filter line and type into it."""
        box = self.query_one("#filter", Input)
        box.display = True
        box.focus()

    @on(Input.Changed, "#filter")
    def _filter_changed(self) -> None:
        self.refresh_lists(reload=False)

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        self._focus_list()

    def key_escape(self) -> None:
        """Escape clears and hides the filter."""
        box = self.query_one("#filter", Input)
        if box.display:
            box.value = ""
            box.display = False
            self._focus_list()

    # -- opening and editing -------------------------------------------------------------

    @on(OptionList.OptionSelected, "#conversation-list")
    async def _open_conversation(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            await self.open_conversation(event.option.id)

    @on(OptionList.OptionSelected, "#contact-list")
    def _open_contact(self, event: OptionList.OptionSelected) -> None:
        from tui.screens.person import PersonScreen

        if event.option.id:
            self.app.push_screen(PersonScreen(event.option.id))

    async def read_conversation(self, conversation_id: str):  # type: ignore[no-untyped-def]
        """The conversation, its file read off the event loop; None (after saying why) when
        it cannot be read."""
        try:
            return await asyncio.to_thread(self.store.conversation, conversation_id)
        except (NotFoundError, StorageError, OSError) as exc:
            self.notify(str(exc), severity="error", markup=False)
            return None

    async def open_conversation(self, conversation_id: str) -> bool:
        """Show one conversation (its file read off the event loop); returns once it is
        mounted, True if it could be opened."""
        from tui.screens.conversation import ConversationScreen

        if getattr(self, "_opening", False):
            return False
        self._opening = True
        try:
            conversation = await self.read_conversation(conversation_id)
            if conversation is None:
                return False
            await self.app.push_screen(ConversationScreen(conversation_id, conversation))
            return True
        finally:
            self._opening = False

    def action_new_conversation(self) -> None:
        """Plan a new conversation (with the highlighted contact when on the contacts tab)."""
        contact = None
        if self._on_contacts_tab():
            contact = self.store.contact_or_none(self.query_one(ContactList).current_id)
        form = _forms().ConversationForm(None, contact, self.store.contacts())
        self.app.push_screen(form, self._save_new_conversation)

    def _save_new_conversation(self, draft: ConversationDraft | None) -> None:
        if draft is None:
            return
        contact = self.store.contact_for(draft.name, draft.company, draft.role)
        draft.conversation.contact_id = contact.id
        self.store.save_contact(contact)
        saved = self.store.save_conversation(draft.conversation)
        self.query_one("#filter", Input).value = ""
        self.action_tab("conversations")
        self.refresh_lists()
        self.query_one(ConversationList).select_id(saved.id)
        self.notify(f"Planned a conversation with {contact.name}.", markup=False, timeout=3)

    def action_new_contact(self) -> None:
        """Add a contact."""
        self.app.push_screen(_forms().ContactForm(None, self.store.contacts()),
                             self._save_contact)

    async def action_edit(self) -> None:
        """Edit the highlighted contact or conversation (or the one a due item is about)."""
        if self._on_due_tab():
            await self.edit_due()
            return
        if self._on_contacts_tab():
            contact_id = self.query_one(ContactList).current_id
            if contact_id:
                self.edit_contact(contact_id)
            return
        conversation_id = self.query_one(ConversationList).current_id
        if conversation_id:
            await self._edit_conversation(conversation_id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``v`` (read) is for conversations: not on the contacts or due tabs."""
        if action == "read":
            return not self._on_contacts_tab() and not self._on_due_tab()
        return super().check_action(action, parameters)

    def action_read(self) -> None:
        """Read the highlighted conversation (read-only, one scroll)."""
        from tui.screens.opening import read_conversation

        if not self._on_contacts_tab() and not self._on_due_tab():
            conversation_id = self.query_one(ConversationList).current_id
            if conversation_id:
                read_conversation(self, conversation_id)

    async def _edit_conversation(self, conversation_id: str) -> None:
        conversation = await self.read_conversation(conversation_id)
        if conversation is None:
            return
        contact = self.store.contact_or_none(conversation.contact_id)
        form = _forms().ConversationForm(conversation, contact, self.store.contacts())
        self.app.push_screen(form, lambda draft: self._save_edited_conversation(draft, contact))

    def _save_edited_conversation(self, draft: ConversationDraft | None,
                                  current: Contact | None) -> None:
        if draft is None:
            return
        contact = self.store.contact_for(draft.name, draft.company, draft.role, current)
        self.store.save_contact(contact)
        draft.conversation.contact_id = contact.id
        self.store.save_conversation(draft.conversation)
        self.refresh_lists()

    def edit_contact(self, contact_id: str) -> None:
        """Open the contact form for this contact."""
        contact = self.store.contact(contact_id)
        self.app.push_screen(_forms().ContactForm(contact, self.store.contacts()),
                             self._save_contact)

    def _save_contact(self, contact: Contact | None) -> None:
        if contact is None:
            return
        twin = self.store.find_contact(contact.name, contact.company)
        if twin is not None and twin.id != contact.id:
            self.notify(f"Note: {twin.label} already exists; both are kept.", markup=False)
        saved = self.store.save_contact(contact)
        self.refresh_lists()
        self.query_one(ContactList).select_id(saved.id)

    # -- deleting ------------------------------------------------------------------------

    def action_delete(self) -> None:
        """Ask, then delete the highlighted contact (with their conversations) or conversation."""
        if self._on_contacts_tab():
            contact_id = self.query_one(ContactList).current_id
            if not contact_id:
                return
            contact = self.store.contact(contact_id)
            count = len(self.store.summaries(contact_id))
            extra = f" and their {count} conversation{'s' if count != 1 else ''}" if count else ""
            question = f"Delete {contact.label}{extra}? This cannot be undone."
            self.app.push_screen(ConfirmScreen(question),
                                 lambda yes: self._delete_contact(contact_id, bool(yes)))
            return
        conversation_id = self.query_one(ConversationList).current_id
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
                self.app.autosaver.discard(conversation.id)  # type: ignore[attr-defined]
            self.app.autosaver.discard(contact_id)  # type: ignore[attr-defined]
            self.store.delete_contact(contact_id)
            self.refresh_lists()

    def _delete_conversation(self, conversation: ConversationSummary, yes: bool) -> None:
        if yes:
            self.app.autosaver.discard(conversation.id)  # type: ignore[attr-defined]
            self.store.delete_conversation(conversation.id)
            self.refresh_lists()

    def palette_commands(self) -> Iterable[SystemCommand]:
        """This screen's commands for the command palette."""
        yield SystemCommand("New conversation", "Plan a conversation", self.action_new_conversation)
        yield SystemCommand("Add contact", "Add a person", self.action_new_contact)
        yield SystemCommand("Read conversation", "The highlighted conversation on one "
                            "read-only scroll (v)", self.action_read)
        yield SystemCommand("Show conversations", "Switch to the conversations tab",
                            lambda: self.action_tab("conversations"))
        yield SystemCommand("Show contacts", "Switch to the contacts tab",
                            lambda: self.action_tab("contacts"))
        yield SystemCommand("Show what is due", "Thank-you notes, actions, referrals, "
                            "people to get back to", lambda: self.action_tab("due"))
