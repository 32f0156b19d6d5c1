"""The call's arc at its edges: the start, exact boundaries, overrun and one-minute calls."""

from __future__ import annotations

from fractions import Fraction

import pytest

from tui.core.call_arc import ARC, ArcPhase, arc_position, bar_cells, check_arc, phase_spans
from tui.core.live import DEFAULT_WRAP_UP_MINUTES


def keys_at(minutes: int, *seconds: int, ask_at: int | None = None) -> list[str]:
    return [arc_position(s, minutes, ask_at=ask_at).phase.key for s in seconds]


def test_a_thirty_minute_call() -> None:
    spans = phase_spans(30)
    assert [(s.phase.key, s.start, s.end) for s in spans] == [
        ("small-talk", 0, 180), ("questions", 180, 1500), ("next-steps", 1500, 1800)]
    assert keys_at(30, 0, 179, 180, 1499, 1500, 1799) == [
        "small-talk", "small-talk", "questions", "questions", "next-steps", "next-steps"]


def test_the_ask_starts_when_the_timers_default_wrap_up_fires() -> None:
    for minutes in (20, 30, 45, 60):
        wrap_at = (minutes - DEFAULT_WRAP_UP_MINUTES) * 60
        if minutes == 30:
            assert phase_spans(30)[-1].start == wrap_at
        assert phase_spans(minutes, ask_at=wrap_at)[-1].start == wrap_at


def test_position_details_and_lines() -> None:
    start = arc_position(0, 30)
    assert (start.index, start.left_in_phase, start.overrun, start.is_last) == (0, 180, 0, False)
    assert start.line() == "Small talk · 3:00 until questions"
    middle = arc_position(750, 30)
    assert middle.line() == "Questions · 12:30 until next steps and the ask"
    end = arc_position(1670, 30)
    assert end.is_last and end.line() == "Next steps and the ask · 2:10 left"


def test_overrun_stays_in_the_last_phase() -> None:
    over = arc_position(1865, 30)
    assert over.phase.key == "next-steps"
    assert (over.overrun, over.left_in_phase) == (65, 0)
    assert over.line() == "Next steps and the ask · 1:05 over"
    assert arc_position(1800, 30).line() == "Next steps and the ask · 0:00 left"
    assert arc_position(10**9, 30).overrun == 10**9 - 1800


def test_a_negative_reading_is_the_start() -> None:
    assert arc_position(-5, 30).elapsed == 0
    assert arc_position(-5, 30).phase.key == "small-talk"


def test_a_one_minute_call() -> None:
    assert [(s.start, s.end) for s in phase_spans(1)] == [(0, 6), (6, 50), (50, 60)]
    assert keys_at(1, 0, 5, 6, 49, 50, 59, 60, 61) == [
        "small-talk", "small-talk", "questions", "questions", "next-steps", "next-steps",
        "next-steps", "next-steps"]


def test_a_custom_wrap_up_moves_the_ask_and_is_held_inside_the_call() -> None:
    assert phase_spans(30, ask_at=1200)[-1].start == 1200
    # a wrap-up longer than a short call: no time left for questions, straight to the ask
    spans = phase_spans(1, ask_at=0)
    assert [(s.phase.key, s.seconds) for s in spans] == [("small-talk", 6), ("questions", 0),
                                                         ("next-steps", 54)]
    assert keys_at(1, 5, 6, ask_at=0) == ["small-talk", "next-steps"]
    assert arc_position(3, 1, ask_at=0).line() == "Small talk · 0:03 until next steps and the ask"
    assert phase_spans(30, ask_at=5000)[-1].seconds == 0
    assert arc_position(1799, 30, ask_at=5000).is_last


def test_planned_length_and_arc_data_are_checked() -> None:
    with pytest.raises(ValueError, match="at least one minute"):
        arc_position(0, 0)
    check_arc(ARC)
    with pytest.raises(ValueError, match="first starting at 0"):
        check_arc((ArcPhase("a", "A", Fraction(1, 10), ""),))
    with pytest.raises(ValueError, match="in order"):
        check_arc((ArcPhase("a", "A", Fraction(0), ""), ArcPhase("b", "B", Fraction(1), "")))


def test_an_arc_is_data() -> None:
    two = (ArcPhase("talk", "Talk", Fraction(0), ""),
           ArcPhase("close", "Close", Fraction(3, 4), ""))
    assert [arc_position(s, 20, two).phase.key for s in (0, 899, 900)] == ["talk", "talk",
                                                                           "close"]
    assert arc_position(0, 20, two).line() == "Talk · 15:00 until close"


@pytest.mark.parametrize(("minutes", "width", "expected"), [
    (30, 60, [("small-talk", 6), ("questions", 44), ("next-steps", 10)]),
    (30, 10, [("small-talk", 1), ("questions", 7), ("next-steps", 2)]),
    (1, 3, [("small-talk", 1), ("questions", 1), ("next-steps", 1)]),
    (30, 0, [("small-talk", 0), ("questions", 0), ("next-steps", 0)]),
])
def test_bar_cells_add_up_to_the_width(minutes: int, width: int,
                                       expected: list[tuple[str, int]]) -> None:
    cells = bar_cells(minutes, width)
    assert cells == expected
    assert sum(c for _, c in cells) == max(0, width)
