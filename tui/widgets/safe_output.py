"""The last line of defence: no control character from any widget reaches the terminal.

Widgets that show user text go through :mod:`tui.text`, which makes control characters
visible. Editable widgets (inputs, text areas) and Markdown show text as it is stored, so the
app passes every screen update through :func:`guard_update` before it is written: characters
that could drive the terminal are removed from the text of each segment. They all take no
cells, so removing them never moves anything on screen; a lone surrogate (one cell, and not
text a terminal can be sent) becomes ``\ufffd``.
"""

from __future__ import annotations

import re
from typing import Any

from rich.segment import Segment
from textual._compositor import ChopsUpdate, InlineUpdate, LayoutUpdate
from textual.strip import Strip

from tui.core.safetext import REPLACEMENT, UNSAFE


def _replacement(match: re.Match[str]) -> str:
    return REPLACEMENT if 0xD800 <= ord(match[0]) < 0xE000 else ""


def safe_strip(strip: Strip) -> Strip:
    """``strip`` without control characters in its text (the same strip when it has none)."""
    if UNSAFE.search(strip.text) is None:
        return strip
    segments = [
        Segment(UNSAFE.sub(_replacement, text), style, control) if not control else segment
        for segment in strip
        for text, style, control in (segment,)
    ]
    return Strip(segments, strip.cell_length)


def guard_update(update: Any) -> Any:
    """A screen update (as the compositor makes them) with every strip made safe; anything
    else is returned unchanged."""
    if isinstance(update, LayoutUpdate):
        update.strips = [[safe_strip(strip) for strip in line] for line in update.strips]
    elif isinstance(update, ChopsUpdate):
        update.chops = [
            {x: (safe_strip(strip) if strip is not None else None) for x, strip in line.items()}
            for line in update.chops
        ]
    elif isinstance(update, InlineUpdate):
        update.strips = [safe_strip(strip) for strip in update.strips]
    return update
