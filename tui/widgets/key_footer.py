"""The footer: the keys that matter where the cursor is, F1 Help first so it is never cut, and
keys that do not fit left out whole (F1 lists them all) rather than cut mid-word."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.widgets import Footer

from tui.widgets.textual_patches import FooterKey

HELP_ACTION = "help"
PALETTE_ROOM = 12  # "▏^p palette" docked at the right, and a gap before it


def key_width(key: FooterKey) -> int:
    """Cells a compact footer key takes: ``^t Pause`` and the space after it."""
    text = f"{key.key_display} {key.description}" if key.description else key.key_display
    return len(text) + 1


class KeyFooter(Footer):
    """A compact footer whose first key is F1 Help (Textual puts the app's keys last, where a
    narrow terminal cuts them off), showing as many whole keys as fit."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(compact=True, **kwargs)
        self._width = 0

    def compose(self) -> ComposeResult:
        """The stock footer's keys, help moved to the front, the tail dropped if too long."""
        widgets = list(super().compose())
        palette = [w for w in widgets if isinstance(w, FooterKey) and "-command-palette"
                   in w.classes]
        keys = [w for w in widgets if isinstance(w, FooterKey) and w not in palette]
        keys.sort(key=lambda w: w.action != HELP_ACTION)
        room = (self.size.width or self.app.size.width) - (PALETTE_ROOM if palette else 0)
        for key in keys:
            room -= key_width(key)
            if room < 0:
                break
            yield _styled_compact(key, self.compact)
        for key in palette:
            yield _styled_compact(key, self.compact)

    def on_resize(self, event: events.Resize) -> None:
        """Fit again at the new width."""
        if event.size.width != self._width:
            self._width = event.size.width
            self.call_after_refresh(self.recompose)


def _styled_compact(key: FooterKey, compact: bool) -> FooterKey:
    """``key`` with its compact class set before it is mounted. The key sets that class
    itself once mounted, and setting it then restyles the key: the footer is made again at
    every move of the cursor, and opening a conversation restyled some seventy keys that
    way, some 7% of its work."""
    key.set_class(compact, "-compact", update=False)
    return key
