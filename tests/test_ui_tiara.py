"""Pilot tests of the one-key TIARA plan and the call's arc shown with the Live timer."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from tests.live_tools import T0, FakeClock, live_app, open_live, timer_text
from tests.test_ui_prep import conversation_on_disk, new_app, open_prep, toasts
from tests.uitools import type_text
from tui.core.plan_fill import tiara_stage
from tui.panes.prep.question_lists import PlanList


async def test_one_key_fills_a_balanced_tiara_plan(tmp_path: Path) -> None:
    app = new_app(tmp_path, minutes=30)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_prep(pilot, "2")
        assert app.focused.id == "goal"
        await type_text(pilot, "f7 is a key, not this text")  # letters stay text
        await pilot.press("f7")
        await pilot.pause()
        plan = app.screen.query_one(PlanList)
        assert len(plan.options) == 10
        assert "Added 10 TIARA questions: 2 trends, 2 insights, 2 advice, 2 resources, " \
               "2 assignments." in toasts(app)
        await pilot.press("f7")
        await pilot.pause()
        assert "Your plan already has 10 questions" in toasts(app)
        assert len(plan.options) == 10
    doc = conversation_on_disk(app, tmp_path)
    assert doc["goal"] == "f7 is a key, not this text"
    stages = Counter(tiara_stage(q["category"]) for q in doc["questions"])
    assert stages == {"trends": 2, "insights": 2, "advice": 2, "resources": 2, "assignments": 2}
    assert len({q["text"] for q in doc["questions"]}) == 10


async def test_the_timer_shows_where_the_call_is_in_its_arc(tmp_path: Path) -> None:
    app = live_app(tmp_path, live={"started_at": T0.isoformat()})
    clock = FakeClock(T0.replace(minute=31))
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await open_live(pilot, clock)
        assert "01:00 / 30:00" in timer_text(pane) and "· small talk" in timer_text(pane)
        clock.advance(minutes=4)
        pane.tick()
        assert "· questions" in timer_text(pane)
        assert "▰▰" in timer_text(pane)  # the bar fills as the call goes
        clock.advance(minutes=21)  # 26:00: the ask's time, as the wrap-up warning says
        pane.tick()
        assert "WRAP UP" in timer_text(pane)


async def test_a_wide_timer_says_how_long_until_the_next_phase(tmp_path: Path) -> None:
    app = live_app(tmp_path, live={"started_at": T0.isoformat()})
    async with app.run_test(size=(120, 30)) as pilot:
        pane = await open_live(pilot, FakeClock(T0.replace(minute=40)))
        assert "· Questions · 15:00 until next steps and the ask" in timer_text(pane)


async def test_a_narrow_split_keeps_the_phase_without_the_bar(tmp_path: Path) -> None:
    app = live_app(tmp_path, live={"started_at": T0.isoformat()})
    async with app.run_test(size=(60, 24)) as pilot:
        pane = await open_live(pilot, FakeClock(T0.replace(minute=45)))
        assert "· questions" in timer_text(pane) and "▱" not in timer_text(pane)
