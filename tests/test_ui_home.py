"""Pilot tests of the home screen: keys in, widgets and the TinyDB file checked."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList

from tests.uitools import make_app, stored, type_text
from tui.screens.conversation import ConversationScreen
from tui.screens.home import HomeScreen


async def test_new_conversation_from_keyboard_reaches_the_file(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        await type_text(pilot, "[bold]Mallory[/]")
        await pilot.press("tab")
        await type_text(pilot, "Acme")
        for _ in range(5):
            await pilot.press("tab")
        await type_text(pilot, "An intro to the team lead")
        await pilot.press("tab")
        await type_text(pilot, "2026-12-03 14:30")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        listing = app.screen.query_one("#conversation-list", OptionList)
        rows = [str(o.prompt) for o in listing.options]
        assert rows[0].startswith("Upcoming (1)")
        assert "[bold]Mallory[/]" in rows[1]
        app.store.flush()
    contacts = stored(tmp_path, "contacts")
    conversations = stored(tmp_path, "conversations")
    assert [c["name"] for c in contacts] == ["[bold]Mallory[/]"]
    assert conversations[0]["ask"] == "An intro to the team lead"
    assert conversations[0]["status"] == "scheduled"
    assert conversations[0]["scheduled_at"].startswith("2026-12-03T14:30")


async def test_bad_date_keeps_the_form_open_with_a_message(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await type_text(pilot, "Ana")
        for _ in range(7):
            await pilot.press("tab")
        await type_text(pilot, "2026-02-30 10:00")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, HomeScreen)
        error = str(app.screen.query_one(".form-error").render())
        assert "When" in error and "2026-02-30" in error
        assert app.focused is not None and app.focused.id == "v-when"
    assert stored(tmp_path, "conversations") == []


async def test_open_conversation_and_back(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    contact = app.store.contact_for("Ana", "Acme")
    app.store.new_conversation(contact, goal="Learn about platform teams")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)
        assert "Learn about platform teams" in str(app.screen.query_one("#details-body").render())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_delete_conversation_asks_first(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    app.store.new_conversation(app.store.contact_for("Ana"), goal="x")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d")
        await pilot.press("escape")
        await pilot.pause()
        assert len(app.store.conversations()) == 1
        await pilot.press("d")
        await pilot.press("left", "enter")
        await pilot.pause()
        assert app.store.conversations() == []
        app.store.flush()
    assert stored(tmp_path, "conversations") == []


async def test_filter_narrows_the_list(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    for name in ("Ana", "Bob", "Carla"):
        app.store.new_conversation(app.store.contact_for(name))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash")
        await type_text(pilot, "bo")
        await pilot.pause()
        listing = app.screen.query_one("#conversation-list", OptionList)
        assert [o.id for o in listing.options if o.id] == [
            c.id for c in app.store.conversations() if app.store.contact(c.contact_id).name == "Bob"
        ]
        await pilot.press("escape")
        assert app.screen.query_one("#filter", Input).value == ""


async def test_a_held_call_is_listed_by_the_day_it_happened(tmp_path: Path) -> None:
    from tui.core.models import LiveSession

    app = make_app(tmp_path)
    app.store.new_conversation(
        app.store.contact_for("Ana"), status="done", scheduled_at="2030-01-10T10:00:00+00:00",
        live=LiveSession(started_at="2026-11-20T09:00:00+00:00",
                         ended_at="2026-11-20T09:31:00+00:00"))
    running = app.store.new_conversation(
        app.store.contact_for("Bo"), status="scheduled",
        live=LiveSession(started_at="2026-11-23T09:00:00+00:00"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        rows = {o.id: str(o.prompt) for o in
                app.screen.query_one("#conversation-list", OptionList).options if o.id}
        ana = next(text for cid, text in rows.items() if cid != running.id)
        assert "20 Nov" in ana and "2030" not in ana and "prep" not in ana
        assert "call in progress" in rows[running.id]


async def test_files_that_need_the_user_are_listed_on_home(tmp_path: Path) -> None:
    from tui.core.backups import problem_lines
    from tui.core.models import Contact, Conversation
    from tui.widgets.data_status import DataProblems

    app = make_app(tmp_path)
    ana = app.store.save_contact(Contact(name="Ana"))
    app.store.save_conversation(Conversation(contact_id=ana.id, id="c1", goal="kept"))
    app.store.save_conversation(Conversation(contact_id=ana.id, id="c2", goal="damaged"))
    app.store.close()
    (tmp_path / "conversations" / "c2.json").write_bytes(b"{oops")
    copy = tmp_path / "conversations" / "c1.sync-conflict-20261129-101500-ABCDEF7.json"
    copy.write_bytes(b"{}")
    app = make_app(tmp_path)
    lines = problem_lines(app.store)
    async with app.run_test(size=(100, 30)) as pilot:
        app.services.data_problems = lines
        await pilot.pause()
        shown = app.screen.query_one(DataProblems)
        await app.screen.open_conversation("c1")  # the good ones open as usual
        assert app.screen.conversation.goal == "kept"
        await pilot.press("escape")
        app.screen.show_problems(lines)
        text = str(shown.render())
        assert shown.display and "2 files need you" in text
        assert str(tmp_path / "conversations" / "c2.json") in text
        assert str(copy) in text and str(tmp_path / "conversations" / "c1.json") in text
    app.store.close()


async def test_a_long_list_draws_one_line_rows_as_they_show(tmp_path: Path) -> None:
    from bench import synthetic
    from tui.core.store import Store
    from tui.widgets.record_lists import ONE_LINE_FROM, ConversationList, LazyOption

    count = ONE_LINE_FROM + 100
    store = Store.open(tmp_path)
    store.import_data(synthetic.export_document(count))
    store.close()
    app = make_app(tmp_path)
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.pause()
        rows = app.screen.query_one(ConversationList)
        lazy = [o for o in rows.options if isinstance(o, LazyOption)]
        assert len(lazy) == count and rows.has_class("-one-line")
        assert sum(o._make is None for o in lazy) < 40  # only the rows on screen were drawn
        assert rows.virtual_size.height == rows.option_count  # one line each
        await pilot.press("end")
        await pilot.pause()
        assert lazy[-1]._make is None and rows.highlighted == rows.option_count - 1
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)
        assert app.screen.conversation.id == rows.options[-1].id
    app.store.close()


async def test_accepting_a_name_suggestion_links_the_existing_contact(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    app.store.save_contact(app.store.contact_for("Priya Raman", "Northwind", "PM"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        await type_text(pilot, "Priy")
        await pilot.press("right")  # accept the suggestion "Priya Raman"
        await pilot.pause()
        assert app.screen.query_one("#v-name", Input).value == "Priya Raman"
        assert app.screen.query_one("#v-company", Input).value == "Northwind"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        app.store.flush()
    contacts = stored(tmp_path, "contacts")
    assert [(c["name"], c["company"]) for c in contacts] == [("Priya Raman", "Northwind")]
    assert stored(tmp_path, "conversations")[0]["contact_id"] == contacts[0]["id"]


async def test_a_form_typed_in_one_burst_keeps_each_field(tmp_path: Path) -> None:
    from textual.events import Key

    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        keys: list[tuple[str, str | None]] = []
        for part in ("Priya Raman", "\t", "Northwind", "\t", "Head of payments", "\r",
                     "\t", "payments"):
            if part in ("\t", "\r"):
                keys.append(("tab" if part == "\t" else "enter", None))
            else:
                keys.extend(("space" if c == " " else c, c) for c in part)
        for key, char in keys:  # as fast as tmux or a paste sends them
            event = Key(key, char)
            event.set_sender(app)
            app._driver.send_message(event)
        await pilot.pause()
        assert app.screen.query_one("#v-topic", Input).value == "payments"
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.store.flush()
    [contact] = stored(tmp_path, "contacts")
    assert (contact["name"], contact["company"], contact["role"]) == (
        "Priya Raman", "Northwind", "Head of payments")


async def test_ctrl_s_typed_in_the_same_burst_saves_after_the_keys_before_it(
        tmp_path: Path) -> None:
    from textual.events import Key

    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        keys = [("space" if c == " " else c, c) for c in "Priya Raman"]
        keys += [("tab", None)] + [(c, c) for c in "Northwind"] + [("ctrl+s", None)]
        for key, char in keys:  # typed faster than the app handles them
            event = Key(key, char)
            event.set_sender(app)
            app._driver.send_message(event)
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        app.store.flush()
    [contact] = stored(tmp_path, "contacts")
    assert (contact["name"], contact["company"]) == ("Priya Raman", "Northwind")
