"""Pilot tests of the current question: it survives a restart of the app."""

from __future__ import annotations

from pathlib import Path

from tests.live_tools import live_app, open_live, reread
from tests.uitools import make_app
from tui.core.models import LiveSession, Question


def twelve_questions(asked: int = 0) -> list[Question]:
    """Twelve questions, the first ``asked`` of them asked, each long enough to wrap at 60
    columns."""
    return [Question(text=f"Question number {i + 1}: what would you tell someone who is "
                          f"just starting out in this line of work?", id=f"q{i + 1}",
                     state="asked" if i < asked else "pending") for i in range(12)]


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
