"""SVG snapshots of the Live pane mid-call (update with --snapshot-update after a deliberate
change, then look at them)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from tests.live_tools import QUESTIONS, T0, planned_call
from tests.snapshot_tools import press_then_saved, snapshot_app
from tui.core.models import LiveNote, LiveSession, Question, Referral


@pytest.fixture
def mid_call(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """An app on a call that started at 14:30; ``minutes`` in, the clock stands still."""

    def make(minutes: int):
        app = snapshot_app(tmp_path)
        monkeypatch.setattr(app, "now", lambda: T0 + timedelta(minutes=minutes))
        questions = [Question(text=t, id=f"q{i + 1}") for i, t in enumerate(QUESTIONS)]
        questions[0].state, questions[0].note = "asked", "Physics, then [b]robots[/].\n- MIT lab"
        questions[1].starred = True
        questions[1].note = "Reviews.\n- **Tuesdays**: 1:1s [not markup]\n- no Friday meetings"
        questions.insert(2, Question(text="Which reviews matter?", id="q9", added_live=True))
        questions[3].state = "skipped"
        session = LiveSession(started_at=T0.isoformat(), notes=[
            LiveNote(text="Uses Rust for firmware [/]", at_seconds=185, question_id="q1"),
            LiveNote(text="Ask about the mentoring program", at_seconds=640, question_id="q2"),
        ])
        planned_call(app, live=session, questions=questions,
                     referrals=[Referral(name="Bob Lee", company="Globex")])
        return app

    return make


def test_live_snapshot_wrap_up(snap_compare, mid_call) -> None:
    app = mid_call(26)
    assert snap_compare(app, terminal_size=(100, 30), run_before=press_then_saved("enter", "f4"))


def test_live_snapshot_narrow(snap_compare, mid_call) -> None:
    app = mid_call(12)
    assert snap_compare(app, terminal_size=(60, 24), run_before=press_then_saved("enter", "f4"))


def test_live_snapshot_focus_mode(snap_compare, mid_call) -> None:
    app = mid_call(33)
    assert snap_compare(app, terminal_size=(60, 24),
                        run_before=press_then_saved("enter", "f4", "ctrl+g"))
