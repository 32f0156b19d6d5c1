"""The Progress numbers, worked out on a thread and kept while the records stay the same
(see :mod:`tui.screens.as_of_now`), so that the view opens with them when it can."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen

from tui.core.progress import progress
from tui.core.stats import Stats
from tui.screens.as_of_now import AsOfNow

PROGRESS = "progress"


def kept_numbers(inputs: AsOfNow) -> Stats | None:
    """The numbers already worked out for exactly these records, if any."""
    found = inputs.kept(PROGRESS)
    return found if isinstance(found, Stats) else None


def work_out_numbers(inputs: AsOfNow) -> Stats:
    """Work the numbers out (on a thread) and keep them."""
    stats = progress(inputs.contacts, inputs.conversations, inputs.now, inputs.routine)
    inputs.keep(PROGRESS, stats)
    return stats


def warm_progress(screen: Screen[Any]) -> None:
    """Work the numbers out ahead, on a thread, unless they are kept already (the home screen
    does this once its own background work is done)."""
    inputs = AsOfNow(screen)
    if kept_numbers(inputs) is None:
        screen.run_worker(lambda: work_out_numbers(inputs), thread=True,
                          group="progress-ahead", exclusive=True, exit_on_error=False,
                          description="working out progress ahead")
