"""The two steps of the outreach follow-up routine, opened from the Due list.

:class:`NudgeScreen` shows the drafted follow-up to the first person (copy it, then mark it
sent); :class:`SecondContactScreen` suggests the other people at the same company to write to.
Both only show and answer: the home screen saves.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static, TextArea
from textual.widgets.option_list import Option

from tui.core.models import Contact
from tui.core.outreach_routine import ReplySpeed
from tui.widgets.text import one_line, plain, styled

MODAL_CSS = """
{name} {{ align: center middle; }}
{name} > Vertical {{ width: 76; max-width: 100%; height: auto; max-height: 100%;
                    border: round $accent; background: $surface; padding: 0 1; }}
{name} .step-title {{ text-style: bold; }}
{name} .step-help {{ color: $text-muted; height: auto; }}
"""


class NudgeScreen(ModalScreen[str | None]):
    """The drafted follow-up, read-only and selectable: ctrl+o copies it, ctrl+t marks it
    sent (the result is ``"sent"``), f6 opens the reply form (``"replied"``), esc closes."""

    BINDINGS = [
        Binding("ctrl+o", "copy", "Copy", tooltip="Copy the follow-up to the clipboard",
                id="nudge.copy"),
        Binding("ctrl+t", "finish('sent')", "Mark sent", tooltip="Log the follow-up as sent "
                "today (its step leaves the Due list)", id="nudge.sent"),
        Binding("f6", "finish('replied')", "They replied", tooltip="They replied after all: "
                "mark the day and the answer", id="nudge.replied"),
        Binding("escape", "finish(None)", "Close", id="nudge.close"),
    ]
    DEFAULT_CSS = MODAL_CSS.format(name="NudgeScreen") + """
    NudgeScreen TextArea { height: 12; max-height: 60vh; border: none; padding: 0 1; }
    """

    def __init__(self, who: str, text: str) -> None:
        super().__init__()
        self.who = who
        self.text = text

    def compose(self) -> ComposeResult:
        """Title, the draft, the keys."""
        with Vertical():
            yield Static(plain(f"One short follow-up to {one_line(self.who, 60)}"),
                         classes="step-title")
            yield TextArea(self.text, read_only=True, soft_wrap=True, id="nudge-text")
            yield Static(plain("ctrl+o copy · ctrl+t mark sent · f6 they replied · esc close"),
                         classes="step-help")

    def action_copy(self) -> None:
        """Copy the follow-up (through the terminal, OSC 52)."""
        self.app.copy_to_clipboard(self.text)
        self.notify(f"Copied the follow-up ({len(self.text)} characters).", markup=False,
                    timeout=3)

    def action_finish(self, result: str | None) -> None:
        """Close with what the user did."""
        self.dismiss(result)


def suggestion_row(contact: Contact, written: bool, speed: ReplySpeed | None) -> Option:
    """``Dana Li  Engineering manager · not written to yet``."""
    if speed is not None:
        note = speed.label
    else:
        note = "written to before" if written else "not written to yet"
    role = f"{one_line(contact.role, 40)} · " if contact.role.strip() else ""
    return Option(styled((one_line(contact.name, 40), "bold"), f"  {role}", (note, "dim")),
                  id=contact.id)


class SecondContactScreen(ModalScreen[str | None]):
    """Who else at the company to write to; enter plans a chat with the highlighted person
    (the result is their contact id), f6 opens the reply form (``"replied"``), esc closes."""

    BINDINGS = [
        Binding("f6", "replied", "They replied", tooltip="The first person replied after "
                "all: mark the day and the answer", id="second.replied"),
        Binding("escape", "close", "Close", id="second.close"),
    ]
    DEFAULT_CSS = MODAL_CSS.format(name="SecondContactScreen")

    def __init__(self, who: str, company: str, options: list[Option]) -> None:
        super().__init__()
        self.who = who
        self.company = company
        self.options = options

    def compose(self) -> ComposeResult:
        """Title, the people, the keys."""
        company = one_line(self.company, 50) or "the same company"
        with Vertical():
            yield Static(plain(f"No reply yet from {one_line(self.who, 40)}: write to a "
                               f"second person at {company}"), classes="step-title")
            if self.options:
                people = OptionList(*self.options, id="second-list")
                people.styles.height = "auto"  # inline: the app's stylesheet makes lists 1fr
                people.styles.max_height = 12
                yield people
                help_text = "enter plans a chat with them · f6 they replied · esc close"
            else:
                help_text = (f"No one else at {company} is in your contacts yet. Add one on "
                             "the Contacts tab (a), then plan a chat with them (n). "
                             "f6 they replied · esc close")
            yield Static(plain(help_text), classes="step-help")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter: plan a chat with this person."""
        event.stop()
        self.dismiss(event.option.id)

    def action_replied(self) -> None:
        """They replied after all."""
        self.dismiss("replied")

    def action_close(self) -> None:
        """Close without doing anything."""
        self.dismiss(None)
