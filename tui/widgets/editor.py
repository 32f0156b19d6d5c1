"""Handing the terminal to the user's editor for a long text, and taking it back.

A headless app (Pilot tests) cannot suspend, and runs the editor directly.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.app import App, SuspendNotSupported

from tui.services.editor import EditorError, edit_text, editor_command


def edit_in_app(app: App[object], text: str, env: Mapping[str, str] | None = None) -> str:
    """Suspend ``app``, run the editor on ``text``, resume; returns the edited text."""
    editor_command(env)  # fail before suspending when no editor is set
    try:
        with app.suspend():
            return edit_text(text, env)
    except SuspendNotSupported:
        if not app.is_headless:
            raise EditorError("This terminal session cannot hand over to an external editor; "
                              "edit the text here instead.") from None
    # Headless (tests): nothing owns a real terminal, so the editor runs as it is.
    return edit_text(text, env)
