"""Turning user text into something Textual shows literally, never as markup."""

from __future__ import annotations

from textual.content import Content

MAX_LINE = 400


def plain(text: str) -> Content:
    """User text as content that is never parsed as markup."""
    return Content(text)


def styled(*parts: str | tuple[str, str]) -> Content:
    """Assemble content from plain strings and ``(text, style)`` pairs; no markup parsing."""
    return Content.assemble(*parts)


def one_line(text: str, limit: int = MAX_LINE) -> str:
    """The first line of ``text``, shortened to ``limit`` characters with an ellipsis."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"
