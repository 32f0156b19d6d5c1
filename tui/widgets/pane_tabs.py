"""Tabs whose pane follows the keyboard: switching is instant and a stale focus never undoes it."""

from __future__ import annotations

from textual.widgets import TabbedContent, TabPane


class PaneTabs(TabbedContent):
    """A TabbedContent that ignores a pane's "something was focused in me" once the focus has
    moved on: the message arrives late, and obeying it would switch back to a pane the user
    just left (keys typed meanwhile would then land in the wrong pane)."""

    def _on_tab_pane_focused(self, event: TabPane.Focused) -> None:
        focused = self.screen.focused
        if focused is None or event.tab_pane not in focused.ancestors:
            event.stop()
            event.prevent_default()
