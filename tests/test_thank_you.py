"""Drafting the thank-you note and marking it sent (pure core, fixed clock)."""

from __future__ import annotations

from datetime import date, datetime, timezone

from tui.core import content
from tui.core.models import (
    ActionItem,
    Contact,
    Conversation,
    LiveSession,
    Question,
    Reflection,
)
from tui.core.thank_you import (
    draft_thank_you,
    first_name,
    first_sentence,
    mark_sent,
    mid_sentence,
    specific_detail,
    spoken_date,
    unmark_sent,
)

NOW = datetime(2026, 12, 4, 9, 0, tzinfo=timezone.utc)
TEMPLATE = content.load_template(content.THANK_YOU, user_dir=None).value


def ana() -> Contact:
    return Contact(name="Dr. Ana Maria Silva", company="Acme", role="Staff engineer")


def test_first_names_and_sentences() -> None:
    assert first_name("Dr. Ana Maria Silva") == "Ana"
    assert first_name("Prof.") == "Prof."
    assert first_name("") == ""
    assert first_sentence("- Impact first. Then fun!\n- second") == "Impact first"
    assert first_sentence("\n\n1. [x] Ship it\n") == "Ship it"
    assert first_sentence("Ask Dr. Who about e.g. Rust. He said hi.") == \
        "Ask Dr. Who about e.g. Rust"
    assert first_sentence("Version 2.5 ships soon... Maybe.") == "Version 2.5 ships soon"
    assert first_sentence("Why not? Because.") == "Why not"
    assert first_sentence("x" * 500).endswith("…") and len(first_sentence("x" * 500)) == 200
    assert first_sentence("  \n") == ""


def test_mid_sentence_keeps_names_and_acronyms() -> None:
    assert mid_sentence("Started as an analyst") == "started as an analyst"
    for kept in ("API design matters", "McKinsey alumni", "I liked it", "Ana's team", "x", ""):
        assert mid_sentence(kept) == kept


def test_specific_prefers_a_starred_note_then_the_first_insight() -> None:
    c = Conversation(contact_id="a", questions=[
        Question(text="q1", note="Not starred."),
        Question(text="q2", starred=True, note=""),
        Question(text="q3", starred=True, note="Teams pick their own tools. Really."),
    ], reflection=Reflection(answers={"key-insights": "- Mentors matter.\n- Ship small."}))
    assert specific_detail(c) == "Teams pick their own tools"
    c.questions[2].starred = False
    assert specific_detail(c) == "Mentors matter"
    c.reflection.answers = {}
    assert specific_detail(c) == ""


def test_spoken_date_is_a_weekday_within_the_week() -> None:
    today = date(2026, 12, 4)
    assert spoken_date(date(2026, 12, 3), today) == "Thursday"
    assert spoken_date(date(2026, 11, 20), today) == "20 November"
    assert spoken_date(date(2025, 11, 20), today) == "20 November 2025"
    assert spoken_date(None, today) == ""


def test_draft_fills_what_it_knows_and_leaves_the_rest_visible() -> None:
    c = Conversation(
        contact_id="a", status="done",
        live=LiveSession(started_at="2026-12-03T14:30:00+00:00",
                         ended_at="2026-12-03T15:00:00+00:00"),
        reflection=Reflection(answers={"key-insights": "Mentors matter more than titles."}),
        actions=[ActionItem(text="done already", done=True),
                 ActionItem(text="read the book she recommended")],
    )
    text = draft_thank_you(TEMPLATE, c, ana(), "", NOW)
    assert text.startswith("Hi Ana,")
    assert "on Thursday" in text
    assert "most: mentors matter more than titles." in text
    assert "My next step: read the book she recommended." in text
    assert "{my_name}" in text  # not set: stays for the user to fill
    assert draft_thank_you("{company}/{role}/{my_name}", c, ana(), "Jo", NOW) == \
        "Acme/Staff engineer/Jo"


def test_mark_sent_and_undo() -> None:
    c = Conversation(contact_id="a", status="done")
    who = ana()
    who.last_contacted = "2026-11-01"
    mark_sent(c, who, date(2026, 12, 4))
    assert (c.thank_you.sent_on, c.status, who.last_contacted) == (
        "2026-12-04", "thanked", "2026-12-04")
    unmark_sent(c)
    assert (c.thank_you.sent_on, c.status) == (None, "done")


def test_the_draft_reads_as_a_sentence_whatever_the_note_says() -> None:
    for note in ["Started as an analyst; moved over by owning the team's pipelines.",
                 "mentors > titles", "API design reviews are where staff engineers lead",
                 "- Impact first. Then learning."]:
        c = Conversation(contact_id="a", status="done",
                         questions=[Question(text="Q", starred=True, note=note)],
                         actions=[ActionItem(text="Send Jonas my CV")])
        text = draft_thank_you(TEMPLATE, c, ana(), "Jo", NOW)
        line = next(li for li in text.splitlines() if li.startswith("What stayed"))
        assert line.startswith("What stayed with me most: ") and " was " not in line, line
        assert "My next step: send Jonas my CV." in line
