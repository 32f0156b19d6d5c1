"""Keys typed while a screen is on its way are kept, then handed to it in typing order.

Opening a conversation reads its file off the event loop, so its screen comes up a moment
after the enter that asked for it. Keys typed in that moment (f4 for Live, the first letters
of a note) must not reach the list behind it, where a letter is a command and a pane key
means nothing. The app holds every key it receives while a hold is on; the list that opens
the screen holds the keys that had already reached it. Once the screen is up and laid out
(a key that scrolls or moves between sections needs its real sizes), the held keys are handed
on, in the order they were typed, through the app's own key handling.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from textual import events
from textual.app import App
from textual.dom import DOMNode

if TYPE_CHECKING:
    _AppBase = App[Any]
else:
    _AppBase = object  # a plain mixin, put before App


class KeyHold:
    """The keys held while a screen opens, in typing order."""

    def __init__(self) -> None:
        self._keys: list[events.Key] | None = None
        self._early = 0  # how many of ``_keys`` reached a widget before the hold began

    @property
    def active(self) -> bool:
        """True while keys are being held."""
        return self._keys is not None

    def start(self) -> None:
        """Hold keys from now on (a hold already on goes on)."""
        if self._keys is None:
            self._keys, self._early = [], 0

    def hold(self, event: events.Key) -> bool:
        """Keep a key the app has just received; False when no hold is on."""
        if self._keys is None:
            return False
        self._keys.append(events.Key(event.key, event.character))
        return True

    def hold_early(self, event: events.Key) -> bool:
        """Keep a key that the app handed to a widget before the hold began (typed before
        any key the app holds, so it goes before them); False when no hold is on."""
        if self._keys is None:
            return False
        self._keys.insert(self._early, events.Key(event.key, event.character))
        self._early += 1
        return True

    def take(self) -> list[events.Key]:
        """End the hold and return what it kept."""
        keys, self._keys, self._early = self._keys or [], None, 0
        return keys


class HoldsKeys(_AppBase):
    """Mixin for the App: :meth:`hold_keys` while a screen opens, :meth:`release_keys` once
    it is up."""

    key_hold: KeyHold

    def hold_keys(self) -> None:
        """Keep every key from now until :meth:`release_keys`."""
        self.key_hold.start()

    def release_keys(self) -> None:
        """Hand the held keys on, in order, once the screen now shown has been laid out and
        drawn (a key that scrolls or moves the focus needs the real sizes), to whatever has
        the focus then. Keys that arrive meanwhile are held behind them."""
        self.call_after_refresh(self._release_held_keys)

    async def _release_held_keys(self) -> None:
        for key in self.key_hold.take():
            key.set_sender(self)
            # A held key may open another screen and start a new hold: the rest join it.
            await self.on_event(key)

    async def on_event(self, event: events.Event) -> None:
        """Hold a key the app receives while a screen is opening."""
        if isinstance(event, events.Key) and not event.is_forwarded and self.key_hold.hold(
                event):
            return
        await super().on_event(event)


@runtime_checkable
class KeyHolder(Protocol):
    """An app that holds keys while a screen opens (the coffeechat app does)."""

    key_hold: KeyHold

    def hold_keys(self) -> None:
        """Keep every key until :meth:`release_keys`."""

    def release_keys(self) -> None:
        """Hand the held keys on, in order."""


def app_key_hold(node: DOMNode) -> KeyHolder | None:
    """The app of ``node`` if it holds keys (an app made for a test may not)."""
    app = node.app
    return app if isinstance(app, KeyHolder) else None
