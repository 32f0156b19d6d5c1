"""Text for search: folding, tokens, patterns over the original text, safe one-line snippets.

Folding follows SQLite FTS5's ``unicode61 remove_diacritics 2`` tokenizer, so the Python side
(the fallback engine and highlighting) agrees with the SQLite index on what a word is: letters,
digits and private-use characters make tokens; everything else separates them; case is folded;
accents are dropped from Latin letters (``José`` -> ``jose``; ``Łódź`` -> ``łodz``). Han,
kana and Hangul letters are each a token of their own, so any part of a run written without
spaces can be found (``小龍`` in ``李小龍``): the index is given the text with a separator
around each of them (:func:`index_text`), and a query's run becomes a phrase of letters.

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

from tui.core.text_width import char_columns

# Private-use characters that the index uses for itself; stripped from everything users type
# or store, so that no note can forge a filter token or a field boundary.
FIELD_BREAK = "\ue000"  # between two fields in one index column (stops phrases spanning them)
META = "\ue001"  # starts a filter token (company, tag, status...) in the meta column
EVERYTHING = "\ue002"  # a token every record has, for queries that only exclude
_RESERVED = re.compile("[\x00\ue000-\ue002]")
_JOIN = "\x00"  # joins texts searched at once; never in stored text, never inside a match

_MARKS = "\u0300-\u036f"
_PRIVATE = "\ue000-\uf8ff"
# Han, kana and Hangul letters: each is a word of its own (these scripts are written without
# spaces, and a search for part of a run must find it).
_CJK = ("\u1100-\u11ff\u3005-\u3007\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff"
        "\u3131-\u318e\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97c\uac00-\ud7a3"
        "\ud7b0-\ud7fb\uf900-\ufaff\uff66-\uff9d\U00020000-\U0003134f")
CJK_RE = re.compile(f"[{_CJK}]")
TOKEN_CHAR = rf"(?:[^\W_]|[{_MARKS}{_PRIVATE}])"
_WORD_CHAR = rf"(?:[^\W_{_CJK}]|[{_MARKS}{_PRIVATE}])"  # a token character outside CJK
TOKEN_RE = re.compile(rf"[{_CJK}]|{_WORD_CHAR}+")
_NOT_AFTER_WORD = rf"(?<!{_WORD_CHAR}.)"  # placed after the first character (fixed width)
_ENDS = rf"(?!{_WORD_CHAR})"
_GAP = rf"(?:(?!{TOKEN_CHAR})[^\x00])+"
_MAY_GAP = rf"(?:(?!{TOKEN_CHAR})[^\x00])*"  # beside a CJK word, no separator is needed
# What the SQLite index is given instead of the text: a separator around each CJK letter
# beside another token character, so that its tokenizer sees each as a word. NUL never
# occurs in stored text (see :func:`clean`), so taking it out gives the text back exactly.
CJK_GAP = "\x00"
_CJK_EDGE = re.compile(rf"(?<=[{_CJK}])(?={TOKEN_CHAR})|(?<={TOKEN_CHAR})(?=[{_CJK}])")
_STRIP_MARKS = re.compile(f"[{_MARKS}]")
_RUNS = re.compile(r"\s{2,}|[^\S ]")  # whitespace that is not a single plain space

# Scanned once, lazily, for characters that fold to another letter than their lower case
# (accented Latin letters, long s, the Kelvin sign...); other scripts' case pairs come from
# ``str.upper``.
_FOLD_RANGES = ((0x80, 0x250), (0x1E00, 0x1F00), (0x2100, 0x2150), (0x2C60, 0x2C80))


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


def index_text(text: str) -> str:
    """``text`` as the SQLite index is given it: each CJK letter set apart by
    :data:`CJK_GAP` (see :func:`stored_text`)."""
    if text.isascii() or not CJK_RE.search(text):
        return text
    return _CJK_EDGE.sub(CJK_GAP, text)


def stored_text(indexed: str) -> str:
    """The text given to :func:`index_text`, from what it returned."""
    return indexed.replace(CJK_GAP, "") if CJK_GAP in indexed else indexed


def clean(text: str) -> str:
    """``text`` in NFC form without the index's reserved characters (used for all stored text)."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return _RESERVED.sub(" ", text) if _RESERVED.search(text) else text


