"""Companies: the target list, most promising first, re-sortable by any column; enter opens a
company's page, e edits why it is on the list and its scores, m merges look-alike names (each
after a yes/no question)."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Hashable, Iterable, Sequence
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any, NamedTuple

from rich.text import Text
from textual import work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
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
from tui.core.company_file import companies_path, load_companies, save_companies
from tui.core.followup import DueItem, due_items
from tui.core.models import Contact
from tui.core.outreach_due import contact_speeds
from tui.core.outreach_routine import ReplySpeed, RoutineSettings
from tui.core.record_file import RecordFileError
from tui.core.summary import ConversationSummary
from tui.dialogs.company_form import CompanyForm
from tui.dialogs.confirm import ConfirmScreen
from tui.screens.as_of_now import AsOfNow
from tui.screens.company_page import CompanyPage
from tui.screens.side_files import SideFiles
from tui.widgets.app_services import app_services
from tui.widgets.key_footer import KeyFooter
from tui.widgets.text import one_line, plain

WAY_IN_SHORT = ("none", "contacts", "warm", "held")
COLUMNS = (("score", "Score"), ("name", "Company"), ("motivation", "Motiv."),
           ("openings", "Openings"), ("way_in", "Way in"), ("contacts", "People"),
           ("due", "Due"))


class WorkedOut(NamedTuple):
    """What a worker thread made of the records: the companies (with any new ones named by
    contacts), whether any were added, the rows and what is due."""

    companies: list[Company]
    added: bool
    rows: list[CompanyRow]
    due: list[DueItem]


def work_out(companies: list[Company], contacts: Sequence[Contact],
             chats: Sequence[ConversationSummary], now: datetime, routine: RoutineSettings,
             sort: str, known: tuple[list[DueItem], dict[str, ReplySpeed]] | None = None,
             ) -> WorkedOut:
    """Add companies named by contacts, then each company's row and what is due (pure: runs
    on a worker thread over copies). ``known``: what is due and the reply speeds, when the
    home screen has worked them out already."""
    added = bool(add_from_contacts(companies, contacts))
    if known is None:
        known = (due_items(contacts, chats, now, routine=routine),
                 contact_speeds(chats, now, routine))
    due, speeds = known
    rows = company_rows(companies, contacts, chats, now, speeds,
                        [i.contact_id for i in due], sort)
    return WorkedOut(companies, added, rows, due)


DEFAULT_SORT = "score"
COMPANIES = "companies"  # the rows worked out ahead, in the app's Derived results


def file_key(companies: Sequence[Company], sort: str) -> Hashable:
    """What the rows depend on besides the records, the hour and the routine: the companies
    as the file has them, and the order."""
    return tuple(json.dumps(c.to_dict(), sort_keys=True) for c in companies), sort


def copied(result: WorkedOut) -> WorkedOut:
    """A copy the screen may edit (merging changes a company in place)."""
    companies = [Company.from_dict(c.to_dict()) for c in result.companies]
    by_id = {c.id: c for c in companies}
    rows = [dataclasses.replace(r, company=by_id[r.company.id]) for r in result.rows]
    return WorkedOut(companies, result.added, rows, list(result.due))


def work_out_ahead(screen: Screen[Any], due: list[DueItem],
                   speeds: dict[str, ReplySpeed]) -> None:
    """Work the rows out on a thread and keep them (the home screen does this once its own
    background work is done), so that the view opens with them."""
    inputs, folder = AsOfNow(screen), app_services(screen).folders.data

    def work() -> None:
        try:
            companies = load_companies(folder)
        except (RecordFileError, OSError):
            return  # the view says why when it opens
        key = file_key(companies, DEFAULT_SORT)
        inputs.keep(COMPANIES, work_out(companies, inputs.contacts, inputs.conversations,
                                        inputs.now, inputs.routine, DEFAULT_SORT,
                                        (due, speeds)), key)

    screen.run_worker(work, thread=True, group="companies-ahead", exclusive=True,
                      exit_on_error=False, description="working out the companies ahead")


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

    sort = DEFAULT_SORT
    companies: list[Company]
    rows: list[CompanyRow]
    due: list[DueItem]
    contacts: list[Contact]
    loaded = False  # the file is read and the rows worked out at least once
    _broken = False

    def __init__(self, due: list[DueItem] | None = None,
                 speeds: dict[str, ReplySpeed] | None = None) -> None:
        """``due`` and ``speeds``: what is due and how fast people replied, when the caller
        has them worked out already (the home screen's Due list); else they are worked out
        here."""
        super().__init__()
        self._known = (due, speeds or {}) if due is not None else None

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
        """Read the list in a thread, then work the rows out in another."""
        self.title = "Companies"
        self.companies, self.rows, self.due, self.contacts = [], [], [], []
        table = self.query_one(DataTable)
        for key, label in COLUMNS:
            table.add_column(label, key=key)
        self.query_one("#companies-note", Static).update(plain("Working out…"))
        table.focus()
        self.read_in_thread(partial(load_companies, self.folder), self._read, self._unreadable)

    def _read(self, companies: list[Company]) -> None:
        self.companies = companies
        self.reload()

    def _unreadable(self, message: str) -> None:
        self._broken = True
        self.notify(message, markup=False, severity="error", timeout=20)
        self.reload()

    def reload(self) -> None:
        """Work the rows out again (in a thread) from the records, adding companies named by
        contacts; the table follows."""
        inputs = AsOfNow(self)
        known, self._known = self._known, None  # used once: a reload works it out afresh
        if known is not None:  # the first rows: maybe worked out ahead for these records
            kept = inputs.kept(COMPANIES, file_key(self.companies, self.sort))
            if isinstance(kept, WorkedOut):
                self._worked_out(inputs.contacts, copied(kept))
                return
        copies = [Company.from_dict(c.to_dict()) for c in self.companies]
        self._work_out(copies, inputs.contacts, inputs.conversations, inputs.now,
                       inputs.routine, self.sort, known)

    @work(thread=True, exclusive=True, group="companies", exit_on_error=False,
          description="working out the companies")
    def _work_out(self, companies: list[Company], contacts: list[Contact],
                  chats: list[ConversationSummary], now: datetime, routine: RoutineSettings,
                  sort: str, known: tuple[list[DueItem], dict[str, ReplySpeed]] | None
                  ) -> None:
        result = work_out(companies, contacts, chats, now, routine, sort, known)
        self.app.call_from_thread(self._worked_out, contacts, result)

    def _worked_out(self, contacts: list[Contact], result: WorkedOut) -> None:
        if not self.is_attached:
            return
        self.companies, self.rows, self.due = result.companies, result.rows, result.due
        self.contacts = contacts
        self.rows.sort(key=SORT_KEYS[self.sort])  # the user may have sorted meanwhile
        if result.added:
            self.save()
        self.loaded = True
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
        if not self.loaded:
            note = "Working out…"
        elif not self.rows:
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
            ids = {p.id for p in row.contacts}
            due = [item for item in self.due if item.contact_id in ids]
            self.app.push_screen(CompanyPage(row, self.contacts, app_services(self).clock(),
                                             due), lambda _: self.reload())

    def action_edit(self) -> None:
        """Edit why it is on the list and its scores."""
        row = self.current_row()
        if row is not None:
            self.app.push_screen(CompanyForm(row.company), self._edited)

    def _edited(self, company: Company | None) -> None:
        if company is None or not self.loaded:
            return
        self.companies = [company if c.id == company.id else c for c in self.companies]
        self.save(f"Saved {company.name}.")
        self.reload()

    def action_merge(self) -> None:
        """Ask about the first look-alike pair; a yes merges it, then the next is asked."""
        if not self.loaded:
            return
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
