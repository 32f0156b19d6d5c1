"""Text for search: folding, tokens, patterns over the original text, safe one-line snippets.

Folding follows SQLite FTS5's ``unicode61 remove_diacritics 2`` tokenizer, so the Python side
(the fallback engine and highlighting) agrees with the SQLite index on what a word is: letters,
digits and private-use characters make tokens; everything else separates them; case is folded;
accents are dropped from Latin letters (``José`` -> ``jose``; ``Łódź`` -> ``łodz``).

Highlighting never folds the text it shows: a query token is turned into a pattern of character
classes (``jose`` -> ``[jJ][oOóÓ…][sS…][eEéÉ…]``), so match offsets point into the stored text
itself and snippets keep the user's own spelling.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache

# Private-use characters that the index uses for itself; stripped from everything users type
# or store, so that no note can forge a filter token or a field boundary.
FIELD_BREAK = "\ue000"  # between two fields in one index column (stops phrases spanning them)
META = "\ue001"  # starts a filter token (company, tag, status...) in the meta column
EVERYTHING = "\ue002"  # a token every record has, for queries that only exclude
MARK_OPEN, MARK_CLOSE = "\ue003", "\ue004"  # around matches in SQLite's highlight()
_RESERVED = re.compile("[\x00\ue000-\ue004]")
_JOIN = "\x00"  # joins texts searched at once; never in stored text, never inside a match

_MARKS = "\u0300-\u036f"
_PRIVATE = "\ue000-\uf8ff"
TOKEN_CHAR = rf"(?:[^\W_]|[{_MARKS}{_PRIVATE}])"
TOKEN_RE = re.compile(rf"{TOKEN_CHAR}+")
_NOT_AFTER_TOKEN = rf"(?<!{TOKEN_CHAR}.)"  # placed after the first character (fixed width)
_ENDS = rf"(?!{TOKEN_CHAR})"
_GAP = rf"(?:(?!{TOKEN_CHAR})[^\x00])+"
_STRIP_MARKS = re.compile(f"[{_MARKS}]")
_SPACES = re.compile(r"\s+")

# Scanned once, lazily, to find every character that folds to a given one (for highlighting).
_FOLD_RANGES = ((0x00, 0x3000), (0xA640, 0xA800), (0xFF00, 0xFFF0))


def _latin(ch: str) -> bool:
    code = ord(ch)
    return code < 0x250 or 0x1E00 <= code < 0x1F00 or 0x2C60 <= code < 0x2C80


@lru_cache(maxsize=65536)
def fold_char(ch: str) -> str:
    """One character case-folded and, for Latin letters, without accents (always one char)."""
    folded = ch.casefold()
    if len(folded) != 1:
        folded = ch.lower()
    decomposed = unicodedata.normalize("NFD", folded)
    if len(decomposed) > 1 and _latin(ch):
        base = "".join(c for c in decomposed if not unicodedata.combining(c))
        if len(base) == 1:
            return base
    if len(folded) == 1:
        return folded
    base = _STRIP_MARKS.sub("", decomposed)
    return base if len(base) == 1 else ch


class _FoldTable(dict[int, str]):
    def __missing__(self, code: int) -> str:
        folded = fold_char(chr(code))
        self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """``text`` case-folded and accent-free, character for character (same length)."""
    if text.isascii():
        return text.lower()
    return text.translate(_FOLD_TABLE)


def tokens(text: str) -> list[str]:
    """The folded tokens of ``text``, as the index sees them."""
    found = TOKEN_RE.findall(fold(clean(text)))
    return [t for t in (_STRIP_MARKS.sub("", t) for t in found) if t]


def clean(text: str) -> str:
    """``text`` in NFC form without the index's reserved characters (used for all stored text)."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return _RESERVED.sub(" ", text) if _RESERVED.search(text) else text


@lru_cache(maxsize=1)
def _variants() -> dict[str, str]:
    """Folded character -> every character that folds to it (itself included)."""
    table: dict[str, list[str]] = {}
    for low, high in _FOLD_RANGES:
        for code in range(low, high):
            ch = chr(code)
            folded = fold_char(ch)
            if folded != ch:
                table.setdefault(folded, [folded]).append(ch)
    return {k: "".join(v) for k, v in table.items()}


def _char_class(ch: str) -> str:
    same = _variants().get(ch)
    if same is None:
        return re.escape(ch)
    return "[" + "".join(re.escape(c) for c in same) + "]"


def token_pattern(token: str) -> str:
    """A regex source matching ``token`` in unfolded text (any case, with or without accents)."""
    return "".join(_char_class(ch) for ch in token)


def phrase_pattern(words: Sequence[str], prefix: bool) -> str:
    """A regex source for consecutive tokens, the last one as a prefix when ``prefix``.

    The pattern starts with a plain character class (so the regex engine can scan for it
    quickly) and checks the word boundary just after it.
    """
    first, rest = words[0], words[1:]
    body = _char_class(first[0]) + _NOT_AFTER_TOKEN + token_pattern(first[1:])
    for word in rest:
        body += _GAP + token_pattern(word)
    tail = f"{TOKEN_CHAR}*" if prefix else _ENDS
    return body + tail


