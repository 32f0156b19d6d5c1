"""Pilot tests of the Reflect pane: keys in, widgets and the TinyDB file checked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Static, TextArea

from tests.reflect_data import call_with_captures, fixed_clock
from tests.uitools import make_app, stored, type_text
from tui.app import CoffeechatApp
from tui.core.profile import Profile
from tui.dialogs.item_forms import ActionForm
from tui.panes.reflect.item_lists import ActionList, FollowUpList, ReferralList
from tui.panes.reflect.reflection import AnswerArea, RatingBar
from tui.screens.conversation import ConversationScreen


def reflect_app(tmp_path: Path) -> CoffeechatApp:
    app = make_app(tmp_path)
    fixed_clock(app)
    call_with_captures(app)
    return app


async def open_reflect(pilot: Any) -> None:
    await pilot.press("enter", "f5")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ConversationScreen)


def text_of(app: CoffeechatApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def saved_chat(tmp_path: Path, app: CoffeechatApp) -> dict[str, Any]:
    """The conversation as it is in the file, once every pending edit is written."""
    assert app.save_everything()
    return stored(tmp_path, "conversations")[0]


def rows(widget: Any) -> list[str]:
    return [str(o.prompt) for o in widget.options]


async def test_prompts_rating_and_typing_reach_the_file(tmp_path: Path) -> None:
    app = reflect_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_reflect(pilot)
        assert isinstance(app.focused, RatingBar)  # the pane's keys work straight away
        hints = [str(s.render()) for s in app.screen.query(".prompt-hint")]
        assert hints[0].startswith("Write down the two or three most useful things")
        await pilot.press("4")
        assert "★★★★☆ 4/5" in str(app.screen.query_one(RatingBar).render())
        await pilot.press("ctrl+down")
        assert isinstance(app.focused, AnswerArea) and app.focused.key == "key-insights"
        # Letters that are list keys (a, d, u, x) type into the field, not act.
        await type_text(pilot, "adux [b]x[/] ü")
        await pilot.press("tab")
        await type_text(pilot, "fits")
        assert isinstance(app.screen, ConversationScreen)
        assert not app.screen.query(ActionForm)
        await pilot.press("escape")  # leaves the field, stays in the conversation
        assert isinstance(app.focused, RatingBar)
        await pilot.press("right", "right")
        assert app.screen.query_one(RatingBar).rating == 5
        await pilot.press("0")
    chat = saved_chat(tmp_path, app)
    assert chat["reflection"]["answers"] == {
        "key-insights": "adux [b]x[/] ü",
        "how-this-fits-my-goals": "fits",
    }
    assert chat["reflection"]["rating"] is None


async def test_own_reflection_prompts_override_the_shipped_ones(tmp_path: Path) -> None:
    config = tmp_path / "config"
    config.mkdir()
    (config / "reflection.md").write_text("## What I'll do Monday\n\nOne thing.\n")
    app = reflect_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_reflect(pilot)
        areas = list(app.screen.query(AnswerArea))
        assert [a.key for a in areas] == ["what-i-ll-do-monday"]
        await pilot.press("ctrl+down")
        await type_text(pilot, "Bob")
    assert saved_chat(tmp_path, app)["reflection"]["answers"] == {
        "what-i-ll-do-monday": "Bob"}


async def test_actions_add_with_bad_date_then_good_toggle_edit_delete(tmp_path: Path) -> None:
    app = reflect_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_reflect(pilot)
        await pilot.press("ctrl+down", "ctrl+down")
        assert app.focused is app.screen.query_one(ActionList)
        await pilot.press("a")
        await type_text(pilot, "[b]CV")
        await pilot.press("tab")
        await type_text(pilot, "2026-02-30")
        await pilot.press("enter")
        assert isinstance(app.screen, ActionForm)
        error = text_of(app, ".form-error")
        assert "Due:" in error and "2026-02-30" in error and "not a real date" in error
        await pilot.press("ctrl+u")
        await type_text(pilot, "fri")
        await pilot.press("enter")
        assert isinstance(app.screen, ConversationScreen)
        listing = app.screen.query_one(ActionList)
        assert app.focused is listing
        assert rows(listing) == ["○ [b]CV  due Fri 04 Dec"]
        assert "1 open action" in text_of(app, "#reflect-status")
        assert saved_chat(tmp_path, app)["actions"][0]["due"] == "2026-12-04"
        await pilot.press("space")
        assert rows(listing)[0].startswith("✓ ")
        await pilot.press("enter")
        await pilot.press("ctrl+u")
        await type_text(pilot, "CV2")
        await pilot.press("tab", "ctrl+u", "ctrl+s")
        assert rows(listing) == ["✓ CV2"]
        await pilot.press("a")
        await type_text(pilot, "Read")
        await pilot.press("enter", "enter")
        await pilot.press("up", "d")
        assert rows(listing) == ["○ Read"]
        await pilot.press("u")  # puts it back where it was
        assert rows(listing) == ["✓ CV2", "○ Read"]
        await pilot.press("up", "d")
    actions = saved_chat(tmp_path, app)["actions"]
    assert [(a["text"], a["due"], a["done"]) for a in actions] == [("Read", None, False)]


async def test_referrals_added_and_promoted_in_one_step(tmp_path: Path) -> None:
    app = reflect_app(tmp_path)
    carla = app.store.save_contact(app.store.contact_for("Carla Diaz", "Northwind"))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_reflect(pilot)
        listing = app.screen.query_one(ReferralList)
        assert rows(listing) == ["Bob Lee · Acme Robotics  runs the robotics hiring  pending"]
        await pilot.press("ctrl+up", "ctrl+up", "ctrl+up")
        assert app.focused is listing
        await pilot.press("a")
        await type_text(pilot, "carla diaz")
        await pilot.press("enter")
        await type_text(pilot, "northwind")
        await pilot.press("enter", "enter")
        assert "2 pending referrals" in text_of(app, "#reflect-status")
        await pilot.press("f7")
        await pilot.pause()
        assert all(r.endswith("✓ contact") for r in rows(app.screen.query_one(ReferralList)))
        assert "pending" not in text_of(app, "#reflect-status")
        assert any("Bob Lee and Carla Diaz are contacts now" in n.message
                   for n in app._notifications)
        await pilot.press("f7")  # nothing left: says so, changes nothing
    contacts = {c["name"]: c for c in stored(tmp_path, "contacts")}
    assert sorted(contacts) == ["Ana Silva", "Bob Lee", "Carla Diaz"]  # Carla reused
    assert contacts["Bob Lee"]["introduced_by"] == "c0ffee000001"
    assert contacts["Carla Diaz"]["introduced_by"] == "c0ffee000001"
    chats = {c["contact_id"]: c for c in stored(tmp_path, "conversations")}
    assert chats[contacts["Bob Lee"]["id"]]["status"] == "idea"
    assert chats[carla.id]["status"] == "idea"
    referrals = chats["c0ffee000001"]["referrals"]
    assert [r["contact_id"] for r in referrals] == [contacts["Bob Lee"]["id"], carla.id]


async def test_thank_you_draft_copy_and_mark_sent(tmp_path: Path) -> None:
    app = reflect_app(tmp_path)
    app.store.save_profile(Profile(name="Jo Park"))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_reflect(pilot)
        assert text_of(app, "#thank-you-status") == "Thank-you due · 19h left"
        await pilot.press("ctrl+up", "ctrl+up", "ctrl+r")
        draft = app.screen.query_one("#thank-you-draft", TextArea)
        assert app.focused is draft
        assert draft.text.startswith("Hi Ana,\n\nThank you for taking the time to talk with me "
                                     "on Thursday.")
        assert "most: impact on the team first." in draft.text
        assert "{next_step}" in draft.text and draft.text.rstrip().endswith("Jo Park")
        await pilot.press("end")
        await type_text(pilot, " :)")
        await pilot.press("f6")
        assert app.clipboard == draft.text and draft.text.startswith("Hi Ana, :)\n")
        await pilot.press("ctrl+r", "escape")  # would replace edits: asks, and no keeps them
        assert draft.text.startswith("Hi Ana, :)\n")
        await pilot.press("ctrl+t")
        assert text_of(app, "#thank-you-status").startswith("Thank-you sent Thu 03 Dec")
        assert "Thank-you sent" in text_of(app, "#reflect-status")
    chat = saved_chat(tmp_path, app)
    assert chat["thank_you"]["draft"].startswith("Hi Ana, :)\n")
    assert (chat["thank_you"]["sent_on"], chat["status"]) == ("2026-12-03", "thanked")
    assert stored(tmp_path, "contacts")[0]["last_contacted"] == "2026-12-03"


async def test_follow_up_log_restarts_the_clock(tmp_path: Path) -> None:
    app = reflect_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_reflect(pilot)
        await pilot.press("ctrl+up")
        assert app.focused is app.screen.query_one(FollowUpList)
        await pilot.press("a")
        await type_text(pilot, "Article")
        await pilot.press("enter", "ctrl+u")
        await type_text(pilot, "+9")
        await pilot.press("enter")
        assert "in the future" in text_of(app, ".form-error")
        await pilot.press("ctrl+u")
        await type_text(pilot, "2026-12-01")
        await pilot.press("enter")
        listing = app.screen.query_one(FollowUpList)
        assert rows(listing) == ["Tue 01 Dec  Article"]
    chat = saved_chat(tmp_path, app)
    assert [(f["on"], f["note"]) for f in chat["followups"]] == [("2026-12-01", "Article")]
    assert stored(tmp_path, "contacts")[0]["last_contacted"] == "2026-12-01"


async def test_editor_round_trip_and_failures(tmp_path: Path, monkeypatch: Any) -> None:
    editor = tmp_path / "fake-editor"
    editor.write_text('#!/bin/sh\nprintf "\\n- from the editor\\n" >> "$1"\n')
    editor.chmod(0o755)
    monkeypatch.setenv("VISUAL", str(editor))
    app = reflect_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_reflect(pilot)
        await pilot.press("ctrl+o")  # not in a text field: a message, nothing else
        await pilot.press("ctrl+down")
        await type_text(pilot, "ty")
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert app.focused.text == "ty\n- from the editor"  # type: ignore[union-attr]
        monkeypatch.setenv("VISUAL", str(tmp_path / "missing-editor"))
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert app.focused.text == "ty\n- from the editor"  # type: ignore[union-attr]
        assert any("missing-editor" in n.message and "was not found" in n.message
                   for n in app._notifications)
    chat = saved_chat(tmp_path, app)
    assert chat["reflection"]["answers"]["key-insights"] == "ty\n- from the editor"
