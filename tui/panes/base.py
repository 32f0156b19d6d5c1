"""What every conversation pane shares: the model it edits and how it asks to be saved."""

from __future__ import annotations

from collections.abc import Iterable

from textual import events
from textual.app import SystemCommand
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget

from tui.core.models import Contact, Conversation
from tui.core.profile import Profile
from tui.widgets.key_commands import binding_commands, shown
from tui.widgets.key_order import OrderedKeys, focus_now


class ConversationPane(Vertical):
    """A pane edits ``self.conversation`` in place and calls :meth:`edited`; the screen saves.

    Panes never talk to the store. When the screen replaces the model (after an edit made
    elsewhere) it calls :meth:`load`, and the pane shows the new one.
    """

    HELP_NOTE = ""  # what F1 says first about the keys of this pane

    class Edited(Message):
        """The conversation (or the contact, or the user's profile) was changed in place and
        should be saved."""

        def __init__(self, contact_changed: bool = False, profile_changed: bool = False) -> None:
            super().__init__()
            self.contact_changed = contact_changed
            self.profile_changed = profile_changed

    def __init__(self, conversation: Conversation, contact: Contact, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.conversation = conversation
        self.contact = contact
        # The user's own name and introduction; the screen puts the stored one in.
        self.profile = Profile()

    def edited(self, contact_changed: bool = False, profile_changed: bool = False) -> None:
        """Ask the screen to save (debounced)."""
        self.post_message(self.Edited(contact_changed, profile_changed))

    def load(self, conversation: Conversation, contact: Contact) -> None:
        """Show a replacement model."""
        self.conversation = conversation
        self.contact = contact
        self.show()

    def show(self) -> None:
        """Refresh the widgets from the model (panes override)."""

    def wire_keys(self, in_order: set[str]) -> None:
        """Let this pane's ``in_order`` actions run in typing order on its widgets that take
        keys in order (see :class:`OrderedKeys`)."""
        for widget in self.query("*"):
            if isinstance(widget, OrderedKeys):
                widget.key_owner = self
                widget.in_order = in_order

    def entry_widget(self) -> Widget | None:
        """Where the cursor goes when the pane is shown (panes override; default: the first
        widget that takes focus)."""
        return next((w for w in self.query("*") if w.focusable), None)

    def again(self) -> None:
        """The pane's f-key pressed while it is shown (panes override; default: the cursor
        goes to where the pane starts)."""
        target = self.entry_widget()
        if target is not None:
            focus_now(target)

    def leave_text_box(self, box: Widget) -> None:
        """Escape in a text box: leave it for a place where keys are commands again (panes
        override; default: where the pane starts)."""
        target = self.entry_widget()
        if target is not None and target is not box:
            focus_now(target)

    def palette_commands(self) -> Iterable[SystemCommand]:
        """Commands this pane adds to the command palette while it is shown: every key of the
        pane and of its shown parts (panes may add more)."""
        return binding_commands([self, *(w for w in self.query("*") if shown(w))])

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Don't let focus that lands here while hidden pull the tabs back to this pane.

        When a pane is switched away, Textual blurs the focused widget and focuses a sibling,
        which is hidden too; the tabs would follow that focus back here. Put the cursor in the
        pane that is shown instead.
        """
        if self.parent is not None and not self.parent.display:
            event.stop()
            self.call_later(self._focus_shown_pane)

    def _focus_shown_pane(self) -> None:
        focused = self.app.focused
        if focused is not None and self in focused.ancestors:
            focus_pane = getattr(self.screen, "focus_pane", None)
            if callable(focus_pane):
                focus_pane()
