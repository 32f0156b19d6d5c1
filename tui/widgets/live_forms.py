"""Small dialogs of the Live pane: a one-line prompt, a referral, ending or reopening a call."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.widget import Widget

from tui.core.live import LiveError
from tui.core.live_flow import MAX_REFERRAL_FIELD, make_referral
from tui.core.models import Referral
from tui.screens.form import FieldError, FormScreen
from tui.widgets.live_note import LineInput


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


class ReferralForm(FormScreen[Referral]):
    """"They mentioned someone": a name, and if known the company and why."""

    title_text = "They mentioned someone"

    def fields(self) -> list[tuple[str, Widget]]:
        """Name, company, why."""
        most = MAX_REFERRAL_FIELD
        return [
            ("Name *", LineInput(id="ref-name", placeholder="who they mentioned", max_chars=most)),
            ("Company", LineInput(id="ref-company", max_chars=most)),
            ("Why", LineInput(id="ref-why", placeholder="why talk to them", max_chars=most)),
        ]

    def collect(self) -> Referral:
        """A pending referral (Reflect turns it into a contact)."""
        try:
            return make_referral(self.value("ref-name"), self.value("ref-company"),
                                 self.value("ref-why"))
        except LiveError as exc:
            field = "ref-name"
            for label, field_id in (("Company", "ref-company"), ("Why", "ref-why")):
                if str(exc).startswith(label):
                    field = field_id
            raise FieldError(field, str(exc)) from None
