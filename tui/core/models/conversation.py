"""A conversation: one informational interview, from the first idea to the thank-you and after."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from tui.core.models.call import LiveSession
from tui.core.models.follow_through import ActionItem, FollowUp, Referral, Reflection
from tui.core.models.preparation import ChecklistItem, DraftMessage, Question
from tui.core.models.record import (
    MOMENT,
    ModelError,
    Record,
    choices,
    new_id,
    now_iso,
)
from tui.core.moments import moment

KINDS = ("person", "industry", "company")
STATUSES = ("idea", "reached_out", "scheduled", "done", "thanked")
STATUS_LABELS = {
    "idea": "idea",
    "reached_out": "reached out",
    "scheduled": "scheduled",
    "done": "done",
    "thanked": "thanked",
}
MEDIUMS = ("video", "phone", "coffee")
DEFAULT_MINUTES = 30
MAX_MINUTES = 600


@dataclass
class Conversation(Record):
    """One informational interview, from the first idea to the thank-you and after."""

    WHAT = "conversation"
    NAMED_BY_ID = True

    contact_id: str
    id: str = field(default_factory=new_id)
    kind: str = field(default="person", metadata=choices(KINDS))
    topic: str = ""
    goal: str = ""
    ask: str = ""
    status: str = field(default="idea", metadata=choices(STATUSES))
    outreach: DraftMessage = field(default_factory=DraftMessage)
    scheduled_at: str | None = field(default=None, metadata=MOMENT)
    minutes: int = DEFAULT_MINUTES
    medium: str = field(default="video", metadata=choices(MEDIUMS))
    place: str = ""
    checklist: list[ChecklistItem] = field(default_factory=list)
    research_notes: str = ""
    questions: list[Question] = field(default_factory=list)
    live: LiveSession = field(default_factory=LiveSession)
    reflection: Reflection = field(default_factory=Reflection)
    actions: list[ActionItem] = field(default_factory=list)
    referrals: list[Referral] = field(default_factory=list)
    thank_you: DraftMessage = field(default_factory=DraftMessage)
    followups: list[FollowUp] = field(default_factory=list)
    created_at: str = field(default_factory=now_iso, metadata=MOMENT)
    updated_at: str = field(default_factory=now_iso, metadata=MOMENT)
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False, kw_only=True)

    def validate(self, where: str) -> None:
        """A contact id, and a planned length from 1 to :data:`MAX_MINUTES` minutes."""
        if not self.contact_id:
            raise ModelError(f"{where}: 'contact_id' is missing")
        if not 1 <= self.minutes <= MAX_MINUTES:
            raise ModelError(f"{where}: 'minutes' must be from 1 to {MAX_MINUTES}")

    @property
    def scheduled(self) -> datetime | None:
        """The scheduled moment, if any (always with a UTC offset: a moment stored without one
        is read in the local zone)."""
        return moment(self.scheduled_at, None) if self.scheduled_at else None

    @property
    def held_at(self) -> str | None:
        """When the chat happened (the call's start) or is planned to (the scheduled time):
        the one moment every view shows for it (``tui.core.agenda.when_label`` in words)."""
        return self.live.started_at or self.scheduled_at

    @property
    def checklist_progress(self) -> tuple[int, int]:
        """(done, total) of the prep checklist."""
        return sum(1 for i in self.checklist if i.done), len(self.checklist)

    # The dates the lists read, by the flat names of a conversation's summary (on which they
    # cost nothing), so code that takes either reads them the same way.

    @property
    def live_started_at(self) -> str | None:
        """When the call started."""
        return self.live.started_at

    @property
    def live_ended_at(self) -> str | None:
        """When the call ended."""
        return self.live.ended_at

    @property
    def outreach_sent_on(self) -> str | None:
        """The day the outreach went out."""
        return self.outreach.sent_on

    @property
    def outreach_replied_on(self) -> str | None:
        """The day they replied to the outreach."""
        return self.outreach.replied_on

    @property
    def thank_you_sent_on(self) -> str | None:
        """The day the thank-you went out."""
        return self.thank_you.sent_on

    @property
    def followup_days(self) -> list[str]:
        """The days of the follow-ups."""
        return [f.on for f in self.followups]

    def question(self, question_id: str) -> Question | None:
        """The question with this id, if present."""
        return next((q for q in self.questions if q.id == question_id), None)
