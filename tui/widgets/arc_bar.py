"""The call's arc drawn across the timer: small talk, questions, next steps and the ask, each
phase in its own colour, filled as far as the call has gone."""

from __future__ import annotations

from textual.content import Content

from tui.core.call_arc import arc_position, bar_cells
from tui.core.live import TimerState
from tui.widgets.text import styled

PHASE_LOOK = {"small-talk": "$text-muted", "questions": "$accent", "next-steps": "$warning"}
SHORT_LABEL = {"small-talk": "small talk", "questions": "questions",
               "next-steps": "next steps, the ask"}


def arc_bar(state: TimerState, cells: int) -> Content:
    """``cells`` cells, each phase's share in its colour; ▰ for time gone, ▱ for time left."""
    minutes = max(1, state.planned // 60)
    filled = min(cells, round(cells * state.elapsed / state.planned)) if state.planned else 0
    parts: list[str | tuple[str, str]] = []
    at = 0
    for key, count in bar_cells(minutes, cells, ask_at=state.wrap_at):
        gone = max(0, min(count, filled - at))
        look = PHASE_LOOK.get(key, "$text-muted")
        parts.extend([("▰" * gone, look), ("▱" * (count - gone), look)])
        at += count
    return styled(*parts)


def arc_label(state: TimerState, wide: bool) -> str:
    """Where the call is in its arc: ``questions`` (narrow) or ``Questions · 12:40 until
    next steps and the ask`` (wide)."""
    position = arc_position(state.elapsed, max(1, state.planned // 60), ask_at=state.wrap_at)
    return position.line() if wide else SHORT_LABEL.get(position.phase.key,
                                                        position.phase.label.lower())
