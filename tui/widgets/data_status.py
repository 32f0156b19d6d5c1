"""Two lines on the home screen about the data itself: background work in progress, and the
files that need the user (damaged, from a newer coffeechat, sync conflicts)."""

from __future__ import annotations

from textual.widgets import Static

from tui.widgets.text import styled

SHOWN_PROBLEMS = 4


class DataProgress(Static):
    """``Reading your conversations: 2,300 of 10,000…``; hidden when nothing runs."""

    DEFAULT_CSS = """
    DataProgress { height: 1; padding: 0 1; color: $text-muted; background: $boost; }
    """

    def on_mount(self) -> None:
        """Nothing runs yet."""
        self.display = False

    def show_progress(self, text: str | None) -> None:
        """Show ``text``, or hide the line (None)."""
        self.display = bool(text)
        if text:
            self.update(styled((text, "")))


class DataProblems(Static):
    """Each file that cannot be used, and each sync conflict, on a line of its own (the first
    few; the rest counted)."""

    DEFAULT_CSS = """
    DataProblems { height: auto; max-height: 8; padding: 0 1; color: $text;
                   background: $warning 25%; }
    """

    def on_mount(self) -> None:
        """No problems known yet."""
        self.display = False

    def show_problems(self, lines: list[str]) -> None:
        """Show ``lines`` (hidden when there are none)."""
        self.display = bool(lines)
        if not lines:
            return
        shown = lines[:SHOWN_PROBLEMS]
        parts: list[str | tuple[str, str]] = [
            (f"⚠ {len(lines)} file{'s' if len(lines) != 1 else ''} need you "
             "(left untouched):", "bold")]
        parts += [f"\n• {line}" for line in shown]
        if len(lines) > len(shown):
            parts.append(f"\n… and {len(lines) - len(shown)} more: 'coffeechat list' names "
                         "them all.")
        self.update(styled(*parts))
