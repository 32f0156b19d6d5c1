"""Pilot tests of the current question: ctrl+n moves on from a skipped one and leaves it
skipped, it survives a restart of the app, and it stays in view in the question list when the
list's size changes."""

from __future__ import annotations

from pathlib import Path

from textual.geometry import Region

from tests.live_tools import live_app, open_live, reread
from tests.uitools import make_app
from tui.core.models import LiveSession, Question
from tui.panes.live import LivePane


def twelve_questions(asked: int = 0) -> list[Question]:
    """Twelve questions, the first ``asked`` of them asked, each one line at 80 columns and
    two at 60."""
    return [Question(text=f"Question {i + 1:>2}: what would you tell someone who is just "
                          f"starting?", id=f"q{i + 1}",
                     state="asked" if i < asked else "pending") for i in range(12)]


def in_view(pane: LivePane) -> bool:
    """The whole of the current question's row is on the visible lines of the question
    list."""
    listing = pane.questions
    width, height = listing.scrollable_content_region.size
    lines = [strip.text for strip in listing.render_lines(Region(0, 0, width, height))]
    number = f"▶{(pane.current_index() or 0) + 1:>2} "
    row = next((n for n, line in enumerate(lines) if line.startswith(number)), None)
    return row is not None and "starting?" in "".join(lines[row:row + 2])


async def test_ctrl_n_on_a_skipped_question_keeps_it_skipped_and_moves_on(
        tmp_path: Path) -> None:
    app = live_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await open_live(pilot)
        await pilot.press("ctrl+t", "f7", "ctrl+n")
        assert pane.current_id == "q2"
        assert str(pane.questions.get_option_at_index(0).prompt).startswith("  1 – ")
        await pilot.press("ctrl+n")
        assert pane.current_id == "q3"
    saved = reread(app, tmp_path)
    assert [q.state for q in saved.questions] == ["skipped", "asked", "pending", "pending"]


async def test_the_current_question_survives_a_restart(tmp_path: Path) -> None:
    app = live_app(tmp_path, questions=twelve_questions(asked=7))
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await open_live(pilot)
        assert pane.current_id == "q8"
        await pilot.press("ctrl+t", "ctrl+down", "ctrl+down")
        assert pane.current_id == "q10"
        await pilot.press("ctrl+q")
    assert reread(app, tmp_path).live.current_question_id == "q10"
    app.store.close()  # as the app does once it has stopped
    again = make_app(tmp_path)
    async with again.run_test(size=(80, 24)) as pilot:
        pane = await open_live(pilot)
        assert pane.current_id == "q10"
        assert "Q10/12" in str(pane.query_one("#live-current").render())
        assert pane.questions.highlighted == 9


async def test_a_file_without_a_current_question_starts_at_the_first_pending(
        tmp_path: Path) -> None:
    app = live_app(tmp_path, questions=twelve_questions(asked=7),
                   live=LiveSession(started_at="2026-12-03T14:30:00+00:00",
                                    current_question_id="gone"))
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await open_live(pilot)
        assert pane.current_id == "q8"


async def test_the_current_question_stays_in_view_when_the_list_changes_size(
        tmp_path: Path) -> None:
    app = live_app(tmp_path, questions=twelve_questions(asked=7))
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await open_live(pilot)
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert pane.current_id == "q8" and in_view(pane)
        await pilot.resize_terminal(60, 24)
        await pilot.pause()
        assert in_view(pane)
        await pilot.press("ctrl+g")
        await pilot.pause()
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert in_view(pane)
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert in_view(pane)
