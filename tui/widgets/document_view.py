"""A long Markdown document shown as pre-rendered lines: the read-only view's body.

Textual's Markdown widget mounts a widget per block and costs about 0.25 s per 5 KB on the
event loop; a conversation is read here instead by rendering its Markdown with Rich on a
worker thread, section by section, into lines that the view only paints as they scroll into
sight (Textual's line API). The first section shows as soon as it is rendered; a resize
renders again at the new width. Links are shown as text, never as terminal hyperlinks.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Sequence

from rich.console import Console
from rich.markdown import Markdown as RichMarkdown
from rich.style import Style
from textual import work
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.core.reading import Section


def render_section(markdown: str, width: int) -> list[Strip]:
    """``markdown`` rendered by Rich at ``width`` cells, one strip per line (thread-safe: each
    call has its own console)."""
    console = Console(width=width, color_system="truecolor", force_terminal=True,
                      no_color=False, legacy_windows=False, emoji=False, markup=False,
                      highlight=False, file=io.StringIO())  # nothing is printed: lines only
    options = console.options.update(width=width)
    lines = console.render_lines(RichMarkdown(markdown, hyperlinks=False), options, pad=False)
    return [*(Strip(line).simplify() for line in lines), Strip([])]  # a blank line after


class DocumentView(ScrollView, can_focus=True):
    """Scrollable pre-rendered Markdown sections (see the module docstring)."""

    DEFAULT_CSS = """
    DocumentView { height: 1fr; }
    """

    class SectionsShown(Message):
        """``shown`` sections are rendered; ``done`` when they all are."""

        def __init__(self, shown: int, done: bool) -> None:
            super().__init__()
            self.shown, self.done = shown, done

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.sections: list[Section] = []
        self.lines: list[Strip] = []
        self.starts: list[int] = []  # first line of each rendered section
        self._width = 0
        self._generation = 0
        self._lock = threading.Lock()

    def show_sections(self, sections: Sequence[Section]) -> None:
        """Render ``sections`` (on a worker) and show them as they come."""
        self.sections = list(sections)
        self._render_all()

    def render_here(self, sections: Sequence[Section]) -> None:
        """From a worker thread that already has the document: render it on that thread
        (one hop fewer than :meth:`show_sections`), showing sections as they come."""
        def start() -> tuple[int, int]:
            self.sections = list(sections)
            self._width = self._text_width()
            self._generation += 1
            return self._generation, self._width

        generation, width = self.app.call_from_thread(start)
        self._render_sections(generation, list(sections), width)

    def on_resize(self) -> None:
        """A new width: render again."""
        width = self._text_width()
        if width != self._width and self.sections:
            self._render_all()

    def _text_width(self) -> int:
        return max(20, self.scrollable_content_region.width - 1)

    def _render_all(self) -> None:
        self._width = self._text_width()
        self._generation += 1
        self._render_in_background(self._generation, list(self.sections), self._width)

    @work(thread=True, exclusive=True, group="document", exit_on_error=False,
          description="rendering a document")
    def _render_in_background(self, generation: int, sections: list[Section], width: int) -> None:
        self._render_sections(generation, sections, width)

    def _render_sections(self, generation: int, sections: list[Section], width: int) -> None:
        for index, section in enumerate(sections):
            lines = render_section(section.markdown, width)
            if generation != self._generation:
                return
            self.app.call_from_thread(self._add, generation, index, lines,
                                      index == len(sections) - 1)

    def _add(self, generation: int, index: int, lines: list[Strip], last: bool) -> None:
        if generation != self._generation:
            return
        if index == 0:
            self.lines, self.starts = [], []
        self.starts.append(len(self.lines))
        self.lines.extend(lines)
        self.virtual_size = Size(self._width, len(self.lines))
        self.refresh()
        self.post_message(self.SectionsShown(index + 1, last))

    def render_line(self, y: int) -> Strip:
        """One line of the view (the line API: only what is in sight is painted)."""
        scroll_x, scroll_y = self.scroll_offset
        number = scroll_y + y
        if number >= len(self.lines):
            return Strip.blank(self.size.width, self.rich_style)
        strip = self.lines[number].crop_extend(scroll_x, scroll_x + self.size.width,
                                               self.rich_style)
        return strip.apply_style(Style(bgcolor=self.rich_style.bgcolor))

    def section_at_top(self) -> int:
        """The index of the section at the top of the view (0 before anything is shown)."""
        top = int(self.scroll_offset.y)
        current = 0
        for index, start in enumerate(self.starts):
            if start <= top:
                current = index
        return current

    def scroll_to_section(self, index: int) -> None:
        """Put section ``index`` at the top (as far as the scroll goes)."""
        if 0 <= index < len(self.starts):
            self.scroll_to(y=self.starts[index], animate=False)
