"""A company's page: its people, who could introduce you, the conversations held there, what
you learned, what is due."""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Static

from tui.core.agenda import status_label
from tui.core.companies import WAY_IN, CompanyRow, introducers
from tui.core.models import Contact
from tui.widgets.app_services import app_services
from tui.widgets.key_footer import KeyFooter
from tui.widgets.text import one_line, plain, styled


class CompanyPage(Screen[None]):
    """Everything the records say about one company; escape goes back."""

    BINDINGS = [Binding("escape,q", "back", "Back", tooltip="Back to the companies",
                        id="company.back")]
    DEFAULT_CSS = """
    CompanyPage VerticalScroll { height: 1fr; padding: 0 1; }
    CompanyPage .company-heading { text-style: bold; color: $accent; margin-top: 1; }
    """

    def __init__(self, row: CompanyRow, contacts: list[Contact], now: datetime) -> None:
        super().__init__()
        self.row = row
        self.all_contacts = contacts
        self.now = now

    def compose(self) -> ComposeResult:
        """The sections."""
        company = self.row.company
        yield Header()
        with VerticalScroll(id="company-body"):
            yield Static(self._summary(), id="company-summary")
            yield Static(plain("Do I know anyone here?"), classes="company-heading")
            yield Static(self._people(), id="company-people")
            yield Static(plain("Conversations and what you learned"),
                         classes="company-heading")
            yield Static(self._conversations(), id="company-conversations")
        yield KeyFooter()
        self.title = one_line(company.name, 60)

    def _summary(self) -> Content:
        c = self.row.company
        aliases = f"(also {', '.join(c.aliases)})" if c.aliases else ""
        return styled((one_line(c.name, 60), "bold"), " " + one_line(aliases, 120), "\n",
                      f"Motivation {c.motivation}/3 · openings {c.openings}/3 · way in: "
                      f"{WAY_IN[self.row.way_in]} · {self.row.due} due", "\n",
                      (f"Why: {one_line(c.why, 300)}" if c.why.strip() else
                       "Why it is on the list: not written yet (e on the list)", "dim"))

    def _people(self) -> Content:
        if not self.row.contacts:
            lines: list[str | tuple[str, str]] = [("No contacts here yet.", "dim")]
        else:
            lines = []
            for person in self.row.contacts:
                how = f" · via {person.how_found}" if person.how_found else ""
                role = f" · {one_line(person.role, 40)}" if person.role.strip() else ""
                lines.extend([(one_line(person.name, 40), "bold"), role, (how, "dim"), "\n"])
        pairs = introducers(self.row, self.all_contacts)
        if pairs:
            lines.append(("Could introduce you:", "bold"))
            for by, person in pairs:
                lines.append(f"\n  {one_line(by.name, 40)} → {one_line(person.name, 40)}")
        elif self.row.contacts:
            lines.append(("No one who could introduce you is known yet (introduced-by on a "
                          "contact records it).", "dim"))
        return styled(*lines)

    def _conversations(self) -> Content:
        store = app_services(self).store
        parts: list[str | tuple[str, str]] = []
        for person in self.row.contacts:
            for chat in store.conversations(person.id):
                when = (chat.held_at or "")[:10] or "no date"
                rating = f" · rated {chat.reflection.rating}/5" if chat.reflection.rating else ""
                parts.extend([("" if not parts else "\n"), (one_line(person.name, 30), "bold"),
                              f" · {when} · {status_label(chat)}{rating}"])
                for prompt, answer in chat.reflection.answers.items():
                    if answer.strip():
                        parts.append((f"\n  {one_line(prompt, 30)}: {one_line(answer, 200)}",
                                      "dim"))
        return styled(*parts) if parts else styled(("No conversations here yet.", "dim"))

    def action_back(self) -> None:
        """Back to the companies."""
        self.dismiss()
