"""What is prepared before a call: checklist steps, planned questions, drafted messages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tui.core.models.record import DATE, MOMENT, Record, choices, new_id

QUESTION_STATES = ("pending", "asked", "skipped")
REPLIES = ("", "yes", "no", "later")  # "": no reply marked


@dataclass
class ChecklistItem(Record):
    """One step of the prep checklist."""

    WHAT = "checklist item"

    text: str
    section: str = ""
    id: str = field(default_factory=new_id)
    done: bool = False
    note: str = ""
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False, kw_only=True)


@dataclass
class Question(Record):
    """A planned (or live-added) question; list order is the asking order."""

    WHAT = "question"

    text: str
    category: str = ""
    id: str = field(default_factory=new_id)
    state: str = field(default="pending", metadata=choices(QUESTION_STATES))
    note: str = ""
    starred: bool = False
    added_live: bool = False
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False, kw_only=True)


@dataclass
class DraftMessage(Record):
    """A drafted message (the outreach or the thank-you), when it went out and, for an outreach,
    the reply: the day it came (``replied_on``) and the answer (``reply``: yes, no or later)."""

    WHAT = "message"
    OMIT_UNSET = frozenset({"sent_at", "replied_on", "reply"})

    draft: str = ""
    sent_on: str | None = field(default=None, metadata=DATE)
    sent_at: str | None = field(default=None, metadata=MOMENT)
    replied_on: str | None = field(default=None, metadata=DATE)
    reply: str = field(default="", metadata=choices(REPLIES))
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False, kw_only=True)
