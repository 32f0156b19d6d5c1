"""What comes after the call: the reflection, action items, referrals and later touches."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tui.core.models.record import (
    DATE,
    ModelError,
    Record,
    mapping_of_text,
    new_id,
)


@dataclass
class Reflection(Record):
    """Answers to the reflection prompts (keyed by prompt) and a 1-5 rating."""

    WHAT = "reflection"

    answers: dict[str, str] = field(default_factory=dict, metadata=mapping_of_text("prompts"))
    rating: int | None = None
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False, kw_only=True)

    def validate(self, where: str) -> None:
        """A rating, when there is one, from 1 to 5."""
        if self.rating is not None and not 1 <= self.rating <= 5:
            raise ModelError(f"{where}: 'rating' must be from 1 to 5")


@dataclass
class ActionItem(Record):
    """Something the user promised themselves to do after the call."""

    WHAT = "action item"

    text: str
    due: str | None = field(default=None, metadata=DATE)
    done: bool = False
    id: str = field(default_factory=new_id)
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False, kw_only=True)


@dataclass
class Referral(Record):
    """Someone this person mentioned; becomes a contact (``contact_id``) when acted upon."""

    WHAT = "referral"

    name: str
    company: str = ""
    why: str = ""
    contact_id: str | None = None
    id: str = field(default_factory=new_id)
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False, kw_only=True)


@dataclass
class FollowUp(Record):
    """A later touch: reported back, shared news, sent an article."""

    WHAT = "follow-up"

    on: str = field(metadata=DATE)
    note: str = ""
    id: str = field(default_factory=new_id)
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False, kw_only=True)
