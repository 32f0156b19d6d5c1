"""Removing control characters from text that leaves coffeechat (exports) or enters it (imports).

What goes: C0 controls except newline and tab, DEL, C1 controls, and the bidirectional
embedding, override and isolate characters (U+202A-U+202E, U+2066-U+2069) that can make text
display in an order other than the one it is stored in. A lone surrogate (left by a broken
paste; it cannot be written as UTF-8) becomes U+FFFD. Carriage returns go too: line ends
are normalised to ``\\n`` first, so a CRLF or a lone CR becomes one newline, not nothing.
"""

from __future__ import annotations

import re

_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_LINE_ENDS = re.compile("\r\n?")
_SURROGATES = re.compile("[\ud800-\udfff]")


def strip_controls(text: str) -> str:
    """``text`` without control characters (newline and tab kept, line ends as ``\\n``)."""
    return _SURROGATES.sub("\ufffd", _CONTROLS.sub("", _LINE_ENDS.sub("\n", text)))


def strip_controls_counted(text: str) -> tuple[str, int]:
    """Like :func:`strip_controls`, also returning how many characters were removed
    (line-end normalisation is not counted)."""
    normal = _LINE_ENDS.sub("\n", text)
    clean, removed = _CONTROLS.subn("", normal)
    return _SURROGATES.sub("\ufffd", clean), removed


def one_line(text: str) -> str:
    """``text`` cleaned and folded to one line: every run of whitespace becomes one space."""
    return " ".join(strip_controls(text).split())
