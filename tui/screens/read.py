"""A whole conversation on one scroll, read-only: the text ``coffeechat show`` prints, rendered
as Markdown. Letters are commands here (there is nothing to type into).

The file is read and the document built on a thread, then rendered section by section on
the same thread (see :class:`tui.widgets.document_view.DocumentView`): the first section
shows at once and a very long conversation fills in below while the top can already be read.
``e`` leaves with the pane that edits the section at the top of the view; the caller opens
it.
"""

from __future__ import annotations

import time
from collections.abc import Iterable

from textual import work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

from tui.core.models import Contact, Conversation
from tui.core.reading import Section, pane_for, reading_sections
from tui.widgets.app_services import app_services
from tui.widgets.document_view import DocumentView
from tui.widgets.key_footer import KeyFooter
from tui.widgets.text import styled

PANE_TITLES = {"details": "Details", "prep": "Prep", "live": "Live", "reflect": "Reflect"}


class ReadScreen(Screen[str | None]):
    """Read one conversation top to bottom; dismisses with the pane to edit (``e``) or None."""

    BINDINGS = [
        Binding("escape,q", "back", "Back", tooltip="Back to where you came from",
                id="read.back"),
        Binding("e", "edit", "Edit", tooltip="Edit the part at the top of the view in its pane",
                id="read.edit"),
        Binding("n,right_square_bracket", "section(1)", "Next part",
                tooltip="Scroll to the next part", id="read.next"),
        Binding("p,left_square_bracket", "section(-1)", "Previous part",
                tooltip="Scroll to the previous part", id="read.previous"),
        Binding("g", "top", "Top", show=False, tooltip="Back to the top", id="read.top"),
    ]
    DEFAULT_CSS = """
    ReadScreen #read-title { height: 1; background: $panel; padding: 0 1; }
    ReadScreen #read-body { height: 1fr; padding: 0 0 0 1; }
    """

    def __init__(self, conversation_id: str) -> None:
        super().__init__()
        self.conversation_id = conversation_id
        self.conversation: Conversation | None = None
        self.contact: Contact | None = None
        self.sections: list[Section] = []
        #: Seconds from mounting to the first section shown, and to the whole document.
        self.first_shown: float | None = None
        self.all_shown: float | None = None
        self._started = time.perf_counter()

    def compose(self) -> ComposeResult:
        """A title line, the scroll, the footer."""
        yield Static(styled(("Opening the conversation…", "dim")), id="read-title")
        yield DocumentView(id="read-body")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Read and build the document off the event loop, then show it."""
        self._started = time.perf_counter()
        self.query_one("#read-body").focus()
        store = app_services(self).store
        people = {c.id: c for c in store.contacts()}
        self._load(people)

    @work(thread=True, exclusive=True, group="read", exit_on_error=False,
          description="rendering the conversation")
    def _load(self, people: dict[str, Contact]) -> None:
        """On a thread: read the file, build the document, render it."""
        store = app_services(self).store
        try:
            conversation = store.conversation(self.conversation_id)
        except Exception as exc:  # a file gone or damaged since the list was drawn
            self.app.call_from_thread(self._failed, str(exc))
            return
        contact = people.get(conversation.contact_id) or Contact(
            name="(missing contact)", id=conversation.contact_id)
        sections = reading_sections(conversation, contact, people)
        self.app.call_from_thread(self._loaded, conversation, contact, sections)
        self.query_one(DocumentView).render_here(sections)

    def _failed(self, reason: str) -> None:
        self.query_one("#read-title", Static).update(
            styled((f"This conversation cannot be read: {reason}", "bold $error")))

    def _loaded(self, conversation: Conversation, contact: Contact,
                sections: list[Section]) -> None:
        self.conversation, self.contact, self.sections = conversation, contact, sections
        self._show_title()

    def on_document_view_sections_shown(self, event: DocumentView.SectionsShown) -> None:
        """Note when the first section and the whole document were on screen."""
        elapsed = time.perf_counter() - self._started
        if self.first_shown is None:
            self.first_shown = elapsed
        if event.done:
            self.all_shown = elapsed

    def _show_title(self) -> None:
        if self.contact is None or self.conversation is None:
            return
        chat = self.conversation
        self.query_one("#read-title", Static).update(styled(
            (self.contact.name, "bold"), "  ", (f"{chat.kind} · {chat.status}", "dim"),
            ("   read-only: e edits", "dim italic")))

    # -- moving around -------------------------------------------------------------------

    def current_section(self) -> Section | None:
        """The section at the top of the view (the first one before anything scrolled)."""
        view = self.query_one(DocumentView)
        if not view.starts:
            return None
        return self.sections[view.section_at_top()]

    def action_section(self, step: int) -> None:
        """Scroll to the next (1) or previous (-1) section."""
        view = self.query_one(DocumentView)
        if view.starts:
            index = max(0, min(len(view.starts) - 1, view.section_at_top() + step))
            view.scroll_to_section(index)

    def action_top(self) -> None:
        """Back to the top."""
        self.query_one(DocumentView).scroll_home(animate=False)

    def action_back(self) -> None:
        """Leave the view."""
        self.dismiss(None)

    def action_edit(self) -> None:
        """Leave with the pane that edits the section at the top of the view."""
        if self.conversation is None:
            return
        current = self.current_section()
        self.dismiss(pane_for(current.title if current else "", self.conversation))

    def help_note(self) -> str:
        """The line F1 shows above the keys."""
        return ("The whole conversation, read-only, as 'coffeechat show' prints it. "
                "e edits the part at the top in its pane.")

    def palette_commands(self) -> Iterable[SystemCommand]:
        """This screen's commands for the command palette."""
        yield SystemCommand("Edit this part", "Open the pane that edits the part at the top",
                            self.action_edit)
        yield SystemCommand("Next part", "Scroll to the next part", lambda: self.action_section(1))
        yield SystemCommand("Previous part", "Scroll to the previous part",
                            lambda: self.action_section(-1))
        yield SystemCommand("Back", "Leave the read-only view", self.action_back)
