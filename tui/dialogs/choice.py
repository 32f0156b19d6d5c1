"""A short list to pick one value from, narrowed by typing: the search screen's company and
tag filters. The box keeps the cursor, so every printable key is text; ↑ ↓ choose, Enter
takes the highlighted value, esc leaves without a change."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.core.search_text import fold
from tui.widgets.text import one_line, plain, styled

ANY = ""  # the value of the first row: no filter
SHOWN = 200  # rows listed at most; typing narrows the rest


class ChoiceScreen(ModalScreen[str | None]):
    """Pick one of ``choices`` (``(value, label, note)``); the result is the value, ``ANY``
    for the first row ("any", which removes the filter), or None for esc."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", tooltip="Leave the filter as it is",
                id="choice.cancel"),
        Binding("down", "move(1)", "Next", show=False, id="choice.next"),
        Binding("up", "move(-1)", "Previous", show=False, id="choice.previous"),
        Binding("pagedown", "move(8)", "Page down", show=False, id="choice.page_down"),
        Binding("pageup", "move(-8)", "Page up", show=False, id="choice.page_up"),
    ]
    DEFAULT_CSS = """
    ChoiceScreen { align: center middle; }
    ChoiceScreen > Vertical { width: 60; max-width: 100%; height: auto; max-height: 100%;
                              border: round $accent; background: $surface; padding: 0 1; }
    ChoiceScreen #choice-title { text-style: bold; }
    ChoiceScreen #choice-help { color: $text-muted; }
    """

    def __init__(self, title: str, choices: list[tuple[str, str, str]], current: str = "",
                 ) -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices
        self.current = current

    def compose(self) -> ComposeResult:
        """Title, the box, the list, the keys."""
        with Vertical():
            yield Static(plain(self.title_text), id="choice-title")
            yield Input(placeholder="type to narrow", id="choice-box", compact=True)
            listing = OptionList(id="choice-list", compact=True)
            listing.can_focus = False
            listing.styles.height = "auto"  # inline: the app's stylesheet makes lists 1fr
            listing.styles.max_height = 14
            yield listing
            yield Static(plain("↑ ↓ choose · enter takes it · esc leaves it as it was"),
                         id="choice-help")

    def on_mount(self) -> None:
        """The list, the current value highlighted; the cursor in the box."""
        self._fill("")
        self.query_one("#choice-box").focus()

    @on(Input.Changed, "#choice-box")
    def _narrow(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def _fill(self, typed: str) -> None:
        wanted = fold(typed.strip())
        rows = [Option(styled(("any (no filter)", "italic")), id="=")] if not wanted else []
        shown = [c for c in self.choices if wanted in fold(c[1])][:SHOWN]
        rows += [Option(styled(one_line(label, 50), (f"  {note}" if note else "", "dim")),
                        id="=" + value) for value, label, note in shown]
        listing = self.query_one("#choice-list", OptionList)
        listing.set_options(rows)
        current = next((n for n, row in enumerate(rows) if row.id == "=" + self.current), 0)
        listing.highlighted = current if rows and not wanted else (0 if rows else None)

    def action_move(self, step: int) -> None:
        """Move the highlight (the cursor stays in the box)."""
        listing = self.query_one("#choice-list", OptionList)
        if listing.option_count:
            now = listing.highlighted or 0
            listing.highlighted = max(0, min(listing.option_count - 1, now + step))

    @on(Input.Submitted, "#choice-box")
    def _take(self) -> None:
        option = self.query_one("#choice-list", OptionList).highlighted_option
        if option is not None and option.id:
            self.dismiss(option.id[1:])

    @on(OptionList.OptionSelected, "#choice-list")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss((event.option.id or "=")[1:])

    def action_cancel(self) -> None:
        """Leave without a change."""
        self.dismiss(None)
