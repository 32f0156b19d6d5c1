"""What the lists need of a conversation, without the conversation.

A :class:`ConversationSummary` holds exactly what the home list, ``coffeechat list`` and the
Due list read: who, when, status, the thank-you and outreach dates, checklist progress, open
actions, referrals and follow-up days. It is derived from a conversation's file (and cached,
see :mod:`tui.core.summary_cache`), so the app lists 10,000 conversations without reading them.

It is a distinct, immutable type: the store saves only :class:`~tui.core.models.Conversation`
objects, so a summary can never be written over the full record it was taken from. Code that
works on either (the agenda, what is due) takes a :class:`ConversationLike`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, NamedTuple, Protocol

from tui.core.models import Conversation
from tui.core.moments import moment

SUMMARY_VERSION = 3  # change with the fields below: cached summaries are then rebuilt
# Makes a named tuple from a tuple of exactly its fields without the Python-level __new__
# (the Due list asks for these views tens of thousands of times).
_new = tuple.__new__


class LiveLike(Protocol):
    """The parts of a live session the lists read."""

    @property
    def started_at(self) -> str | None: ...
    @property
    def ended_at(self) -> str | None: ...
    @property
    def running(self) -> bool: ...


class SentLike(Protocol):
    """A message's sent date."""

    @property
    def sent_on(self) -> str | None: ...


class OutreachLike(SentLike, Protocol):
    """The outreach as the follow-up routine and the progress numbers read it."""

    @property
    def sent_at(self) -> str | None: ...
    @property
    def replied_on(self) -> str | None: ...
    @property
    def reply(self) -> str: ...


