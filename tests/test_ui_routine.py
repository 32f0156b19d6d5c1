"""Pilot tests of the outreach follow-up routine: the Due list's steps, the drafted nudge,
a second person to write to, and "they replied" from the Due list and the Outreach part."""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import OptionList, TabbedContent, TextArea

from tests.reflect_data import fixed_clock
from tests.routine_data import NOW, save_routine_records
from tests.uitools import make_app, stored, type_text
from tui.dialogs.reply_form import ReplyForm
from tui.dialogs.routine_steps import NudgeScreen, SecondContactScreen
from tui.panes.prep import PrepPane
from tui.screens.conversation import ConversationScreen
from tui.widgets.due_list import DueList
from tui.widgets.record_lists import ContactList


def routine_app(tmp_path: Path):  # type: ignore[no-untyped-def]
    app = make_app(tmp_path)
    fixed_clock(app, NOW)
    save_routine_records(app.store)
    return app


def chat_on_disk(tmp_path: Path, chat_id: str) -> dict:
    return next(c for c in stored(tmp_path, "conversations") if c["id"] == chat_id)


def select(due: DueList, kind: str) -> None:
    key = next(k for k, i in due.items.items() if i.kind == kind)
    due.highlighted = due.get_option_index(key)


async def test_nudge_from_the_due_list_is_copied_and_logged(tmp_path: Path) -> None:
    app = routine_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        due = app.screen.query_one(DueList)
        rows = [str(o.prompt) for o in due.options if not o.disabled]
        assert any("no reply from Ana Silva after 8 business days: send one short follow-up"
                   in r for r in rows)
        select(due, "outreach-follow-up")
        await pilot.press("enter")
        assert isinstance(app.screen, NudgeScreen)
        text = app.screen.query_one("#nudge-text", TextArea)
        assert text.read_only and text.text.startswith("Hi Ana,")
        await pilot.press("x", "ctrl+o")  # a stray letter changes nothing
        assert text.text.startswith("Hi Ana,")
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert not isinstance(app.screen, NudgeScreen)
        assert [i.kind for i in due.items.values() if i.conversation_id == "chat-ana"] == \
            ["outreach-second-contact"]
    saved = chat_on_disk(tmp_path, "chat-ana")
    assert [f["on"] for f in saved["followups"]] == ["2026-12-03"]


async def test_they_replied_from_the_due_list_stops_the_routine(tmp_path: Path) -> None:
    app = routine_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        due = app.screen.query_one(DueList)
        select(due, "outreach-second-contact")
        await pilot.press("r")
        assert isinstance(app.screen, ReplyForm)
        await type_text(pilot, "2026-11-20")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ReplyForm)  # before the outreach: refused, said why
        assert "a reply comes after it" in str(app.screen.query_one(".form-error").render())
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "mon")
        await pilot.press("tab", "l", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, ReplyForm)
        assert not [i for i in due.items.values() if i.conversation_id == "chat-ana"]
        await pilot.press("2")
        contacts = app.screen.query_one(ContactList)
        ana = str(contacts.get_option("ana").prompt)
        assert ana.endswith("1 chat  replied slowly")
        assert str(contacts.get_option("dana").prompt).endswith("replied fast")
        assert str(contacts.get_option("carla").prompt).endswith("1 chat")  # waiting: quiet
    outreach = chat_on_disk(tmp_path, "chat-ana")["outreach"]
    assert (outreach["replied_on"], outreach["reply"]) == ("2026-11-30", "later")


async def test_second_person_is_suggested_and_planned(tmp_path: Path) -> None:
    app = routine_app(tmp_path)
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.press("3")
        select(app.screen.query_one(DueList), "outreach-second-contact")
        await pilot.press("enter")
        assert isinstance(app.screen, SecondContactScreen)
        people = app.screen.query_one("#second-list", OptionList)
        prompts = [str(o.prompt) for o in people.options]
        assert prompts[0].startswith("Bob Lee  Engineer · not written to yet")
        assert prompts[1].startswith("Dana Li  replied fast (1 business day)")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)
        assert app.screen.contact.id == "bob"
        assert app.screen.query_one("#panes", TabbedContent).active == "prep"
        assert app.screen.query_one(PrepPane).current == "prep-outreach"
    planned = [c for c in stored(tmp_path, "conversations") if c["contact_id"] == "bob"]
    assert len(planned) == 1
    assert planned[0]["topic"] == "how you moved into robotics research"


async def test_outreach_part_marks_sent_and_replied(tmp_path: Path) -> None:
    app = routine_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        conversations = app.screen.query_one("#conversation-list", OptionList)
        conversations.highlighted = conversations.get_option_index("chat-ana")
        await pilot.press("enter")
        await pilot.pause()
        app.screen.action_pane("prep")
        prep = app.screen.query_one(PrepPane)
        prep.show_part("prep-outreach")
        prep.part().focus_first()
        await pilot.pause()
        status = app.screen.query_one("#outreach-status")
        assert "no reply after 8 business days" in str(status.render())
        await pilot.press("f6")
        assert isinstance(app.screen, ReplyForm)
        await pilot.press("ctrl+s")  # today, yes
        await pilot.pause()
        assert "replied yes on 2026-12-03" in str(status.render())
        await pilot.press("ctrl+s")
    outreach = chat_on_disk(tmp_path, "chat-ana")["outreach"]
    assert (outreach["replied_on"], outreach["reply"]) == ("2026-12-03", "yes")
    assert json.dumps(outreach)  # plain JSON
