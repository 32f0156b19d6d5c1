"""The Progress numbers, worked out on a thread and kept while the records stay the same
(:class:`~tui.services.derived.Derived`), so that the view opens with them when it can."""

from __future__ import annotations

from collections.abc import Hashable
from datetime import datetime
from typing import Any

from textual.dom import DOMNode
from textual.screen import Screen

from tui.core.models import Contact
from tui.core.outreach_due import routine_settings
from tui.core.outreach_routine import RoutineSettings
from tui.core.progress import progress
from tui.core.stats import Stats
from tui.core.summary import ConversationSummary
from tui.services.derived import Derived
from tui.widgets.app_services import app_services

PROGRESS = "progress"


def numbers_key(now: datetime, routine: RoutineSettings) -> Hashable:
    """What the numbers depend on besides the records: the hour (a call that ends meanwhile
    counts from the next hour, or at once with r) and the routine's settings."""
    return now.replace(minute=0, second=0, microsecond=0), routine


class NumbersInputs:
    """The records, the clock and the settings the numbers are worked out from, as of now."""

    def __init__(self, node: DOMNode) -> None:
        services = app_services(node)
        self.derived: Derived = services.derived
        self.contacts: list[Contact] = services.store.contacts()
        self.conversations: list[ConversationSummary] = services.store.summaries()
        self.now = services.clock()
        self.routine, _ = routine_settings(services.settings.values())
        self.key = numbers_key(self.now, self.routine)

    def kept(self) -> Stats | None:
        """The numbers already worked out for exactly these records, if any."""
        found: Any = self.derived.get(PROGRESS, self.contacts, self.conversations, self.key)
        return found if isinstance(found, Stats) else None

    def work_out(self) -> Stats:
        """Work the numbers out (on a thread) and keep them."""
        stats = progress(self.contacts, self.conversations, self.now, self.routine)
        self.derived.put(PROGRESS, self.contacts, self.conversations, self.key, stats)
        return stats


def warm_progress(screen: Screen[Any]) -> None:
    """Work the numbers out ahead, on a thread, unless they are kept already (the home screen
    does this once its own background work is done)."""
    inputs = NumbersInputs(screen)
    if inputs.kept() is None:
        screen.run_worker(inputs.work_out, thread=True, group="progress-ahead",
                          exclusive=True, exit_on_error=False,
                          description="working out progress ahead")
