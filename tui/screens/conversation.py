"""One conversation: a title line and the Details, Prep, Live and Reflect panes.

The screen holds the models (the conversation, its contact, the user's profile, the contact's
introducer) as reactive state that every pane follows. Panes edit them and post ``Edited``;
the screen hands them to the autosaver, and takes back the store's copy once saved (so the
``updated_at`` in memory is the one in the file).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Any

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.reactive import var
from textual.widget import Widget
from textual.widgets import Input, TabbedContent, TabPane, TextArea
from textual.widgets.tabbed_content import ContentTabs

from tui.core.agenda import status_label, when_label
from tui.core.models import Contact, Conversation
from tui.core.profile import Profile
from tui.core.referrals import promote_referrals, promoted_summary
from tui.core.store import Store
from tui.dialogs.record_forms import ContactForm, ConversationDraft, ConversationForm
from tui.panes.base import ConversationPane, follow_models
from tui.panes.details import DetailsPane
from tui.panes.live import LivePane
from tui.panes.prep import PrepPane
from tui.panes.reflect import ReflectPane
from tui.panes.reflect.records import ReferralsSection
from tui.screens.evidence import EvidenceNotes
from tui.screens.prep_background import load_brief, work_out_send_days
from tui.services.autosave import Autosaver
from tui.widgets.app_services import app_services
from tui.widgets.key_footer import KeyFooter
from tui.widgets.key_order import KeyOwner, OrderedKeys, focus_now
from tui.widgets.lines import FixedLine
from tui.widgets.pane_tabs import PaneTabs
from tui.widgets.save_indicator import SaveIndicator
from tui.widgets.text import one_line, plain, styled
from tui.widgets.textual_patches import StyledAsMounted

# (tab id, title, key, pane class): the panes in the order they are shown.
PANES: list[tuple[str, str, str, type[ConversationPane]]] = [
    ("details", "Details", "f2", DetailsPane),
    ("prep", "Prep", "f3", PrepPane),
    ("live", "Live", "f4", LivePane),
    ("reflect", "Reflect", "f5", ReflectPane),
]


def _no_conversation() -> Conversation:
    return Conversation(contact_id="")


def _no_contact() -> Contact:
    return Contact(name="")


class ConversationScreen(KeyOwner, StyledAsMounted[Any], EvidenceNotes):
    """Holds the conversation being worked on; panes edit it, this screen saves it."""

    # The pane keys are priority keys: they switch at once, so keys typed right after them
    # land in the new pane and not in the text box that had the cursor.
    BINDINGS = [
        Binding("escape", "back", "Back", tooltip="Leave the text box; outside a text box, "
                "save and go back to the list (during a call it stays)", id="conv.back",
                show=False),
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

    conversation: var[Conversation] = var(_no_conversation, always_update=True)
    contact: var[Contact] = var(_no_contact, always_update=True)
    profile: var[Profile] = var(Profile, always_update=True)
    introducer: var[Contact | None] = var(None, always_update=True)

    def __init__(self, conversation_id: str, conversation: Conversation | None = None) -> None:
        """``conversation``: the model when the caller has read it already (off the event
        loop); else its file is read when the screen is composed."""
        super().__init__()
        self.conversation_id = conversation_id
        self._given = conversation
        self._shown_already: ConversationPane | None = None
        self._profile_saved = ("", "")

    @property
    def store(self) -> Store:
        """The data."""
        return app_services(self).store

    @property
    def autosaver(self) -> Autosaver:
        """Saves edits shortly after the last keystroke."""
        return app_services(self).autosaver

    def _load(self) -> None:
        profile = self.store.profile()
        self._profile_saved = (profile.name, profile.intro)
        given, self._given = self._given, None
        conversation = given or self.store.conversation(self.conversation_id)
        contact = self.store.contact_or_none(conversation.contact_id)
        if contact is None:
            # A hand-edited file lost this person: keep the conversation saveable with a
            # stand-in the user can rename, rather than failing on every save.
            contact = self.store.save_contact(
                Contact(name="(missing contact)", id=conversation.contact_id))
            self.notify("This conversation's contact was missing from the file; a stand-in "
                        "was added. Press c to name them.", severity="warning", markup=False)
        self.set_reactive(ConversationScreen.profile, profile)
        self.set_reactive(ConversationScreen.conversation, conversation)
        self.set_reactive(ConversationScreen.contact, contact)
        self.set_reactive(ConversationScreen.introducer,
                          self.store.contact_or_none(contact.introduced_by))

    def compose(self) -> ComposeResult:
        """Title line, the panes as tabs, the footer."""
        self._load()
        with Horizontal(id="title-bar"):
            yield FixedLine(id="title")
            yield SaveIndicator()
        with PaneTabs(id="panes"):
            for pane_id, title, key, pane_class in PANES:
                with TabPane(plain(f"{title} [{key}]"), id=pane_id):
                    yield follow_models(pane_class(id=f"{pane_id}-pane"), self,
                                        ConversationScreen.conversation,
                                        ConversationScreen.contact, ConversationScreen.profile,
                                        ConversationScreen.introducer)
        yield KeyFooter()

    def on_mount(self) -> None:
        """Show the title; the cursor goes into the pane (the tab strip takes no focus: f2-f5
        switch panes, and a key typed in a pane always lands in that pane)."""
        self._show_title()
        for tabs in self.query(ContentTabs):
            tabs.can_focus = False
        self.focus_pane()
        self.read_links()
        work_out_send_days(self)

    @property
    def focus_chain(self) -> list[Widget]:
        """Tab order, without the widgets reached only by their own keys (the Prep part bar)
        unless the cursor is on one."""
        return [w for w in super().focus_chain
                if w is self.focused or not (isinstance(w, OrderedKeys) and w.skip_on_tab)]

    def ordered_actions(self, widget: Widget) -> Collection[str]:
        """esc leaving a text box runs in typing order (keys typed after it follow the cursor
        out); going back to the list is left to bubble."""
        return {"back"} if isinstance(widget, (Input, TextArea)) else ()

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

    @on(ConversationPane.FocusWanted)
    def _focus_wanted(self, event: ConversationPane.FocusWanted) -> None:
        event.stop()
        self.focus_pane()

    def _show_title(self) -> None:
        """The title line (it follows every edit: the status changes during a call)."""
        v, c = self.conversation, self.contact
        when = when_label(v)
        company = f" · {one_line(c.company, 40)}" if c.company else ""
        self.query_one("#title", FixedLine).shown = styled(
            (one_line(c.name, 40), "bold"), company,
            (f"  {status_label(v)} · {v.kind} · {when}", "dim"),
        )

    # -- saving --------------------------------------------------------------------------

    @on(ConversationPane.Edited)
    def _pane_edited(self, event: ConversationPane.Edited) -> None:
        event.stop()
        self.autosaver.schedule(self.conversation, self._conversation_saved)
        if event.contact_changed:
            self.autosaver.schedule(self.contact, self._contact_saved)
        if event.profile_changed:
            self.autosaver.schedule(self.profile, self._profile_stored)
        self._show_title()

    def _conversation_saved(self, saved: Conversation) -> None:
        if saved.id == self.conversation.id:
            self.conversation = saved

    def _contact_saved(self, saved: Contact) -> None:
        if saved.id == self.contact.id:
            self.contact = saved

    def _profile_stored(self, saved: Profile) -> None:
        self._profile_saved = (saved.name, saved.intro)
        self.profile = saved

    def save_now(self) -> None:
        """Hand every pending edit to the store (the disk write happens off this thread).

        A failure is reported, never raised: the edits stay pending and are tried again.
        """
        try:
            self.autosaver.flush()
        except Exception as exc:
            self.notify(f"Not saved yet, will retry: {exc}", severity="error", markup=False)

    def on_screen_suspend(self) -> None:
        """Another screen on top: save."""
        self.save_now()

    def on_unmount(self) -> None:
        """Leaving (also on quit): save, including what the panes put into the models as they
        went (their own ``on_unmount`` ran first) and an edit whose message had not arrived
        yet (a priority key such as ctrl+q overtakes typed keys still in the queue)."""
        self.autosaver.schedule(self.conversation)
        if (self.profile.name, self.profile.intro) != self._profile_saved:
            self.autosaver.schedule(self.profile)
        self.save_now()

    @on(TabbedContent.TabActivated)
    def _pane_changed(self, event: TabbedContent.TabActivated) -> None:
        self.save_now()
        # Panes show edits made in other panes (e.g. the goal typed in Prep, shown in Details).
        pane = event.pane.query(ConversationPane).first() if event.pane else None
        already, self._shown_already = self._shown_already, None
        if pane is not None and pane is not already:
            pane.refresh_view()
            if self.focused is None or pane not in self.focused.ancestors:
                self.focus_pane()  # a click on a tab

    def replace_models(self, conversation: Conversation, contact: Contact) -> None:
        """Show models changed outside the panes (a form, the store): every pane follows, and
        the one shown redraws whatever the change (the others redraw when shown)."""
        self.conversation, self.contact = conversation, contact
        self.introducer = self.store.contact_or_none(contact.introduced_by)
        pane = self.active_pane()
        if pane is not None:
            pane.refresh_view()
        self._show_title()

    @on(PrepPane.BriefWanted)
    def _brief_wanted(self, event: PrepPane.BriefWanted) -> None:
        event.stop()
        load_brief(self, self.conversation, self.contact)

    @on(ConversationPane.ReadWanted)
    def _read_wanted(self, event: ConversationPane.ReadWanted) -> None:
        from tui.screens.opening import read_conversation

        event.stop()
        # What the pane put into the model just now may not have sent its Edited yet.
        self.autosaver.schedule(self.conversation, self._conversation_saved)
        self.save_now()
        read_conversation(self, event.conversation_id)

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

    # -- actions -------------------------------------------------------------------------

    def action_back(self) -> None:
        """Escape: in a text box, leave it (the pane says where to); elsewhere save and return
        to the list, unless the call is running: a second nervous esc would leave the call
        for the list, where every letter typed next is a command."""
        focused = self.focused
        pane = self.active_pane()
        if isinstance(focused, (Input, TextArea)) and pane is not None:
            pane.leave_text_box(focused)
            return
        if self.conversation.live.running:
            self.notify("The call is running, so esc stays here. F9 ends it; 'Back to the "
                        "list' in ctrl+p leaves it running.", title="Still in the call",
                        markup=False)
            return
        self.leave()

    def leave(self) -> None:
        """Save and go back to the list (the call, if running, keeps running)."""
        self.save_now()
        self.dismiss()

    def action_pane(self, pane_id: str) -> None:
        """Switch pane and put the cursor in it (at once: see BINDINGS)."""
        tabs = self.query_one(TabbedContent)
        if tabs.active == pane_id:
            pane = self.active_pane()
            if pane is not None:
                pane.shown_again()
            return
        tabs.active = pane_id
        pane = self.active_pane()
        if pane is not None:
            self._shown_already = pane
            pane.refresh_view()
        self.focus_pane()

    def show_prep_part(self, part_id: str) -> None:
        """Show the Prep pane on one of its parts (``prep-outreach``...), cursor in it."""
        self.action_pane("prep")
        prep = self.query_one(PrepPane)
        prep.show_part(part_id)
        prep.part().focus_first()

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
        shown = self.active_pane()
        if not (isinstance(shown, LivePane) and shown.check_action("read", ())):
            # (in a finished call's Live pane, its f12 is the same command)
            yield SystemCommand("Read the whole conversation", "Everything on one read-only "
                                "scroll; e there comes back to the matching pane",
                                self.action_read)
        yield SystemCommand("Back to the list", "Save and go back (a running call keeps "
                            "running)", self.leave)

    def action_read(self) -> None:
        """Save, then show the conversation on one read-only scroll."""
        from tui.screens.opening import read_conversation

        self.save_now()
        read_conversation(self, self.conversation_id)
