"""Pilot tests of the Live pane: a whole call by keyboard, then the file on disk is checked."""

from __future__ import annotations

from pathlib import Path

from textual.events import Paste
from textual.widgets import Footer, OptionList, Static

from tests.live_tools import T0, FakeClock, live_app
from tests.uitools import type_text
from tui.core.models import Conversation
from tui.core.store import Store
from tui.panes.live import LivePane
from tui.screens.conversation import ConversationScreen
from tui.widgets.timer import CallTimer


async def open_live(pilot, clock: FakeClock | None = None) -> LivePane:
    """From home: open the first conversation, show Live, put the fake clock in."""
    await pilot.press("enter", "f4")
    await pilot.pause()
    pane = pilot.app.screen.query_one(LivePane)
    if clock is not None:
        pane.clock = clock
        pane.tick()
    return pane


def reread(app, data_dir: Path) -> Conversation:
    """Once the writer thread is done: the conversation as it is in the file, read like a
    second process would."""
    assert app.store.flush()
    store = Store.open(data_dir, readonly=True)
    try:
        return store.conversation("c0ffee000002")
    finally:
        store.close()


def timer_text(pane: LivePane) -> str:
    return str(pane.query_one(CallTimer).render())


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
        await pilot.press("j", "s", "asterisk", "k", "shift+down")
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
        await pilot.press("E", "y")
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
        await pilot.press("i")
        await type_text(pilot, "as*Eflrjk")
        await pilot.press("ctrl+l")
        await type_text(pilot, "as*E")
        assert pane.note_area.text == "as*Eflrjk"
        assert pane.quick.value == "as*E"
        assert [q.state for q in pane.conversation.questions] == ["pending"] * 4
        assert not pane.has_class("-focus") and isinstance(app.screen, ConversationScreen)
        footer_keys = {b.binding.action for b in app.screen.active_bindings.values()
                       if b.enabled}
        assert "mark('asked')" not in footer_keys and "quick_note" in footer_keys
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
        await pilot.press("E")
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)
        await pilot.press("ctrl+t", "escape", "E", "n")
        assert pane.conversation.live.ended_at is None
        clock.advance(minutes=10)
        await pilot.press("E", "y")
        assert pane.conversation.live.ended_at and pane.conversation.status == "done"
        clock.advance(minutes=2)
        await pilot.press("ctrl+t", "y")
        assert pane.conversation.live.ended_at is None
        assert pane.conversation.live.paused_seconds == 120


async def test_focus_mode_leaves_timer_question_and_notes(tmp_path: Path) -> None:
    app = live_app(tmp_path)
    async with app.run_test(size=(60, 24)) as pilot:
        pane = await open_live(pilot)
        screen = app.screen
        await pilot.press("ctrl+t", "ctrl+g")
        await pilot.pause()
        hidden = [screen.query_one("#title-bar"), screen.query_one(Footer),
                  pane.query_one("#live-questions"), pane.query_one("#live-log")]
        assert all(not w.display or not w.parent.display for w in hidden[:2])
        assert not any(w.region.height for w in hidden)
        shown = [pane.query_one(CallTimer), pane.query_one("#live-current"), pane.note_area,
                 pane.query_one("#live-saved")]
        assert all(w.region.height and w.region.right <= 60 for w in shown)
        await pilot.press("escape")
        await pilot.pause()
        assert screen.query_one(Footer).region.height == 1
        await pilot.press("ctrl+g", "f2")
        await pilot.pause()
        assert not screen.has_class("-live-focus")


async def test_quick_line_pastes_keep_every_word_or_say_why(tmp_path: Path) -> None:
    app = live_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await open_live(pilot)
        await pilot.press("ctrl+l")
        app.post_message(Paste("first line\nsecond [red]line[/]"))
        await pilot.pause()
        assert pane.quick.value == "first line second [red]line[/]"
        app.post_message(Paste("x" * 1_000_000))
        await pilot.pause()
        assert pane.quick.value == "first line second [red]line[/]"
        assert any("1,000,000 characters" in n.message for n in app._notifications)
        await pilot.press("enter")
        assert pane.conversation.live.notes[-1].text == "first line second [red]line[/]"


async def test_a_megabyte_paste_into_the_note_is_saved_whole(tmp_path: Path) -> None:
    app = live_app(tmp_path)
    big = ("word " * 12 + "\n") * 17_000 + "[bold]end[/]"
    assert len(big) > 1_000_000
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await open_live(pilot)
        await pilot.press("i")
        assert app.focused is pane.note_area
        app.post_message(Paste(big))
        await pilot.pause()
        await type_text(pilot, "!")
        await pilot.press("f2")
        await pilot.pause()
    assert reread(app, tmp_path).questions[0].note == big + "!"


async def test_wrap_up_setting_is_kept_and_bad_numbers_are_explained(tmp_path: Path) -> None:
    app = live_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await open_live(pilot)
        await pilot.press("w", "ctrl+u")
        await type_text(pilot, "[b]ten")
        await pilot.press("enter")
        error = str(app.screen.query_one(".form-error", Static).render())
        assert "[b]ten" in error and "0 to 120" in error
        await pilot.press("ctrl+u")
        await type_text(pilot, "8")
        await pilot.press("enter")
        assert pane.wrap_up == 8
        await pilot.press("m", "ctrl+u")
        await type_text(pilot, "45")
        await pilot.press("enter")
        assert "45 min planned" in timer_text(pane)
    assert '"wrap_up_minutes": 8' in (tmp_path / "config" / "settings.json").read_text()
    assert reread(app, tmp_path).minutes == 45


async def test_log_notes_can_be_corrected_and_deleted(tmp_path: Path) -> None:
    app = live_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await open_live(pilot)
        for text in ("one", "two"):
            await pilot.press("ctrl+l")
            await type_text(pilot, text)
            await pilot.press("enter")
        pane.query_one("#live-log", OptionList).focus()
        await pilot.press("enter", "end")
        await type_text(pilot, " fixed")
        await pilot.press("enter", "up", "delete", "y")
        assert [n.text for n in pane.conversation.live.notes] == ["two fixed"]
    assert [n.text for n in reread(app, tmp_path).live.notes] == ["two fixed"]


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
