"""Linking conversations to the career hypotheses they will test, before any evidence: from a
conversation (tick the hypotheses) and from a hypothesis (pick a planned conversation)."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, SelectionList, Static
from textual.widgets.option_list import Option

from tui.core.hypotheses import STATUS_LABELS, Hypothesis
from tui.widgets.text import one_line, plain, styled

DIALOG_CSS = """
{name} {{ align: center middle; }}
{name} > Vertical {{ width: 90; max-width: 100%; height: auto; max-height: 100%;
                     border: round $accent; background: $surface; padding: 0 1; }}
{name} .dialog-title {{ text-style: bold; }}
{name} .dialog-hint {{ color: $text-muted; }}
{name} SelectionList, {name} OptionList {{ height: auto; max-height: 16; }}
"""


class TickList(SelectionList[str]):
    """Space ticks or unticks; enter saves the form around it.

    The tick is made at once (a stock SelectionList ticks through a message), so an enter
    typed right after a space saves the tick."""

    BINDINGS = [
        Binding("space", "tick", "Tick", show=False),
        Binding("enter", "screen.save", "Save", show=False),
    ]

    def action_tick(self) -> None:
        """Tick or untick the highlighted hypothesis."""
        if self.highlighted is not None:
            self.toggle(self.get_option_at_index(self.highlighted).value)


class LinkHypothesesForm(ModalScreen[set[str] | None]):
    """Tick the hypotheses a conversation will test; the result is the ids ticked."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", tooltip="Save the links and close",
                id="links.save"),
        Binding("escape", "cancel", "Cancel", tooltip="Close without saving",
                id="links.cancel"),
    ]
    DEFAULT_CSS = DIALOG_CSS.format(name="LinkHypothesesForm")

    def __init__(self, hypotheses: list[Hypothesis], conversation_id: str, who: str) -> None:
        super().__init__()
        self.hypotheses = hypotheses
        self.conversation_id = conversation_id
        self.who = who

    def compose(self) -> ComposeResult:
        """A title, the hypotheses with a tick each, the keys."""
        with Vertical():
            yield Static(plain(f"What the conversation with {one_line(self.who, 40)} will "
                               "test"), classes="dialog-title")
            yield TickList(*[
                (plain(f"{one_line(h.statement, 70)} ({STATUS_LABELS[h.status]})"), h.id,
                 h.is_tested_by(self.conversation_id))
                for h in self.hypotheses], id="link-list")
            yield Static(plain("space ticks · enter saves · esc cancels"),
                         classes="dialog-hint")

    def on_mount(self) -> None:
        """Start on the list."""
        ticks = self.query_one(TickList)
        ticks.styles.height = "auto"  # the app's CSS fills lists
        ticks.focus()

    def action_save(self) -> None:
        """Close with the ids ticked."""
        self.dismiss(set(self.query_one(TickList).selected))

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)


@dataclass(frozen=True)
class PlannedChat:
    """A conversation that could test a hypothesis: its id and how it is shown."""

    id: str
    who: str
    when: str
    status: str

    def label(self) -> str:
        """``Ana Silva · Tue 3 Dec 14:00 · scheduled``."""
        return f"{self.who} · {self.when} · {self.status}"


class PickConversation(ModalScreen[str | None]):
    """Pick a planned conversation (type to filter, ↑↓ to move, enter picks)."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without linking",
                id="pick.cancel"),
        Binding("down", "move(1)", "Down", show=False),
        Binding("up", "move(-1)", "Up", show=False),
    ]
    DEFAULT_CSS = DIALOG_CSS.format(name="PickConversation")

    def __init__(self, statement: str, chats: list[PlannedChat]) -> None:
        super().__init__()
        self.statement = statement
        self.chats = chats

    def compose(self) -> ComposeResult:
        """A title, a filter line and the conversations."""
        with Vertical():
            yield Static(styled("Which planned conversation will test ",
                                (one_line(self.statement, 60), "bold"), "?"),
                         classes="dialog-title")
            yield Input(placeholder="type a name to filter", compact=True, id="pick-filter")
            yield OptionList(id="pick-list")
            yield Static(plain("↑↓ move · enter links · esc cancels"), classes="dialog-hint")

    def on_mount(self) -> None:
        """Show them all; typing goes into the filter."""
        self.query_one(OptionList).styles.height = "auto"  # the app's CSS fills lists
        self.show_matches("")
        self.query_one(Input).focus()

    @on(Input.Changed)
    def _filter(self, event: Input.Changed) -> None:
        self.show_matches(event.value)

    def show_matches(self, text: str) -> None:
        """The conversations whose label holds every word typed."""
        words = text.casefold().split()
        box = self.query_one(OptionList)
        box.clear_options()
        found = [c for c in self.chats if all(w in c.label().casefold() for w in words)]
        box.add_options(Option(plain(c.label()), id=c.id) for c in found[:200])
        if not found:
            box.add_option(Option(plain("No planned conversation matches." if self.chats else
                                        "No planned conversations: add one on the home "
                                        "screen (n)."), disabled=True))
        else:
            box.highlighted = 0

    def action_move(self, step: int) -> None:
        """Move the highlight in the list (the cursor stays in the filter)."""
        box = self.query_one(OptionList)
        if box.option_count and box.highlighted is not None:
            box.highlighted = max(0, min(box.option_count - 1, box.highlighted + step))

    @on(Input.Submitted)
    def _picked(self, event: Input.Submitted) -> None:
        event.stop()
        box = self.query_one(OptionList)
        option = box.highlighted_option
        if option is not None and not option.disabled and option.id:
            self.dismiss(option.id)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        """Close without linking."""
        self.dismiss(None)
