"""Text boxes: ctrl+home and ctrl+end everywhere, what is typed is always on screen, and esc
is one rule in every pane: it leaves a text box, and outside one it goes back."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.keys import _character_to_key

from tests.live_tools import live_app, open_live, reread
from tests.reflect_data import call_with_captures, fixed_clock, reflected
from tests.uitools import make_app, type_text
from tui.screens.conversation import ConversationScreen
from tui.screens.home import HomeScreen


async def test_the_end_of_a_long_thank_you_draft_stays_in_view(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    fixed_clock(app)
    conversation = reflected(app)
    conversation.thank_you.draft = "\n".join(f"line {n}" for n in range(40))
    app.store.save_conversation(conversation)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "f5", "ctrl+up", "ctrl+up")
        draft = app.focused
        assert draft is not None and draft.id == "thank-you-draft"
        body = app.screen.query_one("#reflect-body")
        for key, text in (("ctrl+end", " END"), ("ctrl+home", "START ")):
            await pilot.press(key)
            await type_text(pilot, text)
            await pilot.pause()
            x, y = draft.cursor_screen_offset
            assert body.region.contains(x, y), (key, body.region, (x, y))
        assert draft.text.startswith("START line 0") and draft.text.endswith("line 39 END")
    assert app.save_everything()


async def test_ctrl_home_and_ctrl_end_in_a_one_line_box(tmp_path: Path) -> None:
    app = live_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await open_live(pilot)
        await pilot.press("ctrl+l")
        await type_text(pilot, "middle")
        await pilot.press("ctrl+home")
        await type_text(pilot, "<")
        await pilot.press("ctrl+end")
        await type_text(pilot, ">")
        assert pane.quick.value == "<middle>"


async def test_esc_leaves_a_text_box_then_goes_back_in_every_pane(tmp_path: Path) -> None:
    app = live_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        # (pane key, a key that puts the cursor in a text box there)
        for pane_key, into_box in (("f3", "tab"), ("f4", "enter"), ("f5", "ctrl+down")):
            await pilot.press("enter", pane_key, into_box)
            await pilot.pause()
            assert app.focused.__class__.__name__ in ("TextBox", "QuestionNote", "AnswerArea",
                                                      "SubInput"), (pane_key, app.focused)
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, ConversationScreen), pane_key  # left the box only
            assert app.focused.__class__.__name__ not in ("TextBox", "QuestionNote",
                                                          "AnswerArea", "SubInput")
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen), pane_key  # outside a box: back


async def test_reflect_keys_typed_in_one_burst_land_in_order(tmp_path: Path) -> None:
    from textual.events import Key

    app = make_app(tmp_path)
    fixed_clock(app)
    reflected(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "f5")
        await pilot.pause()
        keys = [("ctrl+down", None), *[(c if c != " " else "space", c) for c in " More"],
                ("escape", None), ("2", "2")]
        for key, char in keys:
            event = Key(key, char)
            event.set_sender(app)
            app._driver.send_message(event)
        await pilot.pause()
        await pilot.pause()
        answers = app.screen.conversation.reflection.answers
        assert answers["key-insights"].endswith("writing. More")  # carried on at the end
        assert app.screen.conversation.reflection.rating == 2


async def test_letters_typed_on_the_rating_line_start_the_first_answer(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    fixed_clock(app)
    conversation = call_with_captures(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "f5")
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "rating"
        await pilot.press("4")
        await type_text(pilot, "Mostly writing, then 2 reviews")
        await pilot.pause()
        reflection = app.screen.conversation.reflection
        assert reflection.rating == 4
        assert reflection.answers["key-insights"] == "Mostly writing, then 2 reviews"
        app.store.flush()
    saved = app.store.conversation(conversation.id)
    assert saved.reflection.answers["key-insights"] == "Mostly writing, then 2 reviews"



async def type_as_terminal(pilot, text: str) -> None:
    """Send each character as the terminal does, key and character (Pilot's ``press`` knows
    no character for a key named like ``zero_width_joiner`` or ``personal_computer``)."""
    app = pilot.app
    for char in text:
        key = events.Key(char if char.isalnum() else _character_to_key(char), char)
        key.set_sender(app)
        app._driver.send_message(key)
        await pilot.pause()


async def test_typed_zero_width_joiners_are_kept_in_both_kinds_of_box(tmp_path: Path) -> None:
    """An emoji picker or a Persian keyboard types U+200D / U+200C as keys of their own."""
    app = live_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await open_live(pilot)
        await pilot.press("ctrl+t")
        await type_as_terminal(pilot, "👩\u200d💻 می\u200cخ")
        assert pane.note_area.text == "👩\u200d💻 می\u200cخ"
        await pilot.press("ctrl+l")
        await type_as_terminal(pilot, "a\u200db")
        await pilot.press("left")
        await type_as_terminal(pilot, "\u200c")
        assert app.focused is not None and app.focused.value == "a\u200d\u200cb"
    saved = reread(app, tmp_path)
    assert saved.questions[0].note == "👩\u200d💻 می\u200cخ"
