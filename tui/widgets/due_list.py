"""The Due list: thank-you notes, action items, referrals and stay-in-touch reminders."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import partial
from typing import Any

from textual import on, work
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.core.followup import DueItem, due_items
from tui.core.models import Contact
from tui.core.outreach_due import ROUTINE_KINDS, contact_speeds
from tui.core.outreach_routine import DEFAULT_SETTINGS, ReplySpeed, RoutineSettings
from tui.core.summary import ConversationLike
from tui.widgets.record_lists import RecordList
from tui.widgets.text import one_line, styled
from tui.widgets.textual_patches import LazyOption

# The Due list's headings, in this order: what is late, what is due now, the coming week.
LEVELS = {
    "overdue": ("Overdue", "bold $error"),
    "due": ("Due today", "bold $warning"),
    "soon": ("This week", "bold $accent"),
}
# From this many conversations, what is due is worked out on a thread (it takes a while).
BACKGROUND_DUE_FROM = 2000
KIND_LABEL = {"thank-you": "thank-you", "action": "action", "referral": "referral",
              "cadence": "keep in touch", "outreach-second-contact": "second person",
              "outreach-follow-up": "follow-up"}


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


def _work_out(contacts: Sequence[Contact], conversations: Sequence[ConversationLike],
              now: datetime, routine: RoutineSettings,
              ) -> tuple[list[DueItem], dict[str, ReplySpeed]]:
    return (due_items(contacts, conversations, now, routine=routine),
            contact_speeds(conversations, now, routine))


class DueList(RecordList):
    """What is due: overdue, then due today, then this week (each most urgent first, under
    its own heading); option ids are :attr:`DueItem.key`. ``x`` asks to settle the
    highlighted item (:class:`SettleRequested`), enter to open what it is about
    (:class:`OpenRequested`); the screen does both, as they need the data. What is due is
    worked out here (:meth:`work_out`), on a thread for many conversations."""

    BINDINGS = [
        Binding("x,space", "settle", "Done", tooltip="Deal with the highlighted due item: check "
                "the action off, mark the thank-you sent, or log a touch today",
                id="home.settle"),
        Binding("r", "replied", "They replied", tooltip="They replied to the outreach: the day "
                "and yes, no or later (the follow-up routine stops)", id="home.replied"),
    ]

    class SettleRequested(Message):
        """Deal with ``item`` on the spot (check it off, mark it sent, log a touch)."""

        def __init__(self, item: DueItem) -> None:
            super().__init__()
            self.item = item

    class ReplyRequested(Message):
        """Mark the reply to the outreach ``item`` is a step of the routine for."""

        def __init__(self, item: DueItem) -> None:
            super().__init__()
            self.item = item

    class OpenRequested(Message):
        """Open what ``item`` is about."""

        def __init__(self, item: DueItem) -> None:
            super().__init__()
            self.item = item

    class WorkedOut(Message):
        """What is due was worked out again (:attr:`DueList.due`)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.items: dict[str, DueItem] = {}
        #: Everything due, unfiltered (None until it has been worked out).
        self.due: list[DueItem] | None = None
        #: How fast each contact replied to their latest outreach (worked out with the due).
        self.speeds: dict[str, ReplySpeed] = {}
        self._needle = ""
        # What the list shows (the items and the filter): the same again is not rebuilt,
        # which with thousands of items is what the minute clock would cost.
        self._shown: tuple[list[DueItem] | None, str] | None = None

    def work_out(self, contacts: Sequence[Contact], conversations: Sequence[ConversationLike],
                 now: datetime, routine: RoutineSettings = DEFAULT_SETTINGS) -> None:
        """Work out what is due (and how fast people replied) and show it: at once for a few
        conversations, on a thread for many (the list shows what it had, or that it is being
        worked out, until then). ``routine``: the outreach follow-up routine's settings."""
        if len(conversations) < BACKGROUND_DUE_FROM:
            self._worked_out(*_work_out(contacts, conversations, now, routine))
            return
        self.show_items(self.due, self._needle)
        self._due_on_thread(list(contacts), list(conversations), now, routine)

    @work(thread=True, exclusive=True, group="due", exit_on_error=False,
          description="working out what is due")
    def _due_on_thread(self, contacts: list[Contact], conversations: list[ConversationLike],
                       now: datetime, routine: RoutineSettings) -> None:
        """On a worker thread: models and summaries are only read here."""
        worked_out = _work_out(contacts, conversations, now, routine)
        self.app.call_from_thread(self._worked_out, *worked_out)

    def _worked_out(self, items: list[DueItem], speeds: dict[str, ReplySpeed]) -> None:
        if self.due is not None and items == self.due:
            items = self.due  # nothing changed: the list stays as it is
        self.due = items
        self.speeds = speeds
        self.show_items(items, self._needle)
        self.post_message(self.WorkedOut())

    def filter(self, needle: str) -> None:
        """Show only the items that match ``needle``."""
        self.show_items(self.due, needle)

    def show_items(self, items: list[DueItem] | None, needle: str = "") -> None:
        """Rebuild the list, keeping the highlighted item where possible (``None``: what is
        due is still being worked out)."""
        if self._shown is not None and self._shown[0] is items and self._shown[1] == needle:
            return
        self._shown = (items, needle)
        keep = self.current_id
        self._needle = needle
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
                "Nothing is due. Thank-you notes, action items, referrals, keep-in-touch " \
                "reminders and outreach follow-ups show up here."
            self.add_option(Option(styled((empty, "dim")), disabled=True))
            return
        options: list[Option] = []
        for level in LEVELS:
            group = [i for i in shown if i.level == level]
            if group:
                options.append(Option(level_heading(level, len(group)), disabled=True))
                options.extend(LazyOption(partial(due_row, i), id=i.key) for i in group)
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

    def action_settle(self) -> None:
        """Ask for the highlighted item to be dealt with."""
        item = self.current_item
        if item is not None:
            self.post_message(self.SettleRequested(item).set_sender(self))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """"They replied" only on a step of the outreach follow-up routine."""
        if action == "replied":
            item = self.current_item
            return item is not None and item.kind in ROUTINE_KINDS
        return True

    def action_replied(self) -> None:
        """Ask for the reply to the highlighted outreach to be marked."""
        item = self.current_item
        if item is not None and item.kind in ROUTINE_KINDS:
            self.post_message(self.ReplyRequested(item).set_sender(self))

    @on(OptionList.OptionHighlighted)
    def _highlighted(self) -> None:
        self.refresh_bindings()  # "they replied" follows the highlighted item

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        item = self.items.get(event.option.id or "")
        if item is not None:
            self.post_message(self.OpenRequested(item).set_sender(self))
