"""Pilot tests of the Prep pane: keys in, widgets and the TinyDB file checked."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import ContentSwitcher, Input, OptionList, Static, TextArea

from tests.uitools import make_app, stored, type_text
from tui.app import CoffeechatApp
from tui.core.models import DraftMessage
from tui.core.profile import Profile

MONDAY = datetime(2026, 11, 23, 10, 0, tzinfo=timezone.utc)


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every Prep pane sees Monday 23 Nov 2026, 10:00 UTC."""
    monkeypatch.setattr(CoffeechatApp, "now", lambda self: MONDAY)


def new_app(tmp_path: Path, **fields: Any) -> CoffeechatApp:
    """An app with one conversation with Ana Silva of Acme."""
    app = make_app(tmp_path)
    contact = app.store.contact_for("Ana Silva", "Acme")
    app.store.new_conversation(contact, **fields)
    return app


async def open_prep(pilot: Any, part: str = "1") -> None:
    """Open the only conversation, show Prep, then the part with this number (f3 again moves
    on and puts the cursor where the part's work starts)."""
    await pilot.press("enter", "f3")
    await pilot.pause()
    for _ in range(int(part) - 1):
        await pilot.press("f3")
    await pilot.pause()


def conversation_on_disk(app: CoffeechatApp, tmp_path: Path) -> dict[str, Any]:
    """The one conversation as it reached the file, once the writer thread is done."""
    assert app.store.flush()
    (conversation,) = stored(tmp_path, "conversations")
    return conversation


