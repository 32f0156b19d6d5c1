"""Small forms of the Reflect pane: an action item, a referral, a follow-up entry."""

from __future__ import annotations

from datetime import date

from textual.widget import Widget

from tui.core.dates import DateError, parse_day
from tui.core.models import ActionItem, FollowUp, Referral
from tui.screens.form import FieldError, FormScreen
from tui.widgets.text_box import LineBox

MAX_TEXT = 2000
DAY_HINT = "e.g. fri, tomorrow, in 3 days, 2026-12-05"


def _limited(field_id: str, label: str, text: str, limit: int = MAX_TEXT) -> str:
    if len(text) > limit:
        raise FieldError(field_id, f"{label}: that is {len(text):,} characters; "
                                   f"keep it under {limit:,}.")
    return text


def _day(field_id: str, label: str, text: str, today: date) -> date:
    try:
        return parse_day(text, today)
    except DateError as exc:
        raise FieldError(field_id, f"{label}: {exc}") from None


class ActionForm(FormScreen[ActionItem]):
    """Add or edit an action item: what, and an optional due date."""

    def __init__(self, action: ActionItem | None, today: date) -> None:
        super().__init__()
        self.action = action.copy() if action else ActionItem(text="")
        self.today = today
        self.title_text = "Edit action item" if action else "New action item"

    def fields(self) -> list[tuple[str, Widget]]:
        """What and when."""
        return [
            ("What *", LineBox(self.action.text, id="a-text",
                             placeholder="e.g. send Bob my portfolio")),
            ("Due", LineBox(self.action.due or "", id="a-due",
                          placeholder=f"blank for no date; {DAY_HINT}")),
        ]

    def collect(self) -> ActionItem:
        """Validate: some text, and a date the app understands (or none)."""
        text = _limited("a-text", "What", self.value("a-text"))
        if not text:
            raise FieldError("a-text", "What needs doing? Give the action a few words.")
        due_text = self.value("a-due")
        self.action.text = text
        self.action.due = _day("a-due", "Due", due_text, self.today).isoformat() \
            if due_text else None
        return self.action


class ReferralForm(FormScreen[Referral]):
    """Add or edit a referral: who, where, and why talk to them."""

    def __init__(self, referral: Referral | None) -> None:
        super().__init__()
        self.referral = referral.copy() if referral else Referral(name="")
        self.title_text = "Edit referral" if referral else "New referral"

    def fields(self) -> list[tuple[str, Widget]]:
        """Name, company and why."""
        r = self.referral
        return [
            ("Name *", LineBox(r.name, id="r-name", placeholder="who they suggested")),
            ("Company", LineBox(r.company, id="r-company")),
            ("Why", LineBox(r.why, id="r-why", placeholder="e.g. runs the robotics team")),
        ]

    def collect(self) -> Referral:
        """Validate: a name."""
        name = _limited("r-name", "Name", self.value("r-name"), 200)
        if not name:
            raise FieldError("r-name", "Who did they suggest? Give a name.")
        self.referral.name = name
        self.referral.company = _limited("r-company", "Company", self.value("r-company"), 200)
        self.referral.why = _limited("r-why", "Why", self.value("r-why"))
        return self.referral


class FollowUpForm(FormScreen[FollowUp]):
    """Log a later touch: when, and a note of what it was."""

    def __init__(self, entry: FollowUp | None, today: date) -> None:
        super().__init__()
        self.entry = entry.copy() if entry else FollowUp(on=today.isoformat())
        self.today = today
        self.title_text = "Edit follow-up" if entry else "Log a follow-up"

    def fields(self) -> list[tuple[str, Widget]]:
        """Note first (the date is usually today), then the date."""
        return [
            ("Note", LineBox(self.entry.note, id="f-note",
                           placeholder="e.g. shared the article on robotics hiring")),
            ("On *", LineBox(self.entry.on, id="f-on", placeholder=f"today; {DAY_HINT}")),
        ]

    def collect(self) -> FollowUp:
        """Validate: a real date, not in the future."""
        day = _day("f-on", "On", self.value("f-on") or "today", self.today)
        if day > self.today:
            raise FieldError("f-on", f"On: {day.isoformat()} is in the future; log a touch "
                                     "once it has happened (plan it as an action instead).")
        self.entry.on = day.isoformat()
        self.entry.note = _limited("f-note", "Note", self.value("f-note"))
        return self.entry
