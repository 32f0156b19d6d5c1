"""The Due list: thank-you notes, action items, referrals and stay-in-touch reminders."""

from __future__ import annotations

from textual.content import Content
from textual.widgets.option_list import Option

from tui.core.followup import DueItem
from tui.text import one_line, styled
from tui.widgets.record_lists import LazyOption, RecordList

LEVEL_LOOK = {
    "overdue": ("overdue", "bold $error"),
    "due": ("due", "bold $warning"),
    "soon": ("soon", "$text-muted"),
}
KIND_LABEL = {"thank-you": "thank-you", "action": "action", "referral": "referral",
              "cadence": "keep in touch"}


def due_row(item: DueItem) -> Content:
    """``overdue  Carla Diaz  action overdue since Fri 28 Nov: send the article``."""
    word, style = LEVEL_LOOK[item.level]
    return styled((f"{word:<8} ", style), (one_line(item.contact, 40), "bold"),
                  f"  {one_line(item.reason, 300)}")


def _matches(needle: str, item: DueItem) -> bool:
    return not needle or needle in f"{item.contact} {item.reason} {item.kind}".casefold()


class DueList(RecordList):
    """What is due, most urgent first; option ids are :attr:`DueItem.key`."""

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
        self.add_options(LazyOption(lambda i=i: due_row(i), id=i.key) for i in shown)
        self.select_id(keep)

    @property
    def current_item(self) -> DueItem | None:
        """The highlighted item."""
        return self.items.get(self.current_id or "")
