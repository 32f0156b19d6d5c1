"""Details: who the conversation is with and what it is for, read-only (e and c edit)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content

from tui.core.agenda import status_label, when_label
from tui.core.models import Contact, Conversation
from tui.panes.base import ConversationPane
from tui.widgets.lines import Line
from tui.widgets.text import styled


def _row(label: str, value: str) -> Content:
    return styled((f"{label:>14}  ", "$text-muted"), value or "—")


def details_content(conversation: Conversation, contact: Contact,
                    introducer: Contact | None) -> Content:
    """The details as one block of content (user text stays literal)."""
    c, v = contact, conversation
    when = when_label(v)
    cadence = f"every {c.cadence_days} days" if c.cadence_days else "no reminders"
    lines = [
        styled(("Conversation", "bold $accent")),
        _row("Kind", v.kind + (f": {v.topic}" if v.topic else "")),
        _row("Status", status_label(v)),
        _row("When", f"{when} · {v.minutes} min · {v.medium}"),
        _row("Place / link", v.place),
        _row("Goal", v.goal),
        _row("The ask", v.ask),
        styled(""),
        styled(("Contact", "bold $accent")),
        _row("Name", c.name),
        _row("Company", c.company),
        _row("Role", c.role),
        _row("Email", c.email),
        _row("LinkedIn", c.linkedin),
        _row("How found", c.how_found),
        _row("Introduced by", introducer.label if introducer else ""),
        _row("Tags", ", ".join(c.tags)),
        _row("Keep in touch", cadence),
        _row("Notes", c.notes),
        styled(""),
        styled(("e edits the conversation, c the contact (here in Details, or from the "
                "command palette, ctrl+p).", "dim")),
    ]
    return Content("\n").join(lines)


class DetailsPane(ConversationPane):
    """A read-only summary of the conversation and its contact."""

    BINDINGS = [
        Binding("e", "screen.edit_conversation", "Edit", tooltip="Edit who, when, goal and "
                "ask", id="details.edit"),
        Binding("c", "screen.edit_contact", "Contact", tooltip="Edit the contact",
                id="details.contact"),
    ]
    HELP_NOTE = "e edits the conversation, c the contact; f3, f4 and f5 show the other panes."

    def compose(self) -> ComposeResult:
        """One scrolling block."""
        with VerticalScroll():
            yield Line(id="details-body")

    def refresh_view(self) -> None:
        """Render the models."""
        body = details_content(self.conversation, self.contact, self.introducer)
        self.query_one("#details-body", Line).shown = body
