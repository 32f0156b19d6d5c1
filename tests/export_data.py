"""Fixed conversations for the export tests: ordinary ones and one full of hostile text."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

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

NOW = datetime(2026, 12, 3, 20, 0, tzinfo=timezone.utc)
PROMPTS = ["Key insights", "How this fits my goals", "What surprised me", "Next steps"]
GOLDEN = Path(__file__).parent / "fixtures" / "golden"
HOSTILE_NOTE = (
    "# heading in a note\n\nSome **bold** text and a [link](https://example.org/a).\n\n"
    "---\n\n```python\nprint('never closed')\n\n<script>alert(1)</script>\n<!-- open comment"
)


def people() -> dict[str, Contact]:
    """Priya, Marcus (introduced by Priya) and a contact with hostile text everywhere."""
    priya = Contact(id="c-priya", name="Priya Raman", company="Northwind Health",
                    role="Product manager", email="priya@northwind.example",
                    linkedin="https://www.linkedin.com/in/priya-raman/", tags=["product"],
                    created_at="2026-11-01T09:00:00+00:00")
    marcus = Contact(id="c-marcus", name="Marcus Lee", company="Tidewater Energy",
                     role="Data engineer", introduced_by="c-priya",
                     created_at="2026-11-01T09:00:00+00:00")
    hostile = Contact(id="c-hostile", name="# Zoë [b]x[/b] <script>\u202e",
                      company="- Acme | \"Q\"", role="> `CEO` *of* _all_", email="zoe@acme.example",
                      tags=["yes", "#tag", "a: b"], created_at="2026-11-01T09:00:00+00:00")
    return {c.id: c for c in (priya, marcus, hostile)}


def marcus_chat() -> Conversation:
    """A finished call with every section filled in."""
    return Conversation(
        id="chat-marcus", contact_id="c-marcus", kind="person", status="done",
        goal="Understand a data engineer's week", ask="An intro to the grid analytics team",
        scheduled_at="2026-12-03T14:30:00+01:00", minutes=30, medium="video",
        place="https://meet.example.org/abc",
        outreach=DraftMessage(draft="Hi Marcus,\nPriya suggested I write.", sent_on="2026-11-20"),
        checklist=[ChecklistItem(id="k1", text="Read his posts", section="The person",
                                 done=True, note="Loves Kafka"),
                   ChecklistItem(id="k2", text="Company news", section="The company")],
        research_notes="Tidewater moved to the cloud in 2025.\n\n- point one\n- point two",
        questions=[
            Question(id="q1", text="How did you start?", category="Career path", state="asked",
                     starred=True, note="As an analyst.\nThen pipelines."),
            Question(id="q2", text="Typical week?", category="Day to day", state="skipped"),
            Question(id="q3", text="What surprised you?", state="pending", added_live=True),
        ],
        live=LiveSession(started_at="2026-12-03T14:32:00+01:00",
                         ended_at="2026-12-03T15:04:10+01:00", paused_seconds=70,
                         notes=[LiveNote(id="n2", text="Book: DDIA", at_seconds=1320),
                                LiveNote(id="n1", text="Hiring juniors in spring",
                                         at_seconds=610, question_id="q1")]),
        reflection=Reflection(answers={"next-steps": "Email Priya Raman.",
                                       "key-insights": "On-call is **most** of it.",
                                       "my-own-prompt": "An extra answer."}, rating=4),
        actions=[ActionItem(id="a1", text="Read DDIA ch. 3", due="2026-12-05"),
                 ActionItem(id="a2", text="Send notes", due="2026-12-01", done=True)],
        referrals=[Referral(id="r1", name="Jonas Berg", company="Tidewater",
                            why="runs grid analytics"),
                   Referral(id="r2", name="Priya Raman", contact_id="c-priya")],
        thank_you=DraftMessage(draft="Thank you, Marcus!\n\nIt was great."),
        followups=[FollowUp(id="f1", on="2026-12-10", note="Sent the article")],
        created_at="2026-11-15T10:00:00+00:00", updated_at="2026-12-03T16:00:00+00:00",
    )


def hostile_chat() -> Conversation:
    """Markup-like, YAML-special, right-to-left, emoji and control-character text."""
    return Conversation(
        id="chat-hostile", contact_id="c-hostile", kind="company", status="scheduled",
        topic="[red]Acme[/red]", goal="---\ntitle: injected\n---", ask="# not a heading\x1b[31m",
        scheduled_at="2026-12-08T09:00:00-05:00", minutes=45, medium="phone",
        place="javascript:alert(1)",
        checklist=[ChecklistItem(id="k1", text="1. looks like a list", note="| a | b |")],
        research_notes=HOSTILE_NOTE,
        questions=[Question(id="q1", text="<img src=x onerror=alert(1)>", note=HOSTILE_NOTE),
                   Question(id="q2", text="שלום עולם 🙂 emoji", note="مرحبا\u202ehidden\u2066")],
        reflection=Reflection(answers={"key-insights": "[click](javascript:alert(1))\n"
                                       "![remote](https://tracker.example/pixel.png)\x07"}),
        actions=[ActionItem(id="a1", text="`code` and *stars* and \\ backslash",
                            due="2026-12-09")],
        created_at="2026-11-20T10:00:00+00:00", updated_at="2026-11-21T10:00:00+00:00",
    )


def conversations() -> list[Conversation]:
    """Both fixture conversations."""
    return [marcus_chat(), hostile_chat()]


def check_golden(name: str, text: str) -> None:
    """Compare with ``tests/fixtures/golden/NAME``; COFFEECHAT_UPDATE_GOLDEN=1 rewrites it."""
    path = GOLDEN / name
    if os.environ.get("COFFEECHAT_UPDATE_GOLDEN") == "1":
        path.write_bytes(text.encode("utf-8"))
    expected = path.read_bytes().decode("utf-8")
    assert text == expected, f"{name} differs from the golden file (see {path})"
