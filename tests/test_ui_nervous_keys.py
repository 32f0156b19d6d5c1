"""A nervous typist's slips during a call: a second esc, a function key hit by mistake, a letter
that is a command on the list. None of them may leave the call, answer a question or lose text."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.widgets import Static

from tests.live_tools import FakeClock, live_app, open_live, reread
from tests.review_tools import until
from tests.test_ui_transfer import open_palette_command
from tests.uitools import make_app, stored, type_text
from tui.dialogs.confirm import ConfirmScreen
from tui.screens.conversation import ConversationScreen
from tui.screens.home import HomeScreen


def typed_line(app) -> str:
    """What the question says was typed while it was up."""
    return str(app.screen.query_one("#confirm-typed", Static).render())


@pytest.mark.parametrize("size", [(80, 24), (60, 24)])
async def test_a_second_esc_during_the_call_stays_and_letters_stay_text(tmp_path: Path,
                                                                         size) -> None:
    app, clock = live_app(tmp_path), FakeClock()
    async with app.run_test(size=size) as pilot:
        pane = await open_live(pilot, clock)
        await pilot.press("ctrl+t")
        await type_text(pilot, "Bidding. ")
        await pilot.press("escape", "escape")  # note -> list -> (once) the list behind
        await type_text(pilot, "dynamic teams")  # d, y, n, t: commands on the list
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)
        assert pane.conversation.live.running
    saved = reread(app, tmp_path)
    assert saved.questions[0].note == "Bidding. dynamic teams"
    assert saved.live.started_at and not saved.live.ended_at


async def test_back_to_the_list_from_the_palette_leaves_the_call_running(tmp_path: Path) -> None:
    app, clock = live_app(tmp_path), FakeClock()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_live(pilot, clock)
        await pilot.press("ctrl+t")
        await open_palette_command(pilot, "Back to the list")
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
    saved = reread(app, tmp_path)
    assert saved.live.started_at and not saved.live.ended_at


async def test_after_the_call_esc_goes_back_to_the_list(tmp_path: Path) -> None:
    app, clock = live_app(tmp_path), FakeClock()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await open_live(pilot, clock)
        await pilot.press("ctrl+t")
        clock.advance(minutes=20)
        await pilot.press("f9", "left", "enter")
        await pilot.pause()
        assert not pane.conversation.live.running
        await pilot.press("escape", "escape")
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))


async def test_words_typed_after_f9_by_mistake_answer_nothing_and_reach_the_note(
        tmp_path: Path) -> None:
    app, clock = live_app(tmp_path), FakeClock()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await open_live(pilot, clock)
        await pilot.press("ctrl+t")
        await type_text(pilot, "Notes: ")
        await pilot.press("f9")
        await type_text(pilot, "they said yes")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)  # neither y nor n answered it
        assert "goes into your text" in typed_line(app)
        assert typed_line(app).endswith("they said yes")
        await pilot.press("escape")
        await type_text(pilot, ", then more")
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)
        assert pane.conversation.live.running
    assert reread(app, tmp_path).questions[0].note == "Notes: they said yes, then more"


async def test_yes_is_chosen_with_the_arrows_and_the_words_still_reach_the_note(
        tmp_path: Path) -> None:
    app, clock = live_app(tmp_path), FakeClock()
    async with app.run_test(size=(60, 24)) as pilot:
        pane = await open_live(pilot, clock)
        await pilot.press("ctrl+t")
        clock.advance(minutes=25)
        await pilot.press("f9")
        await type_text(pilot, "ok")
        await pilot.press("enter")  # the cursor starts on No
        await pilot.pause()
        assert pane.conversation.live.running
        await pilot.press("f9", "left", "enter")
        await pilot.pause()
        assert not pane.conversation.live.running
    saved = reread(app, tmp_path)
    assert saved.questions[0].note == "ok" and saved.live.ended_at


async def test_letters_after_a_delete_question_on_home_are_not_commands(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    app.store.new_conversation(app.store.contact_for("Ana"), goal="x")
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, "dynamic teams")  # d asks to delete; the rest must not act
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "is not used" in typed_line(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)  # no form opened, no tags screen
        assert len(app.store.conversations()) == 1
        app.store.flush()
    assert len(stored(tmp_path, "conversations")) == 1



async def test_f3_or_f5_for_f4_during_the_call_then_a_word_is_text(tmp_path: Path) -> None:
    """During the call Prep opens on its part bar (letters go into the research notes) and
    Reflect on the first answer (not on the rating line, where a digit rates)."""
    app, clock = live_app(tmp_path), FakeClock()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_live(pilot, clock)
        await pilot.press("ctrl+t", "f3")
        await pilot.pause()
        steps = len(app.screen.conversation.checklist)
        assert steps > 0
        await type_text(pilot, "dad said")  # on the checklist d removes a step, a adds one
        await pilot.press("f5")
        await type_text(pilot, "3 things")  # on the rating line 3 rates
        await pilot.press("f4")
        await type_text(pilot, "ok")
        await pilot.pause()
        assert len(app.screen.conversation.checklist) == steps
    saved = reread(app, tmp_path)
    assert saved.research_notes == "dad said"
    assert saved.reflection.rating is None
    assert "3 things" in saved.reflection.answers.values()
    assert saved.questions[0].note == "ok" and saved.live.running


async def test_outside_a_call_f3_and_f5_start_on_the_lists_as_before(tmp_path: Path) -> None:
    app = live_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "f3")
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "checklist"
        await pilot.press("f5")
        await pilot.pause()
        assert type(app.focused).__name__ == "RatingBar"


async def test_left_then_enter_sent_at_once_answers_yes(tmp_path: Path) -> None:
    """A terminal sends ← and enter typed quickly in one read: enter is for the button the
    arrow moved to."""
    app = make_app(tmp_path)
    app.store.new_conversation(app.store.contact_for("Ana"), goal="x")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        for key in ("left", "enter"):
            event = events.Key(key, "\r" if key == "enter" else None)
            event.set_sender(app)
            app._driver.send_message(event)
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await until(pilot, lambda: app.store.conversations() == [])


async def test_a_key_that_reaches_the_question_after_its_answer_goes_into_the_note(
        tmp_path: Path) -> None:
    """A key the app handed to the question just before the answer took it away arrives
    there afterwards: it goes on into the note, after what was typed before it."""
    app, clock = live_app(tmp_path), FakeClock()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await open_live(pilot, clock)
        await pilot.press("ctrl+t")
        await type_text(pilot, "A")
        await pilot.press("f9")
        await type_text(pilot, "b")
        question = app.screen
        assert isinstance(question, ConfirmScreen)
        question.action_answer(False)
        await question.on_key(events.Key("c", "c"))  # on its way before the answer
        await until(pilot, lambda: pane.note_area.text == "Abc")
        await type_text(pilot, "d")
        await until(pilot, lambda: pane.note_area.text == "Abcd")
        assert pane.conversation.live.running


async def test_esc_in_prep_or_reflect_text_during_the_call_never_reaches_a_list(
        tmp_path: Path) -> None:
    app, clock = live_app(tmp_path), FakeClock()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_live(pilot, clock)
        await pilot.press("ctrl+t", "f3")
        await pilot.pause()
        steps = len(app.screen.conversation.checklist)
        await type_text(pilot, "x")
        await pilot.press("escape")
        await type_text(pilot, "dad")  # on the checklist: remove a step, add one
        await pilot.press("f5")
        await type_text(pilot, "Met Bo")
        await pilot.press("escape")
        await type_text(pilot, " 3 things")  # on the rating line 3 rates
        await pilot.pause()
        assert len(app.screen.conversation.checklist) == steps
    saved = reread(app, tmp_path)
    assert saved.research_notes == "xdad"
    assert saved.reflection.rating is None
    assert "Met Bo 3 things" in saved.reflection.answers.values()
