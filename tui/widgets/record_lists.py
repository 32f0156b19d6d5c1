"""Fast lists of conversations and contacts (OptionList, so thousands of rows stay quick).

Rows are drawn the first time they are shown (see :class:`LazyOption`). A long list (more
than :data:`ONE_LINE_FROM` rows) also gives every row exactly one line, cut with an ellipsis
when the terminal is narrow, so that its height is known without drawing any row: 10,000
conversations then cost 10,000 small objects, not 10,000 rendered rows. A short list wraps a
long row onto a second line, as it always did.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING

from textual import events
from textual.content import Content
from textual.visual import VisualType
from textual.widgets.option_list import Option

from tui.core.agenda import group, status_label
from tui.core.dates import format_when
from tui.core.followup import thank_you_status
from tui.core.models import Contact
from tui.core.outreach_routine import ReplySpeed
from tui.core.summary import ConversationLike
from tui.widgets.fitted_list import FittedOptionList
from tui.widgets.key_hold import app_key_hold
from tui.widgets.text import one_line, styled
from tui.widgets.textual_patches import LazyOption, OneLineOptions, bindings_for

if TYPE_CHECKING:
    from typing_extensions import Self


def conversation_row(conversation: ConversationLike, contact: Contact | None,
                     now: datetime | None = None) -> Content:
    """One line: when, who, company, kind, status, prep progress and a thank-you due."""
    who = contact.name if contact else "(unknown contact)"
    company = f" · {one_line(contact.company, 40)}" if contact and contact.company else ""
    when = format_when(conversation.held_at, now) if conversation.held_at else "no date"
    done, total = conversation.checklist_progress
    over = conversation.status in ("done", "thanked") or conversation.live.started_at
    prep = f"  prep {done}/{total}" if total and not over else ""
    status = status_label(conversation)
    if conversation.live.running:
        prep, status = "", f"● {status}"
    now = now or datetime.now().astimezone()
    thanks = thank_you_status(conversation, now)
    return styled(
        (f"{when:<17} ", "dim"),
        (one_line(who, 40), "bold"),
        company,
        (f"  {conversation.kind} · {status}{prep}", "dim"),
        (f"  {thanks.short(now)}" if thanks.urgent else "",
         "bold $error" if thanks.state == "overdue" else "bold $warning"),
    )


SPEED_LOOK = {"fast": "$success", "slow": "dim", "no-reply": "$warning", "waiting": "dim"}


def speed_note(speed: ReplySpeed | None) -> str:
    """A few words for a list row: ``replied fast``, ``replied slowly``, ``no reply 8bd``
    (business days); nothing while it is too early to tell."""
    if speed is None or speed.kind == "waiting":
        return ""
    if speed.kind == "no-reply":
        return f"no reply {speed.business_days}bd"
    return "replied fast" if speed.kind == "fast" else "replied slowly"


def contact_row(contact: Contact, conversations: int, speed: ReplySpeed | None = None) -> Content:
    """One line: name, company and role, how many conversations, how fast they replied."""
    details = " · ".join(p for p in (contact.company, contact.role) if p)
    count = f"  {conversations} chat{'s' if conversations != 1 else ''}" if conversations else ""
    return styled(
        (one_line(contact.name, 40), "bold"),
        f"  {one_line(details, 60)}" if details else "",
        (count, "dim"),
        (f"  {speed_note(speed)}", SPEED_LOOK[speed.kind])
        if speed is not None and speed_note(speed) else "",
    )


def _matches(needle: str, *haystack: str) -> bool:
    return not needle or needle in " ".join(haystack).casefold()


ONE_LINE_FROM = 500


class RecordList(FittedOptionList, OneLineOptions):
    """An OptionList whose option ids are record ids (see the module docstring for long
    lists)."""

    DEFAULT_CSS = """
    RecordList.-one-line { text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def add_options(self, new_options: Iterable[Option | VisualType | None]) -> Self:
        """Add options; past :data:`ONE_LINE_FROM` of them, every row is one line."""
        new_options = list(new_options)
        self.set_class(len(self.options) + len(new_options) > ONE_LINE_FROM, "-one-line")
        return super().add_options(new_options)

    def one_line_rows(self) -> bool:
        """Past :data:`ONE_LINE_FROM` options, every row is one line."""
        return self.has_class("-one-line")

    def select_id(self, option_id: str | None) -> None:
        """Highlight the option with this id, else the first selectable one."""
        if option_id is not None:
            try:
                self.highlighted = self.get_option_index(option_id)
                return
            except Exception:
                pass
        for index, option in enumerate(self.options):
            if not option.disabled:
                self.highlighted = index
                return

    @property
    def current_id(self) -> str | None:
        """The id of the highlighted record."""
        option = self.highlighted_option
        return option.id if option and not option.disabled else None

    def opens_screen(self) -> bool:
        """True when enter on the highlighted row opens a screen whose data is read first
        (off the event loop): the keys typed meanwhile are held for it."""
        return False

    async def _on_key(self, event: events.Key) -> None:
        # See tui.widgets.key_hold: from the enter that opens a screen, keys are held for
        # it, including those already queued here. The list's own keys (up, down, enter...)
        # act here, in typing order: "down, enter" typed quickly opens the next row.
        holder = app_key_hold(self)
        if holder is None:
            return
        hold = holder.key_hold
        if hold.hold_early(event):
            self._handled(event)
        elif event.key == "enter" and self.opens_screen():
            hold.start()
            self._handled(event)
            self.action_select()
        else:
            for binding in bindings_for(self, event.key):
                if not binding.priority and await self.app.run_action(binding.action, self):
                    self._handled(event)
                    return

    @staticmethod
    def _handled(event: events.Key) -> None:
        event.stop()
        event.prevent_default()


# What an empty list says (short enough for one line in a 60-column split).
NO_CONVERSATIONS = "No conversations yet: n plans one, a adds a contact."
NO_CONTACTS = "No contacts yet: a adds one; ctrl+p imports them."
NO_MATCH = "Nothing matches the filter (esc clears it)."


def empty_row(text: str) -> Option:
    """A dim line in place of an empty list, saying what to do."""
    return Option(styled((text, "dim")), disabled=True)


class ConversationList(RecordList):
    """Conversations grouped as upcoming, to plan and past; option ids are conversation ids."""

    def show(
        self,
        conversations: Sequence[ConversationLike],
        contacts: dict[str, Contact],
        needle: str = "",
        now: datetime | None = None,
    ) -> None:
        """Rebuild the list, keeping the highlighted conversation where possible."""
        keep = self.highlighted_option.id if self.highlighted_option else None
        needle = needle.casefold().strip()

        def wanted(c: ConversationLike) -> bool:
            contact = contacts.get(c.contact_id)
            return _matches(needle, contact.name if contact else "",
                            contact.company if contact else "", c.goal, c.topic, c.kind)

        now = now or datetime.now().astimezone()
        agenda = group([c for c in conversations if wanted(c)], now)
        options: list[Option | None] = []
        for title, items in (("Upcoming", agenda.upcoming), ("To plan", agenda.to_plan),
                             ("Past", agenda.past)):
            if not items:
                continue
            options.append(Option(styled((f"{title} ({len(items)})", "bold $accent")),
                                  disabled=True))
            options.extend(
                LazyOption(partial(conversation_row, c, contacts.get(c.contact_id), now),
                           id=c.id)
                for c in items
            )
        if not options:
            options.append(empty_row(NO_CONVERSATIONS if not conversations else NO_MATCH))
        self.clear_options()
        self.add_options(options)
        self.select_id(keep)

    def opens_screen(self) -> bool:
        """Enter opens the highlighted conversation."""
        return self.current_id is not None


class ContactList(RecordList):
    """Contacts by name; option ids are contact ids."""

    def show_contacts(self, contacts: list[Contact], counts: dict[str, int],
                      needle: str = "", speeds: Mapping[str, ReplySpeed] | None = None) -> None:
        """Rebuild the list of contacts (``speeds``: how fast each replied to an outreach)."""
        keep = self.current_id
        needle = needle.casefold().strip()
        speeds = speeds or {}
        self.clear_options()
        options: list[Option] = [
            LazyOption(partial(contact_row, c, counts.get(c.id, 0), speeds.get(c.id)), id=c.id)
            for c in contacts
            if _matches(needle, c.name, c.company, c.role, " ".join(c.tags))
        ]
        self.add_options(options or [empty_row(NO_CONTACTS if not contacts else NO_MATCH)])
        self.select_id(keep)