@lru_cache(maxsize=1)
def _latin_variants() -> dict[str, str]:
    """Folded letter -> the characters in :data:`_FOLD_RANGES` that fold to it."""
    table: dict[str, str] = {}
    for low, high in _FOLD_RANGES:
        for code in range(low, high):
            ch = chr(code)
            folded = fold_char(ch)
            if folded != ch:
                table[folded] = table.get(folded, "") + ch
    return table


@lru_cache(maxsize=4096)
def _char_class(ch: str) -> str:
    """A regex class of every character that folds to ``ch``."""
    same = {ch, *_latin_variants().get(ch, "")}
    for variant in (ch.upper(), ch.title()):
        if len(variant) == 1 and fold_char(variant) == ch:
            same.add(variant)
    if len(same) == 1:
        return re.escape(ch)
    return "[" + "".join(re.escape(c) for c in sorted(same)) + "]"


def token_pattern(token: str) -> str:
    """A regex source matching ``token`` in unfolded text (any case, with or without accents)."""
    return "".join(_char_class(ch) for ch in token)


def phrase_pattern(words: Sequence[str], prefix: bool) -> str:
    """A regex source for consecutive tokens, the last one as a prefix when ``prefix``
    (a CJK token is one letter: nothing follows it).

    The pattern starts with a plain character class (so the regex engine can scan for it
    quickly) and checks the word boundary just after it.
    """
    first, rest = words[0], words[1:]
    body = _char_class(first[0])
    if not CJK_RE.match(first):  # a CJK letter is a word even right after another letter
        body += _NOT_AFTER_WORD + token_pattern(first[1:])
    last = first
    for word in rest:
        body += (_MAY_GAP if CJK_RE.match(last) or CJK_RE.match(word) else _GAP)
        body += token_pattern(word)
        last = word
    if CJK_RE.match(last):
        return body
    return body + (f"{_WORD_CHAR}*" if prefix else _ENDS)


MOST_MATCHES = 12  # per text: enough for a snippet and to tell which words occur


