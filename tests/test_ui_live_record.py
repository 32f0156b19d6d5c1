"""The Live pane after the call (a record that stays editable) and the quick note's way back."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.live_tools import FakeClock, live_app, open_live, reread, timer_text
from tests.review_tools import until
from tests.uitools import type_text
from tui.dialogs.confirm import ConfirmScreen
from tui.screens.conversation import ConversationScreen
from tui.screens.read import ReadScreen
from tui.widgets.document_view import DocumentView


def footer_actions(app) -> set[str]:
    """The actions the footer offers right now."""
    return {b.binding.action for b in app.screen.active_bindings.values()
            if b.binding.show and b.enabled}


async def test_a_finished_call_reads_as_a_record_that_stays_editable(tmp_path: Path) -> None:
    app, clock = live_app(tmp_path), FakeClock()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await open_live(pilot, clock)
        await pilot.press("ctrl+t")
        clock.advance(minutes=25)
        await pilot.press("f9", "left", "enter")
        await pilot.pause()
        assert "Ended" in timer_text(pane) and "notes stay editable" in timer_text(pane)
        offered = footer_actions(app)
        assert not offered & {"start", "pause", "resume", "reopen", "end", "focus_mode"}
        await pilot.press("ctrl+g")  # no focus mode for a record
        assert not pane.has_class("-focus")
        await pilot.press("f8", "f7")  # marks and notes stay editable, on purpose
        await type_text(pilot, "Added later")
        await pilot.press("ctrl+t")  # carrying on asks first
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, ConversationScreen)
        assert pane.conversation.live.ended_at is not None
    saved = reread(app, tmp_path)
    first = saved.questions[0]
    assert (first.starred, first.state, first.note) == (True, "skipped", "Added later")
    assert saved.status == "done" and saved.live.ended_at


@pytest.mark.parametrize("size", [(80, 24), (60, 24)])
async def test_a_finished_call_says_when_it_ended_and_f12_reads_it_all(tmp_path: Path,
                                                                       size) -> None:
    app, clock = live_app(tmp_path), FakeClock()
    async with app.run_test(size=size) as pilot:
        pane = await open_live(pilot, clock)
        assert "read" not in footer_actions(app)  # not before the call
        await pilot.press("f12")
        assert isinstance(app.screen, ConversationScreen)
        await pilot.press("ctrl+t")
        clock.advance(minutes=25, seconds=20)
        await pilot.press("f9", "left", "enter")
        await pilot.pause()
        shown = timer_text(pane)
        assert "Ended" in shown and "after 25 min" in shown, shown
        assert "f12 reads the whole conversation" in shown
        assert "read" in footer_actions(app)
        await type_text(pilot, "Wrote this after the end")  # the note is still editable
        await pilot.press("f12")
        screen = await until(pilot, lambda: isinstance(app.screen, ReadScreen) and app.screen)
        await until(pilot, lambda: screen.all_shown is not None)
        document = "\n".join(line.text for line in screen.query_one(DocumentView).lines)
        assert "Wrote this after the end" in document
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ConversationScreen))
        await type_text(pilot, ".")
        await pilot.pause()
        assert pane.conversation.questions[0].note == "Wrote this after the end."
    assert reread(app, tmp_path).questions[0].note == "Wrote this after the end."


@pytest.mark.parametrize("size", [(100, 30), (80, 24), (60, 24)])
async def test_a_quick_note_takes_you_back_where_you_were(tmp_path: Path, size) -> None:
    app = live_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        pane = await open_live(pilot)
        await pilot.press("ctrl+t")
        for start in (pane.note_area, pane.questions, pane.log_list):
            start.focus()
            await pilot.pause()
            await pilot.press("ctrl+l")
            assert app.focused is pane.quick
            await type_text(pilot, "stamp")
            await pilot.press("enter")
            assert app.focused is start, (size, start)
        assert [n.text for n in pane.conversation.live.notes] == ["stamp"] * 3
