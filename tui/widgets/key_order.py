"""Keys handled in the order they were typed, and typing that is never lost to a command.

Textual hands a key to the focused widget, and runs a key binding only once the key has
bubbled up from that widget to the app. Keys typed quickly (a burst from tmux, a busy moment
on the event loop) are already queued at the focused widget by then: a binding that moves the
focus or changes what a text box edits ran *after* keys typed later, which then landed in the
wrong place. :class:`OrderedKeys` fixes that for the widgets of a pane where people type:

- the pane's bindings named in ``in_order`` and the widget's own bindings run as soon as the
  key reaches the widget, in typing order;
- a key that reaches the widget after one of those bindings moved the focus away is handed on
  to the widget that has the focus now, so it lands where the user was looking;
- a widget that is not a text box can give printable keys it has no binding for to a text box
  (``type_into``): the focus moves there and the character is typed, with every key queued
  behind it.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import TYPE_CHECKING

from textual import events
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widget import Widget


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


if TYPE_CHECKING:
    _Base = Widget
else:
    _Base = object  # a plain mixin: Textual takes CSS from the first DOMNode base only


class OrderedKeys(_Base):
    """Mixin (put it before the Textual widget class) for the widgets of a typing pane.

    The pane sets ``key_owner`` (whose bindings run here first), ``in_order`` (which of its
    actions) and, for widgets that are not text boxes, ``type_into``.
    """

    skip_on_tab: bool = False  # True: reached by its keys or a click, never by tab
    key_owner: DOMNode | None = None
    in_order: Collection[str] = ()
    type_into: Callable[[], Widget | None] | None = None
    _handed_to: Widget | Screen | None = None

    async def _on_key(self, event: events.Key) -> None:
        if await self._route_key(event):
            event.stop()
            event.prevent_default()

    def _on_focus(self, event: events.Focus) -> None:
        self._handed_to = None

    async def _route_key(self, event: events.Key) -> bool:
        """True when the key was dealt with here (typed elsewhere, or a binding ran)."""
        top = self.app.screen
        if top is not self.screen:
            return self._to_dialog(top, event)
        focused = self.screen.focused
        if focused is not self:
            target = self._handed_to
            if target is None or target is not focused:
                return False
            if event.key in ("tab", "shift+tab") and not isinstance(target, OrderedKeys):
                # The widget that has the cursor now would move on only once this key had
                # bubbled up to the app: move on here, in order, for it.
                self._move_focus(event.key)
                return True
            self._hand_on(target, event)
            return True
        for namespace, binding in self._ordered_bindings(event.key):
            if await self.app.run_action(binding.action, namespace):
                self._note_hand_over()
                return True
        if event.is_printable and self.type_into is not None:
            target = self.type_into()
            if target is not None and target is not self:
                focus_now(target)
                self._handed_to = target
                self._hand_on(target, event)
                return True
        if event.key in ("tab", "shift+tab"):
            self._move_focus(event.key)
            return True
        return False

    def _move_focus(self, key: str) -> None:
        if key == "tab":
            self.screen.focus_next()
        else:
            self.screen.focus_previous()
        self._note_hand_over()

    def _note_hand_over(self) -> None:
        if self.app.screen is not self.screen:
            self._handed_to = self.app.screen  # a dialog opened: it gets what follows
            return
        now = self.screen.focused
        if now is not self and now is not None:
            self._handed_to = now

    def _to_dialog(self, top: Screen, event: events.Key) -> bool:
        """A key typed after this widget opened a dialog goes into the dialog."""
        if self._handed_to is not top:
            return False
        hold = getattr(top, "hold_key", None)
        if callable(hold) and hold(event):
            return True
        if top.focused is not None:
            self._hand_on(top.focused, event)
            return True
        return False

    def _hand_on(self, target: Widget, event: events.Key) -> None:
        target._forward_event(events.Key(event.key, event.character))

    def _ordered_bindings(self, key: str) -> list[tuple[DOMNode, Binding]]:
        found: list[tuple[DOMNode, Binding]] = []
        owner = self.key_owner
        if owner is not None:
            for binding in owner._bindings.key_to_bindings.get(key, ()):
                if binding.action.split("(")[0] in self.in_order:
                    found.append((owner, binding))
        for binding in self._bindings.key_to_bindings.get(key, ()):
            if not binding.priority:
                found.append((self, binding))
        screen_in_order = getattr(self.screen, "in_order_actions", None)
        screen_actions = screen_in_order(self) if callable(screen_in_order) else ()
        for binding in self.screen._bindings.key_to_bindings.get(key, ()):
            if binding.action.split("(")[0] in screen_actions:
                found.append((self.screen, binding))
        return found