class Highlighter:
    """Finds query terms in stored text: which terms occur, and where."""

    def __init__(self, phrases: Iterable[tuple[Sequence[str], bool]]) -> None:
        self._phrases = [(tuple(words), prefix) for words, prefix in phrases if words]
        self.count = len(self._phrases)
        self._compiled: re.Pattern[str] | None = None
        self._each: list[re.Pattern[str]] = []

    @property
    def _regex(self) -> re.Pattern[str] | None:
        """Compiled on first use (building the accent tables takes a moment, once).

        One pattern finds any term; it has no groups, because capturing groups in an
        alternation keep the regex engine from skipping ahead to a possible first letter
        (several times slower). Which term matched is asked of each term's own pattern."""
        if self._compiled is None and self._phrases:
            parts = [phrase_pattern(words, prefix) for words, prefix in self._phrases]
            self._compiled = re.compile("|".join(f"(?:{p})" for p in parts), re.DOTALL)
            self._each = [re.compile(p, re.DOTALL) for p in parts]
        return self._compiled

    def _term(self, text: str, match: re.Match[str]) -> int:
        if len(self._each) < 2:
            return 0
        start, end = match.span()
        for number, pattern in enumerate(self._each):
            found = pattern.match(text, start)
            if found is not None and found.end() == end:
                return number
        return 0

    def find(self, text: str) -> list[tuple[int, int, int]]:
        """``(start, end, term number)`` of each match, in order, not overlapping."""
        regex = self._regex
        if regex is None or not text:
            return []
        return [(m.start(), m.end(), self._term(text, m)) for m in regex.finditer(text)]

    def find_each(self, texts: Sequence[str], most: int = MOST_MATCHES
                  ) -> dict[int, list[tuple[int, int, int]]]:
        """:meth:`find` over many texts at once: text number -> its first ``most`` matches."""
        starts, offset = [], 0
        for text in texts:
            starts.append(offset)
            offset += len(text) + len(_JOIN)
        return self.find_in(_JOIN.join(texts), starts, most)

    def find_in(self, joined: str, starts: Sequence[int], most: int = MOST_MATCHES
                ) -> dict[int, list[tuple[int, int, int]]]:
        """Matches in texts joined into one (``starts``: where each begins; what separates
        them must stop a match, as :data:`FIELD_BREAK` or NUL do): text number -> its first
        ``most`` matches, with offsets inside that text."""
        regex = self._regex
        found: dict[int, list[tuple[int, int, int]]] = {}
        if regex is None or not starts:
            return found
        search, position, last = regex.search, 0, len(starts) - 1
        while (match := search(joined, position)) is not None:
            start = match.start()
            number = bisect.bisect_right(starts, start) - 1
            base = starts[number]
            spans = found.setdefault(number, [])
            spans.append((start - base, match.end() - base, self._term(joined, match)))
            position = match.end() if match.end() > start else start + 1
            if len(spans) >= most:  # enough to show: go on with the next text
                if number == last:
                    break
                position = max(position, starts[number + 1])
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
    """A one-line excerpt of ``text``, ``width`` terminal columns, around the best cluster of
    ``matches`` (wide characters count two columns, so CJK text gives fewer characters).

    ``matches`` are ``(start, end, term)`` offsets into ``text`` (see :class:`Highlighter`).
    Returns the excerpt (safe to print: no control characters, whitespace collapsed, ``…``
    where cut) and the ``(start, end)`` offsets of each match inside the excerpt, so a UI can
    style them without parsing anything.
    """
    width = max(20, width)
    start = _window_start(text, matches, width)
    end = _reach(text, start, width)
    if end < len(text):
        space = text.rfind(" ", start + (end - start) // 2, end)
        end = space if space > 0 else end
    raw = safe_text(text[start:end])
    window = raw.lstrip()
    base = start + len(raw) - len(window)  # offset in text of the window's first character
    window = window.rstrip()
    cuts: list[int] = []  # where in the window a run of spaces ends...
    shifts: list[int] = []  # ...and how many characters have been dropped up to there
    if _RUNS.search(window):
        kept, last, shift = [], 0, 0
        for run in _RUNS.finditer(window):
            kept += [window[last:run.start()], " "]
            shift += run.end() - run.start() - 1
            cuts.append(run.end())
            shifts.append(shift)
            last = run.end()
        kept.append(window[last:])
        window = "".join(kept)
    lead = "…" if start > 0 else ""

    def moved(offset: int) -> int:
        offset = max(0, offset - base)
        index = bisect.bisect_right(cuts, offset) - 1
        return len(lead) + offset - (shifts[index] if index >= 0 else 0)

    spans = tuple((moved(a), moved(b)) for a, b, _ in matches if start <= a < b <= end)
    tail = ""
    if end < len(text):
        tail = " …" if text[end].isspace() or raw[-1:].isspace() else "…"
    limit = len(lead) + len(window)
    return lead + window + tail, tuple((a, min(b, limit)) for a, b in spans if a < b)


def _reach(text: str, start: int, width: int) -> int:
    """The furthest end such that ``text[start:end]`` takes at most ``width`` columns."""
    if text.isascii():
        return min(len(text), start + width)
    used, end = 0, start
    while end < len(text):
        used += char_columns(text[end])
        if used > width:
            break
        end += 1
    return end


def _back(text: str, end: int, width: int) -> int:
    """The earliest start such that ``text[start:end]`` takes at most ``width`` columns."""
    if text.isascii():
        return max(0, end - width)
    used, start = 0, end
    while start > 0:
        used += char_columns(text[start - 1])
        if used > width:
            break
        start -= 1
    return start


def _window_start(text: str, matches: Sequence[tuple[int, int, int]], width: int) -> int:
    if not matches or _reach(text, 0, width) == len(text):
        return 0
    best, best_terms = 0, -1
    for i, (first, _, _) in enumerate(matches):
        reach = _reach(text, first, width * 3 // 4)
        terms = {term for _, b, term in matches[i:] if b <= reach}
        if len(terms) > best_terms:
            best, best_terms = i, len(terms)
    anchor = matches[best][0]
    start = min(_back(text, anchor, width // 4), _back(text, len(text), width))
    if start > 0:
        space = text.find(" ", start, anchor)
        start = space + 1 if space >= 0 else start
    return start
