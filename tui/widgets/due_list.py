"""The Due list: thank-you notes, action items, referrals and stay-in-touch reminders."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.core.followup import DueItem
from tui.widgets.record_lists import RecordList
from tui.widgets.text import one_line, styled

# The Due list's headings, in this order: what is late, what is due now, the coming week.
LEVELS = {
    "overdue": ("Overdue", "bold $error"),
    "due": ("Due today", "bold $warning"),
    "soon": ("This week", "bold $accent"),
}
KIND_LABEL = {"thank-you": "thank-you", "action": "action", "referral": "referral",
              "cadence": "keep in touch"}


def due_row(item: DueItem) -> Content:
    """``  Carla Diaz  action overdue since Fri 28 Nov: send the article`` (under its
    heading)."""
    return styled("  ", (one_line(item.contact, 40), "bold"),
                  f"  {one_line(item.reason, 300)}")


def level_heading(level: str, count: int) -> Content:
    """``Overdue (2)``."""
    title, style = LEVELS[level]
    return styled((f"{title} ({count})", style))


def _matches(needle: str, item: DueItem) -> bool:
    return not needle or needle in f"{item.contact} {item.reason} {item.kind}".casefold()


class DueList(RecordList):
    """What is due: overdue, then due today, then this week (each most urgent first, under
    its own heading); option ids are :attr:`DueItem.key`. ``x`` asks to settle the
    highlighted item (:class:`SettleRequested`), enter to open what it is about
    (:class:`OpenRequested`); the screen does both, as they need the data."""

    BINDINGS = [
        Binding("x,space", "settle", "Done", tooltip="Deal with the highlighted due item: check "
                "the action off, mark the thank-you sent, or log a touch today",
                id="home.settle"),
    ]

    class SettleRequested(Message):
        """Deal with ``item`` on the spot (check it off, mark it sent, log a touch)."""

        def __init__(self, item: DueItem) -> None:
            super().__init__()
            self.item = item

    class OpenRequested(Message):
        """Open what ``item`` is about."""

        def __init__(self, item: DueItem) -> None:
            super().__init__()
            self.item = item

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.items: dict[str, DueItem] = {}

    def show_items(self, items: list[DueItem], needle: str = "") -> None:
        """Rebuild the list, keeping the highlighted item where possible."""
        keep = self.current_id
        needle = needle.casefold().strip()
        shown = [i for i in items if _matches(needle, i)]
        self.items = {i.key: i for i in shown}
        self.clear_options()
        if not shown:
            empty = "Nothing matches the filter." if needle else \
                "Nothing is due. Thank-you notes, action items, referrals and keep-in-touch " \
                "reminders show up here."
            self.add_option(Option(styled((empty, "dim")), disabled=True))
            return
        options: list[Option] = []
        for level in LEVELS:
            group = [i for i in shown if i.level == level]
            if group:
                options.append(Option(level_heading(level, len(group)), disabled=True))
                options.extend(Option(due_row(i), id=i.key) for i in group)
        self.add_options(options)
        self.select_id(keep)

    @property
    def current_item(self) -> DueItem | None:
        """The highlighted item."""
        return self.items.get(self.current_id or "")

    def action_settle(self) -> None:
        """Ask for the highlighted item to be dealt with."""
        item = self.current_item
        if item is not None:
            self.post_message(self.SettleRequested(item).set_sender(self))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        item = self.items.get(event.option.id or "")
        if item is not None:
            self.post_message(self.OpenRequested(item).set_sender(self))
