"""What the sections of the Reflect pane share: the clock, removing with undo, a toast."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from textual.notifications import SeverityLevel
from textual.widgets import Static

from tui.dialogs.confirm import ConfirmScreen
from tui.panes.base import ModelView
from tui.widgets.app_services import app_services
from tui.widgets.text import styled


def section_title(title: str, keys: str) -> Static:
    """A section heading with its keys: ``Action items   a add · space done``."""
    return Static(styled((title, "bold $accent"), (f"   {keys}", "dim")), classes="section-title")


def sentence_case(text: str) -> str:
    """``Thank-you due`` from ``thank-you due``: only the first letter changes."""
    return text[:1].upper() + text[1:]


class ReflectSection(ModelView):
    """A part of the Reflect pane. It edits the conversation (and contact) it is given in place
    and posts ``Edited``, which the screen saves."""

    DEFAULT_CSS = """
    ReflectSection { height: auto; }
    ReflectSection .section-title { margin-top: 1; }
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._removed: tuple[str, int, Any] | None = None

    def remove_record(self, field: str, record_id: str, what: str) -> None:
        """Remove the record ``record_id`` from the conversation's list ``field``; ``u`` on the
        list puts it back (:meth:`put_back`)."""
        records = getattr(self.conversation, field)
        index = next((i for i, r in enumerate(records) if r.id == record_id), None)
        if index is None:
            return
        record = records[index]
        setattr(self.conversation, field, records[:index] + records[index + 1:])
        self._removed = (field, index, record)
        self.edited()
        self.refresh_view()
        self.say(f"Removed {what}. Press u to put it back.")

    def put_back(self) -> None:
        """Put the record removed last back where it was."""
        if self._removed is None:
            self.say("Nothing to put back.")
            return
        field, index, record = self._removed
        self._removed = None
        records = list(getattr(self.conversation, field))
        records.insert(min(index, len(records)), record)
        setattr(self.conversation, field, records)
        self.edited()
        self.refresh_view()

    def now(self) -> datetime:
        """The app's clock (fixed in tests and snapshots)."""
        return app_services(self).clock()

    @property
    def today(self) -> date:
        """The user's today."""
        return self.now().date()

    def confirm(self, question: str, then: Callable[[], object], yes: str = "Yes, delete") -> None:
        """Ask a yes/no question; call ``then()`` on yes."""

        def answered(ok: bool | None) -> None:
            if ok:
                then()

        self.app.push_screen(ConfirmScreen(question, yes), answered)

    def say(self, text: str, severity: SeverityLevel = "information") -> None:
        """A toast that never parses the text as markup."""
        self.notify(text, severity=severity, markup=False)
