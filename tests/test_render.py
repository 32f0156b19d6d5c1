"""The conversation as Markdown: content, order, inert user text, determinism, golden files."""

from __future__ import annotations

from dataclasses import replace

from export_data import PROMPTS, check_golden, hostile_chat, marcus_chat, people
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from tui.core.md_text import inline, note_block, text_block
from tui.core.models import Contact, Conversation, LiveSession
from tui.core.render import conversation_markdown, format_moment, reflection_prompts

PARSER = MarkdownIt("commonmark")


def render(chat: Conversation, **kwargs: object) -> str:
    known = people()
    return conversation_markdown(chat, known[chat.contact_id], people=known, prompts=PROMPTS,
                                 **kwargs)  # type: ignore[arg-type]


def top_level_headings(text: str) -> list[tuple[str, str]]:
    """(tag, text) of headings outside any block quote or list."""
    tokens = PARSER.parse(text)
    found = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.level == 0:
            found.append((token.tag, tokens[index + 1].content))
    return found


def test_golden_full_conversation() -> None:
    check_golden("marcus.md", render(marcus_chat()))


def test_golden_hostile_conversation() -> None:
    check_golden("hostile.md", render(hostile_chat()))


def test_sections_in_order_and_empty_ones_left_out() -> None:
    sections = [text for tag, text in top_level_headings(render(marcus_chat())) if tag == "h2"]
    assert sections == ["Goal", "The ask", "Outreach", "Prep checklist", "Research notes",
                        "Questions", "Live log", "Reflection", "Action items", "Referrals",
                        "Thank-you", "Follow-ups"]
    bare = Conversation(id="x", contact_id="c-priya", created_at="2026-01-02T10:00:00+00:00")
    text = render(bare)
    assert [t for tag, t in top_level_headings(text) if tag == "h2"] == []
    assert text.startswith("# Priya Raman\n\nProduct manager · Northwind Health\n")


def test_hostile_text_cannot_add_or_remove_sections() -> None:
    headings = top_level_headings(render(hostile_chat()))
    assert [tag for tag, _ in headings].count("h1") == 1
    assert [t for tag, t in headings if tag == "h2"] == [
        "Goal", "The ask", "Prep checklist", "Research notes", "Questions", "Reflection",
        "Action items"]
    # the note's own heading is still there, inside its quote
    tokens = PARSER.parse(render(hostile_chat()))
    quoted = [t for i, t in enumerate(tokens) if t.type == "heading_open" and t.level > 0]
    assert quoted and all(t.tag == "h1" for t in quoted)


def test_no_control_or_bidi_characters_reach_the_output() -> None:
    text = render(hostile_chat())
    assert not any(ord(c) < 32 and c not in "\n" for c in text)
    assert not any(c in text for c in "\x7f\x85\u202e\u2066\x1b\x07")


def test_questions_marks_and_live_log_stamps() -> None:
    text = render(marcus_chat())
    assert "### 1. How did you start?\n\n**Asked** · ★ starred · Career path\n\n> As an" in text
    assert "**Skipped** · Day to day" in text
    assert "**Not asked** · added during the call" in text
    log = text.split("## Live log", 1)[1]
    assert log.index("`10:10` Hiring juniors in spring · under question 1") < \
        log.index("`22:00` Book: DDIA")
    assert "31 min of call time (1 min 10 s paused)" in log
    assert "30 min planned · 31 min actual" in text


def test_reflection_follows_the_prompt_order_then_extra_answers() -> None:
    text = render(marcus_chat())
    reflection = text.split("## Reflection", 1)[1].split("## Action items")[0]
    assert reflection.index("Key insights") < reflection.index("Next steps") < \
        reflection.index("My own prompt")
    assert "**Rating:** 4/5" in reflection
    reordered = conversation_markdown(marcus_chat(), people()["c-marcus"], people=people(),
                                      prompts=["Next steps", "Key insights"])
    assert reordered.index("### Next steps") < reordered.index("### Key insights")


def test_default_prompts_come_from_the_reflection_file() -> None:
    assert reflection_prompts()[:2] == ["Key insights", "How this fits my goals"]


def test_referrals_say_whether_they_became_contacts() -> None:
    text = render(marcus_chat())
    assert "**Jonas Berg** (Tidewater) · runs grid analytics · not a contact yet" in text
    assert "**Priya Raman** · now a contact" in text
    gone = replace(marcus_chat(), referrals=[replace(marcus_chat().referrals[1],
                                                     contact_id="deleted")])
    assert "since deleted" in render(gone)


def test_a_running_call_and_the_draft_note() -> None:
    chat = replace(marcus_chat(), live=LiveSession(started_at="2026-12-03T14:32:00+01:00",
                                                   draft="half typed"))
    text = render(chat)
    assert "call not ended" in text and "- (unsaved quick note) half typed" in text


def test_output_is_deterministic() -> None:
    assert render(marcus_chat()) == render(marcus_chat())
    assert format_moment("2026-12-03T14:30:00-05:30") == "Thu 3 Dec 2026, 14:30 (UTC-05:30)"
    assert format_moment("2026-12-03T14:30:00") == "Thu 3 Dec 2026, 14:30"


def test_redacted_view_hides_people() -> None:
    text = render(marcus_chat(), redact=True)
    for secret in ("Marcus", "Priya", "Raman", "Jonas", "meet.example.org"):
        assert secret not in text
    assert text.startswith("# M. L.\n")
    assert "**Introduced by:** P. R." in text and "**J. B.** (Tidewater)" in text
    assert "> Email P. R." in text
    # the user's own substance stays
    assert "On-call is **most** of it." in text


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=80))
def test_inline_text_is_one_literal_paragraph(text: str) -> None:
    tokens = PARSER.parse(inline(text))
    assert [t.type for t in tokens if t.type.endswith("_open")] in ([], ["paragraph_open"])
    inline_tokens = [t for t in tokens if t.type == "inline"]
    children = [c for t in inline_tokens for c in (t.children or [])]
    assert {c.type for c in children} <= {"text", "softbreak"}


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=120))
def test_a_note_never_leaks_out_of_its_quote(text: str) -> None:
    doc = "## Before\n\n" + note_block(text) + "\n## After\n\n" + text_block(text) + \
        "\n## End\n"
    headings = top_level_headings(doc)
    assert [t for tag, t in headings if tag == "h2"] == ["Before", "After", "End"]


def test_contact_without_a_name_or_fields() -> None:
    text = conversation_markdown(Conversation(contact_id="z", created_at="2026-01-01T00:00:00"),
                                 Contact(name="x", id="z"), prompts=[])
    assert text.startswith("# x\n\n- **Status:** idea")