def text_of(app: CoffeechatApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def toasts(app: CoffeechatApp) -> str:
    return " | ".join(str(n.message) for n in app._notifications)


async def test_checklist_from_template_ticks_notes_and_research_survive(tmp_path: Path) -> None:
    app = new_app(tmp_path, kind="company")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_prep(pilot)
        checklist = app.screen.query_one("#checklist", OptionList)
        assert app.focused is checklist
        assert str(checklist.options[0].prompt).startswith("The company")
        await pilot.press("space", "down", "down", "space", "n")
        await type_text(pilot, "[b]B[/] ü")
        await pilot.press("enter")
        assert app.focused is checklist
        await pilot.press("tab", "tab")
        await type_text(pilot, "# A\nbots")
        await pilot.pause()
        assert "2/29" in text_of(app, "#prep-bar")
    doc = conversation_on_disk(app, tmp_path)
    items = doc["checklist"]
    assert len(items) == 29 and items[0]["section"] == "The company"
    assert [i["done"] for i in items[:3]] == [True, False, True]
    assert items[2]["note"] == "[b]B[/] ü"
    assert doc["research_notes"] == "# A\nbots"

    app.store.close()
    again = make_app(tmp_path)  # a restart shows the same
    async with again.run_test(size=(80, 24)) as pilot:
        await open_prep(pilot)
        prompts = [str(o.prompt) for o in again.screen.query_one("#checklist").options]
        assert prompts[1].startswith("[x] ") and "↳ [b]B[/] ü" in prompts[3]
        assert again.screen.query_one("#research-notes", TextArea).text == "# A\nbots"
    assert len(conversation_on_disk(again, tmp_path)["checklist"]) == 29


async def test_add_remove_and_put_back_checklist_items(tmp_path: Path) -> None:
    app = new_app(tmp_path, kind="person")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_prep(pilot)
        await pilot.press("a")
        await type_text(pilot, "Her talk")
        await pilot.press("enter")
        await pilot.pause()
        checklist = app.screen.query_one("#checklist", OptionList)
        assert str(checklist.highlighted_option.prompt) == "[ ] Her talk"
        await pilot.press("up", "d")
        await pilot.pause()
        assert "Press u to put it back" in toasts(app)
        app.store.flush()
        assert len(app.store.conversations()[0].checklist) in (29, 30)  # may not be saved yet
        await pilot.press("u", "down", "d", "a", "escape")
        await pilot.pause()
        assert app.screen.query_one("#add-row").display is False
    items = conversation_on_disk(app, tmp_path)["checklist"]
    texts = [i["text"] for i in items]
    assert len(items) == 29
    assert "Her talk" not in texts
    assert items[0]["text"].startswith("Read their LinkedIn profile")
    assert all(i["section"] for i in items)


async def test_goal_ask_and_the_question_plan(tmp_path: Path) -> None:
    app = new_app(tmp_path, minutes=6)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_prep(pilot, "2")
        assert app.focused.id == "goal"
        await type_text(pilot, "[b]P[/]")
        await pilot.press("enter")
        await type_text(pilot, "Intro")
        await pilot.press("enter")
        assert app.focused.id == "bank-filter"  # from the ask, the bank is one key away
        await type_text(pilot, "mentr")
        await pilot.press("down")
        assert app.focused.id == "bank"
        await pilot.press("enter", "enter")  # the second time: already planned
        await pilot.pause()
        assert "Already in your plan as question 1." in toasts(app)
        await pilot.press("slash", "escape", "c", "c", "a", "down", "a", "down", "a")
        await pilot.press("w")
        await type_text(pilot, "Mine?")
        await pilot.press("enter", "escape")
        await pilot.pause()
        summary = app.screen.query_one("#plan-summary", Static)
        assert summary.has_class("-over") and "about 2 fit" in str(summary.render())
        assert app.focused.id == "plan"
        await pilot.press("end", "shift+up", "shift+up", "up", "up", "d", "u", "d")
        await pilot.pause()
    doc = conversation_on_disk(app, tmp_path)
    assert doc["goal"] == "[b]P[/]"
    assert doc["ask"] == "Intro"
    plan = [(q["text"], q["category"]) for q in doc["questions"]]
    assert plan == [
        ("What does a typical day or week look like for you?", "Day to day"),
        ("Mine?", "My own"),
        ("How do you divide your time between meetings, focused work and everything else?",
         "Day to day"),
        ("What parts of your job do you enjoy most?", "Day to day"),
    ]


async def test_own_questions_rewording_and_letters_typed_not_bound(tmp_path: Path) -> None:
    app = new_app(tmp_path, goal="x")
    async with app.run_test(size=(100, 30)) as pilot:
        await open_prep(pilot, "2")
        await pilot.press("w")
        await type_text(pilot, "dauecw14[?")  # list keys, typed into a field, are just text
        await pilot.press("enter")
        await type_text(pilot, "B?")
        await pilot.press("enter", "escape")
        assert app.screen.query_one("#prep-parts", ContentSwitcher).current == "prep-questions"
        await pilot.press("e")
        assert app.focused.id == "own-question"
        assert app.screen.query_one("#own-question", Input).value == "B?"
        await pilot.press("ctrl+u")
        await type_text(pilot, "DAUECW14[")
        await pilot.press("enter")
        assert "Already in your plan as question 1." in toasts(app)
        await pilot.press("ctrl+u")
        await type_text(pilot, "B2")
        await pilot.press("enter")
        assert app.focused.id == "plan"
    assert [q["text"] for q in conversation_on_disk(app, tmp_path)["questions"]] == [
        "dauecw14[?", "B2"]


async def test_outreach_draft_about_me_copy_and_mark_sent(tmp_path: Path) -> None:
    app = new_app(tmp_path, goal="platform teams", minutes=20)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_prep(pilot, "3")
        draft = app.screen.query_one("#outreach-draft", TextArea)
        assert app.focused.id == "my-name"  # blank, and the draft uses it
        assert draft.text.startswith("Hi Ana,") and "20 minutes" in draft.text
        assert "Tuesday or Wednesday" in text_of(app, "#outreach-hints")
        assert text_of(app, "#outreach-count").startswith("274 chars · fits a LinkedIn")
        app.screen.query_one("#my-name").focus()
        await type_text(pilot, "Sam")
        await pilot.press("enter")
        await pilot.pause()
        assert "I'm Sam." in draft.text and "{my_name}" not in draft.text
        draft.focus()
        await pilot.press("ctrl+home")
        await type_text(pilot, "Yo ")
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert app.clipboard.startswith("Yo Hi Ana,")
        assert "Copied the draft" in toasts(app)
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert "Sent 2026-11-23" in text_of(app, "#outreach-status")
        assert "Tuesday" not in text_of(app, "#outreach-hints")
    doc = conversation_on_disk(app, tmp_path)
    assert doc["outreach"]["sent_on"] == "2026-11-23"
    assert doc["status"] == "reached_out"
    assert doc["outreach"]["draft"].startswith("Yo Hi Ana,")
    assert stored(tmp_path, "profile")[0]["name"] == "Sam"  # in the data, not the settings
    assert not (tmp_path / "config" / "settings.json").exists()


async def test_about_me_fills_an_older_draft_and_redraft_can_be_undone(tmp_path: Path) -> None:
    app = new_app(tmp_path, outreach=DraftMessage(draft="Dear {name},\nI am {my_name}."))
    app.store.save_profile(Profile(name="Sam"))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_prep(pilot, "3")
        draft = app.screen.query_one("#outreach-draft", TextArea)
        assert draft.text == "Dear {name},\nI am Sam."
        assert app.screen.query_one("#my-name", Input).value == "Sam"
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert draft.text.startswith("Hi Ana,") and "I'm Sam." in draft.text
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert draft.text == "Dear {name},\nI am Sam."
    assert conversation_on_disk(app, tmp_path)["outreach"]["draft"] == "Dear {name},\nI am Sam."


async def test_scheduling_with_a_bad_date_then_a_good_one(tmp_path: Path) -> None:
    app = new_app(tmp_path, status="reached_out")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_prep(pilot, "4")
        assert app.focused.id == "when"
        await type_text(pilot, "2026-02-30 10:00")
        await pilot.press("enter")
        await pilot.pause()
        feedback = app.screen.query_one("#when-feedback", Static)
        assert feedback.has_class("-error")
        assert "February 2026 has 28 days" in str(feedback.render())
        assert app.screen.query_one("#when", Input).value == "2026-02-30 10:00"
        app.store.flush()
        assert app.store.conversations()[0].status == "reached_out"
        await pilot.press("ctrl+u")
        await type_text(pilot, "thu 2pm")
        await pilot.press("enter")
        assert app.focused.id == "minutes"
        assert "Thu 26 Nov 14:00 · in 3 days" in str(feedback.render())
        await pilot.press("ctrl+u", "0")
        await pilot.pause()
        assert "1 to 600" in text_of(app, "#minutes-feedback")
        await pilot.press("backspace", "9", "9", "9", "9")
        await pilot.pause()
        assert "1 to 600" in text_of(app, "#minutes-feedback")
        assert app.screen.conversation.minutes == 30  # 9, 99 and 999 were never stored
        await pilot.press("ctrl+u", "4", "5", "enter")
        assert app.focused.id == "medium"
        await pilot.press("enter")
        overlay = app.screen.query_one("#medium SelectOverlay", OptionList)
        assert overlay.size.height == 3  # every medium on show, not just one row
        await pilot.press("down", "enter", "tab")  # video -> phone
        await type_text(pilot, "[i]5")
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert app.clipboard == ("Confirming our 45-minute phone call on Thu 26 Nov at 14:00 "
                                 "(UTC): [i]5.")
        title = str(app.screen.query_one("#title", Static).render())
        assert "scheduled" in title
    doc = conversation_on_disk(app, tmp_path)
    assert doc["scheduled_at"] == "2026-11-26T14:00:00+00:00"
    assert (doc["status"], doc["minutes"], doc["medium"]) == ("scheduled", 45, "phone")
    assert doc["place"] == "[i]5"


async def test_f3_cycles_the_parts_and_a_broken_user_checklist_is_named(tmp_path: Path) -> None:
    config = tmp_path / "config"
    config.mkdir()
    (config / "checklist.md").write_text("- an item before any heading\n", encoding="utf-8")
    app = new_app(tmp_path)
    async with app.run_test(size=(60, 24)) as pilot:
        await open_prep(pilot)
        message = toasts(app)
        assert "checklist.md:1" in message and "using the shipped checklist.md" in message
        switcher = app.screen.query_one("#prep-parts", ContentSwitcher)
        seen = [switcher.current]
        for _ in range(4):
            await pilot.press("f3")
            seen.append(switcher.current)
        assert seen == ["prep-research", "prep-questions", "prep-outreach", "prep-schedule",
                        "prep-research"]
        await pilot.press("4")
        assert switcher.current == "prep-schedule" and app.focused.id == "prep-bar"
        await pilot.press("left")
        assert switcher.current == "prep-outreach" and app.focused.id == "prep-bar"
        await pilot.press("enter")
        assert app.focused.id == "my-name"
        await pilot.press("escape", "1")
        assert switcher.current == "prep-research" and app.focused.id == "checklist"
        await pilot.press("f2")
        await pilot.pause()
        assert app.screen.query_one("#panes").active == "details"
    assert len(conversation_on_disk(app, tmp_path)["checklist"]) == 29


async def test_a_digit_on_the_medium_dropdown_does_not_switch_part(tmp_path) -> None:
    app = new_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_prep(pilot)
        prep = app.screen.query_one("PrepPane")
        prep.action_part(4)
        await pilot.pause()
        app.screen.query_one("#medium").focus()
        await pilot.press("2")
        await pilot.pause()
        assert prep.current == "prep-schedule"
