"""Export from the app: a format, a path, redaction, and a progress bar while it is written.

The data is taken from the store on the event loop (the edits waiting to be saved are saved
first, so the export holds what is on the screen); reading the conversations and writing the
files happen in a worker thread that reports back by messages. A place that cannot take the
export (one of the data's own files, a folder where a file is wanted) is explained in the
dialog; an existing file is replaced only after the user says so. So are the files of a
Markdown folder edited since they were exported: the export leaves them, and the dialog says
which and asks whether to replace them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, ProgressBar, Select, Static

from tui.core.export_files import ExportError
from tui.core.export_run import (
    TARGET_KIND,
    ExportOutcome,
    TargetExists,
    check_target,
    default_name,
    write_export,
)
from tui.core.formats import FORMATS, REDACTABLE
from tui.core.models import Contact, Conversation
from tui.dialogs.confirm import ConfirmScreen
from tui.widgets.text import plain

FORMAT_LABELS = {
    "md": "Markdown files (a folder, one file per conversation)",
    "html": "HTML document (one page to read or print)",
    "ics": "Calendar (.ics: chats, thank-you and action dates)",
    "vcf": "Contacts as vCards (.vcf)",
    "json": "Everything as JSON (coffeechat import json)",
}


@dataclass(frozen=True)
class ExportSource:
    """What an export reads: the contacts (taken on the event loop) and a function that
    returns the conversations, and one for the JSON document, safe to call in a worker."""

    contacts: list[Contact]
    conversations: Callable[[], list[Conversation]]
    document: Callable[[], dict[str, Any]]


SHOWN_NAMES = 5  # files named in the question about edited files; the rest are counted


def held_back_text(outcome: ExportOutcome, limit: int = SHOWN_NAMES) -> str:
    """Which files the export left because they may hold the user's edits, for a screen:
    the first ``limit`` names, then how many more."""
    files = outcome.held_back
    names = ", ".join(path.name for path in files[:limit])
    more = f" and {len(files) - limit:,} more" if len(files) > limit else ""
    what = "1 file was" if len(files) == 1 else f"{len(files):,} files were"
    return (f"{what} changed since coffeechat wrote {'it' if len(files) == 1 else 'them'} "
            f"(edited, or written by an older coffeechat) and not replaced: {names}{more}.")


class ExportDialog(ModalScreen[ExportOutcome | None]):
    """Choose a format and a place, then export; dismisses with what the export did (None
    when cancelled)."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without exporting",
                id="export.cancel"),
    ]
    DEFAULT_CSS = """
    ExportDialog { align: center middle; }
    ExportDialog > Vertical { width: 76; max-width: 100%; height: auto; max-height: 100%;
                              border: round $accent; background: $surface; padding: 0 1; }
    ExportDialog .dialog-title { text-style: bold; padding-bottom: 1; }
    ExportDialog .dialog-label { color: $text-muted; }
    ExportDialog .dialog-error { color: $error; height: auto; }
    ExportDialog .dialog-hint { color: $text-muted; height: auto; }
    ExportDialog ProgressBar { height: 1; }
    ExportDialog Horizontal { height: auto; align-horizontal: right; }
    ExportDialog Button { margin-left: 1; min-width: 10; }
    """

    class Progressed(Message):
        """The worker's news: ``done`` of ``total`` conversations rendered."""

        def __init__(self, done: int, total: int) -> None:
            super().__init__()
            self.done, self.total = done, total

    class Finished(Message):
        """The worker is done: what the export did, or the error."""

        def __init__(self, outcome: ExportOutcome | None, error: str | None,
                     exists: Path | None = None, forced: bool = False) -> None:
            super().__init__()
            self.outcome, self.error, self.exists = outcome, error, exists
            self.forced = forced

    def __init__(self, source: ExportSource, data_folder: Path, fmt: str = "html",
                 *, home: Path | None = None, today: str | None = None) -> None:
        super().__init__()
        self.source = source
        self.data_folder = data_folder
        self.fmt = fmt if fmt in FORMATS else "html"
        self.home = home or Path.home()
        self.today = today or datetime.now().date().isoformat()
        self.running = False
        self._suggested = self._suggestion(self.fmt)

    def _suggestion(self, fmt: str) -> str:
        return str(Path("~") / default_name(fmt, self.today))

    def compose(self) -> ComposeResult:
        """Format, path, redaction, a hint, the error line, the progress bar, the buttons."""
        with Vertical():
            yield Static(plain("Export"), classes="dialog-title")
            yield Static(plain("Format"), classes="dialog-label")
            yield Select([(plain(FORMAT_LABELS[f]), f) for f in FORMATS], value=self.fmt,
                         allow_blank=False, compact=True, id="export-format")
            yield Static(plain("Save to"), classes="dialog-label", id="export-path-label")
            yield Input(self._suggested, compact=True, id="export-path")
            yield Checkbox(plain("Redact: other people as initials, no contact details"),
                           compact=True, id="export-redact")
            yield Static("", classes="dialog-hint", id="export-hint", markup=False)
            yield Static("", classes="dialog-error", id="export-error", markup=False)
            yield ProgressBar(total=None, show_eta=False, id="export-progress")
            with Horizontal():
                yield Button("Export enter", variant="primary", id="export-go", compact=True)
                yield Button("Cancel esc", id="export-cancel", compact=True)

    def on_mount(self) -> None:
        """Show the choices for the format and put the cursor on the path."""
        self.query_one("#export-progress").display = False
        self._show_format()
        self.query_one("#export-path", Input).focus()

    def _show_format(self) -> None:
        fmt = self.fmt
        redact = self.query_one("#export-redact", Checkbox)
        redact.disabled = fmt not in REDACTABLE
        if redact.disabled:
            redact.value = False
        kind = TARGET_KIND[fmt]
        self.query_one("#export-path-label", Static).update(plain(f"Save to ({kind})"))
        hint = FORMATS[fmt]
        if fmt == "md":
            hint += ("; exporting again into the same folder updates its files in place, "
                     "and asks before replacing one you edited")
        self.query_one("#export-hint", Static).update(plain(hint[:1].upper() + hint[1:] + "."))

    @on(Select.Changed, "#export-format")
    def _format_changed(self, event: Select.Changed) -> None:
        if not isinstance(event.value, str):
            return
        box = self.query_one("#export-path", Input)
        if box.value.strip() == self._suggested:
            self._suggested = self._suggestion(event.value)
            box.value = self._suggested
        self.fmt = event.value
        self._show_format()

    # -- running -------------------------------------------------------------------------

    def _error(self, text: str) -> None:
        self.query_one("#export-error", Static).update(plain(text))

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export-go")
    def _go(self) -> None:
        if not self.running:
            self._start(force=False)

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        """Close, unless an export is being written (it is atomic: it cannot half-happen)."""
        if not self.running:
            self.dismiss(None)

    def _start(self, *, force: bool) -> None:
        text = self.query_one("#export-path", Input).value.strip()
        if not text:
            self._error("Give a path to export to.")
            self.query_one("#export-path", Input).focus()
            return
        path = Path(text).expanduser() if text.startswith("~") else Path(text)
        if not path.is_absolute():
            path = self.home / path
        redact = self.query_one("#export-redact", Checkbox).value
        self.running = True
        self._error("")
        for widget in self.query("Input, Select, Checkbox, Button"):
            widget.disabled = True
        bar = self.query_one("#export-progress", ProgressBar)
        bar.update(total=None, progress=0)
        bar.display = True
        self._export(self.fmt, path, redact, force)

    @work(thread=True, exclusive=True, exit_on_error=False, group="export",
          description="writing the export")
    def _export(self, fmt: str, path: Path, redact: bool, force: bool) -> None:
        try:
            target = check_target(fmt, path, self.data_folder, force=force)
            document = self.source.document() if fmt == "json" else None
            chats = [] if fmt in ("vcf", "json") else self.source.conversations()
            outcome = write_export(fmt, target, self.source.contacts, chats, redact=redact,
                                   document=document, force=force, progress=self._report)
        except TargetExists as exc:
            self.post_message(self.Finished(None, str(exc), exists=exc.path))
        except ExportError as exc:
            self.post_message(self.Finished(None, str(exc)))
        except Exception as exc:  # a damaged record, a disk error: say so, keep the dialog
            self.post_message(self.Finished(None, f"{type(exc).__name__}: {exc}"))
        else:
            self.post_message(self.Finished(outcome, None, forced=force))

    def _report(self, done: int, total: int) -> None:
        """Tell the dialog, from the worker, how far the export is."""
        self.post_message(self.Progressed(done, total))

    def on_export_dialog_progressed(self, event: Progressed) -> None:
        """Move the bar."""
        self.query_one("#export-progress", ProgressBar).update(total=event.total,
                                                                progress=event.done)

    def on_export_dialog_finished(self, event: Finished) -> None:
        """Close with the summary, or show what went wrong (and offer to replace a file, or
        the Markdown files edited since they were exported)."""
        self.running = False
        self.query_one("#export-progress").display = False
        for widget in self.query("Input, Select, Checkbox, Button"):
            widget.disabled = False
        self._show_format()
        if event.outcome is not None:
            if event.outcome.held_back and not event.forced:
                self._ask_to_replace_edited(event.outcome)
            else:
                self.dismiss(event.outcome)
            return
        if event.exists is not None:
            self.app.push_screen(ConfirmScreen(f"{event.exists} already exists. Replace it?",
                                               yes_label="Yes, replace", variant="warning"),
                                 self._replace)
            return
        self._error(f"Nothing was exported: {event.error or 'the export failed'}.")
        self.query_one("#export-path", Input).focus()

    def _ask_to_replace_edited(self, outcome: ExportOutcome) -> None:
        them = "it" if len(outcome.held_back) == 1 else "them"
        question = (f"{outcome.line}.\n\n{held_back_text(outcome)}\n\nReplace {them} with "
                    f"this export? What was added to {them} is lost.")

        def answered(yes: bool | None) -> None:
            if yes:
                self._start(force=True)
            else:
                self.dismiss(outcome)

        self.app.push_screen(ConfirmScreen(question, yes_label="Yes, replace",
                                           variant="warning"), answered)

    def _replace(self, yes: bool | None) -> None:
        if yes:
            self._start(force=True)
        else:
            self.query_one("#export-path", Input).focus()
