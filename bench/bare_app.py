"""The baseline for cold start: a bare Textual app with coffeechat's home layout and an
OptionList of N one-line rows, nothing else (no data, no store).

    python -m bench.bare_app N

It prints nothing of its own; the benchmark watches the terminal for the first row.
"""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Input, OptionList, TabbedContent, TabPane

MARKER = "Row 000000"


class BareApp(App[None]):
    """Header, a hidden filter line, three tabs (the first with N rows), a footer."""

    CSS = "OptionList { height: 1fr; border: none; padding: 0; } #filter { display: none; }"

    def __init__(self, rows: int) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        """The same layout as coffeechat's home screen."""
        yield Header()
        yield Input(id="filter", compact=True)
        with TabbedContent(initial="one"):
            with TabPane("Conversations [1]", id="one"):
                yield OptionList(*(f"Row {i:06d}  2026-05-01 09:00  Ana Silva · Acme  person · "
                                   "done" for i in range(self.rows)), id="rows")
            with TabPane("Contacts [2]", id="two"):
                yield OptionList(id="contacts")
            with TabPane("Due [3]", id="three"):
                yield OptionList(id="due")
        yield Footer()

    def on_mount(self) -> None:
        """Focus the list, as coffeechat does."""
        self.query_one("#rows").focus()


if __name__ == "__main__":
    BareApp(int(sys.argv[1])).run()
