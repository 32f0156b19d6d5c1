"""What every conversation pane shares: the model it edits and how it asks to be saved."""

from __future__ import annotations

from textual.containers import Vertical
from textual.message import Message

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
