"""Import contacts in the app: a file, a preview of what it would change, then one save.

Reading and matching the file happen in a worker thread (a network of 30,000 connections
takes about a second), with a progress bar; the contacts it is matched against are taken on
the event loop first. The preview is the command line's report: added, updated (with what
changed), unchanged, skipped (with the line and why). Nothing is saved until the user says
so; the dialog then dismisses with the plan, which the caller applies in one write.
"""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, ProgressBar, Select, Static

from tui.core.formats import CONTACT_FORMATS
from tui.core.importing import ImportFileError, ImportPlan, plan_contact_import
from tui.core.importing.run import read_contacts, report_lines
from tui.core.models import Contact
from tui.widgets.text import plain

PREVIEW_LINES = 200
PLACEHOLDERS = {
    "linkedin": "~/Downloads/Connections.csv",
    "csv": "~/contacts.csv",
    "vcf": "~/contacts.vcf",
}
HINTS = {
    "linkedin": "LinkedIn: Settings > Data privacy > Get a copy of your data > Connections. "
                "Matched by LinkedIn URL, else by name and company.",
    "csv": "A CSV whose first row names the columns: Name (or First/Last Name), Company, "
           "Title, Email, LinkedIn.",
    "vcf": "A vCard file, as phones and Google Contacts export them.",
}


