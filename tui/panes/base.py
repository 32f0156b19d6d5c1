"""What every conversation pane shares: the model it edits and how it asks to be saved."""

from __future__ import annotations

from collections.abc import Iterable

from textual import events
from textual.app import SystemCommand
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import TabbedContent
from textual.widgets._tabbed_content import ContentTabs

from tui.core.models import Contact, Conversation


class ConversationPane(Vertical):
    """A pane edits ``self.conversation`` in place and calls :meth:`edited`; the screen saves.

    Panes never talk to the store. When the screen replaces the model (after an edit made
    elsewhere) it calls :meth:`load`, and the pane shows the new one.
    """

    class Edited(Message):
        """The conversation (or contact) was changed in place and should be saved."""

        def __init__(self, contact_changed: bool = False) -> None:
            super().__init__()
            self.contact_changed = contact_changed

    def __init__(self, conversation: Conversation, contact: Contact, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.conversation = conversation
        self.contact = contact

    def edited(self, contact_changed: bool = False) -> None:
        """Ask the screen to save (debounced)."""
        self.post_message(self.Edited(contact_changed))

    def load(self, conversation: Conversation, contact: Contact) -> None:
        """Show a replacement model."""
        self.conversation = conversation
        self.contact = contact
        self.show()

    def show(self) -> None:
        """Refresh the widgets from the model (panes override)."""

    def palette_commands(self) -> Iterable[SystemCommand]:
        """Commands this pane adds to the command palette while it is shown (panes override)."""
        return ()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Don't let focus that lands here while hidden pull the tabs back to this pane.

        When a pane is switched away, Textual blurs the focused widget and focuses a sibling,
        which is hidden too; the tabs would follow that focus back here. Keep it on the tabs.
        """
        if self.parent is not None and not self.parent.display:
            event.stop()
            self.call_later(self._focus_tabs)

    def _focus_tabs(self) -> None:
        focused = self.app.focused
        if focused is not None and self in focused.ancestors:
            tabs = self.query_ancestor(TabbedContent).query_children(ContentTabs)
            self.screen.set_focus(tabs.first() if tabs else None)
