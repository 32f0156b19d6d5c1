"""Keys handled in the order they were typed, and typing that is never lost to a command.

Textual hands a key to the focused widget, and runs a key binding only once the key has
bubbled up from that widget to the app. Keys typed quickly (a burst from tmux, a busy moment
on the event loop) are already queued at the focused widget by then: a binding that moved the
focus or changed what a text box edits ran *after* keys typed later, which then landed in the
wrong place. The widgets of a pane where people type are :class:`OrderedKeys`:

- a key that a pane around the widget wants (one of its ``ORDERED_ACTIONS``, or a printable
  key it has a text box for: :meth:`KeyOwner.typing_target`) goes up to it as a
  :class:`KeyRequest`; the widget waits for the answer before it takes the next key;
- then the widget's own bindings run at once, then the screen's ordered actions (esc leaving
  a text box);
- a key that reaches the widget after the focus moved away is handed on to the widget that
  has the focus now (or to the dialog that opened), so it lands where the user was looking.

Other messages a widget must see handled before its next key (enter in a one-line box, a
command on a list) are :class:`Request` s too, sent with :func:`ask`. The app answers any
request nobody took, so a widget never waits long.
"""

from __future__ import annotations

import asyncio
from collections.abc import Collection
from typing import ClassVar, Protocol, runtime_checkable

from textual import events
from textual.dom import DOMNode
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget

from tui.widgets.textual_patches import bindings_for, forward_key

ANSWER_SECONDS = 2.0  # a safety net: the app answers every request long before this


def focus_now(widget: Widget) -> None:
    """Give ``widget`` the focus at once (``Widget.focus`` waits until the app's queue, by
    which time keys typed after this one have gone to the old focus)."""
    try:
        screen = widget.screen
    except Exception:
        return
    if widget.focusable:
        screen.set_focus(widget)
    else:
        widget.focus()


class Request(Message):
    """A message its sender waits on: posted to the sender's parent, it bubbles up until a
    handler answers it (:meth:`done_here`); the app answers any that reach it unanswered."""

    def __init__(self) -> None:
        super().__init__()
        self._answer = asyncio.Event()
        self.handled = False

    @property
    def answered(self) -> bool:
        """Someone has answered."""
        return self._answer.is_set()

    def answer(self, handled: bool) -> None:
        """Let the sender go on; ``handled`` says whether the request was dealt with."""
        self.handled = handled
        self._answer.set()

    def done_here(self) -> None:
        """Dealt with: answer, and bubble no further."""
        self.answer(True)
        self.stop()

    async def answered_yet(self) -> bool:
        """Wait for the answer; True when the request was dealt with."""
        try:
            await asyncio.wait_for(self._answer.wait(), ANSWER_SECONDS)
        except asyncio.TimeoutError:
            return False
        return self.handled


async def ask(widget: Widget, request: Request) -> bool:
    """Post ``request`` to the parent of ``widget`` and wait for the answer (keys typed
    meanwhile wait in the widget's queue); True when it was dealt with."""
    parent = widget.parent
    (parent if isinstance(parent, DOMNode) else widget.app).post_message(
        request.set_sender(widget))
    return await request.answered_yet()


class KeyRequest(Request):
    """A key the focused widget offers to the panes (or, ``for_screen``, the screen) around it."""

    def __init__(self, origin: Widget, event: events.Key, *, for_screen: bool) -> None:
        super().__init__()
        self.origin = origin
        self.key = event.key
        self.character = event.character
        self.is_printable = event.is_printable
        self.for_screen = for_screen


def _action_name(action: str) -> str:
    return action.split("(")[0].rsplit(".", 1)[-1]


