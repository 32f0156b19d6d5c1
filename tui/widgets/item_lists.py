"""Short lists of the Reflect pane: action items, referrals and the follow-up log.

Each is an OptionList whose option ids are record ids. The letters on a list act on that list
only, and each is undone by one key: ``a`` adds (esc cancels the form), ``d`` removes (``u``
puts it back). Keys on a list post an :class:`ItemList.Command`, or call ``handler`` at once
when the section set one (so keys typed after it are handled after it); the section around the
list changes the model.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from textual import on
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.core.models import ActionItem, FollowUp, Referral
from tui.core.moments import format_day
from tui.text import one_line, styled
from tui.widgets.fitted_list import FittedOptionList
from tui.widgets.key_order import OrderedKeys


class ItemList(OrderedKeys, FittedOptionList):
    """A short list of records: ``a`` adds, ``enter`` edits, ``d`` removes and ``u`` puts back
    (subclasses add more)."""

    MAX_ROWS = 10
    BINDINGS = [
        Binding("a", "command('add')", "Add", tooltip="Add an entry to this list",
                id="items.add"),
        Binding("enter", "command('edit')", "Edit", tooltip="Edit the highlighted entry",
                id="items.edit"),
        Binding("d,delete", "command('delete')", "Remove", tooltip="Remove the highlighted "
                "entry (u puts it back)", id="items.delete"),
        Binding("u", "command('undo')", "Put back", show=False, tooltip="Put back the entry "
                "removed last", id="items.undo"),
    ]
    empty_text = "Nothing yet."
    handler: Callable[[str, str], None] | None = None

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        # Inline, because the app's stylesheet gives every OptionList the full height.
        self.styles.height = "auto"
        self.styles.max_height = self.MAX_ROWS

    class Command(Message):
        """Do ``command`` (edit, delete, toggle) to the record ``item_id`` of ``item_list``."""

        def __init__(self, item_list: ItemList, command: str, item_id: str) -> None:
            super().__init__()
            self.item_list = item_list
            self.command = command
            self.item_id = item_id

        @property
        def control(self) -> ItemList:
            """The list the command came from (so ``@on(..., "#selector")`` works)."""
            return self.item_list

    def set_rows(self, rows: list[tuple[str, Content]]) -> None:
        """Replace the rows, keeping the highlight on the same record where possible."""
        keep = self.highlighted_option.id if self.highlighted_option else None
        self.clear_options()
        if not rows:
            self.add_option(Option(styled((self.empty_text, "dim")), disabled=True))
            return
        self.add_options(Option(prompt, id=item_id) for item_id, prompt in rows)
        ids = [item_id for item_id, _ in rows]
        self.highlighted = ids.index(keep) if keep in ids else 0

    @property
    def current_id(self) -> str | None:
        """The record id under the cursor."""
        option = self.highlighted_option
        return option.id if option is not None and not option.disabled else None

    def action_command(self, command: str) -> None:
        """Apply ``command`` to the highlighted record (add and undo need none)."""
        item_id = self.current_id or ""
        if item_id or command in ("add", "undo"):
            self._send(command, item_id)

    def _send(self, command: str, item_id: str) -> None:
        if self.handler is not None:
            self.handler(command, item_id)
        else:
            self.post_message(self.Command(self, command, item_id))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self._send("edit", event.option.id)


def action_row(action: ActionItem, today: date) -> Content:
    """``○ Send CV to Bob · due Fri 05 Dec`` with the due date coloured by urgency."""
    mark = ("✓ ", "$success") if action.done else ("○ ", "$text-muted")
    text = (one_line(action.text, 200) or "(no text)", "dim strike" if action.done else "")
    due = ""
    style = "dim"
    if action.due:
        day = date.fromisoformat(action.due)
        due = f"  due {format_day(day, today)}"
        if not action.done and day < today:
            due, style = f"{due} · overdue", "bold $error"
        elif not action.done and day == today:
            due, style = "  due today", "bold $warning"
    return styled(mark, text, (due, style))


class ActionList(ItemList):
    """Action items: ``space`` (or ``x``) checks one off, and again undoes it."""

    BINDINGS = [
        Binding("space,x", "command('toggle')", "Done", tooltip="Check the action off (or undo)",
                id="actions.toggle"),
    ]
    empty_text = "No action items yet · a adds one"

    def show_actions(self, actions: list[ActionItem], today: date) -> None:
        """Show the actions in their stored order."""
        self.set_rows([(a.id, action_row(a, today)) for a in actions])


def referral_row(referral: Referral) -> Content:
    """``Bob Lee · Acme  why…  → contact`` or ``pending``."""
    company = f" · {one_line(referral.company, 40)}" if referral.company else ""
    why = f"  {one_line(referral.why, 80)}" if referral.why else ""
    state = ("  ✓ contact", "$success") if referral.contact_id else ("  pending", "$warning")
    return styled((one_line(referral.name, 60) or "(no name)", "bold"), company, (why, "dim"),
                  state)


class ReferralList(ItemList):
    """People this contact suggested talking to."""

    empty_text = "No referrals yet · a adds one"

    def show_referrals(self, referrals: list[Referral]) -> None:
        """Show the referrals in their stored order."""
        self.set_rows([(r.id, referral_row(r)) for r in referrals])


def followup_row(entry: FollowUp, today: date) -> Content:
    """``Wed 10 Dec  sent the article on robotics``."""
    return styled((f"{format_day(date.fromisoformat(entry.on), today):<11} ", "bold"),
                  one_line(entry.note, 200) or ("(no note)", "dim"))


class FollowUpList(ItemList):
    """Every time the user got back in touch, newest first."""

    empty_text = "No follow-ups logged yet · a logs one"

    def show_followups(self, entries: list[FollowUp], today: date) -> None:
        """Show the entries newest first."""
        newest = sorted(entries, key=lambda f: f.on, reverse=True)
        self.set_rows([(f.id, followup_row(f, today)) for f in newest])
