"""Pilot tests of the Live pane's edges: focus mode, pastes, settings, the log, no questions."""

from __future__ import annotations

from pathlib import Path

from textual.events import Paste
from textual.widgets import Footer, OptionList, Static

from tests.live_tools import FakeClock, live_app, open_live, reread, timer_text
from tests.uitools import type_text
from tui.panes.live.timer import CallTimer


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
        await pilot.press("enter")
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
        await pilot.press("f10", "tab", "ctrl+u")
        await type_text(pilot, "[b]ten")
        await pilot.press("enter")
        error = str(app.screen.query_one(".form-error", Static).render())
        assert "[b]ten" in error and "0 to 120" in error
        await pilot.press("ctrl+u")
        await type_text(pilot, "8")
        await pilot.press("shift+tab", "ctrl+u")
        await type_text(pilot, "45")
        await pilot.press("ctrl+s")
        assert pane.wrap_up == 8
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
        await pilot.press("enter", "up", "delete", "left", "enter")
        assert [n.text for n in pane.conversation.live.notes] == ["two fixed"]
    assert [n.text for n in reread(app, tmp_path).live.notes] == ["two fixed"]


async def test_without_questions_a_follow_up_becomes_the_current_one(tmp_path: Path) -> None:
    app = live_app(tmp_path, questions=[])
    async with app.run_test(size=(60, 24)) as pilot:
        pane = await open_live(pilot)
        assert not pane.note_area.display
        assert "No question yet" in str(pane.query_one("#live-current", Static).render())
        await pilot.press("ctrl+l")
        await type_text(pilot, "hi")
        await pilot.press("enter", "ctrl+o")
        await type_text(pilot, "Why?")
        await pilot.press("enter")
        await type_text(pilot, "ok")
        await pilot.press("ctrl+n")
        assert any("Every question" in n.message for n in app._notifications)
    saved = reread(app, tmp_path)
    [question] = saved.questions
    assert (question.text, question.note, question.state) == ("Why?", "ok", "asked")
    assert saved.live.notes[0].question_id is None


async def test_wrap_up_and_overrun_are_signalled_once(tmp_path: Path) -> None:
    app, clock = live_app(tmp_path), FakeClock()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await open_live(pilot, clock)
        await pilot.press("ctrl+t")
        for minutes in (10, 16, 1, 1):
            clock.advance(minutes=minutes)
            pane.tick()
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert messages == ["Wrap-up time: 04:00 left. The ask: An introduction to her manager"]
        clock.advance(minutes=3)
        pane.tick()
        pane.tick()
        await pilot.pause()
        assert [n.message for n in app._notifications][1:] == ["Past the planned 30 minutes."]
        assert "+01:00 OVER" in timer_text(pane)
        assert pane.query_one("#live-top").has_class("-overrun")
        assert pane.query_one(CallTimer).region.height == 2


async def test_an_empty_follow_up_is_explained_and_a_pasted_one_keeps_its_words(
        tmp_path: Path) -> None:
    app = live_app(tmp_path)
    async with app.run_test(size=(60, 24)) as pilot:
        pane = await open_live(pilot)
        await pilot.press("ctrl+o", "space", "enter")
        error = str(app.screen.query_one(".form-error", Static).render())
        assert "The question is empty." in error
        app.post_message(Paste("And then,\nwhat [i]next[/]?"))
        await pilot.press("enter")
        assert pane.conversation.questions[1].text == "And then, what [i]next[/]?"


async def test_keys_typed_faster_than_the_app_draws_land_where_they_belong(
        tmp_path: Path) -> None:
    from textual.events import Key

    app = live_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await open_live(pilot)
        await pilot.press("ctrl+t")
        burst = [("a", "a"), ("ctrl+n", None), ("b", "b"), ("ctrl+n", None), ("ctrl+n", None),
                 ("c", "c"), ("ctrl+up", None), ("d", "d"), ("ctrl+down", None), ("e", "e")]
        for key, char in burst:
            event = Key(key, char)
            event.set_sender(app)
            app._driver.send_message(event)
        await pilot.pause()
        notes = [q.note for q in pane.conversation.questions]
        assert notes == ["a", "b", "d", "ce"]
        assert [q.state for q in pane.conversation.questions] == ["asked"] * 3 + ["pending"]
        assert pane.current_id == "q4"
    assert [q.note for q in reread(app, tmp_path).questions] == ["a", "b", "d", "ce"]


async def test_coming_back_to_a_half_typed_quick_note_does_not_replace_it(tmp_path) -> None:
    from tests.live_tools import live_app, open_live
    from tests.uitools import type_text

    app = live_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await open_live(pilot)
        await pilot.press("ctrl+l")
        await type_text(pilot, "draft one")
        await pilot.press("escape")
        await pilot.press("ctrl+l")
        await type_text(pilot, " two")
        await pilot.pause()
        assert pane.quick.value == "draft one two"
