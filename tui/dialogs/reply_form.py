"""They replied to the outreach: on which day, and yes, no or later."""

from __future__ import annotations

from datetime import date, timedelta

from textual.widget import Widget

from tui.core.dates import DateError, parse_day
from tui.dialogs.form import FieldError, FormScreen
from tui.widgets.text_box import LineBox

ANSWER_WORDS = {"y": "yes", "yes": "yes", "n": "no", "no": "no", "l": "later",
                "later": "later"}


class ReplyForm(FormScreen[tuple[date, str]]):
    """The day the reply came (blank: today) and the answer (blank: yes); the result is
    ``(day, answer)``, which stops the follow-up routine."""

    def __init__(self, who: str, today: date, sent_on: date | None = None) -> None:
        super().__init__()
        self.today = today
        self.sent_on = sent_on
        self.title_text = f"{who} replied"

    def fields(self) -> list[tuple[str, Widget]]:
        """When and what."""
        return [
            ("Replied on", LineBox(id="r-day",
                                   placeholder="today (or yesterday, mon, 2026-12-05)")),
            ("Answer", LineBox(id="r-answer", placeholder="yes (or no, later: y, n, l)")),
        ]

    def collect(self) -> tuple[date, str]:
        """A day the app understands, not before the outreach went out, and a known answer."""
        try:
            day = parse_day(self.value("r-day") or "today", self.today)
        except DateError as exc:
            raise FieldError("r-day", f"Replied on: {exc}") from None
        if day > self.today and (day - self.today).days <= 7 and \
                self.value("r-day")[:1].isalpha():
            day -= timedelta(days=7)  # "mon" is the Monday just gone: a reply is in the past
        if day > self.today:
            raise FieldError("r-day", "Replied on: that day has not come yet.")
        if self.sent_on is not None and day < self.sent_on:
            raise FieldError("r-day", "Replied on: the outreach went out on "
                                      f"{self.sent_on.isoformat()}; a reply comes after it.")
        answer = ANSWER_WORDS.get(self.value("r-answer").casefold() or "yes")
        if answer is None:
            raise FieldError("r-answer", "Answer: yes, no or later (y, n or l).")
        return day, answer
