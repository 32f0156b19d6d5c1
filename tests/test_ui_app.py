"""Pilot tests of app-wide behaviour: help, palette, theme memory, contacts, refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import OptionList

from tests.uitools import make_app, stored, type_text
from tui.app_run import run_app
from tui.core.settings import load_settings
from tui.core.store import Store
from tui.dialogs.help import HelpScreen
from tui.screens.home import HomeScreen


async def test_f1_lists_the_keys_of_the_screen(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = "\n".join(str(s.render()) for s in app.screen.query("Static"))
        assert "New chat" in text and "Delete" in text and "Filter" in text
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_theme_choice_is_remembered(tmp_path: Path) -> None:
    config = tmp_path / "config"
    app = make_app(tmp_path / "data", config)
    async with app.run_test() as pilot:
        app.theme = "gruvbox"
        await pilot.pause()
    assert load_settings(config)["theme"] == "gruvbox"
    again = make_app(tmp_path / "data2", config)
    async with again.run_test() as pilot:
        await pilot.pause()
        assert again.theme == "gruvbox"


async def test_palette_offers_the_apps_own_commands(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "New conversation" in titles and "Add contact" in titles
        await pilot.press("ctrl+p")
        await type_text(pilot, "add contact")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#c-name") is not None


async def test_contact_with_markup_like_name_is_shown_literally(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.press("2", "a")
        await type_text(pilot, "[/] [bold]Mallory[/]")
        await pilot.press("tab")
        await type_text(pilot, "[red]Evil Corp")
        await pilot.press("ctrl+s")
        await pilot.pause()
        listing = app.screen.query_one("#contact-list", OptionList)
        assert "[/] [bold]Mallory[/]" in str(listing.options[0].prompt)
        assert "[red]Evil Corp" in str(listing.options[0].prompt)
        app.store.flush()
    assert stored(tmp_path, "contacts")[0]["name"] == "[/] [bold]Mallory[/]"


async def test_contact_form_rejects_bad_email_and_cadence(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        await type_text(pilot, "Ana")
        await pilot.press("tab", "tab", "tab")
        await type_text(pilot, "not-an-email")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "does not look like an email" in str(app.screen.query_one(".form-error").render())
        assert app.focused is not None and app.focused.id == "c-email"
        app.screen.query_one("#c-email").value = "ana@example.com"
        app.screen.query_one("#c-cadence").value = "-3"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Keep in touch" in str(app.screen.query_one(".form-error").render())
        app.screen.query_one("#c-cadence").value = ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        app.store.flush()
    saved = stored(tmp_path, "contacts")[0]
    assert saved["email"] == "ana@example.com" and saved["cadence_days"] is None


async def test_quit_writes_pending_edits(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    contact = app.store.contact_for("Ana")
    conversation = app.store.new_conversation(contact)
    async with app.run_test() as pilot:
        conversation.goal = "typed just before quitting"
        app.autosaver.schedule(conversation)
        await pilot.press("ctrl+q")
    assert stored(tmp_path, "conversations")[0]["goal"] == "typed just before quitting"


def test_app_refuses_a_second_instance(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = Store.open(tmp_path)
    try:
        assert run_app(tmp_path) == 3
    finally:
        first.close()
    assert "already open" in capsys.readouterr().err


def test_app_refuses_a_damaged_file_and_leaves_it(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "coffeechat.json"
    path.write_text('{"contacts": {"1": {"name": "Ana"', encoding="utf-8")
    before = path.read_bytes()
    assert run_app(tmp_path) == 1
    err = capsys.readouterr().err
    assert str(path) in err and "damaged" in err
    assert path.read_bytes() == before


def test_app_refuses_a_newer_schema(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "coffeechat.json"
    path.write_text(json.dumps({"meta": {"1": {"app": "coffeechat", "schema": 99}}}))
    assert run_app(tmp_path) == 1
    assert "newer coffeechat" in capsys.readouterr().err


async def test_the_shown_pane_adds_its_commands_to_the_palette(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    app.store.new_conversation(app.store.contact_for("Ana"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Start the call's timer" not in titles
        await pilot.press("f4")
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Start the call's timer" in titles
        assert "Planned minutes and the wrap-up warning" in titles
        start = next(c for c in app.get_system_commands(app.screen)
                     if c.title == "Start the call's timer")
        await start.callback()
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Pause the timer" in titles and "End the call" in titles

async def test_markup_like_names_in_the_introducer_dropdown(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    app.store.save_contact(app.store.contact_for("[/]", "Acme [/]"))
    app.store.save_contact(app.store.contact_for("Ana [bold]x"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await pilot.press("down", "e")  # edit Ana: the dropdown lists "[/] (Acme [/])"
        await pilot.pause()
        intro = app.screen.query_one("#c-intro")
        intro.focus()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.store.flush()
    saved = {c["name"]: c for c in stored(tmp_path, "contacts")}
    assert saved["Ana [bold]x"]["introduced_by"] == saved["[/]"]["id"]


async def test_an_edit_whose_message_has_not_arrived_is_saved_on_quit(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    app.store.new_conversation(app.store.contact_for("Ana"))
    async with app.run_test() as pilot:
        await pilot.press("enter")
        await pilot.pause()
        # A pane has changed the model, but ctrl+q (a priority key) overtakes its message.
        app.screen.conversation.goal = "typed right before ctrl+q"
        await pilot.press("ctrl+q")
    app.store.close()  # as run_app does once the app has stopped
    assert stored(tmp_path, "conversations")[0]["goal"] == "typed right before ctrl+q"


async def test_a_second_ctrl_q_quits_even_when_saving_fails(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test() as pilot:
        app.save_everything = lambda timeout=10.0: False  # type: ignore[method-assign]
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.return_value is None and app.is_running
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_value == 1  # not everything saved: run_app writes a recovery file


async def test_a_conversation_whose_contact_went_missing_still_saves(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    contact = app.store.contact_for("Ana")
    app.store.new_conversation(contact)
    app.store._remove(contact.id)  # as a hand-edited file might
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        app.screen.conversation.goal = "still mine"
        app.autosaver.schedule(app.screen.conversation)
        await pilot.press("f2", "escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        app.store.flush()
    assert stored(tmp_path, "conversations")[0]["goal"] == "still mine"
    assert stored(tmp_path, "contacts")[0]["name"] == "(missing contact)"


async def test_editing_company_and_role_in_the_conversation_form_keeps_one_person(
        tmp_path: Path) -> None:
    app = make_app(tmp_path)
    contact = app.store.contact_for("Ana Silva", "Acme", "PM")
    contact.email = "ana@acme.example"
    app.store.new_conversation(contact)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#v-company").value = "Acme Corp"
        app.screen.query_one("#v-role").value = "Director"
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.store.flush()
    [saved] = stored(tmp_path, "contacts")
    assert (saved["company"], saved["role"], saved["email"]) == (
        "Acme Corp", "Director", "ana@acme.example")
