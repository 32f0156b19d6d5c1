"""Putting an open conversation at one place: the pane, its part, the item, scrolled to it.

A search hit says where its text lives (:class:`tui.core.search_fields.Locator`); this finds
that place in the conversation screen by what is on screen (the panes' lists carry the ids
of their items; text boxes have ids), so it needs no knowledge of how a pane is built.
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import OptionList

from tui.core.search_fields import Locator
from tui.panes.live import LivePane
from tui.panes.prep import PARTS, PrepPane
from tui.panes.reflect.item_lists import ActionList, FollowUpList, ReferralList
from tui.panes.reflect.reflection import AnswerArea
from tui.panes.reflect.thank_you import DraftArea
from tui.widgets.key_order import focus_now

# a search hit's part -> the number of the Prep part that shows it
PREP_PARTS = {part_id.removeprefix("prep-"): number
              for number, (part_id, _) in enumerate(PARTS, start=1)}
# (pane, part, field) -> the id of the text box that holds it
TEXT_BOXES = {
    ("prep", "research", "research_notes"): "research-notes",
    ("prep", "questions", "goal"): "goal",
    ("prep", "questions", "ask"): "ask",
    ("prep", "outreach", "draft"): "outreach-draft",
    ("prep", "schedule", "place"): "place",
}
REFLECT_LISTS: dict[str, type[Widget]] = {
    "actions": ActionList, "referrals": ReferralList, "followups": FollowUpList,
    "thank-you": DraftArea}


def pane_of(locator: Locator) -> str:
    """The pane to show for ``locator`` (a contact's own fields are in Details)."""
    return locator.pane if locator.pane in ("details", "prep", "live", "reflect") else "details"


def go_to(screen: Screen[Any], locator: Locator) -> Widget | None:
    """In a conversation screen already showing ``pane_of(locator)``: show the part, focus
    the item and scroll it into view; returns the widget given the cursor, if any."""
    pane = next(iter(screen.query(f"#{pane_of(locator)}-pane")), None)
    if pane is None:
        return None
    target: Widget | None = None
    if isinstance(pane, PrepPane) and locator.part in PREP_PARTS:
        pane.action_part(PREP_PARTS[locator.part])
    if locator.pane == "live" and locator.part == "questions" and locator.item_id:
        target = _live_question(pane, locator.item_id)
    elif locator.pane == "reflect" and locator.part == "reflection":
        target = next((a for a in pane.query(AnswerArea) if a.key == locator.prompt), None)
    elif locator.pane == "reflect" and locator.part in REFLECT_LISTS:
        target = next(iter(pane.query(REFLECT_LISTS[locator.part])), None)
    box = TEXT_BOXES.get((locator.pane, locator.part, locator.field))
    if target is None and box:
        target = next(iter(pane.query(f"#{box}")), None)
    if locator.item_id:
        target = _list_item(pane, locator.item_id) or target
    if target is not None and target.focusable:
        focus_now(target)
        shown = target
        screen.call_after_refresh(lambda: shown.scroll_visible(animate=False))
    return target


def _live_question(pane: Widget, question_id: str) -> Widget | None:
    if not isinstance(pane, LivePane):
        return None
    questions = pane.conversation.questions
    index = next((i for i, q in enumerate(questions) if q.id == question_id), None)
    if index is None:
        return None
    pane.set_current(index)
    return next((w for w in pane.query(OptionList) if _index_of(w, question_id) is not None),
                None)


def _list_item(pane: Widget, item_id: str) -> Widget | None:
    """The visible list holding an option with this id, highlighted on it."""
    for listing in pane.query(OptionList):
        index = _index_of(listing, item_id)
        if index is not None and listing.visible and listing.display:
            listing.highlighted = index
            return listing
    return None


def _index_of(listing: OptionList, item_id: str) -> int | None:
    try:
        return listing.get_option_index(item_id)
    except Exception:  # not in this list
        return None
