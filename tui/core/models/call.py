"""The call itself: its clock and the notes stamped during it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from tui.core.models.record import MOMENT, Record, new_id
from tui.core.moments import moment


@dataclass
class LiveNote(Record):
    """A free note taken during the call, stamped with seconds since the start."""

    WHAT = "live note"

    text: str
    at_seconds: int = 0
    question_id: str | None = None
    id: str = field(default_factory=new_id)
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False, kw_only=True)

    @property
    def stamp(self) -> str:
        """``mm:ss`` since the start of the call."""
        minutes, seconds = divmod(max(0, self.at_seconds), 60)
        return f"{minutes:02d}:{seconds:02d}"


@dataclass
class LiveSession(Record):
    """The call itself: when it started and ended, pauses, free notes, and the question the
    user was on (``current_question_id``: kept so a restart goes back to it)."""

    WHAT = "live session"

    started_at: str | None = field(default=None, metadata=MOMENT)
    ended_at: str | None = field(default=None, metadata=MOMENT)
    paused_at: str | None = field(default=None, metadata=MOMENT)
    paused_seconds: int = 0
    notes: list[LiveNote] = field(default_factory=list)
    draft: str = ""  # the quick note being typed, kept so a crash cannot lose it
    current_question_id: str | None = None
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False, kw_only=True)

    def elapsed_seconds(self, now: datetime | None = None) -> int:
        """Seconds of call time so far, pauses left out."""
        if not self.started_at:
            return 0
        start = moment(self.started_at, None)
        if self.ended_at:
            end = moment(self.ended_at, None)
        elif self.paused_at:
            end = moment(self.paused_at, None)
        else:
            end = now or datetime.now().astimezone()
        try:
            return max(0, int((end - start).total_seconds()) - self.paused_seconds)
        except OverflowError:  # moments at the calendar's ends, from a hand-edited file
            return 0

    @property
    def running(self) -> bool:
        """Started and not yet ended (paused counts as running)."""
        return bool(self.started_at) and not self.ended_at