class KeyOwner:
    """Mixin of a pane or a screen whose keys run in typing order on the widgets inside it
    (put it before the Textual class)."""

    #: Actions of this node's bindings that run in typing order.
    ORDERED_ACTIONS: ClassVar[frozenset[str]] = frozenset()

    @property
    def _as_node(self) -> DOMNode:
        assert isinstance(self, DOMNode), "KeyOwner goes with a Textual class"
        return self

    def ordered_actions(self, widget: Widget) -> Collection[str]:
        """The actions that run in typing order while ``widget`` has the focus."""
        return self.ORDERED_ACTIONS

    def typing_target(self, widget: Widget) -> Widget | None:
        """The text box that printable keys typed on ``widget`` go into (None: none)."""
        return None

    def wants_key(self, widget: Widget, key: str, printable: bool) -> bool:
        """Whether a key typed on ``widget`` is this node's to handle first."""
        actions = self.ordered_actions(widget)
        if actions and any(_action_name(b.action) in actions
                           for b in bindings_for(self._as_node, key)):
            return True
        # A printable key the widget has a binding of its own for stays the widget's.
        return printable and not bindings_for(widget, key) and \
            self.typing_target(widget) not in (None, widget)

    async def on_key_request(self, request: KeyRequest) -> None:
        """Run the ordered binding for the key, or type it into the text box it belongs in."""
        node = self._as_node
        if request.answered or request.for_screen != isinstance(node, Screen):
            return
        actions = self.ordered_actions(request.origin)
        for binding in bindings_for(node, request.key):
            if _action_name(binding.action) in actions and \
                    await node.app.run_action(binding.action, node):
                request.done_here()
                return
        if request.is_printable:
            target = self.typing_target(request.origin)
            if target is not None and target is not request.origin:
                focus_now(target)
                forward_key(target, request.key, request.character)
                request.done_here()


@runtime_checkable
class KeyHolder(Protocol):
    """A dialog that keeps keys typed before it is ready (see ``tui.dialogs.form``)."""

    def hold_key(self, event: events.Key) -> bool:
        """Keep ``event`` for later; False once the dialog takes keys itself."""
        ...


class OrderedKeys:
    """Mixin (put it before the Textual widget class) for the widgets of a typing pane."""

    skip_on_tab: bool = False  # True: reached by its keys or a click, never by tab
    _handed_to: Widget | Screen[object] | None = None

    @property
    def _as_widget(self) -> Widget:
        assert isinstance(self, Widget), "OrderedKeys goes before a Textual widget class"
        return self

    async def on_key(self, event: events.Key) -> None:
        """Route the key (see the module's docstring)."""
        if await self._route_key(event):
            event.stop()
            event.prevent_default()

    def on_focus(self, event: events.Focus) -> None:
        """Back here: keys are this widget's again."""
        self._handed_to = None

    async def _route_key(self, event: events.Key) -> bool:
        """True when the key was dealt with here (handed on, or a binding ran)."""
        me = self._as_widget
        top = me.app.screen
        if top is not me.screen:
            return self._to_dialog(top, event)
        focused = me.screen.focused
        if focused is not me:
            target = self._handed_to
            if target is None or target is not focused:
                return False
            if event.key in ("tab", "shift+tab") and not isinstance(target, OrderedKeys):
                # The widget that has the cursor now would move on only once this key had
                # bubbled up to the app: move on here, in order, for it.
                self._move_focus(event.key)
                return True
            forward_key(target, event.key, event.character)
            return True
        if await self._offer(event, for_screen=False):
            return True
        for binding in bindings_for(me, event.key):
            if not binding.priority and await me.app.run_action(binding.action, me):
                self._note_hand_over()
                return True
        if await self._offer(event, for_screen=True):
            return True
        if event.key in ("tab", "shift+tab"):
            self._move_focus(event.key)
            return True
        return False

    async def _offer(self, event: events.Key, *, for_screen: bool) -> bool:
        """Hand the key to the panes (or the screen) around this widget that want it."""
        me = self._as_widget
        printable = event.is_printable
        wanted = any(
            isinstance(node, KeyOwner) and isinstance(node, Screen) == for_screen
            and node.wants_key(me, event.key, printable)
            for node in me.ancestors
        )
        if not wanted:
            return False
        request = KeyRequest(me, event, for_screen=for_screen)
        if await ask(me, request):
            self._note_hand_over()
            return True
        return False

    def _move_focus(self, key: str) -> None:
        screen = self._as_widget.screen
        if key == "tab":
            screen.focus_next()
        else:
            screen.focus_previous()
        self._note_hand_over()

    def _note_hand_over(self) -> None:
        me = self._as_widget
        if me.app.screen is not me.screen:
            self._handed_to = me.app.screen  # a dialog opened: it gets what follows
            return
        now = me.screen.focused
        if now is not me and now is not None:
            self._handed_to = now

    def _to_dialog(self, top: Screen[object], event: events.Key) -> bool:
        """A key typed after this widget opened a dialog goes into the dialog."""
        if self._handed_to is not top:
            return False
        if isinstance(top, KeyHolder) and top.hold_key(event):
            return True
        if top.focused is not None:
            forward_key(top.focused, event.key, event.character)
            return True
        return False
