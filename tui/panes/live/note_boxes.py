"""The two places a user types during a call: the current question's note and the quick line."""

from __future__ import annotations

from typing import Any

from tui.core.live import MAX_QUICK_NOTE
from tui.widgets.text_box import LineInput, TextBox


class QuestionNote(TextBox):
    """The current question's note: plain Markdown text, never rendered while typing, fast
    with a very long note (see ``TextAreaHooks.fast_documents``). Keys that change which
    question it belongs to (``ctrl+n``...) are the pane's, in typing order."""

    DEFAULT_CSS = """
    QuestionNote { height: 1fr; min-height: 3; background: $boost; scrollbar-gutter: stable; }
    """
    fast_documents = True

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            soft_wrap=True, show_line_numbers=False, tab_behavior="focus", compact=True,
            placeholder="Notes on this question (Markdown). Saved as you type; esc leaves.",
            **kwargs,
        )


class QuickNote(LineInput):
    """One line for a free note; enter stamps it with the minute of the call (see
    ``LiveNotes``: clearing the line on a later message would wipe keys typed after enter)."""

    hint = " Paste long text into the question's note area."

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            placeholder="quick note: enter stamps it with the minute (ctrl+l)", compact=True,
            # Coming back to a half-typed note must not select it: the next key would replace it.
            select_on_focus=False, max_chars=MAX_QUICK_NOTE, **kwargs,
        )
