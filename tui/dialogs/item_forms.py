"""The forms of one item of a conversation: an action item, a referral, a follow-up entry."""

from __future__ import annotations

from datetime import date

from textual.widget import Widget

from tui.core.dates import DateError, parse_day
from tui.core.live import LiveError
from tui.core.live_flow import MAX_REFERRAL_FIELD, make_referral
from tui.core.models import ActionItem, FollowUp, Referral
from tui.core.safetext import has_visible, invisible_detail
from tui.dialogs.form import FieldError, FormScreen
from tui.widgets.text_box import LineBox, LineInput

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
        if not has_visible(text):
            raise FieldError("a-text", "What needs doing? Give the action a few words"
                                       f"{invisible_detail(text)}.")
        due_text = self.value("a-due")
        self.action.text = text
        self.action.due = _day("a-due", "Due", due_text, self.today).isoformat() \
            if due_text else None
        return self.action


class ReferralForm(FormScreen[Referral]):
    """Add or edit a referral: who, where, and why talk to them (from Live during the call,
    or from Reflect). Dismisses with a pending referral, or the edited one."""

    def __init__(self, referral: Referral | None = None, title: str = "") -> None:
        super().__init__()
        self.referral = referral.copy() if referral else Referral(name="")
        self.title_text = title or ("Edit referral" if referral else "New referral")

    def fields(self) -> list[tuple[str, Widget]]:
        """Name, company and why."""
        r, most = self.referral, MAX_REFERRAL_FIELD
        return [
            ("Name *", LineInput(r.name, id="r-name", placeholder="who they mentioned",
                                 max_chars=most)),
            ("Company", LineInput(r.company, id="r-company", max_chars=most)),
            ("Why", LineInput(r.why, id="r-why", placeholder="e.g. runs the robotics team",
                              max_chars=most)),
        ]

    def collect(self) -> Referral:
        """Validate: a name; each field under the limit (spaces tidied)."""
        try:
            made = make_referral(self.value("r-name"), self.value("r-company"),
                                 self.value("r-why"))
        except LiveError as exc:
            field = "r-name"
            for label, field_id in (("Company", "r-company"), ("Why", "r-why")):
                if str(exc).startswith(label):
                    field = field_id
            raise FieldError(field, str(exc)) from None
        self.referral.name, self.referral.company, self.referral.why = (
            made.name, made.company, made.why)
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
