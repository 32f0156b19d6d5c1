"""The action items section: add, edit, check off and delete, each with an optional due date."""

from __future__ import annotations

from textual.app import ComposeResult

from tui.core.models import ActionItem
from tui.screens.reflect_forms import ActionForm
from tui.text import one_line
from tui.widgets.item_lists import ActionList
from tui.widgets.reflect_section import ReflectSection, section_title


class ActionsSection(ReflectSection):
    """What the user promised themselves to do after the call."""

    def compose(self) -> ComposeResult:
        """Heading and the list."""
        yield section_title("Action items", "a add · space done · d remove")
        yield ActionList(id="action-list")

    def on_mount(self) -> None:
        """Keys on the list act at once, in typing order."""
        self.query_one(ActionList).handler = self._command

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

    def _command(self, command: str, item_id: str) -> None:
        if command == "add":
            self.add()
            return
        if command == "undo":
            self.put_back()
            return
        action = self._find(item_id)
        if action is None:
            return
        if command == "toggle":
            action.done = not action.done
            self.edited()
            self.show()
        elif command == "edit":
            self.app.push_screen(ActionForm(action, self.today),
                                 lambda new: self._replaced(action.id, new))
        elif command == "delete":
            self.remove_record("actions", action.id,
                               f"the action '{one_line(action.text, 60)}'")

    def _replaced(self, action_id: str, new: ActionItem | None) -> None:
        old = self._find(action_id)
        if new is not None and old is not None:
            old.text, old.due = new.text, new.due
            self.edited()
            self.show()
