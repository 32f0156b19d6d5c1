"""Pilot tests of the Live pane: a whole call by keyboard, then the file on disk is checked."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from tests.live_tools import T0, FakeClock, live_app, open_live, reread, timer_text
from tests.uitools import type_text
from tui.screens.conversation import ConversationScreen


async def test_a_whole_call_by_keyboard_is_on_disk(tmp_path: Path) -> None:
    app, clock = live_app(tmp_path), FakeClock()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await open_live(pilot, clock)
        assert "Not started" in timer_text(pane)
        await pilot.press("ctrl+t")
        assert app.focused is pane.note_area
        await type_text(pilot, "MIT [b]x[/]")
        clock.advance(minutes=3, seconds=7)
        await pilot.press("ctrl+l")
        await type_text(pilot, "Rust [/]")
        await pilot.press("enter")
        assert app.focused is pane.note_area
        await pilot.press("ctrl+n")
        await type_text(pilot, "Reviews")
        await pilot.press("escape")
        assert isinstance(app.focused, OptionList)
        await pilot.press("ctrl+down", "f7", "f8", "ctrl+up", "shift+down")
        await pilot.press("ctrl+o")
        await type_text(pilot, "Why?")
        await pilot.press("enter")
        await pilot.press("ctrl+r")
        await type_text(pilot, "Bob Lee")
        await pilot.press("tab")
        await type_text(pilot, "Glo")
        await pilot.press("tab")
        await type_text(pilot, "hires")
        await pilot.press("enter")
        clock.advance(minutes=20)
        await pilot.press("f9", "left", "enter")
        await pilot.pause()
        assert "Ended" in timer_text(pane)
        log = pane.query_one("#live-log", OptionList)
        assert "Rust [/]" in str(log.get_option_at_index(0).prompt)
    saved = reread(app, tmp_path)
    texts = [q.text for q in saved.questions]
    assert texts == ["How did you get into robotics?", "What skills matter most on your team?",
                     "What does a typical week look like?", "Why?",
                     "What do you wish you had known earlier?"]
    first, skills, week, follow_up, _ = saved.questions
    assert (first.state, first.note) == ("asked", "MIT [b]x[/]")
    assert (week.state, week.note, week.starred) == ("pending", "Reviews", False)
    assert (skills.state, skills.starred) == ("skipped", True)
    assert follow_up.added_live and follow_up.state == "pending"
    assert saved.live.started_at == T0.isoformat()
    assert saved.live.ended_at == (T0.replace(minute=53, second=7)).isoformat()
    [note] = saved.live.notes
    assert (note.text, note.stamp, note.question_id) == ("Rust [/]", "03:07", first.id)
    [referral] = saved.referrals
    assert (referral.name, referral.company, referral.why, referral.contact_id) == (
        "Bob Lee", "Glo", "hires", None)
    assert saved.status == "done"


async def test_letters_typed_in_a_note_are_text_not_commands(tmp_path: Path) -> None:
    app = live_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await open_live(pilot)
        await pilot.press("enter")
        await type_text(pilot, "as*Eflrjk")
        await pilot.press("ctrl+l")
        await type_text(pilot, "as*E")
        assert pane.note_area.text == "as*Eflrjk"
        assert pane.quick.value == "as*E"
        assert [q.state for q in pane.conversation.questions] == ["pending"] * 4
        assert not pane.has_class("-focus") and isinstance(app.screen, ConversationScreen)
        keys = {key for key, b in app.screen.active_bindings.items() if b.enabled}
        assert "quick_note" in {b.binding.action for b in app.screen.active_bindings.values()}
        assert not [key for key in keys if len(key) == 1 or key in ("asterisk", "plus")]
        app.store.flush()
    saved = reread(app, tmp_path)
    assert saved.questions[0].note == "as*Eflrjk"
    assert saved.live.draft == "as*E"


async def test_a_running_call_resumes_from_the_stored_start(tmp_path: Path) -> None:
    start = T0.replace(minute=5).isoformat()
    app = live_app(tmp_path, live={"started_at": start, "paused_seconds": 60,
                                   "draft": "half a [b]thought"})
    clock = FakeClock(T0.replace(minute=31))
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await open_live(pilot, clock)
        assert "25:00 / 30:00" in timer_text(pane)
        assert "WRAP UP" in timer_text(pane)
        assert "The ask: An introduction to her manager" in timer_text(pane)
        assert pane.quick.value == "half a [b]thought"
        assert app.focused is pane.note_area
        clock.advance(minutes=6)
        pane.tick()
        assert "+01:00 OVER" in timer_text(pane)
        await pilot.press("ctrl+t")
        clock.advance(minutes=10)
        pane.tick()
        assert "Paused" in timer_text(pane) and "31:00" in timer_text(pane)
        await pilot.press("ctrl+t")
    saved = reread(app, tmp_path)
    assert saved.live.paused_seconds == 60 + 600 and saved.live.paused_at is None


async def test_end_asks_first_and_can_be_undone(tmp_path: Path) -> None:
    app, clock = live_app(tmp_path), FakeClock()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await open_live(pilot, clock)
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)
        await pilot.press("ctrl+t", "escape", "f9", "escape")
        assert pane.conversation.live.ended_at is None
        clock.advance(minutes=10)
        await pilot.press("f9", "left", "enter")
        assert pane.conversation.live.ended_at and pane.conversation.status == "done"
        clock.advance(minutes=2)
        await pilot.press("ctrl+t", "left", "enter")
        assert pane.conversation.live.ended_at is None
        assert pane.conversation.live.paused_seconds == 120


async def test_leaving_and_quitting_mid_call_loses_nothing(tmp_path: Path) -> None:
    app = live_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_live(pilot)
        await pilot.press("ctrl+t")
        await type_text(pilot, "last words")
        await pilot.press("escape", "escape")
        await pilot.pause()
        pane = await open_live(pilot)
        assert app.focused is pane.note_area
        await pilot.press("end")
        await type_text(pilot, " and more")
        await pilot.press("ctrl+q")
    saved = reread(app, tmp_path)
    assert saved.questions[0].note == "last words and more"
    assert saved.live.started_at and not saved.live.ended_at
