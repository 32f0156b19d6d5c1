"""Tabs whose pane follows the keyboard: switching is instant and a stale focus never undoes it."""

from __future__ import annotations

from textual.widgets import TabPane

from tui.widgets.textual_patches import TabsFollowFocus


class PaneTabs(TabsFollowFocus):
    """Tabs that ignore a pane's "something was focused in me" once the focus has moved on:
    the message arrives late, and obeying it would switch back to a pane the user just left
    (keys typed meanwhile would then land in the wrong pane)."""

    def follow_focus(self, pane: TabPane) -> bool:
        """Show ``pane`` only if the cursor is still in it."""
        focused = self.screen.focused
        return focused is not None and pane in focused.ancestors
