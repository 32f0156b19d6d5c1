"""The call's clock: elapsed against planned, wrap-up with the ask, overrun said plainly."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from tui.core.live import BEFORE, ENDED, OVERRUN, PAUSED, WRAP_UP, TimerState, format_clock
from tui.widgets.arc_bar import arc_bar, arc_label
from tui.widgets.text import one_line, styled

BAR_MIN_WIDTH = 70
BAR_CELLS = 12
ARC_LINE_WIDTH = 110  # from this width the arc says how long until the next phase


def timer_line(state: TimerState, asked: str, width: int, ended: str = "") -> Content:
    """The first line: phase, elapsed / planned, what is left or how far over; after the
    end, when and how long (``ended``), and what the finished call offers."""
    clock = f"{format_clock(state.elapsed)} / {format_clock(state.planned)}"
    if state.phase == BEFORE:
        return styled(("○ Not started", "bold"),
                      (f" · {state.planned // 60} min planned · ctrl+t starts", "dim"))
    if state.phase == ENDED:
        # A record now: it can be read whole, and notes and marks can still be corrected.
        said = f" {ended}" if ended else f"  {clock}"
        return styled(("■ Ended", "bold"), (said, "bold"), (f"  {asked}", "dim"),
                      ("\nf12 reads the whole conversation · notes stay editable",
                       "italic $text-muted"))
    if state.phase == PAUSED:
        return styled(("❚❚ Paused", "bold $warning"), f"  {clock}",
                      (" · ctrl+t resumes", "dim"))
    bar = Content("")
    if width >= BAR_MIN_WIDTH:
        bar = Content("  ") + arc_bar(state, BAR_CELLS)
    if state.phase == OVERRUN:
        return styled(("● ", "$error"), (clock, "bold")) + bar + styled(
            (f"  +{format_clock(state.overrun)} OVER", "bold $error"), (f"  {asked}", "dim"))
    left = f"  {format_clock(state.remaining)} left"
    if state.phase == WRAP_UP:
        return styled(("● ", "$warning"), (clock, "bold")) + bar + styled(
            (left, "$warning"), (" · WRAP UP", "bold $warning"), (f"  {asked}", "dim"))
    phase = arc_label(state, wide=width >= ARC_LINE_WIDTH)
    return styled(("● ", "$success"), (clock, "bold")) + bar + styled(
        (left, "dim"), (f" · {phase}", ""), (f"  {asked}", "dim"))


def ask_line(ask: str) -> Content:
    """The reminder of the ask shown from wrap-up time on."""
    if ask.strip():
        return styled(("The ask: ", "bold $warning"), one_line(ask, 300))
    return styled(("Time for the ask", "bold $warning"),
                  (" (none planned: who else should I talk to?)", "dim"))


# the state, the ask, "2/5 asked", and after the end "Thu 3 Dec 15:04 after 31 min"
Reading = tuple[TimerState | None, str, str, str]


class CallTimer(Widget):
    """One line of clock, and the ask beneath it from wrap-up time on.

    The widget only shows a :class:`TimerState` (its ``reading``); the pane derives the state
    from the stored session every second, so nothing here counts time. Setting the same
    reading again costs nothing.
    """

    DEFAULT_CSS = """
    CallTimer { height: auto; width: 1fr; padding: 0 1; }
    """

    reading: reactive[Reading] = reactive((None, "", "", ""), init=False)

    @property
    def state(self) -> TimerState | None:
        """The reading's state (None before the first)."""
        return self.reading[0]

    def watch_reading(self, old: Reading, new: Reading) -> None:
        """Repaint; lay out again when the ask line comes or goes."""
        grew = (old[0] is None or new[0] is None or old[0].show_ask != new[0].show_ask
                or old[0].phase != new[0].phase)
        self.refresh(layout=grew)

    def render(self) -> Content:
        """The clock line, and the ask when it is time."""
        state, ask, asked, ended = self.reading
        if state is None:
            return Content("")
        line = timer_line(state, asked, self.size.width, ended)
        if state.show_ask:
            return Content("\n").join([line, ask_line(ask)])
        return line
