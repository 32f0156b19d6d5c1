"""Sample data for ``coffeechat demo``: a small, believable history, dated around today."""

from __future__ import annotations

from datetime import datetime, timedelta

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
from tui.core.profile import Profile
from tui.core.store import Store


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _day(moment: datetime) -> str:
    return moment.date().isoformat()


def demo_records(now: datetime) -> tuple[list[Contact], list[Conversation]]:
    """Four people and four conversations at every stage of the loop."""
    at = now.replace(minute=0, second=0, microsecond=0)
    priya = Contact(name="Priya Raman", company="Northwind Health", role="Product manager",
                    how_found="alumni", tags=["product", "health"],
                    linkedin="https://www.linkedin.com/in/example-priya",
                    last_contacted=_day(at - timedelta(days=120)))
    marcus = Contact(name="Marcus Lee", company="Tidewater Energy", role="Data engineer",
                     how_found="friend", introduced_by=priya.id, tags=["data"])
    sofia = Contact(name="Sofia Alvarez", company="Brightline Studio", role="UX research lead",
                    how_found="event", tags=["design"])
    jonas = Contact(name="Jonas Berg", company="Tidewater Energy", role="Engineering manager",
                    how_found="friend", introduced_by=marcus.id)

    past_start = at - timedelta(hours=5)
    marcus_chat = Conversation(
        contact_id=marcus.id, kind="person", status="done",
        goal="Understand how a data engineer spends the week in the energy sector",
        ask="An introduction to someone on the grid analytics team",
        scheduled_at=_iso(past_start), minutes=30, medium="video", place="video link in invite",
        questions=[
            Question(text="How did you find your way into data engineering?",
                     category="Career path", state="asked", starred=True,
                     note="Started as an analyst; moved over by owning the team's pipelines."),
            Question(text="What does a typical week look like for you?", category="Day to day",
                     state="asked", note="Mostly on-call rotation, pipeline reviews, one "
                     "planning day."),
            Question(text="Which skills matter most that people underestimate?",
                     category="Skills and qualifications", state="skipped"),
            Question(text="How do you test pipelines that feed the forecasting models?",
                     category="Day to day", state="asked", added_live=True,
                     note="Contract tests on every source table. #data-quality"),
        ],
        live=LiveSession(
            started_at=_iso(past_start), ended_at=_iso(past_start + timedelta(minutes=32)),
            notes=[LiveNote(text="Mentions the grid analytics team is hiring juniors next "
                                 "spring #hiring", at_seconds=610),
                   LiveNote(text="Book: Designing Data-Intensive Applications",
                            at_seconds=1320)],
        ),
        reflection=Reflection(answers={
            "key-insights": "On-call and #data-quality are most of the job, not modelling.",
            "how-this-fits-my-goals": "Fits my interest in infrastructure more than I thought.",
        }, rating=4),
        actions=[ActionItem(text="Read chapter 3 of DDIA", due=_day(at + timedelta(days=2))),
                 ActionItem(text="Send Jonas a short note", due=_day(at))],
        referrals=[Referral(name="Jonas Berg", company="Tidewater Energy",
                            why="runs the grid analytics team", contact_id=jonas.id),
                   Referral(name="Amara Okafor", company="Sunfield",
                            why="moved from analytics to ML ops")],
    )
    priya_chat = Conversation(
        contact_id=priya.id, kind="company", status="thanked", topic="Northwind Health",
        goal="How product decisions get made in a regulated company",
        ask="Who else at Northwind I should speak with",
        scheduled_at=_iso(at - timedelta(days=120)), medium="coffee", place="Café Aroma",
        live=LiveSession(started_at=_iso(at - timedelta(days=120)),
                         ended_at=_iso(at - timedelta(days=120, minutes=-28))),
        thank_you=DraftMessage(draft="Thank you, Priya...", sent_on=_day(at - timedelta(days=119))),
        followups=[FollowUp(on=_day(at - timedelta(days=100)),
                            note="Sent the article on clinical trial UX she mentioned")],
        reflection=Reflection(answers={"key-insights": "Compliance shapes the roadmap. "
                                                 "#regulation"},
                              rating=5),
    )
    sofia_chat = Conversation(
        contact_id=sofia.id, kind="person", status="scheduled",
        goal="What a research lead looks for in a first hire",
        ask="Feedback on my portfolio case study",
        scheduled_at=_iso(at + timedelta(days=1, hours=2)), medium="video",
        place="https://meet.example.org/sofia",
        checklist=[ChecklistItem(text="Read her talk on diary studies", section="The person",
                                 done=True, note="Loves mixed methods"),
                   ChecklistItem(text="Skim Brightline's recent case studies",
                                 section="The company")],
        questions=[Question(text="What surprised you most when you became a lead?",
                            category="Career path"),
                   Question(text="How do you judge a junior researcher's portfolio?",
                            category="Skills and qualifications")],
    )
    jonas_chat = Conversation(contact_id=jonas.id, kind="company", status="idea",
                              topic="Tidewater Energy", goal="What the grid analytics team does")
    return [priya, marcus, sofia, jonas], [marcus_chat, priya_chat, sofia_chat, jonas_chat]


DEMO_PROFILE = Profile(name="Sam Rivera",
                       intro="I'm a backend engineer looking at a move into product.")


def load_demo(store: Store, now: datetime | None = None) -> int:
    """Save the demo records (and a demo user's profile) into ``store``; returns how many
    conversations were added."""
    contacts, conversations = demo_records(now or datetime.now().astimezone())
    with store.batch():
        store.save_profile(DEMO_PROFILE)
        for contact in contacts:
            store.save_contact(contact)
        for conversation in conversations:
            store.save_conversation(conversation)
    return len(conversations)
