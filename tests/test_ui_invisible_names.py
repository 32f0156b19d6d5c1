"""The contact and conversation forms refuse a name that shows nothing (zero-width or control
characters, lone accents) with a message on the field, and save nothing; a name whose joiners
sit between visible characters is kept as typed."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from textual import events
from textual.widgets import Input

from tests.uitools import make_app, stored, type_text
from tui.app import CoffeechatApp
from tui.core.models import Contact, Conversation
from tui.dialogs.hypothesis_forms import HypothesisForm
from tui.dialogs.item_forms import ActionForm
from tui.dialogs.record_forms import ContactForm, ConversationForm
from tui.screens.home import HomeScreen


def _error(app: CoffeechatApp) -> str:
    return str(app.screen.query_one(".form-error").render())


async def _paste(app: CoffeechatApp, pilot: Any, text: str) -> None:
    """Paste ``text`` into the focused box, as a terminal's bracketed paste does."""
    assert app.focused is not None
    app.focused.post_message(events.Paste(text))
    await pilot.pause()


async def test_new_contact_form_refuses_a_name_that_shows_nothing(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        await type_text(pilot, "  ")
        await _paste(app, pilot, "\u0301\u0301")  # accents with nothing to sit on
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ContactForm)
        assert "A contact needs a name (the one given holds only invisible characters: " \
               "U+0301 COMBINING ACUTE ACCENT)." in _error(app)
        assert app.focused is not None and app.focused.id == "c-name"
        app.screen.query_one("#c-name", Input).value = ""
        await _paste(app, pilot, "\u200b")
        await pilot.press("tab")
        await _paste(app, pilot, "\ufeff")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "U+200B ZERO WIDTH SPACE" in _error(app)
        app.screen.query_one("#c-name", Input).value = "Ana"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Company: type a name, or leave it blank" in _error(app)
        assert "U+FEFF" in _error(app)
        assert app.focused is not None and app.focused.id == "c-company"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        app.store.flush()
    assert stored(tmp_path, "contacts") == []


async def test_new_conversation_form_refuses_a_name_that_shows_nothing(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await _paste(app, pilot, "\u200b\x7f")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConversationForm)
        assert "Who is the conversation with? Give a name (the one given holds only invisible " \
               "characters: U+200B ZERO WIDTH SPACE, U+007F control character)." in _error(app)
        app.screen.query_one("#v-name", Input).value = ""
        await _paste(app, pilot, "👩\u200d💻")  # an emoji sequence: its joiner is part of it
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        app.store.flush()
    assert [c["name"] for c in stored(tmp_path, "contacts")] == ["👩\u200d💻"]
    assert len(stored(tmp_path, "conversations")) == 1


async def test_edit_forms_refuse_renaming_to_nothing_but_keep_an_old_name(tmp_path: Path
                                                                          ) -> None:
    app = make_app(tmp_path)
    ana = app.store.save_contact(Contact(name="Ana", company="Acme"))
    old = app.store.save_contact(Contact(name="\u200b"))  # saved before names had to show
    app.store.save_conversation(Conversation(contact_id=old.id, goal="before"))
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ContactForm(ana, app.store.contacts()))
        await pilot.pause()
        app.screen.query_one("#c-name", Input).value = ""
        await _paste(app, pilot, "\u2060")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "A contact needs a name" in _error(app) and "U+2060 WORD JOINER" in _error(app)
        await pilot.press("escape")
        await pilot.pause()
        app.push_screen(ConversationForm(app.store.conversations()[0], old,
                                         app.store.contacts()))
        await pilot.pause()
        app.screen.query_one("#v-goal", Input).value = "after"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen), _error(app)
    assert [c.name for c in app.store.contacts() if c.id == ana.id] == ["Ana"]


async def test_hypothesis_and_action_forms_refuse_text_that_shows_nothing(tmp_path: Path
                                                                          ) -> None:
    app = make_app(tmp_path)
    results: list[object] = []
    async with app.run_test(size=(80, 24)) as pilot:
        for form, wanted in ((HypothesisForm(None), "Write the hypothesis in a few words"),
                             (ActionForm(None, date(2026, 5, 4)), "What needs doing?")):
            app.push_screen(form, results.append)
            await pilot.pause()
            await _paste(app, pilot, "\u200b\u0301")
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert app.screen is form
            assert wanted in _error(app) and "U+200B ZERO WIDTH SPACE" in _error(app)
            await _paste(app, pilot, "x")  # after the accent: visible now
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert app.screen is not form
    assert [getattr(r, "statement", getattr(r, "text", None)) for r in results] == [
        "\u200b\u0301x", "\u200b\u0301x"]
