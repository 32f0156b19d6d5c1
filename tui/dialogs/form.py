"""A keyboard-first modal form: labelled fields, a clear error line, ctrl+s to save."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from tui.widgets.key_order import KeyOwner
from tui.widgets.text import plain
from tui.widgets.text_box import LineBox
from tui.widgets.textual_patches import forward_key

R = TypeVar("R")


class FieldError(ValueError):
    """A field's value is not acceptable; ``field_id`` says which to focus."""

    def __init__(self, field_id: str, message: str) -> None:
        super().__init__(message)
        self.field_id = field_id


class FormScreen(KeyOwner, ModalScreen[R | None], Generic[R]):
    """Subclasses yield ``(label, widget)`` pairs from ``fields`` and build a result in
    ``collect`` (raising :class:`FieldError`); the form dismisses with it, or None on escape."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", tooltip="Save and close", id="form.save"),
        Binding("escape", "cancel", "Cancel", tooltip="Close without saving", id="form.cancel"),
    ]
    DEFAULT_CSS = """
    FormScreen { align: center middle; }
    FormScreen > Vertical {
        width: 90; max-width: 100%; height: auto; max-height: 100%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    FormScreen .form-title { text-style: bold; padding-bottom: 1; }
    FormScreen VerticalScroll { height: auto; max-height: 1fr; }
    FormScreen Grid { grid-size: 2; grid-columns: 14 1fr; grid-rows: auto; grid-gutter: 0 1;
                      height: auto; }
    FormScreen Grid Label { padding-top: 0; color: $text-muted; }
    FormScreen TextArea { height: 4; }
    FormScreen .form-error { color: $error; height: auto; }
    FormScreen Horizontal { height: auto; align-horizontal: right; }
    FormScreen Button { margin-left: 1; min-width: 10; }
    """

    # Save and cancel run in typing order: a ctrl+s typed right after the last letters saves
    # those letters too (a priority key would overtake the keys still queued).
    ORDERED_ACTIONS = frozenset({"save", "cancel"})

    title_text = "Edit"
    # Keys typed before the form had the cursor (quickly, after the key that opened it): they
    # are typed into the first field once it has the cursor, in order.
    early_keys: list[events.Key] | None = None

    def fields(self) -> list[tuple[str, Widget]]:
        """The labelled widgets, in tab order."""
        raise NotImplementedError

    def collect(self) -> R:
        """Validate the widgets and build the result."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        """Title, the fields in a two-column grid, the error line and the buttons."""
        with Vertical():
            yield Static(plain(self.title_text), classes="form-title")
            with VerticalScroll(), Grid():
                for label, widget in self.fields():
                    yield Label(plain(label))
                    if isinstance(widget, (Input, Select)):
                        widget.compact = True
                    yield widget
            yield Static("", classes="form-error", markup=False)
            with Horizontal():
                yield Button("Save ctrl+s", variant="primary", id="form-save", compact=True)
                yield Button("Cancel esc", id="form-cancel", compact=True)

    def on_mount(self) -> None:
        """Start typing in the first field (with what was typed while the form opened)."""
        fields = self.query(Input)
        if not fields:  # the form was closed (or the app quit) before it was up
            return
        first = fields.first()
        self.set_focus(first)
        early, self.early_keys = self.early_keys or [], None
        for key in early:
            forward_key(first, key.key, key.character)

    def hold_key(self, event: events.Key) -> bool:
        """Keep a key typed before the form is ready; False once it is (type it instead)."""
        if self.is_mounted and self.focused is not None:
            return False
        if self.early_keys is None:
            self.early_keys = []
        self.early_keys.append(events.Key(event.key, event.character))
        return True

    async def on_key(self, event: events.Key) -> None:
        """A key that reaches the form itself arrived before any field had the cursor."""
        if self.focused is None and self.hold_key(event):
            event.stop()
            event.prevent_default()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Save or cancel from the buttons."""
        event.stop()
        if event.button.id == "form-save":
            self.action_save()
        else:
            self.action_cancel()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter moves to the next field; on the last field it saves."""
        event.stop()
        self._entered(event.input)

    def on_line_box_entered(self, request: LineBox.Entered) -> None:
        """The same for the form's own boxes, before any key typed after the enter (those go
        on into the next field)."""
        request.done_here()
        self._entered(request.box)

    def _entered(self, field: Input) -> None:
        inputs = [w for w in self.query(Input) if not w.disabled]
        if inputs and field is inputs[-1]:
            self.action_save()
        else:
            self.focus_next()

    def action_save(self) -> None:
        """Validate and close with the result, or show what is wrong."""
        error = self.query_one(".form-error", Static)
        try:
            result = self.collect()
        except FieldError as exc:
            error.update(plain(str(exc)))
            self.query_one(f"#{exc.field_id}").focus()
            return
        self.dismiss(result)

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)

    def value(self, field_id: str) -> str:
        """The stripped text of an Input or TextArea."""
        widget = self.query_one(f"#{field_id}")
        if isinstance(widget, TextArea):
            return widget.text.strip()
        assert isinstance(widget, Input)
        return widget.value.strip()

    def choice(self, field_id: str) -> Any:
        """The value of a Select (None when blank)."""
        value = self.query_one(f"#{field_id}", Select).value
        return None if value is Select.NULL else value
