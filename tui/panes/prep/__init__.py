"""The Prep pane and its parts: Research (checklist), Questions (goal, ask, plan, bank),
Outreach (the first message), Schedule, and Last time (the brief for someone met before)."""

from tui.panes.prep.pane import PARTS, PrepPane
from tui.panes.prep.part_bar import PartBar

__all__ = ["PARTS", "PartBar", "PrepPane"]
