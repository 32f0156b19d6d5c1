"""A small, hand-made data set for the search tests: every kind of field, accents, filters."""

from __future__ import annotations

from typing import Any

from tui.core.models import (
    ActionItem,
    ChecklistItem,
    Contact,
    Conversation,
    DraftMessage,
    FollowUp,
    LiveNote,
    LiveSession,
    Question,
    Referral,
    Reflection,
)

LONG_NOTE = " ".join(["The team ships weekly and reviews every pipeline change."] * 40)


def contacts() -> list[Contact]:
    """Four people; José has accents, Marcus a long note, Ana two conversations."""
    return [
        Contact(id="jose", name="José García", company="Stripe", role="Payments engineer",
                tags=["fintech", "payments"], email="jose@example.org",
                notes="Met at the Lisbon meetup; likes #mentoring.",
                created_at="2025-01-05T10:00:00+00:00"),
        Contact(id="ana", name="Ana Silva", company="Northwind Health", role="Product manager",
                tags=["health"], created_at="2025-02-01T10:00:00+00:00"),
        Contact(id="marcus", name="Marcus Lee", company="Tidewater Energy", role="Data engineer",
                notes=LONG_NOTE + " Mentions garcia as a surname he likes.",
                created_at="2025-03-01T10:00:00+00:00"),
        Contact(id="zoe", name="Zoë Brontë", company="Goldman Sachs",
                created_at="2025-04-01T10:00:00+00:00"),
    ]


def conversations() -> list[Conversation]:
    """Conversations at different stages, dates and kinds."""
    jose = Conversation(
        id="c-jose", contact_id="jose", kind="company", topic="Stripe", status="done",
        goal="Understand how payments teams handle compliance",
        ask="An introduction to the risk team",
        scheduled_at="2026-03-10T15:00:00+01:00", place="Café Aroma",
        outreach=DraftMessage(draft="Hi José, could we talk about Dublin?"),
        research_notes="Stripe opened a Dublin office.\n\nRead the annual letter.",
        checklist=[ChecklistItem(id="ck1", text="Read his posts on LinkedIn",
                                 section="The person", done=True,
                                 note="He wrote about ledger design")],
        questions=[
            Question(id="q1", text="How did you get into payments?", state="asked",
                     note="Started in support, moved to the ledger team."),
            Question(id="q2", text="What does a typical week look like?", state="skipped"),
            Question(id="q3", text="Who decides on compliance?", state="asked", starred=True,
                     note="Legal has a veto on every launch."),
        ],
        live=LiveSession(started_at="2026-03-10T15:02:00+01:00",
                         ended_at="2026-03-10T15:34:00+01:00",
                         notes=[LiveNote(id="n1", text="Moving to Dublin next spring",
                                         at_seconds=760, question_id="q3")],
                         draft="unsent thought about kestrel"),
        reflection=Reflection(answers={"key-insights": "Compliance shapes the roadmap.",
                                       "what-surprised-me": "How small the ledger team is."},
                              rating=4),
        actions=[ActionItem(id="a1", text="Read the ledger design post", due="2026-03-12")],
        referrals=[Referral(id="r1", name="Priya Raman", company="Monzo",
                            why="runs fraud analytics")],
        thank_you=DraftMessage(draft="Thank you, José, for the ledger tour."),
        followups=[FollowUp(id="f1", on="2026-04-01", note="Sent the article on settlements")],
        created_at="2026-02-20T09:00:00+01:00", updated_at="2026-03-11T09:00:00+01:00",
    )
    ana_old = Conversation(
        id="c-ana-1", contact_id="ana", kind="industry", topic="health tech", status="thanked",
        goal="Learn how health products get regulated",
        scheduled_at="2025-06-02T10:00:00+01:00",
        live=LiveSession(started_at="2025-06-02T10:01:00+01:00",
                         ended_at="2025-06-02T10:30:00+01:00",
                         notes=[LiveNote(id="n2", text="Regulation in Dublin is strict",
                                         at_seconds=95)]),
        created_at="2025-05-20T09:00:00+01:00", updated_at="2025-06-03T09:00:00+01:00",
    )
    ana_new = Conversation(
        id="c-ana-2", contact_id="ana", kind="person", status="scheduled",
        goal="Hear about her move into product",
        scheduled_at="2026-07-01T10:00:00+01:00",
        created_at="2026-06-01T09:00:00+01:00", updated_at="2026-06-01T09:00:00+01:00",
    )
    marcus = Conversation(
        id="c-marcus", contact_id="marcus", kind="person", status="idea",
        goal="Data engineering in energy", research_notes=LONG_NOTE + " Dublin grid.",
        created_at="2026-01-15T09:00:00+01:00", updated_at="2026-01-15T09:00:00+01:00",
    )
    return [jose, ana_old, ana_new, marcus]


def records() -> list[tuple[dict[str, Any] | None, dict[str, Any] | None]]:
    """``(conversation, contact)`` pairs as the index takes them; Zoë has no conversation."""
    people = {c.id: c.to_dict() for c in contacts()}
    pairs: list[tuple[dict[str, Any] | None, dict[str, Any] | None]] = [
        (c.to_dict(), people[c.contact_id]) for c in conversations()]
    pairs.append((None, people["zoe"]))
    return pairs
