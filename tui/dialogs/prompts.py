"""Small dialogs: a one-line prompt, and the call's timing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.widget import Widget

from tui.core.live import MAX_WRAP_UP_MINUTES, LiveError, parse_minutes
from tui.core.models import MAX_MINUTES
from tui.dialogs.form import FieldError, FormScreen
from tui.widgets.text_box import LineInput


class TextPrompt(FormScreen[Any]):
    """One labelled line; enter saves. ``check`` turns the text into the result or raises
    :class:`LiveError` with a message shown under the field."""

    def __init__(self, title: str, label: str, value: str = "", placeholder: str = "",
                 check: Callable[[str], Any] | None = None, max_chars: int = 2_000) -> None:
        super().__init__()
        self.title_text = title
        self.label = label
        self.initial = value
        self.placeholder = placeholder
        self.check = check or (lambda text: text)
        self.max_chars = max_chars

    def fields(self) -> list[tuple[str, Widget]]:
        """The single line."""
        return [(self.label, LineInput(self.initial, id="prompt-value",
                                       placeholder=self.placeholder, max_chars=self.max_chars))]

    def collect(self) -> Any:
        """The checked value."""
        try:
            return self.check(self.value("prompt-value"))
        except LiveError as exc:
            raise FieldError("prompt-value", str(exc)) from None


class TimingForm(FormScreen[tuple[int, int]]):
    """How long this call is planned to last, and how many minutes before its end the pane
    signals wrap-up time (a setting kept for every call; 0 turns it off)."""

    title_text = "Timing"

    def __init__(self, minutes: int, wrap_up: int) -> None:
        super().__init__()
        self.minutes = minutes
        self.wrap_up = wrap_up

    def fields(self) -> list[tuple[str, Widget]]:
        """Planned minutes, wrap-up warning."""
        return [
            ("Planned", LineInput(str(self.minutes), id="timing-minutes", max_chars=10,
                                  placeholder=f"minutes, 1 to {MAX_MINUTES}")),
            ("Wrap-up at", LineInput(str(self.wrap_up), id="timing-wrap", max_chars=10,
                                     placeholder="minutes before the planned end; 0 turns "
                                                 "it off")),
        ]

    def collect(self) -> tuple[int, int]:
        """(planned minutes, wrap-up minutes), each checked."""
        checks = (("timing-minutes", 1, MAX_MINUTES, "Planned length"),
                  ("timing-wrap", 0, MAX_WRAP_UP_MINUTES, "Wrap-up warning"))
        values = []
        for field_id, low, high, what in checks:
            try:
                values.append(parse_minutes(self.value(field_id), low, high, what))
            except LiveError as exc:
                raise FieldError(field_id, str(exc)) from None
        return values[0], values[1]
