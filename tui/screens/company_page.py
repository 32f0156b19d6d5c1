"""A company's page: what is due there (enter opens what an item is about, as on the Due tab),
its people and who could introduce you, the conversations held there and what you learned."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from tui.core.agenda import status_label
from tui.core.companies import WAY_IN, CompanyRow, introducers
from tui.core.followup import DueItem
from tui.core.models import Contact, Conversation
from tui.core.store import Store
from tui.widgets.app_services import app_services
from tui.widgets.due_list import KIND_LABEL, LEVELS
from tui.widgets.key_footer import KeyFooter
from tui.widgets.text import one_line, plain, styled

LEARNED_GROUP = "company-learned"
LEVEL_WORDS = {"overdue": "Overdue", "due": "Today", "soon": "Soon"}


def due_day(item: DueItem) -> str:
    """``Wed 2 Dec``: the day the item was (or is) due."""
    try:
        day = date.fromisoformat(item.due_text[:10])
    except ValueError:
        day = item.due.date()
    return f"{day:%a} {day.day} {day:%b}"


def due_option(index: int, item: DueItem) -> Option:
    """``Overdue  Wed 2 Dec  Ana Silva · follow-up: no reply …: send one short follow-up``."""
    look = LEVELS[item.level][1]
    return Option(styled((f"{LEVEL_WORDS[item.level]:<8}", look), (f"{due_day(item):<11}", look),
                         (one_line(item.contact, 30), "bold"),
                         (f" · {KIND_LABEL.get(item.kind, item.kind)}: ", "dim"),
                         one_line(item.reason, 200)), id=str(index))


def learned_content(people: Sequence[Contact], chats: dict[str, list[Conversation]]) -> Content:
    """Each conversation there with its rating and the reflection answers under their
    prompts (the tags of what was learned)."""
    parts: list[str | tuple[str, str]] = []
    for person in people:
        for chat in sorted(chats.get(person.id, []), key=lambda c: c.held_at or "~"):
            when = (chat.held_at or "")[:10] or "not held yet"
            rating = f" · rated {chat.reflection.rating}/5" if chat.reflection.rating else ""
            parts.extend([("" if not parts else "\n"), (one_line(person.name, 30), "bold"),
                          f" · {when} · {status_label(chat)}{rating}"])
            for prompt, answer in chat.reflection.answers.items():
                if answer.strip():
                    parts.extend(["\n  ", (f"#{one_line(prompt, 30)} ", "$accent"),
                                  (one_line(answer, 200), "dim")])
    return styled(*parts) if parts else styled(("No conversations here yet.", "dim"))


def read_conversations(store: Store, people: Sequence[Contact]) -> dict[str, list[Conversation]]:
    """Each person's conversations, read from their files (on a worker thread)."""
    return {person.id: store.conversations(person.id) for person in people}


class CompanyPage(Screen[None]):
    """Everything the records say about one company; escape goes back."""

    BINDINGS = [Binding("escape,q", "back", "Back", tooltip="Back to the companies",
                        id="company.back")]
    DEFAULT_CSS = """
    CompanyPage VerticalScroll { height: 1fr; padding: 0 1; }
    CompanyPage .company-heading { text-style: bold; color: $accent; margin-top: 1; }
    CompanyPage #company-due { height: auto; max-height: 8; border: none; padding: 0; }
    """

    learned_ready = False  # the conversations have been read and shown

    def __init__(self, row: CompanyRow, contacts: list[Contact], now: datetime,
                 due: Sequence[DueItem] = ()) -> None:
        super().__init__()
        self.row = row
        self.all_contacts = contacts
        self.now = now
        self.due = list(due)

    def compose(self) -> ComposeResult:
        """The sections."""
        company = self.row.company
        yield Header()
        with VerticalScroll(id="company-body", can_focus=False):
            yield Static(self._summary(), id="company-summary")
            yield Static(plain(f"Due here ({len(self.due)})" if self.due else
                               "Due here: nothing"), classes="company-heading")
            yield OptionList(*[due_option(i, item) for i, item in enumerate(self.due)],
                             id="company-due")
            yield Static(plain("Do I know anyone here?"), classes="company-heading")
            yield Static(self._people(), id="company-people")
            yield Static(plain("Conversations and what you learned"),
                         classes="company-heading")
            yield Static(styled(("Reading the conversations…", "dim")),
                         id="company-conversations")
        yield KeyFooter()
        self.title = one_line(company.name, 60)

    def on_mount(self) -> None:
        """The cursor on what is due; the conversations are read in a thread."""
        due = self.query_one("#company-due", OptionList)
        due.styles.height = "auto"  # as tall as what is due (the app's CSS fills lists)
        due.display = bool(self.due)
        if self.due:
            due.focus()
        self._read_learned(app_services(self).store, list(self.row.contacts))

    @work(thread=True, exclusive=True, group=LEARNED_GROUP, exit_on_error=False,
          description="reading what was learned")
    def _read_learned(self, store: Store, people: list[Contact]) -> None:
        chats = read_conversations(store, people)
        self.app.call_from_thread(self._show_learned, people, chats)

    def _show_learned(self, people: list[Contact], chats: dict[str, list[Conversation]]
                      ) -> None:
        if self.is_attached:
            self.query_one("#company-conversations", Static).update(
                learned_content(people, chats))
            self.learned_ready = True

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

    @on(OptionList.OptionSelected, "#company-due")
    async def _open_due(self, event: OptionList.OptionSelected) -> None:
        """Enter on a due item: open what it is about, as the Due tab does."""
        event.stop()
        from tui.screens.home import HomeScreen

        item = self.due[int(event.option.id or 0)]
        home = next((s for s in self.app.screen_stack if isinstance(s, HomeScreen)), None)
        if home is not None:
            await home.open_due(item)

    def action_back(self) -> None:
        """Back to the companies."""
        self.dismiss()