class ActionLike(Protocol):
    """An action item as the Due list reads it."""

    @property
    def id(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def due(self) -> str | None: ...
    @property
    def done(self) -> bool: ...


class ReferralLike(Protocol):
    """A referral as the Due list reads it."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def company(self) -> str: ...
    @property
    def contact_id(self) -> str | None: ...


class FollowUpLike(Protocol):
    """A follow-up's day."""

    @property
    def on(self) -> str: ...


class ConversationLike(Protocol):
    """A conversation or its summary: everything listing and the Due list need."""

    @property
    def id(self) -> str: ...
    @property
    def contact_id(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def topic(self) -> str: ...
    @property
    def goal(self) -> str: ...
    @property
    def ask(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def scheduled_at(self) -> str | None: ...
    @property
    def minutes(self) -> int: ...
    @property
    def medium(self) -> str: ...
    @property
    def created_at(self) -> str: ...
    @property
    def updated_at(self) -> str: ...
    @property
    def live(self) -> LiveLike: ...
    @property
    def outreach(self) -> OutreachLike: ...
    @property
    def thank_you(self) -> SentLike: ...
    @property
    def actions(self) -> Sequence[ActionLike]: ...
    @property
    def referrals(self) -> Sequence[ReferralLike]: ...
    @property
    def followups(self) -> Sequence[FollowUpLike]: ...
    @property
    def held_at(self) -> str | None: ...
    @property
    def scheduled(self) -> datetime | None: ...
    @property
    def checklist_progress(self) -> tuple[int, int]: ...
    # The same dates by their flat names (fields of a summary: the Due list's fast path).
    @property
    def live_started_at(self) -> str | None: ...
    @property
    def live_ended_at(self) -> str | None: ...
    @property
    def outreach_sent_on(self) -> str | None: ...
    @property
    def outreach_replied_on(self) -> str | None: ...
    @property
    def thank_you_sent_on(self) -> str | None: ...
    @property
    def followup_days(self) -> Sequence[str]: ...


class LiveSummary(NamedTuple):
    """When the call started and ended (and whether it is paused)."""

    started_at: str | None
    ended_at: str | None
    paused_at: str | None

    @property
    def running(self) -> bool:
        """Started and not yet ended (paused counts as running)."""
        return bool(self.started_at) and not self.ended_at


class SentSummary(NamedTuple):
    """The day a message went out."""

    sent_on: str | None


class OutreachSummary(NamedTuple):
    """When the outreach went out and how it was answered."""

    sent_on: str | None
    sent_at: str | None
    replied_on: str | None
    reply: str


class ActionSummary(NamedTuple):
    """An action item that is not done yet."""

    id: str
    text: str
    due: str | None
    done: bool


class ReferralSummary(NamedTuple):
    """Someone this person mentioned."""

    id: str
    name: str
    company: str
    contact_id: str | None


class FollowUpSummary(NamedTuple):
    """The day of a later touch."""

    on: str


class ConversationSummary(NamedTuple):
    """A conversation as the lists see it (see the module docstring).

    Flat, so that a cached one is rebuilt from its JSON list in one step (10,000 of them at
    every start); the nested views (``live``, ``actions``...) are made when asked for.
    """

    id: str
    contact_id: str
    kind: str
    topic: str
    goal: str
    ask: str
    status: str
    scheduled_at: str | None
    minutes: int
    medium: str
    created_at: str
    updated_at: str
    live_started_at: str | None
    live_ended_at: str | None
    live_paused_at: str | None
    outreach_sent_on: str | None
    outreach_sent_at: str | None
    outreach_replied_on: str | None
    outreach_reply: str
    thank_you_sent_on: str | None
    checklist_done: int
    checklist_total: int
    open_actions: Sequence[Sequence[Any]]  # (id, text, due, done) of each action not done
    referral_rows: Sequence[Sequence[Any]]  # (id, name, company, contact_id)
    followup_days: Sequence[str]

    @property
    def live(self) -> LiveSummary:
        """When the call started and ended."""
        return _new(LiveSummary, (self.live_started_at, self.live_ended_at,
                                  self.live_paused_at))

    @property
    def outreach(self) -> OutreachSummary:
        """When the outreach message went out and how it was answered."""
        return _new(OutreachSummary, (self.outreach_sent_on, self.outreach_sent_at,
                                      self.outreach_replied_on, self.outreach_reply))

    @property
    def thank_you(self) -> SentSummary:
        """When the thank-you went out."""
        return _new(SentSummary, (self.thank_you_sent_on,))

    @property
    def actions(self) -> tuple[ActionSummary, ...]:
        """The action items not done yet."""
        return tuple(map(ActionSummary._make, self.open_actions))

    @property
    def referrals(self) -> tuple[ReferralSummary, ...]:
        """The people this person mentioned."""
        return tuple(map(ReferralSummary._make, self.referral_rows))

    @property
    def followups(self) -> tuple[FollowUpSummary, ...]:
        """The days of later touches."""
        return tuple([_new(FollowUpSummary, (day,)) for day in self.followup_days])

    @property
    def held_at(self) -> str | None:
        """When the chat happened (the call's start) or is planned to (the scheduled time):
        the one moment every view shows for it (``tui.core.agenda.when_label`` in words)."""
        return self.live_started_at or self.scheduled_at

    @property
    def scheduled(self) -> datetime | None:
        """The scheduled moment, if any (with a UTC offset, as for a conversation)."""
        return moment(self.scheduled_at, None) if self.scheduled_at else None

    @property
    def checklist_progress(self) -> tuple[int, int]:
        """(done, total) of the prep checklist."""
        return self.checklist_done, self.checklist_total

    def to_json(self) -> list[Any]:
        """A compact JSON form (a list, in field order) for the cache."""
        return [*self[:22], [list(a) for a in self.open_actions],
                [list(r) for r in self.referral_rows], list(self.followup_days)]

    @classmethod
    def from_json(cls, row: list[Any]) -> ConversationSummary:
        """The inverse of :meth:`to_json` (raises ``ValueError``/``TypeError`` for a row of
        another shape: the file is then read again). A refresh that takes the whole cache
        makes its summaries the same way (``_take_all`` in :mod:`tui.core.catalog`)."""
        if len(row) != SUMMARY_FIELDS:
            raise ValueError("a cached summary of another shape")
        return _new(cls, row)


SUMMARY_FIELDS = len(ConversationSummary._fields)  # the length of a cached row


def summarise(conversation: Conversation) -> ConversationSummary:
    """The summary of a (validated) conversation."""
    c = conversation
    done, total = c.checklist_progress
    return ConversationSummary(
        c.id, c.contact_id, c.kind, c.topic, c.goal, c.ask, c.status, c.scheduled_at,
        c.minutes, c.medium, c.created_at, c.updated_at,
        c.live.started_at, c.live.ended_at, c.live.paused_at,
        c.outreach.sent_on, c.outreach.sent_at, c.outreach.replied_on, c.outreach.reply,
        c.thank_you.sent_on, done, total,
        tuple((a.id, a.text, a.due, a.done) for a in c.actions if not a.done),
        tuple((r.id, r.name, r.company, r.contact_id) for r in c.referrals),
        tuple(f.on for f in c.followups),
    )
