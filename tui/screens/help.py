"""F1: the keys of the screen underneath, with what each does."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from tui.text import styled

ABOUT = (
    "coffeechat saves as you type. Your data is one JSON file; run "
    "'coffeechat --help' for the command line. ctrl+p opens the command palette."
)


class HelpScreen(ModalScreen[None]):
    """Lists the active key bindings of ``screen`` (and the focused widget's)."""

    BINDINGS = [Binding("escape,f1,q,question_mark", "dismiss", "Close", id="help.close")]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 76; max-width: 100%; height: auto; max-height: 100%;
                                  border: round $accent; background: $surface; padding: 0 1; }
    """

    def __init__(self, screen: Screen) -> None:
        super().__init__()
        self.underneath = screen

    def compose(self) -> ComposeResult:
        """One line a key."""
        with VerticalScroll():
            yield Static(styled(("Keys", "bold"), ("  (esc closes)", "dim")))
            seen: set[str] = set()
            for _, binding, enabled, tooltip in self._key_rows():
                if binding.description in seen or not binding.description:
                    continue
                seen.add(binding.description)
                key = self.app.get_key_display(binding)
                yield Static(styled((f"{key:>12}  ", "bold $accent"), binding.description,
                                    (f"  {tooltip}" if tooltip else "", "dim"),
                                    ("" if enabled else "  (not now)", "dim")))
            yield Static(styled(("\n" + ABOUT, "dim")))

    def _key_rows(self) -> list[tuple[str, Binding, bool, str]]:
        active = self.underneath.active_bindings
        return [(key, b.binding, b.enabled, b.tooltip or b.binding.tooltip)
                for key, b in active.items()]

    async def action_dismiss(self, result: None = None) -> None:
        """Close."""
        self.dismiss(None)
