"""Short lists of the Reflect pane: action items, referrals and the follow-up log.

Each is a list whose option ids are record ids. The letters on a list act on that list only,
and each is undone by one key: ``a`` adds (esc cancels the form), ``d`` removes (``u`` puts it
back). A key posts a :class:`~tui.widgets.command_list.ListCommand` and waits for the section
around the list to deal with it (so keys typed after ``a`` go into the form).
"""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from textual import on
from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.core.models import ActionItem, FollowUp, Referral
from tui.core.moments import format_day
from tui.widgets.command_list import CommandList, ListCommand
from tui.widgets.text import one_line, styled


class ItemList(CommandList):
    """A short list of records: ``a`` adds, ``enter`` edits, ``d`` removes and ``u`` puts back
    (subclasses add more). ``row`` draws one record; ``NEWEST_FIRST`` orders them by date."""

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
    empty_text: ClassVar[str] = "Nothing yet."

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        # Inline, because the app's stylesheet gives every OptionList the full height.
        self.styles.height = "auto"
        self.styles.max_height = self.MAX_ROWS

    def row(self, record: Any, today: date) -> Content:
        """One record as a line (lists override)."""
        return styled(str(record))

    def ordered(self, records: list[Any]) -> list[Any]:
        """The records in the order shown (lists may override; default: as stored)."""
        return records

    def show_records(self, records: list[Any], today: date) -> None:
        """Replace the rows, keeping the highlight on the same record where possible."""
        keep = self.highlighted_option.id if self.highlighted_option else None
        self.clear_options()
        rows = [(r.id, self.row(r, today)) for r in self.ordered(records)]
        if not rows:
            self.add_option(Option(styled((self.empty_text, "dim")), disabled=True))
            return
        self.add_options(Option(prompt, id=item_id) for item_id, prompt in rows)
        ids = [item_id for item_id, _ in rows]
        self.highlighted = ids.index(keep) if keep in ids else 0

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:  # a click: the section edits it when it gets to it
            (self.parent or self).post_message(
                ListCommand(self, "edit", event.option.id).set_sender(self))


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

    def row(self, record: ActionItem, today: date) -> Content:
        """See :func:`action_row`."""
        return action_row(record, today)


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

    def row(self, record: Referral, today: date) -> Content:
        """See :func:`referral_row`."""
        return referral_row(record)


def followup_row(entry: FollowUp, today: date) -> Content:
    """``Wed 10 Dec  sent the article on robotics``."""
    return styled((f"{format_day(date.fromisoformat(entry.on), today):<11} ", "bold"),
                  one_line(entry.note, 200) or ("(no note)", "dim"))


class FollowUpList(ItemList):
    """Every time the user got back in touch, newest first."""

    empty_text = "No follow-ups logged yet · a logs one"

    def row(self, record: FollowUp, today: date) -> Content:
        """See :func:`followup_row`."""
        return followup_row(record, today)

    def ordered(self, records: list[FollowUp]) -> list[FollowUp]:
        """Newest first."""
        return sorted(records, key=lambda f: f.on, reverse=True)
