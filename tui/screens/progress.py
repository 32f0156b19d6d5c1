"""Progress: the funnel, conversations per month, replies by weekday, the ask and
relationships, as small terminal pictures with their numbers."""

from __future__ import annotations

from collections.abc import Iterable

from textual import work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Sparkline, Static

from tui.core.stats import Stats
from tui.screens.as_of_now import AsOfNow
from tui.screens.progress_numbers import kept_numbers, work_out_numbers
from tui.widgets.key_footer import KeyFooter
from tui.widgets.progress_charts import (
    funnel_content,
    months_caption,
    summary_content,
    weekday_content,
)
from tui.widgets.text import plain


class ProgressScreen(Screen[None]):
    """Read-only: the numbers are worked out from the records when the screen opens (and on
    r); escape goes back."""

    BINDINGS = [
        Binding("escape,q", "back", "Back", tooltip="Back to the lists", id="progress.back"),
        Binding("r", "reload", "Refresh", tooltip="Work the numbers out again",
                id="progress.reload"),
    ]
    DEFAULT_CSS = """
    ProgressScreen VerticalScroll { height: 1fr; padding: 0 1; }
    ProgressScreen .progress-heading { text-style: bold; color: $accent; margin-top: 1; }
    ProgressScreen Sparkline { height: 3; margin: 0 0; }
    ProgressScreen #progress-status { color: $text-muted; }
    ProgressScreen #progress-summary { margin-top: 1; }
    """

    def compose(self) -> ComposeResult:
        """The sections, filled once the numbers are ready."""
        yield Header()
        with VerticalScroll(id="progress-body"):
            yield Static(plain("Working the numbers out…"), id="progress-status")
            yield Static(plain("Funnel"), classes="progress-heading")
            yield Static(id="progress-funnel")
            yield Static(plain("Conversations held per month"), classes="progress-heading")
            yield Sparkline([], id="progress-months")
            yield Static(id="progress-months-caption")
            yield Static(plain("Replies by the weekday the outreach went out"),
                         classes="progress-heading")
            yield Static(id="progress-weekdays")
            yield Static(id="progress-summary")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Show the numbers: at once when they were worked out ahead for these records,
        else once worked out."""
        self.title = "Progress"
        inputs = AsOfNow(self)
        kept = kept_numbers(inputs)
        if kept is not None:
            self.show_stats(kept)
        else:
            self._compute(inputs)

    def action_reload(self) -> None:
        """Work the numbers out again, in a thread, from the contacts and the conversations'
        summaries (both held in memory by the store)."""
        self._compute(AsOfNow(self))

    @work(thread=True, exclusive=True, group="progress", exit_on_error=False,
          description="working out progress")
    def _compute(self, inputs: AsOfNow) -> None:
        stats = work_out_numbers(inputs)
        self.app.call_from_thread(self.show_stats, stats)

    def show_stats(self, stats: Stats) -> None:
        """Fill every section."""
        width = max(40, self.size.width - 4)
        self.stats = stats
        self.query_one("#progress-status", Static).update(plain(
            f"As of {stats.today.isoformat()} · {stats.conversations} conversations"))
        self.query_one("#progress-funnel", Static).update(funnel_content(stats, width))
        self.query_one("#progress-months", Sparkline).data = [h for _, h, _ in stats.per_month]
        self.query_one("#progress-months-caption", Static).update(months_caption(stats))
        self.query_one("#progress-weekdays", Static).update(weekday_content(stats, width))
        self.query_one("#progress-summary", Static).update(summary_content(stats))

    def action_back(self) -> None:
        """Back to the lists."""
        self.dismiss()

    def palette_commands(self) -> Iterable[SystemCommand]:
        """This screen's commands for the command palette."""
        yield SystemCommand("Refresh progress", "Work the numbers out again (r)",
                            self.action_reload)
        yield SystemCommand("Back to the lists", "Leave Progress (esc)", self.action_back)
