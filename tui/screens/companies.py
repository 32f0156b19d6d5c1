"""Companies: the target list, most promising first, re-sortable by any column; enter opens a
company's page, e edits why it is on the list and its scores, m merges look-alike names (each
after a yes/no question)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.widgets import DataTable, Header, Static

from tui.core.companies import (
    SORT_KEYS,
    Company,
    CompanyRow,
    add_from_contacts,
    company_rows,
    merge,
    merge_suggestions,
)
from tui.core.company_file import (
    CompanyFileError,
    companies_path,
    load_companies,
    save_companies,
)
from tui.core.followup import due_items
from tui.core.outreach_due import contact_speeds, routine_settings
from tui.dialogs.company_form import CompanyForm
from tui.dialogs.confirm import ConfirmScreen
from tui.screens.company_page import CompanyPage
from tui.screens.side_files import SideFiles
from tui.widgets.app_services import app_services
from tui.widgets.key_footer import KeyFooter
from tui.widgets.text import one_line, plain

WAY_IN_SHORT = ("none", "contacts", "warm", "held")
COLUMNS = (("score", "Score"), ("name", "Company"), ("motivation", "Motiv."),
           ("openings", "Openings"), ("way_in", "Way in"), ("contacts", "People"),
           ("due", "Due"))


def table_row(row: CompanyRow) -> list[Text]:
    """The cells of one company, as Text so that a name is never read as markup."""
    cells = [str(row.score), one_line(row.company.name, 28), f"{row.company.motivation}/3",
             f"{row.company.openings}/3", WAY_IN_SHORT[row.way_in],
             str(len(row.contacts)), str(row.due) if row.due else ""]
    return [Text(cell) for cell in cells]


class CompaniesScreen(SideFiles):
    """The target companies as a table."""

    BINDINGS = [
        Binding("s", "sort", "Sort", tooltip="Sort by the next column (score first)",
                id="companies.sort"),
        Binding("e", "edit", "Edit", tooltip="Why it is on the list, motivation and openings",
                id="companies.edit"),
        Binding("m", "merge", "Merge", tooltip="Merge companies whose names look alike "
                "(asks for each pair)", id="companies.merge"),
        Binding("escape,q", "back", "Back", tooltip="Back to the lists", id="companies.back"),
    ]
    DEFAULT_CSS = """
    CompaniesScreen DataTable { height: 1fr; }
    CompaniesScreen #companies-note { padding: 0 1; color: $text-muted; height: auto; }
    """

    sort = "score"
    companies: list[Company]

    def compose(self) -> ComposeResult:
        """The table and a line under it."""
        yield Header()
        yield DataTable(id="companies-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="companies-note")
        yield KeyFooter()

    @property
    def folder(self) -> Path:
        """The data folder (the companies file lives beside the data)."""
        return app_services(self).folders.data

    def on_mount(self) -> None:
        """Load the list, add companies named by contacts, show it."""
        self.title = "Companies"
        table = self.query_one(DataTable)
        for key, label in COLUMNS:
            table.add_column(label, key=key)
        try:
            self.companies = load_companies(self.folder)
        except CompanyFileError as exc:
            self.companies = []
            self._broken = True
            self.notify(str(exc), markup=False, severity="error", timeout=20)
        self.reload()
        table.focus()

    _broken = False

    def reload(self) -> None:
        """Read the records again, add new companies, and redraw."""
        services = app_services(self)
        contacts, chats = services.store.contacts(), services.store.summaries()
        if add_from_contacts(self.companies, contacts):
            self.save()
        now = services.clock()
        routine, _ = routine_settings(services.settings.values())
        due = due_items(contacts, chats, now, routine=routine)
        self.rows = company_rows(self.companies, contacts, chats, now,
                                 contact_speeds(chats, now, routine),
                                 [i.contact_id for i in due], self.sort)
        self.contacts = contacts
        self.show_rows()

    def show_rows(self, keep: str | None = None) -> None:
        """Fill the table in the current order."""
        table = self.query_one(DataTable)
        current = keep or self.current_id()
        table.clear()
        for row in self.rows:
            table.add_row(*table_row(row), key=row.company.id)
        if current is not None and any(r.company.id == current for r in self.rows):
            table.move_cursor(row=table.get_row_index(current))
        label = dict(COLUMNS)[self.sort]
        pairs = len(merge_suggestions(self.companies))
        note = f"{len(self.rows)} companies · sorted by {label.lower()} (s)"
        if pairs:
            note += f" · {pairs} look-alike name{'s' if pairs != 1 else ''} to merge (m)"
        if not self.rows:
            note = "No companies yet: add contacts with a company and they show up here."
        self.query_one("#companies-note", Static).update(plain(note))

    def current_id(self) -> str | None:
        """The highlighted company's id."""
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return str(key.value) if key.value is not None else None

    def current_row(self) -> CompanyRow | None:
        """The highlighted company with its people."""
        current = self.current_id()
        return next((r for r in self.rows if r.company.id == current), None)

    def save(self, done: str = "") -> bool:
        """Write a copy of the list in a thread (a failure is shown there); False when the
        file on disk is damaged and is left alone."""
        if self._broken:
            return False
        copy = [Company.from_dict(c.to_dict()) for c in self.companies]
        self.write_in_thread(str(companies_path(self.folder)),
                             partial(save_companies, self.folder, copy), "Companies", done)
        return True

    def action_sort(self) -> None:
        """Sort by the next column."""
        keys = list(SORT_KEYS)
        self.sort = keys[(keys.index(self.sort) + 1) % len(keys)]
        self.rows.sort(key=SORT_KEYS[self.sort])
        self.show_rows()

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        """A click on a column header sorts by it."""
        self.sort = str(event.column_key.value)
        self.rows.sort(key=SORT_KEYS[self.sort])
        self.show_rows()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter: the company's page."""
        row = self.current_row()
        if row is not None:
            self.app.push_screen(CompanyPage(row, self.contacts, app_services(self).clock()),
                                 lambda _: self.reload())

    def action_edit(self) -> None:
        """Edit why it is on the list and its scores."""
        row = self.current_row()
        if row is not None:
            self.app.push_screen(CompanyForm(row.company), self._edited)

    def _edited(self, company: Company | None) -> None:
        if company is None:
            return
        self.companies = [company if c.id == company.id else c for c in self.companies]
        self.save(f"Saved {company.name}.")
        self.reload()

    def action_merge(self) -> None:
        """Ask about the first look-alike pair; a yes merges it, then the next is asked."""
        pairs = merge_suggestions(self.companies)
        if not pairs:
            self.notify("No look-alike company names to merge.", timeout=3)
            return
        keep, other = pairs[0]
        question = (f"Merge '{other.name}' into '{keep.name}'? Contacts at either then count "
                    "as one company.")
        self.app.push_screen(ConfirmScreen(question, "Yes, merge", variant="warning"),
                             lambda yes: self._merge(keep, other, bool(yes)))

    def _merge(self, keep: Company, other: Company, yes: bool) -> None:
        if not yes:
            return
        merge(keep, other, self.companies)
        self.save(f"Merged '{other.name}' into '{keep.name}'.")
        self.reload()

    def action_back(self) -> None:
        """Back to the lists."""
        self.dismiss()

    def palette_commands(self) -> Iterable[SystemCommand]:
        """This screen's commands for the command palette."""
        yield SystemCommand("Sort companies", "By the next column (s)", self.action_sort)
        yield SystemCommand("Merge look-alike companies", "Asks for each pair (m)",
                            self.action_merge)
        yield SystemCommand("Back to the lists", "Leave Companies (esc)", self.action_back)
