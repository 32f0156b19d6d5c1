"""A small word that says whether everything typed is on disk."""

from __future__ import annotations

from textual.widgets import Static

from tui.text import styled

POLL_SECONDS = 0.25


class SaveIndicator(Static):
    """Shows ``saved``, ``saving…`` or ``not saved`` by polling the app's autosaver and store."""

    DEFAULT_CSS = "SaveIndicator { width: auto; padding: 0 1; }"

    def on_mount(self) -> None:
        """Start polling."""
        self.state = ""
        self.poll()
        self.set_interval(POLL_SECONDS, self.poll)

    def poll(self) -> None:
        """Update the word if the state changed."""
        app = self.app
        state, _ = app.store.save_state()  # type: ignore[attr-defined]
        if app.autosaver.error:  # type: ignore[attr-defined]
            state = "error"
        elif app.autosaver.pending and state == "saved":  # type: ignore[attr-defined]
            state = "saving"
        if state != self.state:
            self.state = state
            look = {"saved": ("✓ saved", "$success"), "saving": ("… saving", "$warning"),
                    "error": ("✗ not saved", "bold $error")}[state]
            self.update(styled(look))
