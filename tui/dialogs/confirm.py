"""A yes/no question before anything is deleted or a call is ended.

No letter answers it: a question that pops up while someone types (a function key hit by
mistake, a letter that is a command on a list) would otherwise be answered by the next word
they type. The cursor starts on the safe answer; ``←`` ``→`` choose, ``enter`` answers and
``esc`` says no. What is typed while the question is up is kept and shown; once it is answered
it goes on into the text box it was meant for, in the order it was typed, or, with no text
box behind the question, it is dropped rather than run as commands.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Static, TextArea
from textual.widgets.button import ButtonVariant

from tui.widgets.key_hold import KeyHold, app_key_hold
from tui.widgets.key_order import KeyOwner
from tui.widgets.text import plain, styled
from tui.widgets.textual_patches import forward_key

SHOWN_TYPING = 60  # the last characters of what was typed that the question shows


class ConfirmScreen(ModalScreen[bool]):
    """Ask before doing something that cannot be undone (see the module's docstring)."""

    BINDINGS = [
        Binding("escape", "answer(False)", "No", id="confirm.no"),
        Binding("left,right", "other_answer", "Choose", id="confirm.choose"),
    ]
    DEFAULT_CSS = """
    ConfirmScreen { align: center middle; }
    ConfirmScreen > Vertical { width: 60; max-width: 100%; height: auto; padding: 1 2;
                               border: round $error; background: $surface; }
    ConfirmScreen.-warning > Vertical { border: round $warning; }
    ConfirmScreen Horizontal { height: auto; align-horizontal: right; margin-top: 1; }
    ConfirmScreen Button { margin-left: 1; }
    ConfirmScreen #confirm-keys, ConfirmScreen #confirm-typed { color: $text-muted; }
    ConfirmScreen #confirm-typed { margin-top: 1; display: none; }
    ConfirmScreen #confirm-typed.-shown { display: block; }
    """

    def __init__(self, question: str, yes_label: str = "Yes, delete",
                 variant: ButtonVariant = "error") -> None:
        super().__init__()
        self.question = question
        self.yes_label = yes_label
        self.variant = variant
        self.typed: list[events.Key] = []
        self._text_box_behind = False
        self._answered = False
        self._hold: KeyHold | None = None  # the app's key hold while the answer lands

    def compose(self) -> ComposeResult:
        """The question, two buttons and what was typed meanwhile."""
        with Vertical():
            yield Static(plain(self.question))
            yield Static("←/→ choose · enter answers · esc: no", id="confirm-keys")
            yield Static("", id="confirm-typed")
            with Horizontal():
                yield Button(self.yes_label, variant=self.variant, id="yes")
                yield Button("No", id="no")

    def on_mount(self) -> None:
        """Start on the safe answer."""
        self.set_class(self.variant == "warning", "-warning")
        stack = self.app.screen_stack
        behind = stack[-2].focused if len(stack) > 1 and stack[-1] is self else None
        self._text_box_behind = behind is not None and types_text(behind)
        self.query_one("#no", Button).focus()

    async def on_key(self, event: events.Key) -> None:
        """Keep a printable key instead of letting it answer or vanish; once answered, hand
        on a key that was already on its way here (typed after the answer)."""
        if self._answered:
            event.stop()
            event.prevent_default()
            self._pass_on(event)
            return
        if not event.is_printable:
            return
        event.stop()
        event.prevent_default()
        self.typed.append(events.Key(event.key, event.character))
        text = "".join(key.character or "" for key in self.typed)
        shown = text if len(text) <= SHOWN_TYPING else "…" + text[-SHOWN_TYPING:]
        where = ("goes into your text when you answer" if self._text_box_behind
                 else "is not used: no text box behind this question")
        line = self.query_one("#confirm-typed", Static)
        line.update(styled(("Typed meanwhile ", ""), (where, "italic"), (": ", ""),
                           (shown, "bold")))
        line.add_class("-shown")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Answer from the buttons."""
        event.stop()
        self.action_answer(event.button.id == "yes")

    def action_other_answer(self) -> None:
        """Move the cursor to the other button, at once (an enter typed right after it is
        for that button)."""
        no = self.query_one("#no", Button)
        self.set_focus(self.query_one("#yes", Button) if self.focused is no else no)

    def action_answer(self, answer: bool) -> None:
        """Answer; what was typed meanwhile goes on to the text box behind, first in line,
        and so do keys typed after the answer that were already on their way here."""
        if self._answered:
            return
        self._answered = True
        holder = app_key_hold(self)
        if not (self._text_box_behind and holder is not None):
            self.dismiss(answer)
            return
        self._hold = holder.key_hold
        holder.hold_keys()
        for key in self.typed:
            holder.key_hold.hold_early(key)
        self.typed = []
        self.dismiss(answer)
        holder.release_keys()

    def _pass_on(self, event: events.Key) -> None:
        """A key that reached the question after its answer: behind the keys typed before
        it, into the text box behind (dropped when there is none: it would be a command)."""
        if self._hold is None:
            return
        key = events.Key(event.key, event.character)
        if not self._hold.hold_early(key):  # the held keys are out already
            focused = self.app.focused
            if focused is not None:
                forward_key(focused, key.key, key.character)

def types_text(widget: Widget) -> bool:
    """True when a printable key typed on ``widget`` becomes text (a text box, or a widget
    of a typing pane that sends letters on to one)."""
    if isinstance(widget, (Input, TextArea)):
        return True
    return any(isinstance(node, KeyOwner) and node.typing_target(widget) not in (None, widget)
               for node in widget.ancestors)
