"""The Prep pane's UI-free logic: checklist, question plan, bank filter, outreach, scheduling."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from tui.core.content import OUTREACH, Section, load_template
from tui.core.models import ChecklistItem, Contact, Conversation, Question
from tui.core.outreach import (
    ScheduleError,
    confirmation,
    countdown,
    draft_outreach,
    draft_values,
    greeting_name,
    length_note,
    mark_sent,
    next_good_send,
    parse_minutes,
    send_time_hint,
    set_schedule,
    unfilled,
    unmark_sent,
)
from tui.core.prep import (
    OWN_CATEGORY,
    PrepError,
    add_checklist_item,
    add_question,
    checklist_from_template,
    checklist_groups,
    edit_question,
    load_prep_content,
    move_question,
    plan_position,
    plan_summary,
    questions_that_fit,
    remove_by_id,
)
from tui.core.question_bank import bank_entries, categories, filter_bank, fuzzy_match

UTC = timezone.utc
TEMPLATE = [
    Section("The person", ["Read their profile", "Trace their path"]),
    Section("The company", ["Read the mission"]),
    Section("The industry", ["List the trends"]),
    Section("Logistics", ["Confirm the time"]),
]


def at(day: str, hour: int = 10, minute: int = 0) -> datetime:
    """A fixed clock: ``day`` is YYYY-MM-DD (2026-11-23 is a Monday)."""
    return datetime.fromisoformat(day).replace(hour=hour, minute=minute, tzinfo=UTC)


# -- checklist ---------------------------------------------------------------------------


@pytest.mark.parametrize(("kind", "first"), [("person", "The person"),
                                             ("company", "The company"),
                                             ("industry", "The industry")])
def test_checklist_puts_the_kind_first(kind: str, first: str) -> None:
    items = checklist_from_template(TEMPLATE, kind)
    assert items[0].section == first
    assert len(items) == 5 and not any(i.done for i in items)
    assert items[-1].section == "Logistics"
    assert len({i.id for i in items}) == 5


def test_groups_follow_the_kind_even_after_it_changes() -> None:
    items = checklist_from_template(TEMPLATE, "person")
    items.append(ChecklistItem(text="Loose end"))
    groups = checklist_groups(items, "industry")
    assert [title for title, _ in groups] == ["The industry", "The company", "The person",
                                              "Logistics", "Other"]
    assert [i.text for i in groups[2][1]] == ["Read their profile", "Trace their path"]


def test_added_item_goes_after_the_highlighted_one_or_at_the_section_end() -> None:
    v = Conversation(contact_id="c", checklist=checklist_from_template(TEMPLATE, "person"))
    first = v.checklist[0]
    added = add_checklist_item(v, "  Find   their talk ", "The person", after_id=first.id)
    assert v.checklist[1] is added and added.text == "Find their talk"
    tail = add_checklist_item(v, "Book a room", "Logistics")
    assert v.checklist[-1] is tail and tail.section == "Logistics"
    with pytest.raises(PrepError, match="Type the item"):
        add_checklist_item(v, "   ", "Logistics")
    with pytest.raises(PrepError, match="keep it under"):
        add_checklist_item(v, "x" * 3000, "Logistics")


def test_remove_returns_what_is_needed_to_put_it_back() -> None:
    items = checklist_from_template(TEMPLATE, "person")
    second = items[1]
    assert remove_by_id(items, second.id) == (1, second)
    assert second not in items
    assert remove_by_id(items, "nope") is None


# -- question plan -----------------------------------------------------------------------


def test_the_same_question_is_not_planned_twice() -> None:
    v = Conversation(contact_id="c")
    add_question(v, "How did you start?", "Career path")
    with pytest.raises(PrepError, match="question 1"):
        add_question(v, "  how DID you   start ", "Career path")
    assert plan_position(v.questions, "HOW did you start?") == 0
    assert add_question(v, "[bold]Mine[/]").category == OWN_CATEGORY


def test_add_after_edit_and_move() -> None:
    v = Conversation(contact_id="c")
    a, b, c = (add_question(v, t) for t in ("A?", "B?", "C?"))
    d = add_question(v, "D?", after_id=a.id)
    assert [q.text for q in v.questions] == ["A?", "D?", "B?", "C?"]
    assert move_question(v.questions, c.id, -1) == 2
    assert move_question(v.questions, a.id, -1) == 0  # already first: stays
    assert move_question(v.questions, a.id, 10) == 3
    assert [q.id for q in v.questions] == [d.id, c.id, b.id, a.id]
    assert move_question(v.questions, "gone", 1) is None
    edit_question(v, b.id, "B, reworded?")
    assert v.question(b.id).text == "B, reworded?"
    with pytest.raises(PrepError, match="question 1"):
        edit_question(v, b.id, "d")


def test_time_hint_at_about_three_minutes_a_question() -> None:
    assert questions_that_fit(30) == 10
    assert questions_that_fit(2) == 1
    assert plan_summary(10, 30) == ("10 questions · room for about 10 in 30 min", False)
    text, over = plan_summary(11, 30)
    assert over and "about 10 fit" in text and "11 questions for 30 min" in text


# -- question bank -----------------------------------------------------------------------


def test_bank_filter_by_category_and_fuzzy_words() -> None:
    entries = bank_entries([Section("Career path", ["Who were your mentors?",
                                                    "What was your hardest transition?"]),
                            Section("Day to day", ["What does a typical day look like?"])])
    assert categories(entries) == ["Career path", "Day to day"]
    assert [m.entry.text for m in filter_bank(entries, "", "Day to day")] == [
        "What does a typical day look like?"]
    found = filter_bank(entries, "mntr")
    assert [m.entry.text for m in found] == ["Who were your mentors?"]
    assert found[0].positions == (14, 16, 17, 19)
    assert [m.entry.text for m in filter_bank(entries, "hard trans")] == [
        "What was your hardest transition?"]
    assert filter_bank(entries, "xyzzy") == []
    # the category name matches too; whole words beat scattered letters
    assert len(filter_bank(entries, "day to")) == 1
    assert fuzzy_match("what", "What was it")[0] > fuzzy_match("wht", "What was it")[0]
    assert fuzzy_match("wst", "What was it") is None  # letters must sit in one word


def test_fuzzy_match_survives_unicode_that_changes_length() -> None:
    score, positions = fuzzy_match("i", "İstanbul trip")
    assert score > 0 and positions == ()


# -- outreach ----------------------------------------------------------------------------


@pytest.mark.parametrize(("moment", "hint"), [
    (at("2026-11-23", 9), True),          # Monday
    (at("2026-11-24", 9), False),         # Tuesday morning
    (at("2026-11-25", 16), False),        # Wednesday afternoon
    (at("2026-11-26", 11, 59), False),    # Thursday before noon
    (at("2026-11-26", 12, 0), True),      # Thursday noon
    (at("2026-11-27", 8), True),          # Friday
    (at("2026-11-28", 10), True),         # Saturday
    (at("2026-11-29", 23), True),         # Sunday
])
def test_send_time_hint_with_a_fixed_clock(moment: datetime, hint: bool) -> None:
    text = send_time_hint(moment)
    assert (text is not None) == hint
    if text:
        assert "Tuesday or Wednesday" in text


def test_next_good_send_is_the_coming_tuesday_or_wednesday_morning() -> None:
    assert next_good_send(at("2026-11-27", 8)) == at("2026-12-01", 9)   # Fri -> Tue
    assert next_good_send(at("2026-11-23", 9)) == at("2026-11-24", 9)   # Mon -> Tue
    assert next_good_send(at("2026-11-24", 10)) == at("2026-11-25", 9)  # Tue late -> Wed
    assert "Tue 01 Dec" in (send_time_hint(at("2026-11-27", 8)) or "")


def test_draft_fills_what_is_known_and_leaves_the_rest_visible() -> None:
    template = load_template(OUTREACH).value
    contact = Contact(name="Dr. Ana Silva", company="Acme")
    v = Conversation(contact_id=contact.id, goal="platform teams", minutes=20)
    values = draft_values(contact, v, {"my_name": "Sam", "who_i_am": ""}, introducer="Bo")
    draft = draft_outreach(template, values)
    assert draft.startswith("Hi Dr. Ana Silva,")
    assert "Bo suggested" in draft and "Sam" in draft and "20 minutes" in draft
    assert unfilled(draft, {"who_i_am", "why_them", "what_i_hope_to_learn", "my_name"}) == [
        "{who_i_am}", "{why_them}"]
    assert "advice on platform teams." in draft  # the goal fills what I hope to learn
    assert greeting_name("ana") == "ana" and greeting_name("  ") == ""


def test_length_note_warns_past_linkedins_300() -> None:
    assert length_note("x" * 300) == ("300 chars · fits a LinkedIn connection note (300 max)",
                                      False)
    text, over = length_note("y" * 301 + "\n")
    assert over and text == "301 chars · 1 over LinkedIn's 300-char note limit"


def test_mark_sent_and_back() -> None:
    v = Conversation(contact_id="c")
    mark_sent(v, date(2026, 11, 24))
    assert (v.outreach.sent_on, v.status) == ("2026-11-24", "reached_out")
    unmark_sent(v)
    assert (v.outreach.sent_on, v.status) == (None, "idea")
    v.status = "scheduled"
    mark_sent(v, date(2026, 11, 24))
    assert v.status == "scheduled"


# -- scheduling --------------------------------------------------------------------------


@pytest.mark.parametrize(("before", "after"), [("idea", "scheduled"),
                                               ("reached_out", "scheduled"),
                                               ("done", "done"), ("thanked", "thanked")])
def test_a_date_makes_it_scheduled(before: str, after: str) -> None:
    v = Conversation(contact_id="c", status=before)
    set_schedule(v, at("2026-12-03", 14, 30))
    assert v.scheduled_at == "2026-12-03T14:30:00+00:00" and v.status == after


def test_clearing_the_date_steps_the_status_back() -> None:
    v = Conversation(contact_id="c", status="idea")
    set_schedule(v, at("2026-12-03"))
    set_schedule(v, None)
    assert (v.scheduled_at, v.status) == (None, "idea")
    v.outreach.sent_on = "2026-11-20"
    set_schedule(v, at("2026-12-03"))
    set_schedule(v, None)
    assert v.status == "reached_out"


@pytest.mark.parametrize("text", ["0", "601", "-5", "abc", "", "3.5"])
def test_bad_minutes_are_refused(text: str) -> None:
    with pytest.raises(ScheduleError, match="1 to 600"):
        parse_minutes(text)


def test_minutes_and_countdown_and_confirmation() -> None:
    assert parse_minutes(" 45 ") == 45
    now = at("2026-11-23", 10)
    assert countdown(now + timedelta(minutes=30), now).text == "in 30 min"
    assert countdown(at("2026-11-24", 9), now).text == "tomorrow"
    assert countdown(at("2026-12-03"), now).text == "in 10 days"
    assert countdown(at("2026-11-21"), now).past
    v = Conversation(contact_id="c", medium="coffee", place="Blue Bottle, 5th Ave", minutes=20)
    assert confirmation(v, at("2026-12-03", 14, 30)) == (
        "Confirming our 20-minute coffee on Thu 3 Dec at 14:30 (UTC) at Blue Bottle, 5th Ave.")


# -- content -----------------------------------------------------------------------------


def test_prep_content_loads_and_a_broken_user_copy_is_named(tmp_path: Path) -> None:
    content, warnings = load_prep_content(tmp_path)
    assert warnings == []
    assert len(content.bank) == 114 and len(categories(content.bank)) == 12
    assert "{my_name}" in content.outreach
    (tmp_path / "checklist.md").write_text("## Me\n\n- one\n  - nested\n", encoding="utf-8")
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "outreach.md").write_text("Hi {nmae}\n", encoding="utf-8")
    content, warnings = load_prep_content(tmp_path)
    assert len(warnings) == 2
    assert "checklist.md:4" in warnings[0] and "nested lists" in warnings[0]
    assert "outreach.md:1" in warnings[1] and "{nmae}" in warnings[1]
    assert content.checklist[0].title == "The person"


def test_prep_core_does_not_import_textual() -> None:
    code = ("import sys, tui.core.prep, tui.core.outreach, tui.core.question_bank; "
            "print('textual' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=Path(__file__).resolve().parent.parent)
    assert out.stdout.strip() == "False"


def test_question_round_trips() -> None:
    q = Question(text="x", category=OWN_CATEGORY)
    assert Question.from_dict(q.to_dict()) == q


def test_the_goal_reads_as_what_i_hope_to_learn() -> None:
    template = load_template(OUTREACH).value
    contact = Contact(name="Priya Raman")
    for goal, reads in [
        ("Understand how a data engineer spends the week.",
         "advice on how a data engineer spends the week."),
        ("How staff engineers pick work", "advice on how staff engineers pick work."),
        ("learn about API design at Stripe", "advice on API design at Stripe."),
        ("Payments at scale!", "advice on payments at scale."),
    ]:
        v = Conversation(contact_id=contact.id, goal=goal)
        draft = draft_outreach(template, draft_values(contact, v, {"my_name": "Sam"}))
        assert reads in draft and "{what_i_hope_to_learn}" not in draft, goal
    no_goal = draft_outreach(template, draft_values(contact, Conversation(contact_id="x"), {}))
    assert "{what_i_hope_to_learn}" in no_goal  # nothing known: left for the user
