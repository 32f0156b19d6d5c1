"""Grouping conversations the way the home screen shows them (upcoming, to plan, past), and
the one status every view shows for a conversation."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from tui.core.dates import format_when
from tui.core.models import STATUS_LABELS
from tui.core.moments import moment, shifted
from tui.core.summary import ConversationLike

FINISHED = ("done", "thanked")
CALL_IN_PROGRESS = "call in progress"


def status_label(conversation: ConversationLike) -> str:
    """The status in words: ``call in progress`` from the call's start to its end (paused
    included), else the stored status (``scheduled``, ``done``...). The title line, the
    lists, the panes and the command line all show this one."""
    if conversation.live.running:
        return CALL_IN_PROGRESS
    return STATUS_LABELS.get(conversation.status, conversation.status)


def when_label(conversation: ConversationLike) -> str:
    """When the call is or was: the moment every list shows (``held_at``: when the call
    started once it has, early or late, else the planned moment), said ``held 3 Dec 14:30``
    once the call is over; ``not scheduled`` with neither."""
    when = conversation.held_at
    if not when:
        return "not scheduled"
    live = conversation.live
    return f"held {format_when(when)}" if live.started_at and not live.running \
        else format_when(when)


@dataclass
class Agenda:
    """Conversations in the three groups, each already in display order."""

    upcoming: list[ConversationLike] = field(default_factory=list)
    to_plan: list[ConversationLike] = field(default_factory=list)
    past: list[ConversationLike] = field(default_factory=list)


def is_past(conversation: ConversationLike, now: datetime) -> bool:
    """Finished, or its planned slot is over."""
    if conversation.status in FINISHED:
        return True
    when = conversation.scheduled
    if when is None or conversation.live.running:
        return False
    return shifted(when, timedelta(minutes=conversation.minutes)) < now


def group(conversations: list[ConversationLike], now: datetime | None = None) -> Agenda:
    """Upcoming (soonest first), to plan (newest idea first), past (newest first)."""
    now = now or datetime.now().astimezone()
    agenda = Agenda()
    for conversation in conversations:
        if is_past(conversation, now):
            agenda.past.append(conversation)
        elif conversation.scheduled is not None:
            agenda.upcoming.append(conversation)
        else:
            agenda.to_plan.append(conversation)
    agenda.upcoming.sort(key=lambda c: c.scheduled or now)
    agenda.to_plan.sort(key=lambda c: c.created_at, reverse=True)
    agenda.past.sort(key=lambda c: moment(c.held_at or c.created_at, None), reverse=True)
    return agenda
