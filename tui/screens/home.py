"""Home: conversations (upcoming, to plan, past), contacts, and what is due.

The lists post what the user wants (open, settle); the screen does it through the store and
shows the lists again.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import datetime

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Header, Input, OptionList, TabbedContent, TabPane

from tui.core.followup import DueItem
from tui.core.models import Contact, Conversation
from tui.core.outreach_routine import ReplySpeed
from tui.core.store import Store
from tui.core.summary import ConversationSummary
from tui.screens.due_settle import settle_due
from tui.screens.home_records import HomeRecords
from tui.screens.opener import ConversationOpener
from tui.screens.routine_due import RoutineSteps
from tui.services.autosave import Autosaver
from tui.services.derived import same_items
from tui.widgets.app_services import app_services
from tui.widgets.data_status import DataProblems, DataProgress
from tui.widgets.due_list import DueList
from tui.widgets.key_footer import KeyFooter
from tui.widgets.record_lists import ContactList, ConversationList
from tui.widgets.save_indicator import SaveIndicator
from tui.widgets.tab_titles import label_tabs
from tui.widgets.text import plain
from tui.widgets.textual_patches import StyledAsMounted, call_after_paint

CLOCK_SECONDS = 60


# Due items that open the conversation on its Reflect pane (where they are dealt with).


class HomeScreen(StyledAsMounted[None]):
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
        Binding("p", "view('progress')", "Progress", tooltip="The funnel, replies by "
                "weekday, conversations per month, the ask and relationships",
                id="home.progress"),
        Binding("c", "view('companies')", "Companies", tooltip="Target companies: scores, "
                "way in, who you know there", id="home.companies"),
        Binding("h", "view('hypotheses')", "Hypotheses", tooltip="Career hypotheses tested "
                "by your conversations", id="home.hypotheses"),
        Binding("t", "view('tags')", "Tags", tooltip="Every #tag and contact tag with its "
                "count, and the notes carrying each", id="home.tags"),
        Binding("q", "app.quit", "Quit", show=False, tooltip="Save and quit", id="home.quit"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._clock_missed = False  # the clock ticked while another screen was on top
        self._warmed = False  # Progress's numbers and Companies' rows worked out ahead
        self._listed = False  # every conversation file has been read
        self._records: tuple[list[Contact], list[ConversationSummary]] | None = None
        self._first_frame = True  # until then only the conversations are shown
        self._shown_speeds: dict[str, ReplySpeed] | None = None  # on the contacts shown
        # each tab's name with its count, in the tabs' order (their keys are 1, 2, 3)
        self._tab_names = {"conversations": "Conversations", "contacts": "Contacts",
                           "due": "Due"}
        self._opener = ConversationOpener(self)
        self.records = HomeRecords(self)
        self.routine_steps = RoutineSteps(self, self._opener, self.now, self.refresh_lists,
                                          self.open_conversation)

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
        self.refresh_lists()
        call_after_paint(self, self._after_first_frame)
        self.show_problems(app_services(self).data_problems)
        self.query_one("#filter").display = False
        self.query_one(ConversationList).focus()
        # Hours left for a thank-you and what is due today change while the app sits open.
        self.set_interval(CLOCK_SECONDS, self._clock_tick)

    def _clock_tick(self) -> None:
        if self.app.screen is self:
            self.refresh_lists(reload=False, clock=True)
        else:  # nobody sees the lists: catch up on the way back
            self._clock_missed = True

    def on_screen_resume(self) -> None:
        """Back from another screen: show what changed there, if anything did (with
        thousands of records, rebuilding the lists is what coming back would cost)."""
        if self._records is None or self._records_changed():
            self._clock_missed = False
            self.refresh_lists()
        elif self._clock_missed:
            self._clock_missed = False
            self.refresh_lists(reload=False, clock=True)

    def _records_changed(self) -> bool:
        """The store holds other contacts or summaries than the lists show (the store
        replaces a record's snapshot when it changes, so identity tells)."""
        assert self._records is not None
        shown_contacts, shown_chats = self._records
        return not (same_items(shown_contacts, self.store.contacts())
                    and same_items(shown_chats, self.store.summaries()))

    def now(self) -> datetime:
        """The app's clock (tests and snapshots fix it)."""
        return app_services(self).clock()

    # -- showing -------------------------------------------------------------------------

    @property
    def store(self) -> Store:
        """The data."""
        return app_services(self).store

    @property
    def autosaver(self) -> Autosaver:
        """Saves edits shortly after the last keystroke."""
        return app_services(self).autosaver

    def refresh_lists(self, reload: bool = True, clock: bool = False) -> None:
        """Rebuild the lists, applying the filter; ``reload`` reads the store again first,
        ``clock`` works out what is due again (time has passed)."""
        now = self.now()
        if reload or self._records is None:
            self._records = (self.store.contacts(), self.store.summaries())
        self._show_conversations(now)
        if not self._first_frame:
            self._show_other_tabs(now, work_out=reload or clock)

    def _show_conversations(self, now: datetime) -> None:
        assert self._records is not None
        contacts, conversations = self._records
        needle = self.query_one("#filter", Input).value
        by_id = {c.id: c for c in contacts}
        self.query_one(ConversationList).show(conversations, by_id, needle, now)
        self._label_tabs(conversations=f"Conversations ({len(conversations)})")

    def _show_other_tabs(self, now: datetime, work_out: bool) -> None:
        """Contacts and what is due (``work_out``: what is due is worked out again)."""
        assert self._records is not None
        contacts, conversations = self._records
        needle = self.query_one("#filter", Input).value
        due = self.query_one(DueList)
        if work_out or due.due is None:
            due.work_out(contacts, conversations, now, self.routine_steps.routine)
        due.filter(needle)
        self._show_contacts(needle)
        self._label_tabs(contacts=f"Contacts ({len(contacts)})")
        self._count_due()

    def _show_contacts(self, needle: str) -> None:
        """The contacts, with how fast each replied (known once what is due is worked out)."""
        assert self._records is not None
        contacts, conversations = self._records
        counts = Counter(c.contact_id for c in conversations)
        speeds = self.query_one(DueList).speeds
        self._shown_speeds = speeds
        self.query_one(ContactList).show_contacts(contacts, counts, needle, speeds)

    @on(DueList.WorkedOut)
    def _worked_out(self) -> None:
        if self.query_one(DueList).speeds != self._shown_speeds:
            self._show_contacts(self.query_one("#filter", Input).value)
        self._count_due()
        self._work_ahead()

    def data_listed(self) -> None:
        """Every conversation file has been read (the app's background work): what is
        worked out ahead is worked out from the complete list."""
        self._listed = True
        self._work_ahead()

    def _work_ahead(self) -> None:
        """Once, when the list is complete and what is due is known: Progress's numbers and
        Companies' rows, on threads, so that those views open with them."""
        from tui.screens.home_views import work_ahead

        if not self._warmed and self._listed and self.query_one(DueList).due is not None:
            self._warmed = True
            work_ahead(self)

    def _count_due(self) -> None:
        due = self.query_one(DueList).due
        self._label_tabs(due=f"Due ({'…' if due is None else len(due)})")

    def _label_tabs(self, **names: str) -> None:
        """The tabs' titles with their counts (``names``: the new ones, by tab id)."""
        self._tab_names.update(names)
        label_tabs(self.query_one(TabbedContent), self._tab_names,
                   self.size.width or self.app.size.width)

    def on_resize(self) -> None:
        """Fit the tabs' titles to the new width."""
        self._label_tabs()

    def _after_first_frame(self) -> None:
        """The contacts and what is due, once the conversations are on the screen."""
        self._first_frame = False
        self._show_other_tabs(self.now(), work_out=True)

    def show_upkeep(self, text: str | None) -> None:
        """Say what is being done with the data in the background (None: nothing)."""
        for progress in self.query(DataProgress):  # none while the screen closes at exit
            progress.show_progress(text)

    def show_problems(self, lines: list[str]) -> None:
        """List the files that need the user (damaged, newer, sync conflicts)."""
        for problems in self.query(DataProblems):
            problems.show_problems(lines)

    def on_tab(self, tab: str) -> bool:
        """Whether ``tab`` is the active tab."""
        return self.query_one(TabbedContent).active == tab

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Nothing is deleted on the Due tab; ``v`` (read) is for the conversations tab."""
        if action == "delete":
            return not self.on_tab("due")
        if action == "read":
            return self.on_tab("conversations")
        return True

    def action_tab(self, tab: str) -> None:
        """Switch tab and focus its list."""
        self.query_one(TabbedContent).active = tab
        self._focus_list()

    def _focus_list(self) -> None:
        active = self.query_one(TabbedContent).active
        targets: dict[str, type[Widget]] = {"contacts": ContactList, "due": DueList}
        self.query_one(targets.get(active, ConversationList)).focus()

    @on(TabbedContent.TabActivated)
    def _tab_changed(self) -> None:
        self._focus_list()
        self.refresh_bindings()

    @on(DueList.ReplyRequested)
    async def _reply_requested(self, event: DueList.ReplyRequested) -> None:
        event.stop()
        await self.routine_steps.mark_reply(event.item)

    async def action_replied(self) -> None:
        """They replied to the highlighted outreach: the day and the answer."""
        await self.routine_steps.mark_reply(self.query_one(DueList).current_item)

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
        else:
            self._opener.release_keys()

    @on(OptionList.OptionSelected, "#contact-list")
    def _open_contact(self, event: OptionList.OptionSelected) -> None:
        from tui.screens.person import PersonScreen

        if event.option.id:
            self.app.push_screen(PersonScreen(event.option.id))

    async def read_conversation(self, conversation_id: str) -> Conversation | None:
        """The conversation, its file read off the event loop (None: it could not be)."""
        return await self._opener.read(conversation_id)

    async def open_conversation(self, conversation_id: str) -> bool:
        """Show one conversation (read off the event loop, the keys typed meanwhile held for
        it); returns once it is mounted, True if it could be opened."""
        return await self._opener.open(conversation_id)

    def action_new_conversation(self) -> None:
        """Plan a new conversation (with the highlighted contact when on the contacts tab)."""
        self.records.new_conversation()

    def action_new_contact(self) -> None:
        """Add a contact."""
        self.records.new_contact()

    async def action_edit(self) -> None:
        """Edit the highlighted contact or conversation (or the one a due item is about)."""
        await self.records.edit_highlighted()

    def action_read(self) -> None:
        """Read the highlighted conversation (read-only, one scroll)."""
        from tui.screens.opening import read_conversation

        if self.on_tab("conversations"):
            conversation_id = self.query_one(ConversationList).current_id
            if conversation_id:
                read_conversation(self, conversation_id)

    # -- what is due ---------------------------------------------------------------------

    @on(DueList.SettleRequested)
    async def _settle(self, event: DueList.SettleRequested) -> None:
        """Deal with a due item without opening it, then show the list again."""
        event.stop()
        if await settle_due(self, self._opener, event.item, self.now().date()):
            self.refresh_lists()

    @on(DueList.OpenRequested)
    async def _open_due(self, event: DueList.OpenRequested) -> None:
        event.stop()
        try:
            await self.open_due(event.item)
        finally:
            self._opener.release_keys()

    async def open_due(self, item: DueItem) -> None:
        """Open what a due item is about (see :meth:`HomeRecords.open_due`)."""
        await self.records.open_due(item)

    # -- deleting ------------------------------------------------------------------------

    def action_delete(self) -> None:
        """Ask, then delete the highlighted contact (with their conversations) or conversation."""
        self.records.delete()

    def action_view(self, name: str) -> None:
        """Show one of the views over everything: ``companies``, ``hypotheses``,
        ``tags`` or ``progress``."""
        from tui.screens.home_views import open_view

        open_view(self, name)

    def palette_commands(self) -> Iterable[SystemCommand]:
        """This screen's commands for the command palette."""
        from tui.screens.home_views import home_commands

        return home_commands(self)

