"""The palette's export and import commands, on every screen.

Exports save the edits still waiting first, so that the file holds what is on the screen.
An import's plan is applied by the store in one write; the screen underneath then shows the
new contacts.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.app import SystemCommand

from tui.screens.home import HomeScreen
from tui.services import Services
from tui.widgets.app_services import app_services

if TYPE_CHECKING:
    from textual.app import App

    from tui.core.export_run import ExportOutcome
    from tui.core.importing import ImportPlan
    from tui.core.models import Conversation
    from tui.dialogs.export import ExportSource

# The dialogs (and the exporters and importers behind them) are imported when a command runs:
# they cost a fifth of the app's start-up otherwise.

EXPORT_COMMANDS = {
    "md": ("Export to Markdown files", "One file per conversation, with front matter, for "
                                       "Obsidian and other note tools"),
    "html": ("Export to an HTML document", "Every conversation on one page to read, share or "
                                           "print"),
    "ics": ("Export to a calendar (.ics)", "Scheduled chats, thank-you deadlines and action "
                                           "due dates"),
    "vcf": ("Export contacts to vCards (.vcf)", "For address books"),
    "json": ("Export everything to JSON", "A file that 'coffeechat import json' takes back"),
}
IMPORT_COMMANDS = {
    "linkedin": ("Import LinkedIn connections", "Contacts from LinkedIn's Connections.csv"),
    "csv": ("Import contacts from a CSV", "Any contacts CSV with a header row"),
    "vcf": ("Import contacts from vCards", "A .vcf file from a phone or Google Contacts"),
}


def transfer_commands(app: App[Any]) -> Iterator[SystemCommand]:
    """The palette's export and import commands."""
    for fmt, (title, help_text) in EXPORT_COMMANDS.items():
        yield SystemCommand(title, help_text, partial(open_export, app, fmt))
    if not app_services(app).store.readonly:
        for fmt, (title, help_text) in IMPORT_COMMANDS.items():
            yield SystemCommand(title, help_text, partial(open_import, app, fmt))


def _source(services: Services) -> ExportSource:
    from tui.dialogs.export import ExportSource

    # Conversations live one per file: they are read by the export's worker, off the event
    # loop, only for the formats that need them.
    store = services.store
    contacts = list(store.contacts())

    def chats() -> list[Conversation]:
        return list(store.conversations())

    return ExportSource(contacts, chats, store.export_data)


def _saved(app: App[Any], what: str) -> bool:
    """Save the edits still waiting (an export holds them; an import must not be undone by
    an older copy of a contact saved after it)."""
    try:
        app_services(app).autosaver.flush()
    except Exception as exc:
        app.notify(f"{what} not started: the latest edits could not be saved ({exc}).",
                   severity="error", markup=False)
        return False
    return True


def open_export(app: App[Any], fmt: str) -> None:
    """Save what is waiting, then ask where to export to."""
    if not _saved(app, "Export"):
        return
    from tui.dialogs.export import ExportDialog

    services = app_services(app)
    today = services.clock().date().isoformat()
    dialog = ExportDialog(_source(services), services.folders.data, fmt, today=today)
    app.push_screen(dialog, partial(_exported, app))


def _exported(app: App[Any], outcome: ExportOutcome | None) -> None:
    if outcome is None:
        return
    if outcome.held_back:
        from tui.dialogs.export import held_back_text
        app.notify(f"{outcome.line}.\n{held_back_text(outcome)}", title="Exported",
                   severity="warning", timeout=20, markup=False)
    else:
        app.notify(outcome.line, title="Exported", timeout=8, markup=False)


def open_import(app: App[Any], fmt: str) -> None:
    """Ask for a contacts file and show what importing it would do."""
    if not _saved(app, "Import"):
        return
    from tui.dialogs.contact_import import ImportDialog

    contacts = list(app_services(app).store.contacts())
    app.push_screen(ImportDialog(contacts, fmt), partial(_imported, app))


def _imported(app: App[Any], plan: ImportPlan | None) -> None:
    if plan is None or not plan.changes_anything:
        return
    try:
        app_services(app).store.apply_contact_plan(plan)
    except Exception as exc:
        app.notify(f"Nothing was imported: {exc}", title="Import failed", severity="error",
                   timeout=15, markup=False)
        return
    app.notify(f"{plan.summary()}.", title="Contacts imported", timeout=8, markup=False)
    if isinstance(app.screen, HomeScreen):
        app.screen.refresh_lists()
