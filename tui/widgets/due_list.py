"""The Due list: thank-you notes, action items, referrals and stay-in-touch reminders."""

from __future__ import annotations

from textual.content import Content
from textual.widgets.option_list import Option

from tui.core.followup import DueItem
from tui.text import one_line, styled
from tui.widgets.record_lists import LazyOption, RecordList

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
    its own heading); option ids are :attr:`DueItem.key`."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.items: dict[str, DueItem] = {}

    def show_items(self, items: list[DueItem] | None, needle: str = "") -> None:
        """Rebuild the list, keeping the highlighted item where possible (``None``: what is
        due is still being worked out)."""
        keep = self.current_id
        needle = needle.casefold().strip()
        if items is None:
            self.items = {}
            self.clear_options()
            self.add_option(Option(styled(("Working out what is due…", "dim")), disabled=True))
            return
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
                options.extend(LazyOption(lambda i=i: due_row(i), id=i.key) for i in group)
        self.add_options(options)
        self.select_id(keep)

    @property
    def current_item(self) -> DueItem | None:
        """The highlighted item."""
        return self.items.get(self.current_id or "")

    def opens_screen(self) -> bool:
        """Enter opens the conversation of the highlighted item (a keep-in-touch reminder
        opens the contact's form at once)."""
        item = self.current_item
        return item is not None and item.kind != "cadence" and bool(item.conversation_id)
