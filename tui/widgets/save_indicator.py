"""A small word that says whether everything typed is on disk, and why not when it is not."""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import Static

from tui.widgets.text import plain, styled

NOT_SAVED_HINT = ("Your edits are kept while coffeechat runs and tried again every few seconds; "
                  "ctrl+s tries now.")

#: (``saved`` | ``saving`` | ``error``, the error's message).
SaveStatus = tuple[str, str | None]


def short_reason(detail: str | None) -> str:
    """The system's reason at the end of a save error (``No space left on device``)."""
    if not detail:
        return ""
    return detail.rsplit(": ", 1)[-1][:40]


class SaveIndicator(Static):
    """Shows ``saved``, ``saving…`` or ``not saved: <reason>``: it follows the app's
    ``save_status``, which the writer thread and the autosaver push (nothing is polled).

    ``problems_only`` hides it while everything is fine and shows the whole message (with the
    file's path) when a save fails: the home screen's line.
    """

    DEFAULT_CSS = """
    SaveIndicator { width: auto; padding: 0 1; }
    SaveIndicator.-problems-only { width: 1fr; height: auto; color: $text; background: $error 30%; }
    """

    status: reactive[SaveStatus] = reactive(("", None), init=False)

    def __init__(self, *, problems_only: bool = False, id: str | None = None) -> None:
        super().__init__(id=id, classes="-problems-only" if problems_only else "")
        self.problems_only = problems_only

    @property
    def state(self) -> str:
        """``saved``, ``saving`` or ``error``."""
        return self.status[0]

    def on_mount(self) -> None:
        """Follow the app's save status."""
        if self.problems_only:
            self.display = False
        self.watch(self.app, "save_status", self._follow)

    def _follow(self, status: SaveStatus) -> None:
        self.status = status

    def watch_status(self, status: SaveStatus) -> None:
        """Show the new status."""
        state, detail = status
        if self.problems_only:
            self.display = state == "error"
            if state == "error":
                self.update(styled(("✗ Not saved: ", "bold"), detail or "", f". {NOT_SAVED_HINT}"))
            return
        if state == "error":
            reason = short_reason(detail)
            self.update(styled((f"✗ not saved{': ' + reason if reason else ''}", "bold $error")))
        else:
            self.update(styled({"saved": ("✓ saved", "$success"),
                                "saving": ("… saving", "$warning")}.get(state, ("", ""))))
        self.tooltip = plain(detail) if detail else None
