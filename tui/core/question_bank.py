"""The question bank as a flat list, and a forgiving (fuzzy) filter over it."""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.content import Section


@dataclass(frozen=True)
class BankEntry:
    """One question of the bank and its category."""

    text: str
    category: str


@dataclass(frozen=True)
class BankMatch:
    """An entry that matched a filter, with the matched character positions to highlight."""

    entry: BankEntry
    positions: tuple[int, ...] = ()
    score: int = 0


def bank_entries(sections: list[Section]) -> list[BankEntry]:
    """Every question of the bank, in file order."""
    return [BankEntry(text=item, category=s.title) for s in sections for item in s.items]


def categories(entries: list[BankEntry]) -> list[str]:
    """The categories in the order they first appear."""
    return list(dict.fromkeys(e.category for e in entries))


def _token_match(token: str, text: str) -> tuple[int, list[int]] | None:
    """Score and positions of one lower-case token in lower-case ``text``.

    A token matches as a substring anywhere, or failing that as letters in order inside one
    word (``mntr`` finds "mentors"), which is loose enough for typos of omission and tight
    enough not to match every long sentence.
    """
    at = text.find(token)
    if at >= 0:
        word_start = at == 0 or not text[at - 1].isalnum()
        return (30 if word_start else 20) + len(token), list(range(at, at + len(token)))
    best: tuple[int, list[int]] | None = None
    for word_at, word in _words(text):
        positions = _subsequence(token, word)
        if positions is not None:
            spread = positions[-1] - positions[0] + 1 - len(token)
            score = max(1, 10 - spread) + (5 if positions[0] == 0 else 0)
            if best is None or score > best[0]:
                best = score, [word_at + p for p in positions]
    return best


def _words(text: str) -> list[tuple[int, str]]:
    """(start, word) for each run of letters and digits."""
    found: list[tuple[int, str]] = []
    start = None
    for index, ch in enumerate(text + " "):
        if ch.isalnum():
            start = index if start is None else start
        elif start is not None:
            found.append((start, text[start:index]))
            start = None
    return found


def _subsequence(token: str, word: str) -> list[int] | None:
    positions: list[int] = []
    start = 0
    for ch in token:
        found = word.find(ch, start)
        if found < 0:
            return None
        positions.append(found)
        start = found + 1
    return positions


def fuzzy_match(query: str, text: str) -> tuple[int, tuple[int, ...]] | None:
    """Whether every word of ``query`` occurs in ``text``, as a whole or as a subsequence.

    Returns (score, positions) or None. A higher score is a closer match: whole words beat
    scattered letters. Positions index ``text`` (empty when lower-casing changes its length).
    """
    tokens = query.lower().split()
    haystack = text.lower()
    score = 0
    positions: set[int] = set()
    for token in tokens:
        found = _token_match(token, haystack)
        if found is None:
            return None
        score += found[0]
        positions.update(found[1])
    if len(haystack) != len(text):
        positions = set()
    return score, tuple(sorted(positions))


def filter_bank(entries: list[BankEntry], query: str = "", category: str | None = None
                ) -> list[BankMatch]:
    """Entries in ``category`` (None: all) matching ``query``; best matches first when filtering."""
    pool = [e for e in entries if category is None or e.category == category]
    if not query.strip():
        return [BankMatch(e) for e in pool]
    scored: list[tuple[int, int, BankMatch]] = []
    for index, entry in enumerate(pool):
        in_text = fuzzy_match(query, entry.text)
        in_category = query.strip().lower() in entry.category.lower()
        if in_text is not None:
            scored.append((-in_text[0], index, BankMatch(entry, in_text[1], in_text[0])))
        elif in_category:
            scored.append((0, index, BankMatch(entry)))
    return [match for _, _, match in sorted(scored, key=lambda t: (t[0], t[1]))]
