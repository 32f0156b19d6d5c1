"""The action items section: add, edit, check off and delete, each with an optional due date."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult

from tui.core.models import ActionItem
from tui.screens.reflect_forms import ActionForm
from tui.text import one_line
from tui.widgets.item_lists import ActionList, ItemList
from tui.widgets.reflect_section import ReflectSection, section_title


class ActionsSection(ReflectSection):
    """What the user promised themselves to do after the call."""

    def compose(self) -> ComposeResult:
        """Heading and the list."""
        yield section_title("Action items", "a add · space done · enter edit · d del")
        yield ActionList(id="action-list")

    def show(self) -> None:
        """Show the current actions."""
        self.query_one(ActionList).show_actions(self.conversation.actions, self.today)

    def add(self) -> None:
        """Open the form for a new action."""
        self.app.push_screen(ActionForm(None, self.today), self._added)

    def _added(self, action: ActionItem | None) -> None:
        if action is not None:
            self.conversation.actions.append(action)
            self.edited()
            self.show()
            listing = self.query_one(ActionList)
            listing.highlighted = len(self.conversation.actions) - 1
            listing.focus()

    def _find(self, action_id: str) -> ActionItem | None:
        return next((a for a in self.conversation.actions if a.id == action_id), None)

    @on(ItemList.Command, "#action-list")
    def _command(self, event: ItemList.Command) -> None:
        event.stop()
        action = self._find(event.item_id)
        if action is None:
            return
        if event.command == "toggle":
            action.done = not action.done
            self.edited()
            self.show()
        elif event.command == "edit":
            self.app.push_screen(ActionForm(action, self.today),
                                 lambda new: self._replaced(action.id, new))
        elif event.command == "delete":
            self.confirm(f"Delete the action '{one_line(action.text, 60)}'?",
                         lambda: self._delete(action.id))

    def _replaced(self, action_id: str, new: ActionItem | None) -> None:
        old = self._find(action_id)
        if new is not None and old is not None:
            old.text, old.due = new.text, new.due
            self.edited()
            self.show()

    def _delete(self, action_id: str) -> None:
        self.conversation.actions = [a for a in self.conversation.actions if a.id != action_id]
        self.edited()
        self.show()