class ImportDialog(ModalScreen[ImportPlan | None]):
    """Choose a contacts file, see what importing it would do, then import or cancel."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without importing",
                id="import.cancel"),
    ]
    DEFAULT_CSS = """
    ImportDialog { align: center middle; }
    ImportDialog > Vertical { width: 80; max-width: 100%; height: auto; max-height: 100%;
                              border: round $accent; background: $surface; padding: 0 1; }
    ImportDialog .dialog-title { text-style: bold; padding-bottom: 1; }
    ImportDialog .dialog-label { color: $text-muted; }
    ImportDialog .dialog-hint { color: $text-muted; height: auto; }
    ImportDialog .dialog-error { color: $error; height: auto; }
    ImportDialog #import-summary { text-style: bold; height: auto; }
    ImportDialog VerticalScroll { height: auto; max-height: 12; }
    ImportDialog ProgressBar { height: 1; }
    ImportDialog Horizontal { height: auto; align-horizontal: right; }
    ImportDialog Button { margin-left: 1; min-width: 10; }
    """

    class Step(Message):
        """The worker's news: which step it is on (1 reading, 2 matching)."""

        def __init__(self, step: int, label: str) -> None:
            super().__init__()
            self.step, self.label = step, label

    class Planned(Message):
        """The worker is done: the plan and the report, or the error."""

        def __init__(self, plan: ImportPlan | None, lines: list[str],
                     error: str | None = None) -> None:
            super().__init__()
            self.plan, self.lines, self.error = plan, lines, error

    def __init__(self, contacts: list[Contact], fmt: str = "linkedin", *,
                 home: Path | None = None) -> None:
        super().__init__()
        self.contacts = contacts
        self.fmt = fmt if fmt in CONTACT_FORMATS else "linkedin"
        self.home = home or Path.home()
        self.plan: ImportPlan | None = None
        self.running = False

    def compose(self) -> ComposeResult:
        """Format, path, hint, progress, the preview and the buttons."""
        with Vertical():
            yield Static(plain("Import contacts"), classes="dialog-title")
            yield Static(plain("From"), classes="dialog-label")
            yield Select([(plain(label), f) for f, label in CONTACT_FORMATS.items()],
                         value=self.fmt, allow_blank=False, compact=True, id="import-format")
            yield Static(plain("File"), classes="dialog-label")
            yield Input(placeholder=PLACEHOLDERS[self.fmt], compact=True, id="import-path")
            yield Static("", classes="dialog-hint", id="import-hint", markup=False)
            yield Static("", classes="dialog-error", id="import-error", markup=False)
            yield ProgressBar(total=2, show_eta=False, id="import-progress")
            yield Static("", id="import-summary", markup=False)
            with VerticalScroll(id="import-report"):
                yield Static("", id="import-lines", markup=False)
            with Horizontal():
                yield Button("Preview enter", variant="primary", id="import-go", compact=True)
                yield Button("Cancel esc", id="import-cancel", compact=True)

    def on_mount(self) -> None:
        """Hide what is not there yet; the cursor goes to the file name."""
        for selector in ("#import-progress", "#import-summary", "#import-report"):
            self.query_one(selector).display = False
        self._show_format()
        self.query_one("#import-path", Input).focus()

    def _show_format(self) -> None:
        self.query_one("#import-hint", Static).update(plain(HINTS[self.fmt]))
        self.query_one("#import-path", Input).placeholder = PLACEHOLDERS[self.fmt]

    @on(Select.Changed, "#import-format")
    def _format_changed(self, event: Select.Changed) -> None:
        if isinstance(event.value, str) and event.value != self.fmt:
            self.fmt = event.value
            self._show_format()
            self._forget_plan()

    @on(Input.Changed, "#import-path")
    def _path_changed(self) -> None:
        self._forget_plan()

    def _forget_plan(self) -> None:
        """A new file or format: the preview no longer applies."""
        if self.plan is None:
            return
        self.plan = None
        self.query_one("#import-summary").display = False
        self.query_one("#import-report").display = False
        go = self.query_one("#import-go", Button)
        go.label = "Preview enter"
        go.refresh(layout=True)

    @on(Button.Pressed, "#import-cancel")
    def action_cancel(self) -> None:
        """Close without importing (not while the file is being read)."""
        if not self.running:
            self.dismiss(None)

    @on(Input.Submitted, "#import-path")
    @on(Button.Pressed, "#import-go")
    def _go(self) -> None:
        if self.running:
            return
        if self.plan is not None:
            if self.plan.changes_anything:
                self.dismiss(self.plan)
            else:
                self.dismiss(None)
            return
        text = self.query_one("#import-path", Input).value.strip()
        if not text:
            self.query_one("#import-error", Static).update(plain("Give the file to import."))
            return
        path = Path(text).expanduser()
        if not path.is_absolute():
            path = self.home / path
        self.running = True
        self.query_one("#import-error", Static).update(plain(""))
        for widget in self.query("Input, Select, Button"):
            widget.disabled = True
        bar = self.query_one("#import-progress", ProgressBar)
        bar.update(total=2, progress=0)
        bar.display = True
        self._read(self.fmt, path, text)

    @work(thread=True, exclusive=True, exit_on_error=False, group="import",
          description="reading the contacts file")
    def _read(self, fmt: str, path: Path, label: str) -> None:
        try:
            self.post_message(self.Step(0, f"Reading {label}"))
            parsed = read_contacts(fmt, path, label)
            self.post_message(self.Step(1, f"Matching {len(parsed.rows):,} contacts"))
            plan = plan_contact_import(self.contacts, parsed)
            lines = report_lines(plan, parsed.controls_removed)
        except ImportFileError as exc:
            self.post_message(self.Planned(None, [], str(exc)))
        except Exception as exc:  # an unreadable file system: say so, keep the dialog
            self.post_message(self.Planned(None, [], f"{type(exc).__name__}: {exc}"))
        else:
            self.post_message(self.Planned(plan, lines))

    def on_import_dialog_step(self, event: Step) -> None:
        """Move the bar and say what is happening."""
        self.query_one("#import-progress", ProgressBar).update(progress=event.step)
        self.query_one("#import-hint", Static).update(plain(f"{event.label}…"))

    def on_import_dialog_planned(self, event: Planned) -> None:
        """Show the preview (or the error) and what enter does now."""
        self.running = False
        self.query_one("#import-progress").display = False
        for widget in self.query("Input, Select, Button"):
            widget.disabled = False
        self._show_format()
        if event.plan is None:
            self.query_one("#import-error", Static).update(
                plain(f"Nothing was imported: {event.error}."))
            self.query_one("#import-path", Input).focus()
            return
        self.plan = plan = event.plan
        summary = self.query_one("#import-summary", Static)
        summary.update(plain(f"{plan.summary()}." if plan.changes_anything
                             else f"Nothing to import: {plan.summary()}."))
        summary.display = True
        shown = event.lines[:PREVIEW_LINES]
        if len(event.lines) > PREVIEW_LINES:
            shown.append(f"… and {len(event.lines) - PREVIEW_LINES:,} more lines (the command "
                         "line's --dry-run lists them all)")
        self.query_one("#import-lines", Static).update(plain("\n".join(shown)))
        self.query_one("#import-report").display = bool(shown)
        go = self.query_one("#import-go", Button)
        count = len(plan.added) + len(plan.updated)
        go.label = (f"Import {count:,} contact{'s' if count != 1 else ''} enter"
                    if plan.changes_anything else "Close enter")
        go.refresh(layout=True)
        go.focus()
