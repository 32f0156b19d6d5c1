"""Lines of text that repaint only when what they show changes."""

from __future__ import annotations

from typing import ClassVar

from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static


class Line(Static):
    """A Static whose text is the reactive ``shown``: setting the same text (and look) again
    costs nothing, so it can be set on every keystroke. A change lays the screen out again,
    as the height may follow the text; see :class:`FixedLine`."""

    RELAYOUT: ClassVar[bool] = True

    shown: reactive[Content] = reactive(Content(""), always_update=True, init=False)

    def watch_shown(self, old: Content, new: Content) -> None:
        """Repaint when the text or its look changed (``Content`` equality is text only)."""
        if old is new or (old.plain == new.plain and old.spans == new.spans):
            return
        self.update(new, layout=self.RELAYOUT)


class FixedLine(Line):
    """A :class:`Line` whose size never follows its text (a status line, a bar): a change
    only repaints it."""

    RELAYOUT = False
