"""The arc of a call: small talk, then questions, then next steps and the ask.

The phases are data (:data:`ARC`): each starts at a fraction of the planned length. Small talk
takes about the first tenth; next steps and the ask the last sixth, which for the default
30-minute call starts at 25:00, exactly when the Live timer's default wrap-up warning (five
minutes before the end) fires. Pass the timer's own wrap-up second as ``ask_at`` and the two
always agree, whatever the user set.

Intervals are half-open: at exactly a boundary the call is in the later phase. Past the
planned end the call stays in the last phase, with the overrun counted. Everything here is
pure and works in whole seconds.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True)
class ArcPhase:
    """One phase of the call: a key, a short label, where it starts and what to do in it."""

    key: str
    label: str
    starts_at: Fraction  # a fraction of the planned length
    hint: str


ARC = (
    ArcPhase("small-talk", "Small talk", Fraction(0),
             "Thank them for the time, a word of rapport, your 30-second story."),
    ArcPhase("questions", "Questions", Fraction(1, 10),
             "Must-ask questions first; listen more than you talk."),
    ArcPhase("next-steps", "Next steps and the ask", Fraction(5, 6),
             "Make your ask, ask who else to talk to, thank them, offer to stay in touch."),
)


def check_arc(arc: tuple[ArcPhase, ...]) -> None:
    """Raise ``ValueError`` unless the arc starts at 0 and its phases start in order below 1."""
    if not arc or arc[0].starts_at != 0:
        raise ValueError("an arc needs phases, the first starting at 0")
    starts = [p.starts_at for p in arc]
    if starts != sorted(starts) or starts[-1] >= 1:
        raise ValueError("phases must start in order, each before the end of the call")


@dataclass(frozen=True)
class PhaseSpan:
    """A phase and its seconds in a call of a given length: ``[start, end)``."""

    phase: ArcPhase
    start: int
    end: int

    @property
    def seconds(self) -> int:
        """How long the phase lasts (0 when a short call leaves it no room)."""
        return self.end - self.start


def phase_spans(planned_minutes: int, arc: tuple[ArcPhase, ...] = ARC,
                ask_at: int | None = None) -> list[PhaseSpan]:
    """Each phase's seconds in a call of ``planned_minutes``.

    ``ask_at`` (seconds, e.g. the Live timer's wrap-up moment) moves the start of the last
    phase there, held between the start of the phase before it and the planned end.
    """
    if planned_minutes < 1:
        raise ValueError("a call is planned for at least one minute")
    check_arc(arc)
    planned = planned_minutes * 60
    starts = [int(planned * p.starts_at) for p in arc]  # floor: exact for fractions
    if ask_at is not None and len(arc) > 1:
        starts[-1] = min(planned, max(starts[-2], ask_at))
    ends = [*starts[1:], planned]
    return [PhaseSpan(p, s, e) for p, s, e in zip(arc, starts, ends, strict=True)]


@dataclass(frozen=True)
class ArcPosition:
    """Where the call is: its phase, the seconds around it, the phase after it, any overrun."""

    span: PhaseSpan
    index: int
    elapsed: int
    planned: int
    following: ArcPhase | None  # the next phase with time in it; None in the last

    @property
    def phase(self) -> ArcPhase:
        """The current phase."""
        return self.span.phase

    @property
    def is_last(self) -> bool:
        """In the final phase: time for next steps and the ask."""
        return self.following is None

    @property
    def left_in_phase(self) -> int:
        """Seconds until the next phase (or the planned end); 0 when over time."""
        return max(0, self.span.end - self.elapsed)

    @property
    def overrun(self) -> int:
        """Seconds past the planned end."""
        return max(0, self.elapsed - self.planned)

    def line(self) -> str:
        """One line for a status bar: ``Small talk · 1:40 until questions``,
        ``Next steps and the ask · 2:10 left``, ``Next steps and the ask · 1:05 over``."""
        if self.overrun:
            return f"{self.phase.label} · {_clock(self.overrun)} over"
        if self.following is None:
            return f"{self.phase.label} · {_clock(self.left_in_phase)} left"
        return (f"{self.phase.label} · {_clock(self.left_in_phase)} until "
                f"{self.following.label.lower()}")


def _clock(seconds: int) -> str:
    minutes, rest = divmod(seconds, 60)
    return f"{minutes}:{rest:02d}"


def arc_position(elapsed_seconds: int, planned_minutes: int,
                 arc: tuple[ArcPhase, ...] = ARC, ask_at: int | None = None) -> ArcPosition:
    """The phase the call is in after ``elapsed_seconds`` (negative reads as 0; at or past
    the planned end, the last phase)."""
    spans = phase_spans(planned_minutes, arc, ask_at)
    planned = planned_minutes * 60
    elapsed = max(0, elapsed_seconds)
    if elapsed >= planned:
        index = len(spans) - 1
    else:  # the spans tile [0, planned): exactly one holds ``elapsed``
        index = next(i for i, s in enumerate(spans) if s.start <= elapsed < s.end)
    following = next((s.phase for s in spans[index + 1:] if s.seconds > 0), None)
    return ArcPosition(spans[index], index, elapsed, planned, following)


def bar_cells(planned_minutes: int, width: int, arc: tuple[ArcPhase, ...] = ARC,
              ask_at: int | None = None) -> list[tuple[str, int]]:
    """How many of ``width`` cells each phase gets in a bar drawn across the timer:
    proportional, every phase with time at least one cell (when ``width`` allows), the cells
    adding up to ``width``."""
    spans = [s for s in phase_spans(planned_minutes, arc, ask_at) if s.seconds > 0]
    if width <= 0 or not spans:
        return [(s.phase.key, 0) for s in spans]
    planned = planned_minutes * 60
    cells = [max(1 if width >= len(spans) else 0, round(width * s.seconds / planned))
             for s in spans]
    widest = cells.index(max(cells))
    cells[widest] += width - sum(cells)
    return [(s.phase.key, c) for s, c in zip(spans, cells, strict=True)]
