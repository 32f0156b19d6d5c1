"""Pilot tests of the home screen's Due view and the thank-you marker in the list."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets import OptionList, TabbedContent

from tests.reflect_data import NOW, busy_history, fixed_clock
from tests.uitools import make_app
from tui.core.models import ActionItem
from tui.core.store import Store
from tui.dialogs.record_forms import ContactForm
from tui.screens.conversation import ConversationScreen
from tui.widgets.due_list import DueList


def headings(due: DueList) -> list[str]:
    """The group headings, top to bottom."""
    return [str(o.prompt) for o in due.options if o.disabled]


def heading_of(due: DueList, key: str) -> str:
    """The heading an item is listed under."""
    heading = ""
    for option in due.options:
        if option.disabled:
            heading = str(option.prompt)
        elif option.id == key:
            return heading
    raise AssertionError(f"{key} is not listed")


async def test_due_tab_lists_most_urgent_first_and_opens_items(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    fixed_clock(app)
    busy_history(app)
    async with app.run_test(size=(100, 30)) as pilot:
        chats = app.screen.query_one("#conversation-list", OptionList)
        ana_row = str(chats.get_option("c0ffee000002").prompt)
        assert ana_row.endswith("thank-you due 19h")
        await pilot.press("3")
        tabs = app.screen.query_one(TabbedContent)
        assert tabs.active == "due"
        assert str(tabs.get_tab("due").label) == "Due (5) [3]"
        due = app.screen.query_one(DueList)
        assert app.focused is due
        lines = [str(o.prompt) for o in due.options]
        assert headings(due) == ["Overdue (2)", "Due today (2)", "This week (1)"]
        assert "keep in touch (every 90 days)" in lines[1]
        # A keep-in-touch reminder opens the contact form ...
        await pilot.press("enter")
        assert isinstance(app.screen, ContactForm)
        await pilot.press("escape")
        # ... an action opens its conversation on the Reflect pane.
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)
        assert app.screen.conversation.id == "c0ffee000004"
        assert app.screen.query_one("#panes", TabbedContent).active == "reflect"
        assert app.focused is not None and app.focused.id == "rating"  # the pane's keys work
        await pilot.press("escape")
        await pilot.pause()
        # Back home, the filter narrows the Due list too; d does not delete from it.
        await pilot.press("slash", "B", "o", "b", "enter")
        assert [str(o.prompt).split()[0] for o in due.options if not o.disabled] == ["Bob"]
        await pilot.press("d")
        assert len(app.store.conversations()) == 3


async def test_nothing_due_says_so(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        due = app.screen.query_one(DueList)
        assert str(due.options[0].prompt).startswith("Nothing is due.")
        assert due.current_item is None
        await pilot.press("enter", "e")
        assert not isinstance(app.screen, (ContactForm, ConversationScreen))


async def test_x_deals_with_an_item_without_opening_it(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    fixed_clock(app)
    busy_history(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("x")  # on the conversations tab: nothing happens
        await pilot.press("3", "x")  # Carla's keep-in-touch: logged as a touch today
        due = app.screen.query_one(DueList)
        assert headings(due) == ["Overdue (1)", "Due today (2)", "This week (1)"]
        await pilot.press("space")  # the overdue action: checked off
        await pilot.press("x")  # Bob's referral needs the user: stays
        await pilot.press("down", "x")  # Ana's thank-you: marked sent
        assert [str(o.prompt).split()[0] for o in due.options if not o.disabled] == [
            "Bob", "Carla"]
    app.store.flush()
    disk = Store.open(tmp_path, readonly=True)
    carla_chat = disk.conversation("c0ffee000004")
    assert carla_chat.actions[0].done and not carla_chat.actions[1].done
    assert carla_chat.followups[-1].on == "2026-12-03"
    assert disk.contact("c0ffee000003").last_contacted == "2026-12-03"
    ana_chat = disk.conversation("c0ffee000002")
    assert (ana_chat.status, ana_chat.thank_you.sent_on) == ("thanked", "2026-12-03")


async def test_due_list_follows_the_clock(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    fixed_clock(app)
    busy_history(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3")
        due = app.screen.query_one(DueList)
        assert "thank-you due · 19h left" in str(due.get_option(
            "thank-you:c0ffee000002:c0ffee000001").prompt)
        fixed_clock(app, NOW + timedelta(hours=20))
        app.screen.refresh_lists(reload=False, clock=True)  # what the minute timer does
        row = str(due.get_option("thank-you:c0ffee000002:c0ffee000001").prompt)
        assert "thank-you overdue by 58m" in row
        assert heading_of(due, "thank-you:c0ffee000002:c0ffee000001").startswith("Overdue")


async def test_what_is_due_this_week_has_its_own_heading(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    fixed_clock(app)
    busy_history(app)
    carla_chat = app.store.conversation("c0ffee000004")
    carla_chat.actions.append(ActionItem(text="Send the portfolio", due="2026-12-08",
                                         id="a0000009"))
    carla_chat.actions.append(ActionItem(text="Next month", due="2027-01-08", id="a0000010"))
    app.store.save_conversation(carla_chat)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3")
        due = app.screen.query_one(DueList)
        assert headings(due) == ["Overdue (2)", "Due today (2)", "This week (2)"]
        key = "action:c0ffee000004:a0000009"
        assert heading_of(due, key) == "This week (2)"
        assert "action due Tue 08 Dec: Send the portfolio" in str(due.get_option(key).prompt)
        assert "Next month" not in " ".join(str(o.prompt) for o in due.options)


async def test_what_is_due_is_worked_out_on_a_thread_for_many_conversations(
        tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("tui.widgets.due_list.BACKGROUND_DUE_FROM", 1)
    app = make_app(tmp_path)
    fixed_clock(app)
    busy_history(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3")
        due = app.screen.query_one(DueList)
        tabs = app.screen.query_one(TabbedContent)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert str(tabs.get_tab("due").label) == "Due (5) [3]"
        assert headings(due) == ["Overdue (2)", "Due today (2)", "This week (1)"]
        # the filter applies to the list worked out on the thread
        await pilot.press("slash", *"zzz-nobody")
        await pilot.pause()
        assert [str(o.prompt) for o in due.options] == ["Nothing matches the filter."]
