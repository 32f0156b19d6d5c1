"""One conversation: a title line and the Details, Prep, Live and Reflect panes."""

from __future__ import annotations

from collections.abc import Iterable

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, Static, TabbedContent, TabPane, TextArea
from textual.widgets.tabbed_content import ContentTabs

from tui.core.agenda import status_label
from tui.core.dates import format_when
from tui.core.models import Contact, Conversation
from tui.core.referrals import promote_referrals, promoted_summary
from tui.panes.base import ConversationPane
from tui.panes.details import DetailsPane
from tui.panes.live import LivePane
from tui.panes.prep import PrepPane
from tui.panes.reflect import ReflectPane
from tui.screens.record_forms import ContactForm, ConversationDraft, ConversationForm
from tui.text import one_line, plain, styled
from tui.widgets.key_footer import KeyFooter
from tui.widgets.key_order import focus_now
from tui.widgets.pane_tabs import PaneTabs
from tui.widgets.referrals import ReferralsSection
from tui.widgets.save_indicator import SaveIndicator

# (tab id, title, key, pane class): the panes in the order they are shown.
PANES: list[tuple[str, str, str, type[ConversationPane]]] = [
    ("details", "Details", "f2", DetailsPane),
    ("prep", "Prep", "f3", PrepPane),
    ("live", "Live", "f4", LivePane),
    ("reflect", "Reflect", "f5", ReflectPane),
]


