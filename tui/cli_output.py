"""Plain-text and JSON output for the command line: terminal-safe, width-aware."""

from __future__ import annotations

import codecs
import json
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any


def out(text: str) -> None:
    """Write to stdout; characters the terminal's encoding cannot show become '?'."""
    stream = sys.stdout
    try:
        stream.write(text)
    except UnicodeEncodeError:
        encoding = getattr(stream, "encoding", None) or "ascii"
        stream.write(text.encode(encoding, "replace").decode(encoding))


def stdout_is_utf8() -> bool:
    """True when stdout encodes UTF-8."""
    encoding = getattr(sys.stdout, "encoding", None) or "ascii"
    try:
        return codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return False


def json_text(data: Any, *, ascii_only: bool = False) -> str:
    """Indented JSON with a final newline."""
    return json.dumps(data, indent=2, ensure_ascii=ascii_only) + "\n"


def clean(text: str) -> str:
    """One line of text, safe for a terminal: control characters (escapes too) removed."""
    return "".join(
        " " if ch in "\t\n\r" else ("?" if unicodedata.category(ch) == "Cc" else ch)
        for ch in text
    )


def width(text: str) -> int:
    """Terminal columns: wide (CJK) characters take two, combining marks none."""
    total = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        total += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return total


def fit(text: str, limit: int) -> str:
    """One clean line of at most ``limit`` columns, with an ellipsis when cut."""
    text = clean(text)
    if width(text) <= limit:
        return text
    kept = ""
    for ch in text:
        if width(kept + ch) > limit - 1:
            break
        kept += ch
    return kept + "…"


def format_table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """Left-aligned columns separated by two spaces; trailing blanks trimmed."""
    body = [list(row) for row in rows]
    widths = [width(h) for h in headers]
    for row in body:
        widths = [max(w, width(cell)) for w, cell in zip(widths, row, strict=True)]
    lines = []
    for row in [list(headers), *body]:
        cells = [cell + " " * (w - width(cell)) for cell, w in zip(row, widths, strict=True)]
        lines.append("  ".join(cells).rstrip())
    return lines
