"""The career hypotheses a conversation tests, as the conversation screen hands them down:
one line in Prep, and in Reflect each with what this conversation said about it so far."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.message import Message

from tui.core.hypotheses import STATUS_LABELS, LinkedHypothesis
from tui.widgets.lines import Line
from tui.widgets.text import one_line, styled

VERDICT_MARKS = {"for": ("+ for", "$success"), "against": ("− against", "$error"),
                 "mixed": ("~ mixed", "$warning")}


class LinksWanted(Message):
    """Choose the hypotheses the conversation ``conversation_id`` (with ``who``) will test
    (the screen reads and writes them)."""

    def __init__(self, conversation_id: str, who: str) -> None:
        super().__init__()
        self.conversation_id = conversation_id
        self.who = who


class HypothesisLinks(Line):
    """Shows :attr:`links`, set by the screen once the hypotheses are read (None until then).

    ``compact``: one line (Prep); otherwise a line per hypothesis with its evidence (Reflect).
    """

    def __init__(self, compact: bool = False, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.compact = compact
        self.links: Sequence[LinkedHypothesis] | None = None

    def on_mount(self) -> None:
        """Show what is known so far."""
        self.show_links(self.links)

    def show_links(self, links: Sequence[LinkedHypothesis] | None) -> None:
        """Show these links (None: the hypotheses are still being read)."""
        self.links = links
        if self.is_mounted:
            self.shown = self.compact_content() if self.compact else self.full_content()

    def compact_content(self) -> Content:
        """``Tests  PM at a fintech would suit me · Economic development…  (f8)``."""
        label = (f"{'Tests':<9}", "$text-muted")  # lined up with Prep's "Goal" and "The ask"
        if self.links is None:
            return styled(label, ("…", "dim"))
        if not self.links:
            return styled(label, ("no hypothesis linked: f8 links one", "dim"))
        names = " · ".join(one_line(link.statement, 50) for link in self.links)
        return styled(label, names, ("  (f8)", "dim"))

    def full_content(self) -> Content:
        """A heading, then each hypothesis with this conversation's evidence or a hint."""
        heading = ("Hypotheses this conversation tests", "bold $accent")
        if self.links is None:
            return styled(heading, "\n", ("Reading your hypotheses…", "dim"))
        if not self.links:
            return styled(heading, "\n", ("None linked: f8 notes what this conversation said "
                                          "about any of your career hypotheses.", "dim"))
        parts: list[str | tuple[str, str]] = [heading]
        for link in self.links:
            parts.extend(["\n", (one_line(link.statement, 80), "bold"),
                          (f" ({STATUS_LABELS[link.status]})", "dim"), "\n  "])
            if link.evidence is None:
                parts.append(("no evidence yet — f8", "$warning"))
            else:
                mark, look = VERDICT_MARKS[link.evidence.verdict]
                parts.append((mark, look))
                if link.evidence.note:
                    parts.append(f": {one_line(link.evidence.note, 200)}")
        return styled(*parts)
