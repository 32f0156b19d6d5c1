"""The call itself, without any UI: timer phases, start/pause/resume/end, note stamping.

The timer is never a counter in memory: every reading is derived from the stored
``LiveSession`` (``started_at``, ``paused_at``, ``paused_seconds``, ``ended_at``) and the
current moment, so a call survives a restart, a crash or a switch to another conversation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tui.core.dates import format_when
from tui.core.models import LiveNote, LiveSession
from tui.core.moments import moment as stored_moment

BEFORE, RUNNING, WRAP_UP, OVERRUN, PAUSED, ENDED = (
    "before", "running", "wrap_up", "overrun", "paused", "ended",
)
PHASES = (BEFORE, RUNNING, WRAP_UP, OVERRUN, PAUSED, ENDED)

WRAP_UP_SETTING = "wrap_up_minutes"
DEFAULT_WRAP_UP_MINUTES = 5
MAX_WRAP_UP_MINUTES = 120
MAX_QUICK_NOTE = 2_000


class LiveError(ValueError):
    """A call transition or value that does not make sense now; the message says why."""


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _seconds_since(iso: str, now: datetime) -> int:
    try:
        return max(0, int((now - stored_moment(iso, now.tzinfo)).total_seconds()))
    except OverflowError:  # a stored moment at the calendar's ends
        return 0


@dataclass(frozen=True)
class TimerState:
    """One reading of the call's clock."""

    phase: str
    elapsed: int
    planned: int
    wrap_at: int

    @property
    def remaining(self) -> int:
        """Seconds left until the planned end (negative when over)."""
        return self.planned - self.elapsed

    @property
    def overrun(self) -> int:
        """Seconds past the planned end (0 when not over)."""
        return max(0, self.elapsed - self.planned)

    @property
    def started(self) -> bool:
        """The call has started (it may be paused or ended)."""
        return self.phase != BEFORE

    @property
    def show_ask(self) -> bool:
        """Time to make the ask: wrap-up or later, and the call is not over."""
        return self.phase in (WRAP_UP, OVERRUN) or (
            self.phase == PAUSED and self.elapsed >= self.wrap_at
        )


def timer_state(session: LiveSession, minutes: int, wrap_up_minutes: int,
                moment: datetime) -> TimerState:
    """The phase and seconds of the call at ``moment`` (planned ``minutes``, warning
    ``wrap_up_minutes`` before the end)."""
    planned = max(1, minutes) * 60
    wrap_at = max(0, planned - max(0, wrap_up_minutes) * 60)
    elapsed = session.elapsed_seconds(moment)
    if not session.started_at:
        phase = BEFORE
    elif session.ended_at:
        phase = ENDED
    elif session.paused_at:
        phase = PAUSED
    elif elapsed >= planned:
        phase = OVERRUN
    elif elapsed >= wrap_at and wrap_up_minutes > 0:
        phase = WRAP_UP
    else:
        phase = RUNNING
    return TimerState(phase=phase, elapsed=elapsed, planned=planned, wrap_at=wrap_at)


def format_clock(seconds: int) -> str:
    """``mm:ss``, or ``h:mm:ss`` from an hour on."""
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def phase_message(previous: str | None, state: TimerState, minutes: int, ask: str) -> str | None:
    """What to tell the user when the call moves into wrap-up or past its end (else None).

    Only a change seen while running counts: opening a call already in wrap-up says nothing.
    """
    if previous == RUNNING and state.phase == WRAP_UP:
        reminder = " ".join(ask.split())
        reminder = f" The ask: {reminder[:200]}" if reminder else ""
        return f"Wrap-up time: {format_clock(state.remaining)} left.{reminder}"
    if previous in (RUNNING, WRAP_UP) and state.phase == OVERRUN:
        return f"Past the planned {minutes} minute{'s' if minutes != 1 else ''}."
    return None


# -- transitions ----------------------------------------------------------------------------


def start(session: LiveSession, moment: datetime) -> None:
    """Start the call now."""
    if session.started_at:
        raise LiveError("The call has already started.")
    session.started_at = _iso(moment)
    session.ended_at = session.paused_at = None
    session.paused_seconds = 0


