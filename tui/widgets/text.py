"""Turning user text into something Textual shows literally: never markup, never a control
character (see :mod:`tui.core.safetext`)."""

from __future__ import annotations

from textual.content import Content

from tui.core.safetext import visible

MAX_LINE = 400


def shown(text: str) -> str:
    """User text safe for a widget that shows several lines (newlines and tabs kept)."""
    return visible(text, multiline=True)


def plain(text: str) -> Content:
    """User text as content that is never parsed as markup, control characters made visible."""
    return Content(visible(text, multiline=True))


def styled(*parts: str | tuple[str, str]) -> Content:
    """Assemble content from plain strings and ``(text, style)`` pairs; no markup parsing,
    control characters in the strings made visible."""
    return Content.assemble(*(_safe_part(part) for part in parts))


def _safe_part(part: str | tuple[str, str] | Content) -> str | tuple[str, str] | Content:
    if isinstance(part, str):
        return visible(part, multiline=True)
    if isinstance(part, tuple):
        return (visible(part[0], multiline=True), part[1])
    return part


def one_line(text: str, limit: int = MAX_LINE) -> str:
    """The first line of ``text``, shortened to ``limit`` characters with an ellipsis, with
    control characters made visible."""
    line = visible(" ".join(text.split()))
    return line if len(line) <= limit else line[: limit - 1] + "…"
