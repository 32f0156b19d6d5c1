"""A yes/no question before anything is deleted."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static
from textual.widgets.button import ButtonVariant

from tui.widgets.text import plain


class ConfirmScreen(ModalScreen[bool]):
    """Ask before doing something that cannot be undone; ``y`` confirms, ``n``/escape do not."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]
    DEFAULT_CSS = """
    ConfirmScreen { align: center middle; }
    ConfirmScreen > Vertical { width: 60; max-width: 100%; height: auto; padding: 1 2;
                               border: round $error; background: $surface; }
    ConfirmScreen.-warning > Vertical { border: round $warning; }
    ConfirmScreen Horizontal { height: auto; align-horizontal: right; margin-top: 1; }
    ConfirmScreen Button { margin-left: 1; }
    """

    def __init__(self, question: str, yes_label: str = "Yes, delete",
                 variant: ButtonVariant = "error") -> None:
        super().__init__()
        self.question = question
        self.yes_label = yes_label
        self.variant = variant

    def compose(self) -> ComposeResult:
        """The question and two buttons."""
        with Vertical():
            yield Static(plain(self.question))
            with Horizontal():
                yield Button(f"{self.yes_label} (y)", variant=self.variant,
                             id="yes")
                yield Button("No (n)", id="no")

    def on_mount(self) -> None:
        """Start on the safe answer."""
        self.set_class(self.variant == "warning", "-warning")
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Answer from the buttons."""
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        """Answer from the keys."""
        self.dismiss(answer)
