"""Terminal columns taken by text, and cutting a one-line excerpt to a width around its matches.

Wide characters (CJK ideographs, kana, Hangul, most emoji) take two columns, combining marks
none, everything else one. A line cut to a width by characters can lose what matters in it:
:func:`fit_spans` cuts by columns and keeps the first marked span whole, taking text away
from the start when the end alone is not enough.
"""

from __future__ import annotations

import bisect
import itertools
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

Spans = tuple[tuple[int, int], ...]
ELLIPSIS = "…"


@lru_cache(maxsize=65536)
def char_columns(ch: str) -> int:
    """Columns one character takes in a terminal: 0, 1 or 2."""
    if ch.isascii():
        return 1
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def columns(text: str) -> int:
    """Columns ``text`` takes on one line of a terminal."""
    if text.isascii():
        return len(text)
    return sum(map(char_columns, text))


def mark(text: str, spans: Spans, before: str, after: str) -> str:
    """``text`` with each span wrapped in ``before``/``after``."""
    out, last = [], 0
    for start, end in spans:
        out += [text[last:start], before, text[start:end], after]
        last = end
    out.append(text[last:])
    return "".join(out)


def fit_spans(text: str, spans: Spans, limit: int, marks: tuple[str, str] = ("", "")
              ) -> tuple[str, Spans]:
    """``text`` cut to at most ``limit`` columns once ``marks`` wrap each span, and the spans
    moved with it.

    The end goes first (``…`` where cut); when the first span would not fit whole, the start
    goes too, so the first span is always shown (unless it is wider than ``limit`` itself).
    """
    before, after = columns(marks[0]), columns(marks[1])
    if columns(text) + (before + after) * len(spans) <= limit:
        return text, spans
    # cost[i]: columns of text[:i] with the marks of the spans that open before i
    widths = [char_columns(ch) for ch in text]
    for start, end in spans:
        if start < len(widths):
            widths[start] += before
        if 0 < end <= len(widths):
            widths[end - 1] += after
    cost = [0, *itertools.accumulate(widths)]
    first = spans[0] if spans else (0, 0)
    ellipsis = columns(ELLIPSIS)

    def last_end(low: int) -> int:
        """The furthest end for a cut starting at ``low`` (room for the ellipses, and for
        closing a span cut in two)."""
        lead = ellipsis if low > 0 else 0
        if cost[-1] - cost[low] + lead <= limit:
            return len(text)
        room = limit - ellipsis - after - lead + cost[low]
        return max(low, bisect.bisect_right(cost, room) - 1)

    low = 0
    high = last_end(low)
    while high < first[1] and low < first[0]:
        low += 1
        high = last_end(low)
    if 0 < low < first[0] and text[low - 1] != " ":  # start at a word when one is near
        space = text.find(" ", low, first[0])
        if space >= 0:
            low, high = space + 1, last_end(space + 1)
    cut = text[low:high].rstrip() if high < len(text) else text[low:high]
    lead = ELLIPSIS if low > 0 else ""
    tail = ELLIPSIS if high < len(text) else ""
    moved = tuple((len(lead) + max(a, low) - low, len(lead) + min(b, low + len(cut)) - low)
                  for a, b in spans if a < low + len(cut) and b > low)
    return lead + cut + tail, tuple((a, b) for a, b in moved if a < b)


def fit_marked(text: str, spans: Sequence[tuple[int, int]], limit: int,
               marks: tuple[str, str] = ("[", "]")) -> str:
    """:func:`fit_spans`, then the spans wrapped in ``marks``: a plain line of at most
    ``limit`` columns with its first match whole."""
    cut, moved = fit_spans(text, tuple(spans), limit, marks)
    return mark(cut, moved, *marks)
