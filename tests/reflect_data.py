"""Fixed data for the Reflect pane and Due view tests: a call that ended, live captures."""

from __future__ import annotations

from datetime import datetime, timezone

from tui.app import CoffeechatApp
from tui.core.models import (
    ActionItem,
    Contact,
    Conversation,
    DraftMessage,
    FollowUp,
    LiveSession,
    Question,
    Referral,
    Reflection,
)

# 20:00 UTC on the day of the call, which ended 15:02: 19 hours left for the thank-you.
NOW = datetime(2026, 12, 3, 20, 0, tzinfo=timezone.utc)


def fixed_clock(app: CoffeechatApp, now: datetime = NOW) -> None:
    """Make the app's clock stand still at ``now``."""
    app.now = lambda: now  # type: ignore[method-assign]


def call_with_captures(app: CoffeechatApp) -> Conversation:
    """Ana Silva: a finished call with a starred question, a live note and a pending referral."""
    contact = Contact(name="Ana Silva", company="Acme Robotics", role="Staff engineer",
                      id="c0ffee000001", created_at="2026-11-01T09:00:00+00:00")
    conversation = Conversation(
        contact_id=contact.id, id="c0ffee000002", kind="person",
        goal="How staff engineers pick work", ask="An introduction to her manager",
        status="done", scheduled_at="2026-12-03T14:30:00+00:00", place="meet.example/ana",
        created_at="2026-11-02T09:00:00+00:00",
        questions=[
            Question(text="How do you choose what to work on?", state="asked", starred=True,
                     note="Impact on the team first. Then what she can learn."),
            Question(text="What does a normal week look like?", state="asked",
                     note="Mostly reviews and design docs"),
        ],
        live=LiveSession(started_at="2026-12-03T14:31:00+00:00",
                         ended_at="2026-12-03T15:02:00+00:00"),
        referrals=[Referral(name="Bob Lee", company="Acme Robotics",
                            why="runs the robotics hiring")],
    )
    app.store.save_contact(contact)
    return app.store.save_conversation(conversation)


def reflected(app: CoffeechatApp) -> Conversation:
    """The call above, a day later: reflected on, rated, an action, a draft, a follow-up."""
    conversation = call_with_captures(app)
    conversation.reflection = Reflection(rating=4, answers={
        "key-insights": "- Impact first, then learning.\n- Staff work is mostly writing.",
    })
    conversation.actions = [ActionItem(text="Read her design-doc template", due="2026-12-04",
                                       id="a0000003")]
    conversation.thank_you = DraftMessage(draft="Hi Ana,\n\nThank you for taking the time to talk "
                                     "with me on Thursday.\n\nBest,\nJo")
    conversation.followups = [FollowUp(on="2026-12-03", note="Connected on LinkedIn")]
    return app.store.save_conversation(conversation)


def busy_history(app: CoffeechatApp) -> None:
    """More people, for the Due view: an overdue action, a run-out cadence, an idea."""
    call_with_captures(app)
    carla = Contact(name="Carla Diaz", company="Northwind", id="c0ffee000003",
                    last_contacted="2026-08-01", created_at="2026-07-01T09:00:00+00:00")
    app.store.save_contact(carla)
    app.store.save_conversation(Conversation(
        contact_id=carla.id, id="c0ffee000004", status="thanked",
        scheduled_at="2026-07-20T16:00:00+00:00", created_at="2026-07-01T09:00:00+00:00",
        actions=[ActionItem(text="Send Carla the robotics article", due="2026-11-28",
                            id="a0000001"),
                 ActionItem(text="Apply to the Northwind opening", due="2026-12-05",
                            id="a0000002")],
        followups=[FollowUp(on="2026-08-01", note="Shared my portfolio")],
    ))
    dev = Contact(name="Dev Patel", company="Globex", id="c0ffee000005", cadence_days=None,
                  last_contacted="2025-01-01", created_at="2025-01-01T09:00:00+00:00")
    app.store.save_contact(dev)
    app.store.save_conversation(Conversation(contact_id=dev.id, id="c0ffee000006",
                                             status="idea",
                                             created_at="2026-11-20T09:00:00+00:00"))
