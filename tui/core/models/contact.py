"""A contact: a person the user talks to, or might."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tui.core.models.record import DATE, MOMENT, ModelError, Record, new_id, now_iso

HOW_FOUND = ("LinkedIn", "alumni", "friend", "event", "association", "colleague", "other")
DEFAULT_CADENCE_DAYS = 90


@dataclass
class Contact(Record):
    """A person the user talks to, or might."""

    WHAT = "contact"
    NAMED_BY_ID = True

    name: str
    id: str = field(default_factory=new_id)
    company: str = ""
    role: str = ""
    email: str = ""
    linkedin: str = ""
    how_found: str = ""
    introduced_by: str | None = None
    tags: list[str] = field(default_factory=list)
    notes: str = ""
    cadence_days: int | None = DEFAULT_CADENCE_DAYS
    last_contacted: str | None = field(default=None, metadata=DATE)
    created_at: str = field(default_factory=now_iso, metadata=MOMENT)
    connected_on: str | None = field(default=None, metadata=DATE)  # day of the LinkedIn link
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False, kw_only=True)

    def validate(self, where: str) -> None:
        """A name (surrounding spaces dropped), and a positive cadence or none."""
        self.name = self.name.strip()
        if not self.name:
            raise ModelError(f"{where}: a contact needs a name")
        if self.cadence_days is not None and self.cadence_days <= 0:
            raise ModelError(f"{where}: 'cadence_days' must be a positive number of days or none")

    @property
    def label(self) -> str:
        """Name, with the company when there is one."""
        return f"{self.name} ({self.company})" if self.company else self.name
