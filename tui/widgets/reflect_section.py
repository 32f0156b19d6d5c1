"""What the sections of the Reflect pane share: the model, the clock and how to save."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from tui.clock import app_now
from tui.core.models import Contact, Conversation
from tui.core.profile import Profile
from tui.panes.base import ConversationPane
from tui.screens.confirm import ConfirmScreen
from tui.text import styled


def section_title(title: str, keys: str) -> Static:
    """A section heading with its keys: ``Action items   a add · space done``."""
    return Static(styled((title, "bold $accent"), (f"   {keys}", "dim")), classes="section-title")


class ReflectSection(Vertical):
    """A part of the Reflect pane. It edits the conversation (and contact) it was given in
    place and posts :class:`ConversationPane.Edited`, which the screen saves."""

    DEFAULT_CSS = """
    ReflectSection { height: auto; }
    ReflectSection .section-title { margin-top: 1; }
    """

    def __init__(self, conversation: Conversation, contact: Contact, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.conversation = conversation
        self.contact = contact
        self.profile = Profile()  # the user's own name (the pane gives the stored one)
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
        self.show()
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
        self.show()

    def load(self, conversation: Conversation, contact: Contact) -> None:
        """Show a replacement model."""
        self.conversation, self.contact = conversation, contact
        if self.is_mounted:
            self.show()

    def on_mount(self) -> None:
        """Fill in."""
        self.show()

    def show(self) -> None:
        """Refresh the widgets from the model (sections override)."""

    def edited(self, contact_changed: bool = False) -> None:
        """Ask the screen to save, and the pane to refresh its summary."""
        self.post_message(ConversationPane.Edited(contact_changed))

    def now(self) -> datetime:
        """The app's clock (fixed in tests and snapshots)."""
        return app_now(self.app)

    @property
    def today(self) -> date:
        """The user's today."""
        return self.now().date()

    def confirm(self, question: str, then: Any, yes: str = "Yes, delete") -> None:
        """Ask a yes/no question; call ``then()`` on yes."""
        self.app.push_screen(ConfirmScreen(question, yes), lambda ok: then() if ok else None)

    def say(self, text: str | Content, severity: str = "information") -> None:
        """A toast that never parses the text as markup."""
        self.notify(str(text), severity=severity, markup=False)  # type: ignore[arg-type]


def sentence_case(text: str) -> str:
    """``Thank-you due`` from ``thank-you due``: only the first letter changes."""
    return text[:1].upper() + text[1:]


class StatusLine(Static):
    """A one-line status that only repaints when its text or styles change (it is refreshed
    on every keystroke, and a needless repaint would cost a layout of the whole pane)."""

    _shown: tuple[str, tuple[object, ...]] | None = None

    def show(self, content: Content) -> None:
        """Show ``content`` if it differs from what is shown."""
        key = (content.plain, tuple(content.spans))
        if key != self._shown:
            self._shown = key
            self.update(content)
