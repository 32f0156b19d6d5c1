"""The form for why a company is on the list, and its scores."""

from __future__ import annotations

from textual.widget import Widget

from tui.core.companies import Company
from tui.dialogs.form import FieldError, FormScreen
from tui.widgets.text import one_line
from tui.widgets.text_box import LineBox

MAX_WHY = 2000


def _score(form: FormScreen[Company], field_id: str, label: str) -> int:
    text = form.value(field_id) or "0"
    if text not in ("0", "1", "2", "3"):
        raise FieldError(field_id, f"{label}: a score from 0 to 3.")
    return int(text)


class CompanyForm(FormScreen[Company]):
    """Why it is on the list, motivation (0-3) and relevant openings (0-3)."""

    def __init__(self, company: Company) -> None:
        super().__init__()
        self.company = Company.from_dict(company.to_dict())
        self.title_text = f"{one_line(company.name, 50)}: why and how promising"

    def fields(self) -> list[tuple[str, Widget]]:
        """Why, motivation, openings."""
        c = self.company
        return [
            ("Why", LineBox(c.why, id="co-why", placeholder="why it is on your list")),
            ("Motivation", LineBox(str(c.motivation), id="co-motivation",
                                   placeholder="0-3: how much you want to work there")),
            ("Openings", LineBox(str(c.openings), id="co-openings",
                                 placeholder="0-3: relevant openings there now")),
        ]

    def collect(self) -> Company:
        """Validate the scores and the length of the reason."""
        why = self.value("co-why")
        if len(why) > MAX_WHY:
            raise FieldError("co-why", f"Why: keep it under {MAX_WHY:,} characters.")
        self.company.why = why
        self.company.motivation = _score(self, "co-motivation", "Motivation")
        self.company.openings = _score(self, "co-openings", "Openings")
        return self.company
