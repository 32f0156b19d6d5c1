"""The research checklist as a list: section headings with progress, items with notes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.content import Content

from tui.core.models import ChecklistItem
from tui.text import one_line, styled
from tui.widgets.fitted_list import FittedOptionList
from tui.widgets.key_order import OrderedKeys, focus_now

if TYPE_CHECKING:
    from tui.widgets.prep_checklist import ChecklistPart

SECTION_PREFIX = "section:"


def item_prompt(item: ChecklistItem) -> Content:
    """``[x] text`` with the note (if any) on a dimmer line below."""
    box = ("[x] ", "$success") if item.done else ("[ ] ", "$text-muted")
    text = (item.text, "$text-muted") if item.done else item.text
    if not item.note.strip():
        return styled(box, text)
    return styled(box, text, ("\n    ↳ " + one_line(item.note, 300), "italic $text-muted"))


def section_prompt(title: str, items: list[ChecklistItem]) -> Content:
    """The section heading with its own progress."""
    done = sum(1 for i in items if i.done)
    return styled((one_line(title, 60), "bold $accent"), (f"  {done}/{len(items)}", "dim"))


class ChecklistList(OrderedKeys, FittedOptionList):
    """The checklist; option ids are item ids (section headings are disabled rows)."""

    BINDINGS = [
        Binding("space", "toggle", "Tick", tooltip="Tick or untick the item", id="prep.tick"),
        Binding("n", "note", "Note", tooltip="Write a note on the item", id="prep.note"),
        Binding("enter", "note", "Note (enter)", show=False, tooltip="Write a note on the item",
                id="prep.note_enter"),
        Binding("a", "add", "Add", tooltip="Add an item to this section", id="prep.add_item"),
        Binding("d,delete", "remove", "Remove", tooltip="Remove the item (u puts it back)",
                id="prep.remove_item"),
        Binding("u", "undo", "Put back", show=False, tooltip="Put back the last removed item",
                id="prep.undo_item"),
    ]

    def _part(self) -> ChecklistPart:
        from tui.widgets.prep_checklist import ChecklistPart

        return self.query_ancestor(ChecklistPart)

    def action_toggle(self) -> None:
        """Handled by the part."""
        self._part().toggle()

    def action_note(self) -> None:
        """Handled by the part."""
        focus_now(self._part().query_one("#item-note"))

    def action_add(self) -> None:
        """Handled by the part."""
        self._part().start_adding()

    def action_remove(self) -> None:
        """Handled by the part."""
        self._part().remove_item()

    def action_undo(self) -> None:
        """Handled by the part."""
        self._part().undo_remove()