class Highlighter:
    """Finds query terms in stored text: which terms occur, and where."""

    def __init__(self, phrases: Iterable[tuple[Sequence[str], bool]]) -> None:
        self._phrases = [(tuple(words), prefix) for words, prefix in phrases if words]
        self.count = len(self._phrases)
        self._compiled: re.Pattern[str] | None = None

    @property
    def _regex(self) -> re.Pattern[str] | None:
        """Compiled on first use (building the accent tables takes a moment, once)."""
        if self._compiled is None and self._phrases:
            parts = [phrase_pattern(words, prefix) for words, prefix in self._phrases]
            self._compiled = re.compile("|".join(f"({p})" for p in parts), re.DOTALL)
        return self._compiled

    def find(self, text: str) -> list[tuple[int, int, int]]:
        """``(start, end, term number)`` of each match, in order, not overlapping."""
        regex = self._regex
        if regex is None or not text:
            return []
        return [(m.start(), m.end(), (m.lastindex or 1) - 1) for m in regex.finditer(text)]

    def find_each(self, texts: Sequence[str]) -> dict[int, list[tuple[int, int, int]]]:
        """:meth:`find` over many texts at once: text number -> its matches (if any)."""
        regex = self._regex
        if regex is None:
            return {}
        starts, joined, offset = [], [], 0
        for text in texts:
            starts.append(offset)
            joined.append(text)
            offset += len(text) + 1
        found: dict[int, list[tuple[int, int, int]]] = {}
        number = 0
        for match in regex.finditer(_JOIN.join(joined)):
            start = match.start()
            if number + 1 < len(starts) and start >= starts[number + 1]:
                number = bisect.bisect_right(starts, start) - 1
            base = starts[number]
            found.setdefault(number, []).append(
                (start - base, match.end() - base, (match.lastindex or 1) - 1))
        return found


# -- safe display text --------------------------------------------------------------------

_BIDI = (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C)
_BREAKS = (0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029)
# Every character that must not reach a terminal, and what is shown instead (one for one).
_SAFE: dict[int, str] = {
    **{code: chr(0x2400 + code) for code in range(0x20)},  # control pictures: ESC -> U+241B
    0x7F: "\u2421",
    **{code: "\ufffd" for code in range(0x80, 0xA0)},  # C1 controls
    **{code: "\ufffd" for code in _BIDI},  # bidirectional overrides, isolates and marks
    **{code: " " for code in _BREAKS},
}
_UNSAFE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_SAFE)) + "]")


def safe_char(ch: str) -> str:
    """A character fit for a terminal: controls become visible pictures, breaks become spaces."""
    return _SAFE.get(ord(ch), ch)


def safe_text(text: str) -> str:
    """``text`` with every control character replaced, one character for one (same length)."""
    return text.translate(_SAFE) if _UNSAFE.search(text) else text


def safe_line(text: str, limit: int = 0) -> str:
    """``text`` on one line with runs of spaces collapsed and no control characters."""
    if limit and len(text) > limit * 4:
        text = text[: limit * 4]
    line = " ".join(safe_text(text).split())
    if limit and len(line) > limit:
        line = line[: limit - 1].rstrip() + "…"
    return line


def snippet(text: str, matches: Sequence[tuple[int, int, int]], width: int = 120
            ) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A one-line excerpt of ``text`` around the best cluster of ``matches``.

    ``matches`` are ``(start, end, term)`` offsets into ``text`` (see :class:`Highlighter`).
    Returns the excerpt (safe to print: no control characters, whitespace collapsed, ``…``
    where cut) and the ``(start, end)`` offsets of each match inside the excerpt, so a UI can
    style them without parsing anything.
    """
    width = max(20, width)
    start = _window_start(text, matches, width)
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start + width // 2, end)
        end = space if space > 0 else end
    window = safe_text(text[start:end])
    kept: list[str] = []
    # (position in window, shift to apply from there on) at each collapsed run of spaces
    cuts: list[int] = []
    shifts: list[int] = []
    last, shift = 0, 0
    for run in _SPACES.finditer(window):
        kept.append(window[last:run.start()])
        edge = run.start() == 0 or run.end() == len(window)
        kept.append("" if edge else " ")
        shift += (run.end() - run.start()) - (0 if edge else 1)
        cuts.append(run.end())
        shifts.append(shift)
        last = run.end()
    kept.append(window[last:])
    lead = "…" if start > 0 else ""
    body = "".join(kept)

    def moved(offset: int) -> int:
        index = bisect.bisect_right(cuts, offset) - 1
        return len(lead) + offset - (shifts[index] if index >= 0 else 0)

    spans = tuple((moved(a - start), moved(b - start)) for a, b, _ in matches
                  if start <= a < b <= end)
    tail = "…" if end < len(text) else ""
    if tail and end < len(text) and text[end].isspace():
        tail = " …"
    return lead + body + tail, tuple((a, b) for a, b in spans if a < b)


def _window_start(text: str, matches: Sequence[tuple[int, int, int]], width: int) -> int:
    if not matches or len(text) <= width:
        return 0
    best, best_terms = 0, -1
    for i, (first, _, _) in enumerate(matches):
        terms = {term for _, b, term in matches[i:] if b <= first + width * 3 // 4}
        if len(terms) > best_terms:
            best, best_terms = i, len(terms)
    anchor = matches[best][0]
    start = min(max(0, anchor - width // 4), max(0, len(text) - width))
    if start > 0:
        space = text.find(" ", start, anchor)
        start = space + 1 if space >= 0 else start
    return start