class ConversationScreen(Screen[None]):
    """Holds the conversation being worked on; panes edit it, this screen saves it."""

    # The pane keys are priority keys: they switch at once, so keys typed right after them
    # land in the new pane and not in the text box that had the cursor.
    BINDINGS = [
        Binding("escape", "back", "Back", tooltip="Leave the text box; outside a text box, "
                "save and go back to the list", id="conv.back", show=False),
        *[
            Binding(key, f"pane('{pane_id}')", title, tooltip=f"Show the {title} pane",
                    id=f"conv.{pane_id}", priority=True, show=False)
            for pane_id, title, key, _ in PANES
        ],
    ]
    DEFAULT_CSS = """
    ConversationScreen #title-bar { height: 1; background: $panel; }
    ConversationScreen #title { width: 1fr; padding: 0 1; }
    """

    def __init__(self, conversation_id: str, conversation: Conversation | None = None) -> None:
        """``conversation``: the model when the caller has read it already (off the event
        loop); else its file is read when the screen is composed."""
        super().__init__()
        self.conversation_id = conversation_id
        self.conversation: Conversation
        self.contact: Contact
        self._given = conversation
        self._shown_already: ConversationPane | None = None

    @property
    def store(self):  # type: ignore[no-untyped-def]
        """The app's store."""
        return self.app.store  # type: ignore[attr-defined]

    def _load(self) -> None:
        self.profile = self.store.profile()
        self._profile_saved = (self.profile.name, self.profile.intro)
        given, self._given = self._given, None
        self.conversation = given or self.store.conversation(self.conversation_id)
        contact = self.store.contact_or_none(self.conversation.contact_id)
        if contact is None:
            # A hand-edited file lost this person: keep the conversation saveable with a
            # stand-in the user can rename, rather than failing on every save.
            contact = self.store.save_contact(
                Contact(name="(missing contact)", id=self.conversation.contact_id))
            self.notify("This conversation's contact was missing from the file; a stand-in "
                        "was added. Press c to name them.", severity="warning", markup=False)
        self.contact = contact

    def compose(self) -> ComposeResult:
        """Title line, the panes as tabs, the footer."""
        self._load()
        with Horizontal(id="title-bar"):
            yield Static(id="title")
            yield SaveIndicator()
        with PaneTabs(id="panes"):
            for pane_id, title, key, pane_class in PANES:
                with TabPane(plain(f"{title} [{key}]"), id=pane_id):
                    pane = pane_class(self.conversation, self.contact, id=f"{pane_id}-pane")
                    pane.profile = self.profile
                    yield pane
        yield KeyFooter()

    def on_mount(self) -> None:
        """Show the title and the details of the contact's introducer; the cursor goes into
        the pane (the tab strip takes no focus: f2-f5 switch panes, and a key typed in a
        pane always lands in that pane)."""
        self._show_title()
        self._update_introducer()
        for tabs in self.query(ContentTabs):
            tabs.can_focus = False
        self.focus_pane()

    @property
    def focus_chain(self) -> list[Widget]:
        """Tab order, without the widgets reached only by their own keys (the Prep part bar)
        unless the cursor is on one."""
        return [w for w in super().focus_chain
                if w is self.focused or not getattr(w, "skip_on_tab", False)]

    def in_order_actions(self, widget: Widget) -> set[str]:
        """Screen actions that run in typing order on ``widget``: esc leaving a text box (keys
        typed after it follow the cursor out; going back to the list is left to bubble)."""
        return {"back"} if isinstance(widget, (Input, TextArea)) else set()

    def help_note(self) -> str:
        """What F1 says first: how keys work in the shown pane."""
        pane = self.active_pane()
        return pane.HELP_NOTE if pane is not None else ""

    def active_pane(self) -> ConversationPane | None:
        """The pane that is shown."""
        active = self.query_one(TabbedContent).active_pane
        return active.query(ConversationPane).first() if active else None

    def focus_pane(self) -> None:
        """Put the cursor where work in the shown pane starts."""
        pane = self.active_pane()
        if pane is not None:
            target = pane.entry_widget()
            if target is not None:
                focus_now(target)

    def _update_introducer(self) -> None:
        details = self.query_one(DetailsPane)
        details.introducer = self.store.contact_or_none(self.contact.introduced_by)
        details.show()

    def _show_title(self) -> None:
        """Redraw the title line, only when its text changed (this runs on every edit)."""
        v, c = self.conversation, self.contact
        when = format_when(v.scheduled_at) if v.scheduled_at else "not scheduled"
        company = f" · {one_line(c.company, 40)}" if c.company else ""
        status = status_label(v)
        key = (c.name, company, v.kind, status, when)
        if key != getattr(self, "_title_key", None):
            self._title_key = key
            self.query_one("#title", Static).update(styled(
                (one_line(c.name, 40), "bold"), company,
                (f"  {status} · {v.kind} · {when}", "dim"),
            ))

    # -- saving --------------------------------------------------------------------------

    @on(ConversationPane.Edited)
    def _pane_edited(self, event: ConversationPane.Edited) -> None:
        event.stop()
        self.app.autosaver.schedule(self.conversation)  # type: ignore[attr-defined]
        if event.contact_changed:
            self.app.autosaver.schedule(self.contact)  # type: ignore[attr-defined]
        if event.profile_changed:
            self.app.autosaver.schedule(self.profile)  # type: ignore[attr-defined]
        self._show_title()

    @on(ReferralsSection.PromoteReferrals)
    def _promote_referrals(self, event: ReferralsSection.PromoteReferrals) -> None:
        event.stop()
        try:
            self.save_now()
            made = promote_referrals(self.store, self.conversation)
        except Exception as exc:
            self.notify(f"Could not make the contacts: {exc}", severity="error", markup=False)
            return
        self.replace_models(self.store.conversation(self.conversation.id), self.contact)
        self.notify(promoted_summary(made), markup=False)

    def save_now(self) -> None:
        """Hand every pending edit to the store (the disk write happens off this thread).

        A failure is reported, never raised: the edits stay pending and are tried again.
        """
        try:
            self.app.autosaver.flush()  # type: ignore[attr-defined]
        except Exception as exc:
            self.notify(f"Not saved yet, will retry: {exc}", severity="error", markup=False)

    def on_screen_suspend(self) -> None:
        """Another screen on top: save."""
        self.save_now()

    def on_unmount(self) -> None:
        """Leaving (also on quit): save, including an edit whose message had not arrived yet
        (a priority key such as ctrl+q overtakes typed keys still in the queue)."""
        self.app.autosaver.schedule(self.conversation)  # type: ignore[attr-defined]
        if (self.profile.name, self.profile.intro) != self._profile_saved:
            self.app.autosaver.schedule(self.profile)  # type: ignore[attr-defined]
        self.save_now()

    @on(TabbedContent.TabActivated)
    def _pane_changed(self, event: TabbedContent.TabActivated) -> None:
        self.save_now()
        # Panes show edits made in other panes (e.g. the goal typed in Prep, shown in Details).
        pane = event.pane.query(ConversationPane).first() if event.pane else None
        already, self._shown_already = self._shown_already, None
        if pane is not None and pane is not already:
            pane.show()
            if self.focused is None or pane not in self.focused.ancestors:
                self.focus_pane()  # a click on a tab

    def replace_models(self, conversation: Conversation, contact: Contact) -> None:
        """Show models that were saved from a form: every pane gets the new ones."""
        self.conversation, self.contact = conversation, contact
        for pane in self.query(ConversationPane):
            pane.load(conversation, contact)
        self._update_introducer()
        self._show_title()

    # -- actions -------------------------------------------------------------------------

    def action_back(self) -> None:
        """Escape: in a text box, leave it (the pane says where to); elsewhere save and return
        to the list."""
        focused = self.focused
        pane = self.active_pane()
        if isinstance(focused, (Input, TextArea)) and pane is not None:
            pane.leave_text_box(focused)
            return
        self.save_now()
        self.dismiss()

    def action_pane(self, pane_id: str) -> None:
        """Switch pane and put the cursor in it (at once: see BINDINGS)."""
        tabs = self.query_one(TabbedContent)
        if tabs.active == pane_id:
            pane = self.active_pane()
            if pane is not None:
                pane.again()
            return
        tabs.active = pane_id
        pane = self.active_pane()
        if pane is not None:
            self._shown_already = pane
            pane.show()
        self.focus_pane()

    def action_edit_conversation(self) -> None:
        """Edit who, when, goal and ask in the form."""
        self.save_now()
        form = ConversationForm(self.conversation, self.contact, self.store.contacts())
        self.app.push_screen(form, self._edited_in_form)

    def _edited_in_form(self, draft: ConversationDraft | None) -> None:
        if draft is None:
            return
        contact = self.store.contact_for(draft.name, draft.company, draft.role, self.contact)
        contact = self.store.save_contact(contact)
        draft.conversation.contact_id = contact.id
        conversation = self.store.save_conversation(draft.conversation)
        self.replace_models(conversation, contact)

    def action_edit_contact(self) -> None:
        """Edit the contact in the form."""
        self.save_now()
        self.app.push_screen(ContactForm(self.contact, self.store.contacts()),
                             self._contact_edited)

    def _contact_edited(self, contact: Contact | None) -> None:
        if contact is not None:
            saved = self.store.save_contact(contact)
            self.replace_models(self.conversation, saved)

    def palette_commands(self) -> Iterable[SystemCommand]:
        """This screen's commands for the command palette, the shown pane's first."""
        active = self.query_one(TabbedContent).active_pane
        for pane in active.query(ConversationPane) if active else ():
            yield from pane.palette_commands()
        for pane_id, title, _, _ in PANES:
            yield SystemCommand(f"Show {title}", f"Switch to the {title} pane",
                                lambda p=pane_id: self.action_pane(p))
        yield SystemCommand("Edit conversation", "Who, when, goal and ask",
                            self.action_edit_conversation)
        yield SystemCommand("Edit contact", "Name, company, how found, keep in touch",
                            self.action_edit_contact)
        yield SystemCommand("Read the whole conversation", "Everything on one read-only "
                            "scroll; e there comes back to the matching pane", self.action_read)
        yield SystemCommand("Back to the list", "Save and go back", self.action_back)

    def action_read(self) -> None:
        """Save, then show the conversation on one read-only scroll."""
        from tui.screens.opening import read_conversation

        self.save_now()
        read_conversation(self, self.conversation_id)
