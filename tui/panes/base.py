"""What every conversation pane, and every part of one, shares: the models it is shown (passed
down as reactive state), the one way it redraws, and how it asks for a save.

The screen holds the conversation, the contact, the user's profile and the contact's
introducer as reactive ``var`` s; each pane binds its own to the screen's (``data_bind``), and
each part of a pane to its pane's. When the screen sets a model (loaded, replaced after a form,
or the store's copy after a save), every view that shows something different calls
:meth:`ModelView.refresh_view`. A view edits the model it holds and posts
:class:`ConversationPane.Edited`; only the screen talks to the autosaver.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any, ClassVar, TypeVar

from textual import events
from textual.app import SystemCommand
from textual.containers import Vertical
from textual.dom import DOMNode
from textual.message import Message
from textual.reactive import Reactive, var
from textual.widget import Widget

from tui.core.models import Contact, Conversation
from tui.core.profile import Profile
from tui.widgets.key_commands import binding_commands, shown
from tui.widgets.key_order import KeyOwner, focus_now

V = TypeVar("V", bound="ModelViewing")


def _no_conversation() -> Conversation:
    return Conversation(contact_id="")


def _no_contact() -> Contact:
    return Contact(name="")


def saved_copy_of(old: object, new: object) -> bool:
    """``new`` is the store's copy of ``old`` (the same content; only ``updated_at``, which the
    store sets, may differ): nothing on screen changes."""
    if type(old) is not type(new):
        return False
    if isinstance(old, (Conversation, Profile)) and isinstance(new, (Conversation, Profile)):
        return replace(old, updated_at=new.updated_at) == new
    return old == new


class ModelViewing:
    """Mixin (put it before the Textual class) of a pane or a part of one: it shows the models
    it is given and edits them in place. :class:`ModelView` is the usual container form."""

    #: Draw when mounted (a view drawn only once shown says False).
    DRAW_ON_MOUNT: ClassVar[bool] = True

    conversation: var[Conversation] = var(_no_conversation)
    contact: var[Contact] = var(_no_contact)
    profile: var[Profile] = var(Profile)
    introducer: var[Contact | None] = var(None)

    @property
    def _as_widget(self) -> Widget:
        assert isinstance(self, Widget), "ModelViewing goes before a Textual widget class"
        return self

    def follow(self, child: V) -> V:
        """``child`` (composed by this view) starts from this view's models and follows them."""
        return follow_models(child, self._as_widget, *MODEL_VARS)

    def on_mount(self) -> None:
        """Draw the models (after a subclass's own ``on_mount``, which Textual calls first)."""
        if self.DRAW_ON_MOUNT:
            self.refresh_view()

    def watch_conversation(self, old: Conversation, new: Conversation) -> None:
        """Redraw for a new conversation (not for the store's copy of the same one)."""
        self._model_changed(old, new)

    def watch_contact(self, old: Contact, new: Contact) -> None:
        """Redraw for a new contact."""
        self._model_changed(old, new)

    def watch_profile(self, old: Profile, new: Profile) -> None:
        """Redraw for a new profile."""
        self._model_changed(old, new)

    def watch_introducer(self, old: Contact | None, new: Contact | None) -> None:
        """Redraw for a new introducer."""
        self._model_changed(old, new)

    def _model_changed(self, old: object, new: object) -> None:
        # The same object again is the binding starting up (on_mount draws); the store's copy
        # of what is shown changes nothing on screen.
        if self._as_widget.is_mounted and old is not new and not saved_copy_of(old, new):
            self.refresh_view()

    def refresh_view(self) -> None:
        """Show the models: the one way a view redraws (views override; each widget is
        touched only when what it shows differs)."""

    def edited(self, contact_changed: bool = False, profile_changed: bool = False) -> None:
        """Ask the screen to save (debounced). The message is this view's even when its pane
        asked for the change (Textual stops a message that came from the parent's task at the
        parent)."""
        me = self._as_widget
        me.post_message(ConversationPane.Edited(contact_changed, profile_changed).set_sender(me))


class ModelView(ModelViewing, Vertical):
    """A pane, or a part of one that holds other widgets."""


MODEL_VARS: tuple[Reactive[Any], ...] = (
    ModelView.conversation, ModelView.contact, ModelView.profile, ModelView.introducer,
)


def follow_models(child: V, parent: DOMNode, *reactives: Reactive[Any]) -> V:
    """Give ``child`` the current values of ``parent`` 's ``reactives`` and bind it to them."""
    node = child._as_widget
    for reactive in reactives:
        node.set_reactive(getattr(ModelViewing, reactive.name), getattr(parent, reactive.name))
    node.data_bind(*reactives)
    return child


class ConversationPane(KeyOwner, ModelView):
    """One tab of a conversation (Details, Prep, Live, Reflect). Panes never talk to the store
    or the autosaver: they edit the models and post :class:`Edited`."""

    HELP_NOTE = ""  # what F1 says first about the keys of this pane

    class Edited(Message):
        """The conversation (or the contact, or the user's profile) was changed in place and
        should be saved."""

        def __init__(self, contact_changed: bool = False, profile_changed: bool = False) -> None:
            super().__init__()
            self.contact_changed = contact_changed
            self.profile_changed = profile_changed

    class ReadWanted(Message):
        """Read a conversation (this one, or an earlier one with the same person) top to
        bottom, read-only."""

        def __init__(self, conversation_id: str) -> None:
            super().__init__()
            self.conversation_id = conversation_id

    class FocusWanted(Message):
        """The cursor landed in a pane that is hidden: put it in the shown pane."""

    def entry_widget(self) -> Widget | None:
        """Where the cursor goes when the pane is shown (panes override; default: the first
        widget that takes focus)."""
        return next((w for w in self.query("*") if w.focusable), None)

    def shown_again(self) -> None:
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
            self.post_message(self.FocusWanted().set_sender(self))
