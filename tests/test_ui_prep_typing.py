"""Prep: what someone typing fast into the wrong place gets. Letters typed outside a text box
never open a form or change the call; part keys never type into a text box."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
from textual.widgets import ContentSwitcher, TextArea

from tests.uitools import make_app, stored, type_text
from tui.app import CoffeechatApp
from tui.core.models import DraftMessage
from tui.core.profile import Profile
from tui.screens.conversation import ConversationScreen

MONDAY = datetime(2026, 11, 23, 10, 0, tzinfo=timezone.utc)
PANGRAM = "I'm a backend engineer; the quick brown fox jumps over the lazy dog"


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Monday 23 Nov 2026, 10:00 UTC."""
    monkeypatch.setattr(CoffeechatApp, "now", lambda self: MONDAY)


def priya_app(tmp_path: Path, name: str = "", **fields: object) -> CoffeechatApp:
    """One conversation with Priya Raman, scheduled; ``name``: the user's own, if known."""
    app = make_app(tmp_path)
    contact = app.store.contact_for("Priya Raman", "Northwind")
    app.store.new_conversation(contact, status="scheduled",
                               scheduled_at="2026-11-26T14:00:00+00:00", **fields)
    if name:
        app.store.save_profile(Profile(name=name))
    return app


def unchanged_call(app: CoffeechatApp, tmp_path: Path, status: str = "scheduled") -> dict:
    """Nothing but text changed: same screen, same status, one contact as it was."""
    assert isinstance(app.screen, ConversationScreen)
    assert app.save_everything()
    [contact] = stored(tmp_path, "contacts")
    assert (contact["name"], contact["company"]) == ("Priya Raman", "Northwind")
    [conversation] = stored(tmp_path, "conversations")
    assert conversation["status"] == status
    return conversation


async def test_my_name_goes_into_my_name_not_the_draft(tmp_path: Path) -> None:
    app = priya_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "f3", "f3", "f3")
        assert app.focused.id == "my-name"
        await type_text(pilot, "Alex Kim")
        await pilot.press("enter")
        draft = app.screen.query_one("#outreach-draft", TextArea)
        assert draft.text.startswith("Hi Priya,") and "I'm Alex Kim." in draft.text
        conversation = unchanged_call(app, tmp_path)
    assert conversation["outreach"]["draft"].startswith("Hi Priya,")
    assert stored(tmp_path, "profile")[0]["name"] == "Alex Kim"


async def test_tab_out_of_the_draft_then_a_sentence_is_text_not_commands(
        tmp_path: Path) -> None:
    app = priya_app(tmp_path, name="Alex Kim")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "f3", "f3", "f3")
        draft = app.screen.query_one("#outreach-draft", TextArea)
        assert app.focused is draft
        before = draft.text
        await pilot.press("tab")
        assert app.focused.id == "my-name"  # back to the first field, never the tab strip
        send_fast(app, PANGRAM, "<tab>", PANGRAM)  # typed fast, as a nervous person does
        await pilot.pause()
        await pilot.pause()
        switcher = app.screen.query_one("#prep-parts", ContentSwitcher)
        assert switcher.current == "prep-outreach"
        conversation = unchanged_call(app, tmp_path)
    assert conversation["outreach"]["draft"] == before
    profile = stored(tmp_path, "profile")[0]
    assert (profile["name"], profile["intro"]) == ("Alex Kim" + PANGRAM, PANGRAM)


async def test_part_digits_never_type_into_the_draft(tmp_path: Path) -> None:
    app = priya_app(tmp_path, name="Alex Kim",
                    outreach=DraftMessage(draft="Hi Priya, a note.", sent_on="2026-11-20"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "f3")
        switcher = app.screen.query_one("#prep-parts", ContentSwitcher)
        await pilot.press("3", "4")  # a digit never lands in a text box: the next one switches
        assert switcher.current == "prep-schedule" and app.focused.id == "prep-bar"
        await pilot.press("3", "enter")
        draft = app.screen.query_one("#outreach-draft", TextArea)
        assert app.focused is draft
        await pilot.press("end")
        await type_text(pilot, " 1234")  # in the draft, digits are text
        assert switcher.current == "prep-outreach"
        conversation = unchanged_call(app, tmp_path)
    assert conversation["outreach"] == {"draft": "Hi Priya, a note. 1234",
                                        "sent_on": "2026-11-20"}


async def test_letters_on_the_prep_lists_act_only_on_that_list(tmp_path: Path) -> None:
    app = priya_app(tmp_path, name="Alex Kim", goal="payments")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "f3")
        assert app.focused.id == "checklist"
        await type_text(pilot, "scale of payments")  # a opens the checklist's add line
        assert app.focused.id == "item-new"
        await pilot.press("escape")  # one key undoes it
        assert app.focused.id == "checklist"
        assert not app.screen.query_one("#add-row").display
        await pilot.press("2")
        assert app.focused.id == "bank"
        await type_text(pilot, "scale ceo")  # a adds to the plan, c changes the category
        assert len(app.screen.conversation.questions) == 1
        await pilot.press("u")  # one key takes it back
        assert app.screen.conversation.questions == []
        conversation = unchanged_call(app, tmp_path)
    assert conversation["questions"] == []
    assert len(conversation["checklist"]) == 29


def send_fast(app: CoffeechatApp, *parts: str) -> None:
    """Keys as tmux or a paste sends them: all at once. A part in <angle brackets> is a key
    name, anything else is typed character by character."""
    from textual.events import Key

    for part in parts:
        keys = [(part[1:-1], None)] if part.startswith("<") else [
            ("space" if c == " " else c, c) for c in part]
        for key, char in keys:
            event = Key(key, char)
            event.set_sender(app)
            app._driver.send_message(event)


async def test_goal_ask_and_the_bank_typed_in_one_burst(tmp_path: Path) -> None:
    app = priya_app(tmp_path, name="Alex Kim")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "f3", "f3")
        assert app.focused.id == "goal"
        send_fast(app, "Understand payments", "<enter>", "An intro to risk", "<enter>",
                  "mentor", "<down>", "a", "w", "Why now?", "<enter>")
        await pilot.pause()
        await pilot.pause()
        conversation = unchanged_call(app, tmp_path)
    assert (conversation["goal"], conversation["ask"]) == ("Understand payments",
                                                           "An intro to risk")
    texts = [q["text"] for q in conversation["questions"]]
    assert len(texts) == 2 and "mentor" in texts[0].lower() and texts[1] == "Why now?"
