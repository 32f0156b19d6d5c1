"""F1: the keys of the screen underneath: where the cursor is first, then the app's, then one
line on the usual editing keys (Textual's own scrolling and editing keys are not listed one
by one)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from tui.widgets.key_commands import HelpSource
from tui.widgets.text import styled

EDITING = ("Text boxes and lists also take the usual keys: arrows, home/end, ctrl+home/"
           "ctrl+end, page up/down, ctrl+z undo, ctrl+x/c/v cut, copy and paste; tab and "
           "shift+tab move between them.")
SHIFTED_F_KEYS = {f"f{n}" for n in range(13, 25)}
ABOUT = ("coffeechat saves as you type. Your data is one JSON file; run 'coffeechat --help' "
         "for the command line.")


class HelpScreen(ModalScreen[None]):
    """Lists the active key bindings of ``screen``: the ones for where the cursor is (the
    focused widget and the panes around it), then those that work everywhere."""

    BINDINGS = [Binding("escape,f1,q,question_mark", "dismiss", "Close", id="help.close")]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 80; max-width: 100%; height: auto; max-height: 100%;
                                  border: round $accent; background: $surface; padding: 0 1; }
    HelpScreen .help-heading { text-style: bold; color: $accent; margin-top: 1; }
    """

    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        self.underneath = screen

    def compose(self) -> ComposeResult:
        """A note on the screen (if it has one), then the keys in two groups."""
        here, everywhere = self.key_groups()
        with VerticalScroll():
            yield Static(styled(("Keys", "bold"), ("  (esc closes)", "dim")))
            under = self.underneath
            text = under.help_note() if isinstance(under, HelpSource) else ""
            if text:
                yield Static(styled((text, "italic")))
            yield Static("Here", classes="help-heading")
            yield from (Static(row) for row in here)
            yield Static("Everywhere", classes="help-heading")
            yield from (Static(row) for row in everywhere)
            yield Static(styled(("\n" + EDITING, "dim")))
            yield Static(styled(("\n" + ABOUT, "dim")))

    def key_groups(self) -> tuple[list[Content], list[Content]]:
        """Rows for the keys of where the cursor is, and rows for the app's keys; only the
        app's own bindings (those with an id), each action once."""
        keys: dict[str, list[str]] = {}
        first: dict[str, tuple[DOMNode, Binding, bool, str]] = {}
        for node, binding, enabled, tooltip in self.underneath.active_bindings.values():
            if not binding.description or not (binding.id or binding.show):
                continue  # Textual's own editing and scrolling keys
            if binding.key not in SHIFTED_F_KEYS:  # shift+f3 as some terminals send it
                keys.setdefault(binding.action, []).append(self.app.get_key_display(binding))
            if binding.action not in first or (binding.show and not first[binding.action][1].show):
                # the footer's description, when it has one
                first[binding.action] = (node, binding, enabled, tooltip)
        here: list[Content] = []
        everywhere: list[Content] = []
        for action, (node, binding, enabled, tooltip) in first.items():
            key = " ".join(dict.fromkeys(keys[action]))
            row = styled((f"{key:>14}  ", "bold $accent"), binding.description,
                         (f"  {tooltip or binding.tooltip}", "dim"),
                         ("" if enabled else "  (not now)", "dim"))
            (everywhere if node is self.app else here).append(row)
        palette = styled((f"{'^p':>14}  ", "bold $accent"), "Commands",
                         ("  every command of this screen and pane, by name; themes", "dim"))
        return here, [*everywhere, palette]

    async def action_dismiss(self, result: None = None) -> None:
        """Close."""
        self.dismiss(None)
