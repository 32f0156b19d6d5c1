"""A small word that says whether everything typed is on disk, and why not when it is not."""

from __future__ import annotations

from textual.widgets import Static

from tui.text import plain, styled

NOT_SAVED_HINT = ("Your edits are kept while coffeechat runs and tried again every few seconds; "
                  "ctrl+s tries now.")


def short_reason(detail: str | None) -> str:
    """The system's reason at the end of a save error (``No space left on device``)."""
    if not detail:
        return ""
    return detail.rsplit(": ", 1)[-1][:40]


class SaveIndicator(Static):
    """Shows ``saved``, ``saving…`` or ``not saved: <reason>`` as the app reports it (the app's
    ``save_status``, pushed by the writer and the autosaver; nothing is polled).

    ``problems_only`` hides it while everything is fine and shows the whole message (with the
    file's path) when a save fails: the home screen's line.
    """

    DEFAULT_CSS = """
    SaveIndicator { width: auto; padding: 0 1; }
    SaveIndicator.-problems-only { width: 1fr; height: auto; color: $text; background: $error 30%; }
    """

    def __init__(self, *, problems_only: bool = False, id: str | None = None) -> None:
        super().__init__(id=id, classes="-problems-only" if problems_only else "")
        self.problems_only = problems_only
        self.state = ""
        self._shown: tuple[str, str | None] | None = None

    def on_mount(self) -> None:
        """Follow the app's save status."""
        if self.problems_only:
            self.display = False
        self.watch(self.app, "save_status", self._show)

    def poll(self) -> None:
        """Show the state right now (the app works it out afresh)."""
        self.app.update_save_status()  # type: ignore[attr-defined]
        self._show(self.app.save_status)  # type: ignore[attr-defined]

    def _show(self, status: tuple[str, str | None]) -> None:
        if status == self._shown:
            return
        self._shown = status
        state, detail = status
        self.state = state
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
                                "saving": ("… saving", "$warning")}[state]))
        self.tooltip = plain(detail) if detail else None