def pause(session: LiveSession, moment: datetime) -> None:
    """Stop the clock until :func:`resume`."""
    if not session.running:
        raise LiveError("The call is not running.")
    if session.paused_at:
        raise LiveError("The call is already paused.")
    session.paused_at = _iso(moment)


def resume(session: LiveSession, moment: datetime) -> None:
    """Restart the clock; the paused time does not count."""
    if not session.paused_at:
        raise LiveError("The call is not paused.")
    session.paused_seconds += _seconds_since(session.paused_at, moment)
    session.paused_at = None


def end(session: LiveSession, moment: datetime) -> None:
    """End the call now (a pause in progress ends with it)."""
    if not session.running:
        raise LiveError("The call has not started." if not session.started_at
                        else "The call has already ended.")
    if session.paused_at:
        resume(session, moment)
    session.ended_at = _iso(moment)


def reopen(session: LiveSession, moment: datetime) -> None:
    """Carry on after an end by mistake: the time since the end counts as a pause."""
    if not session.ended_at:
        raise LiveError("The call has not ended.")
    session.paused_seconds += _seconds_since(session.ended_at, moment)
    session.ended_at = None


def toggle(session: LiveSession, moment: datetime) -> str:
    """The one-key start / pause / resume; returns what it did (``started``...)."""
    if not session.started_at:
        start(session, moment)
        return "started"
    if session.ended_at:
        raise LiveError("The call has ended.")
    if session.paused_at:
        resume(session, moment)
        return "resumed"
    pause(session, moment)
    return "paused"


# -- notes ----------------------------------------------------------------------------------


def stamp_seconds(session: LiveSession, moment: datetime) -> int:
    """Seconds of call time at ``moment``: 0 before the start, frozen while paused or ended."""
    return session.elapsed_seconds(moment)


def add_note(session: LiveSession, text: str, question_id: str | None,
             moment: datetime) -> LiveNote:
    """Append a free note stamped with the call time; blank text is refused."""
    clean = text.strip()
    if not clean:
        raise LiveError("The note is empty.")
    if len(clean) > MAX_QUICK_NOTE:
        raise LiveError(f"That note is {len(clean):,} characters; a quick note holds up to "
                        f"{MAX_QUICK_NOTE:,}. Put long text in the question's note area.")
    note = LiveNote(text=clean, at_seconds=stamp_seconds(session, moment),
                    question_id=question_id)
    session.notes.append(note)
    return note


def ended_summary(session: LiveSession, now: datetime) -> str:
    """``Thu 3 Dec 15:04 after 31 min``: when a call ended and how long it was ("" if it has
    not ended); the minutes are call time, pauses left out."""
    if not session.ended_at:
        return ""
    minutes = round(session.elapsed_seconds(now) / 60)
    length = f"{minutes} min" if minutes else "less than a minute"
    return f"{format_when(session.ended_at, now)} after {length}"


# -- settings and numbers -------------------------------------------------------------------


def wrap_up_minutes(settings: dict[str, Any]) -> int:
    """The wrap-up warning from the settings; a missing or odd value reads as the default."""
    value = settings.get(WRAP_UP_SETTING, DEFAULT_WRAP_UP_MINUTES)
    if isinstance(value, bool) or not isinstance(value, int):
        return DEFAULT_WRAP_UP_MINUTES
    return value if 0 <= value <= MAX_WRAP_UP_MINUTES else DEFAULT_WRAP_UP_MINUTES


def parse_minutes(text: str, low: int, high: int, what: str) -> int:
    """A whole number of minutes from ``low`` to ``high``, or a :class:`LiveError` naming
    ``what`` and the range."""
    clean = text.strip()
    if not clean.isdigit() or not low <= int(clean) <= high:
        shown = clean if len(clean) <= 20 else clean[:19] + "…"
        raise LiveError(f"{what}: '{shown}' is not a whole number of minutes from "
                        f"{low} to {high}.")
    return int(clean)
