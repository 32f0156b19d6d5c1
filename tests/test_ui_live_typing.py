"""During a call every printable key is text: typed outside a text box it goes into the current
question's note, in order, however fast it comes."""

from __future__ import annotations

import string
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.events import Key

from tests.live_tools import live_app, open_live, reread
from tests.uitools import type_text
from tui.panes.live import LivePane
from tui.screens.conversation import ConversationScreen

ALPHABET = "".join(c for c in string.printable if c.isprintable()) + "éü✓—"


def burst(app, keys: list[tuple[str, str | None]]) -> None:
    """Keys that arrive faster than the app handles them (a paste from tmux, a busy moment)."""
    for key, char in keys:
        event = Key(key, char)
        event.set_sender(app)
        app._driver.send_message(event)


async def settled(pilot, condition, seconds: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    """Let a burst be handled: wait until ``condition()`` holds or the deadline passes (a
    busy machine handles a burst late; a lost key never makes it hold)."""
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        await pilot.pause(0.02)


def chars(text: str) -> list[tuple[str, str | None]]:
    """``text`` as the key events a terminal sends."""
    names = {" ": "space"}
    return [(names.get(c, c), c) for c in text]


def still_in_the_call(app, pane: LivePane) -> None:
    """No dialog opened, no other pane or screen shown."""
    assert isinstance(app.screen, ConversationScreen)
    assert app.screen.query_one("#panes").active == "live"
    assert not pane.has_class("-focus") or pane.note_area.has_focus


async def test_typing_after_esc_and_ctrl_n_goes_into_the_next_questions_note(
        tmp_path: Path) -> None:
    app = live_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await open_live(pilot)
        await pilot.press("ctrl+t")
        await type_text(pilot, "Fintech first")
        await pilot.press("escape", "ctrl+n")
        await type_text(pilot, "Scale of payments also great: ask + wrap")
        await pilot.pause()
        still_in_the_call(app, pane)
        assert app.focused is pane.note_area
        questions = pane.conversation.questions
        assert [q.state for q in questions] == ["asked", "pending", "pending", "pending"]
        assert questions[1].note == "Scale of payments also great: ask + wrap"
        assert pane.current_id == "q2"
    saved = reread(app, tmp_path)
    assert [q.note for q in saved.questions[:2]] == [
        "Fintech first", "Scale of payments also great: ask + wrap"]
    assert saved.live.ended_at is None and saved.status == "scheduled"


async def test_every_letter_on_the_lists_is_text(tmp_path: Path) -> None:
    app = live_app(tmp_path)
    alphabet = "the quick brown fox jumps over the lazy dog ELJKW*+-/?"
    async with app.run_test(size=(100, 30)) as pilot:
        pane = await open_live(pilot)
        pane.query_one("#live-questions").focus()
        await pilot.pause()
        await type_text(pilot, alphabet)
        await pilot.press("escape")
        pane.query_one("#live-log").focus()
        await pilot.pause()
        await type_text(pilot, " dd")
        await pilot.pause()
        still_in_the_call(app, pane)
        assert pane.note_area.text == alphabet + " dd"
        assert [q.state for q in pane.conversation.questions] == ["pending"] * 4
        assert not any(q.starred for q in pane.conversation.questions)
        assert pane.conversation.live.started_at is None
    assert reread(app, tmp_path).questions[0].note == alphabet + " dd"


async def test_a_fast_burst_after_navigation_keeps_every_character_in_order(
        tmp_path: Path) -> None:
    app = live_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await open_live(pilot)
        await pilot.press("ctrl+t")
        burst(app, [*chars("one"), ("escape", None), ("down", None), *chars("two xs"),
                    ("backspace", None), ("escape", None), ("ctrl+n", None), *chars("3!"),
                    ("tab", None), *chars("quick"), ("enter", None), *chars("after")])
        await settled(pilot, lambda: pane.quick.value == "after"
                      and [q.note for q in pane.conversation.questions][2] == "3!")
        still_in_the_call(app, pane)
        notes = [q.note for q in pane.conversation.questions]
        assert notes == ["one", "two x", "3!", ""]
        assert [n.text for n in pane.conversation.live.notes] == ["quick"]
        assert pane.quick.value == "after" and app.focused is pane.quick


NAVIGATION = ["up", "down", "left", "right", "home", "end", "pageup", "pagedown", "tab",
              "shift+tab", "escape", "ctrl+n", "ctrl+up", "ctrl+down", "shift+up",
              "shift+down", "ctrl+l", "ctrl+home", "ctrl+end", "f6", "f7", "f8"]
PLACES = ["note", "quick", "questions", "log"]
ROUNDS = 6


def empty_notes(pane: LivePane) -> None:
    """Start a round with nothing typed anywhere."""
    for question in pane.conversation.questions:
        question.note = ""
    pane.conversation.live.notes.clear()
    pane.conversation.live.draft = ""
    pane.quick.value = ""
    pane.note_area.load_text("")
    pane.refresh_view()


@settings(max_examples=3, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
async def test_printable_text_after_any_navigation_key_lands_whole_in_the_notes(
        tmp_path_factory, data: st.DataObject) -> None:
    folder = tmp_path_factory.mktemp("call")
    app = live_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await open_live(pilot)
        await pilot.press("ctrl+t")
        for _ in range(ROUNDS):
            place = data.draw(st.sampled_from(PLACES), label="focus")
            navigation = data.draw(st.sampled_from(NAVIGATION), label="key")
            text = data.draw(st.text(alphabet=ALPHABET, min_size=1, max_size=12), label="text")
            fast = data.draw(st.booleans(), label="fast")
            empty_notes(pane)
            widget = {"note": pane.note_area, "quick": pane.quick,
                      "questions": pane.query_one("#live-questions"),
                      "log": pane.query_one("#live-log")}[place]
            widget.focus()
            await pilot.pause()
            if navigation == "escape" and place in ("questions", "log"):
                navigation = "up"  # outside a text box esc goes back to the list of chats
            keys = [(navigation, None), *chars(text)]
            if fast:
                burst(app, keys)
            else:
                for key in keys:  # one at a time (Pilot.press drops some characters, "—")
                    burst(app, [key])
                    await pilot.pause()
            await pilot.pause()
            still_in_the_call(app, pane)
            live = pane.conversation.live
            places = [q.note for q in pane.conversation.questions] + [live.draft] + [
                n.text for n in live.notes]
            assert any(text in where for where in places), (places, text)
    app.store.close()


async def test_a_follow_up_typed_in_one_burst_goes_into_its_form(tmp_path: Path) -> None:
    app = live_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await open_live(pilot)
        await pilot.press("ctrl+t")
        burst(app, [*chars("note"), ("ctrl+o", None), *chars("Why now?"), ("enter", None),
                    *chars(" more")])
        await settled(pilot, lambda: pane.conversation.questions[0].note == "note more")
        still_in_the_call(app, pane)
        texts = [q.text for q in pane.conversation.questions]
        assert texts[1] == "Why now?" and pane.conversation.questions[1].added_live
        assert pane.conversation.questions[0].note == "note more"
