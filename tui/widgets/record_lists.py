"""Fast lists of conversations and contacts (OptionList, so thousands of rows stay quick)."""

from __future__ import annotations

from datetime import datetime

from textual.content import Content
from textual.widgets.option_list import Option

from tui.core.agenda import group, status_label
from tui.core.dates import format_when
from tui.core.followup import thank_you_status
from tui.core.models import Contact, Conversation
from tui.widgets.fitted_list import FittedOptionList
from tui.widgets.text import one_line, styled


def conversation_row(conversation: Conversation, contact: Contact | None,
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


def contact_row(contact: Contact, conversations: int) -> Content:
    """One line: name, company and role, how many conversations."""
    details = " · ".join(p for p in (contact.company, contact.role) if p)
    count = f"  {conversations} chat{'s' if conversations != 1 else ''}" if conversations else ""
    return styled(
        (one_line(contact.name, 40), "bold"),
        f"  {one_line(details, 60)}" if details else "",
        (count, "dim"),
    )


def _matches(needle: str, *haystack: str) -> bool:
    return not needle or needle in " ".join(haystack).casefold()


class RecordList(FittedOptionList):
    """An OptionList whose option ids are record ids."""

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


class ConversationList(RecordList):
    """Conversations grouped as upcoming, to plan and past; option ids are conversation ids."""

    def show(
        self,
        conversations: list[Conversation],
        contacts: dict[str, Contact],
        needle: str = "",
        now: datetime | None = None,
    ) -> None:
        """Rebuild the list, keeping the highlighted conversation where possible."""
        keep = self.highlighted_option.id if self.highlighted_option else None
        needle = needle.casefold().strip()

        def wanted(c: Conversation) -> bool:
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
                Option(conversation_row(c, contacts.get(c.contact_id), now), id=c.id)
                for c in items
            )
        self.clear_options()
        self.add_options(options)
        self.select_id(keep)


class ContactList(RecordList):
    """Contacts by name; option ids are contact ids."""

    def show_contacts(self, contacts: list[Contact], counts: dict[str, int],
                      needle: str = "") -> None:
        """Rebuild the list of contacts."""
        keep = self.current_id
        needle = needle.casefold().strip()
        self.clear_options()
        self.add_options(
            Option(contact_row(c, counts.get(c.id, 0)), id=c.id)
            for c in contacts
            if _matches(needle, c.name, c.company, c.role, " ".join(c.tags))
        )
        self.select_id(keep)
