"""The live checklist beside an outreach draft: one line per habit of a message that gets
answered, with a hint under each one that needs a second look. Plain text only: labels and
hints can quote the draft."""

from __future__ import annotations

from functools import partial

from textual.content import Content
from textual.timer import Timer
from textual.widget import Widget

from tui.core.outreach_checks import EMAIL, CheckResult, DraftContext, check_draft, summary
from tui.widgets.lines import Line
from tui.widgets.text import styled

MARKS = {"pass": ("✓", "$success"), "warn": ("!", "$warning"), "fail": ("✗", "$error"),
         "todo": ("·", "dim")}
MEDIUM_NAMES = {EMAIL: "Email", "linkedin": "LinkedIn note"}


def heading(medium: str, note: str) -> list[str | tuple[str, str]]:
    """``Email: 4 of 6 checks pass (f7 LinkedIn)``."""
    other = "LinkedIn" if medium == EMAIL else "email"
    return [(MEDIUM_NAMES[medium], "bold"), f": {note}", (f" (f7 {other})", "dim")]


def checklist_content(results: list[CheckResult], medium: str,
                      compact: bool = False) -> Content:
    """The heading, then ``✓ Short: 51 words`` per check; a check that does not pass gets
    its hint on the next line. ``compact`` (a narrow terminal): passing checks are left out."""
    parts: list[str | tuple[str, str]] = heading(medium, summary(results))
    for result in results:
        if compact and result.passed:
            continue
        mark, look = MARKS[result.status]
        parts.extend(["\n", (f"{mark} ", look), result.label])
        if result.status in ("warn", "fail"):
            parts.extend(["\n  ", (result.hint, "dim")])
    return styled(*parts)


class OutreachChecklist(Line):
    """Shows check results, a "checking" line while a long draft is read, or why a draft is
    not checked."""

    DEFAULT_CSS = """
    OutreachChecklist { padding: 0 1; height: auto; }
    """

    compact = False  # a narrow terminal: only the checks that do not pass
    _shown: tuple[list[CheckResult], str] | None = None

    def show_results(self, results: list[CheckResult], medium: str) -> None:
        """The checks' results."""
        self._shown = (results, medium)
        self.shown = checklist_content(results, medium, self.compact)

    def set_compact(self, compact: bool) -> None:
        """Switch between every check and only those that do not pass."""
        if compact != self.compact:
            self.compact = compact
            if self._shown is not None:
                self.show_results(*self._shown)

    def show_note(self, medium: str, note: str) -> None:
        """Only the heading, with ``note`` (checking..., too long to check)."""
        self._shown = None
        self.shown = styled(*heading(medium, note))


SYNC_LIMIT = 4_000  # characters checked at once on each change (a few milliseconds)
DEBOUNCE = 0.25  # seconds of quiet before a longer draft is checked, in a thread


class DraftChecking(Widget):
    """Mixed into the Outreach part: keeps :class:`OutreachChecklist` in step with the draft.

    A draft of up to :data:`SYNC_LIMIT` characters is checked on every change; a longer one
    (a big paste) after a short pause, in a worker thread, so typing never waits; one over
    ``limit`` characters (the most a draft may hold) is not checked at all.
    """

    _check_timer: Timer | None = None
    _checked_text: str | None = None

    def check_context(self) -> DraftContext:
        """What the checks know about this contact and chat (the part provides it)."""
        raise NotImplementedError

    @property
    def medium(self) -> str:
        """``email`` or ``linkedin`` (the part provides it)."""
        raise NotImplementedError

    def check_draft_now(self, text: str, limit: int) -> None:
        """Check ``text`` at once when short, else after a pause in a thread."""
        checklist = self.query_one(OutreachChecklist)
        if self._check_timer is not None:
            self._check_timer.stop()
            self._check_timer = None
        if len(text) > limit:
            checklist.show_note(self.medium, f"not checked: over {limit:,} characters")
            return
        context = self.check_context()
        if len(text) <= SYNC_LIMIT:
            checklist.show_results(check_draft(text, context), context.medium)
            return
        checklist.show_note(context.medium, "checking…")
        self._check_timer = self.set_timer(
            DEBOUNCE, lambda: self.run_worker(partial(self._check_in_thread, text, context),
                                              thread=True, exclusive=True,
                                              group="outreach-checks", exit_on_error=False))

    def _check_in_thread(self, text: str, context: DraftContext) -> None:
        results = check_draft(text, context)
        self.app.call_from_thread(self._checked, text, context, results)

    def _checked(self, text: str, context: DraftContext, results: list[CheckResult]) -> None:
        if text == self.current_draft() and context.medium == self.medium:
            self.query_one(OutreachChecklist).show_results(results, context.medium)

    def current_draft(self) -> str:
        """The draft as it is now (the part provides it)."""
        raise NotImplementedError
