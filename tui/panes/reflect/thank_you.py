"""The thank-you note: draft it from the template and the user's notes, copy it, mark it sent."""

from __future__ import annotations

import re
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import TextArea

from tui.core.followup import thank_you_status
from tui.core.thank_you import draft_thank_you, mark_sent, unmark_sent
from tui.panes.reflect.section import ReflectSection, section_title, sentence_case
from tui.widgets.app_services import app_services
from tui.widgets.lines import FixedLine
from tui.widgets.text import styled
from tui.widgets.text_box import TextBox

_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


class DraftArea(TextBox):
    """The note itself, editable like any other Markdown field."""

    def __init__(self, text: str, **kwargs: Any) -> None:
        super().__init__(text, soft_wrap=True, show_line_numbers=False, tab_behavior="focus",
                         **kwargs)


class ThankYouSection(ReflectSection):
    """A personal note within a day of the call: drafted here, sent by the user. Its keys
    work anywhere in the section (the draft included)."""

    BINDINGS = [
        Binding("ctrl+r", "draft", "Draft", tooltip="Draft the thank-you note from the template "
                "(asks before replacing your edits)", id="reflect.draft"),
        Binding("ctrl+t", "sent", "Sent", tooltip="Mark the thank-you note sent today (again: "
                "not sent)", id="reflect.sent"),
        Binding("f6", "copy", "Copy", tooltip="Copy the thank-you note to the clipboard",
                id="reflect.copy"),
    ]

    DEFAULT_CSS = """
    ThankYouSection DraftArea {
        height: auto; min-height: 6; max-height: 20; border: none; padding: 0 1;
        border-left: outer $panel-lighten-2;
    }
    ThankYouSection DraftArea:focus { border: none; border-left: outer $accent; }
    """

    def compose(self) -> ComposeResult:
        """Heading, where it stands, and the draft."""
        yield section_title("Thank-you note", "ctrl+r draft · f6 copy · ctrl+t sent")
        yield FixedLine(id="thank-you-status")
        yield DraftArea(self.conversation.thank_you.draft, id="thank-you-draft")

    def refresh_view(self) -> None:
        """Show the model's draft and status."""
        area = self.query_one(DraftArea)
        if area.text != self.conversation.thank_you.draft:
            area.load_text(self.conversation.thank_you.draft)
        self.refresh_status()

    def status_content(self) -> Content:
        """``thank-you due · 5h left`` in the colour of its urgency."""
        now = self.now()
        status = thank_you_status(self.conversation, now)
        if status.state == "none":
            return styled(("Send it within 24 hours of the call.", "dim"))
        look = {"sent": "$success", "due": "bold $warning", "overdue": "bold $error"}
        hint = "   ctrl+t marks it not sent" if status.state == "sent" else ""
        return styled((sentence_case(status.label(now)), look.get(status.state, "")),
                      (hint, "dim"))

    def refresh_status(self) -> None:
        """Update the status line (the hours left change as time passes)."""
        self.query_one("#thank-you-status", FixedLine).shown = self.status_content()

    @on(TextArea.Changed, "#thank-you-draft")
    def _typed(self, event: TextArea.Changed) -> None:
        event.stop()
        if event.text_area.text != self.conversation.thank_you.draft:
            self.conversation.thank_you.draft = event.text_area.text
            self.edited()

    def action_draft(self) -> None:
        """ctrl+r."""
        self.draft()

    def action_sent(self) -> None:
        """ctrl+t."""
        self.toggle_sent()

    def action_copy(self) -> None:
        """f6."""
        self.copy()

    def focus_draft(self) -> None:
        """Put the cursor in the draft."""
        self.query_one(DraftArea).focus()

    def draft(self) -> None:
        """Fill the draft from the template (asking first if it would replace the user's text)."""
        library = app_services(self).content
        for warning in library.thank_you_warnings:
            self.say(warning, "warning")
        text = draft_thank_you(library.thank_you, self.conversation, self.contact,
                               self.profile.name, self.now())
        current = self.conversation.thank_you.draft
        if current.strip() and current.strip() != text.strip():
            self.confirm("Replace your thank-you draft with a fresh one from the template? "
                         "Your edits to the current draft will be lost.",
                         lambda: self._use(text), yes="Yes, replace")
        else:
            self._use(text)

    def _use(self, text: str) -> None:
        area = self.query_one(DraftArea)
        area.load_text(text)
        area.focus()
        left = sorted(set(_PLACEHOLDER.findall(text)))
        if left:
            self.say(f"Drafted. Still to fill in: {', '.join(left)}.")
        else:
            self.say("Drafted from your notes: make it yours, then f6 copies it.")

    def copy(self) -> None:
        """Copy the draft to the clipboard."""
        text = self.conversation.thank_you.draft
        if not text.strip():
            self.say("Nothing to copy yet: ctrl+r drafts the note.", "warning")
            return
        self.app.copy_to_clipboard(text)
        left = sorted(set(_PLACEHOLDER.findall(text)))
        warn = f" It still has {', '.join(left)} in it." if left else ""
        self.say(f"Copied the note ({len(text):,} characters) to the clipboard.{warn}",
                 "warning" if left else "information")

    def toggle_sent(self) -> None:
        """Mark the note sent today (status thanked, the contact's clock restarts), or undo."""
        if self.conversation.thank_you.sent_on:
            unmark_sent(self.conversation)
            self.edited()
            self.say("Marked as not sent.")
        else:
            mark_sent(self.conversation, self.contact, self.today)
            self.edited(contact_changed=True)
            self.say(f"Thank-you marked as sent today; {self.contact.name} is now thanked.")
        self.refresh_status()
