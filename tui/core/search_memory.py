"""The fallback search engine, for Python builds whose SQLite lacks FTS5: all in memory.

Same records, same query semantics and the same hits as :mod:`tui.core.search_fts`; only the
ranking differs a little (a bm25 computed here, with the same column weights). Words live in an
inverted index (word -> record numbers, compact arrays); phrases, prefixes and matches inside
fields are checked with the same patterns that place highlights. Every record's text is kept
in memory (about the size of the data), and nothing is saved: it is rebuilt at each start.

Not thread-safe by itself: :class:`tui.core.search.SearchIndex` serialises calls.
"""

from __future__ import annotations

import bisect
import math
from array import array
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from tui.core.search_fields import CONVERSATION, TIER_COUNT, Field, RecordDoc
from tui.core.search_fts import DAY_SHIFT, WEIGHTS
from tui.core.search_hits import Ranked
from tui.core.search_query import Filter, Query, Term
from tui.core.search_tags import Wanted
from tui.core.search_text import Highlighter, tokens

K1, B = 1.2, 0.75
MEMORY_CAP = 100  # ranking here costs a pass over each candidate: rank fewer than SQLite


def _words_match(wanted: Term, words: tuple[str, ...]) -> bool:
    """``wanted``'s words appear consecutively in ``words`` (the last as a prefix if so)."""
    size = len(wanted.words)
    for start in range(len(words) - size + 1):
        window = words[start:start + size]
        if window[:-1] == wanted.words[:-1] and (
                window[-1] == wanted.words[-1]
                or (wanted.prefix and window[-1].startswith(wanted.words[-1]))):
            return True
    return False


def filter_matches(item: Filter, doc: RecordDoc) -> bool:
    """Whether one ``key:value`` filter (not negated) holds for a record."""
    if item.key == "status":
        return doc.type == CONVERSATION and doc.status == item.value
    if item.key == "kind":
        return doc.type == CONVERSATION and doc.kind == item.value
    if item.term is None:
        return False
    if item.key == "company":
        return _words_match(item.term, doc.company_words)
    if item.key == "person":
        return _words_match(item.term, doc.person_words)
    want, prefix = "".join(item.term.words), item.term.prefix
    return any(key == want or (prefix and key.startswith(want)) for key in doc.tag_keys)


class MemoryEngine:
    """Records in memory: ``put``, ``remove``, ``rank``, ``fetch`` (as the FTS5 engine)."""

    name = "memory"

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        """Forget every record."""
        self._slots: list[RecordDoc | None] = []
        self._order: list[int] = []
        self._lengths: list[tuple[int, ...]] = []
        self._by_key: dict[str, int] = {}
        self._postings: dict[str, array[int]] = {}
        self._vocabulary: list[str] | None = None
        self._used: dict[int, int] = {}  # day -> records put on that day so far
        self._tags: dict[int, list[tuple[int, str, str]]] = {}  # slot -> its tag places

    def put(self, doc: RecordDoc, replace: bool = True) -> None:
        """Insert ``doc``, replacing the record with the same key (``replace`` is accepted
        for the same signature as the FTS5 engine; checking is cheap here)."""
        self.remove(doc.key)
        slot = len(self._slots)
        day = doc.day.toordinal()
        self._used[day] = self._used.get(day, 0) + 1
        self._slots.append(doc)
        self._order.append((day << DAY_SHIFT) + self._used[day])
        lengths = [0] * TIER_COUNT
        seen: set[str] = set()
        for item in doc.fields:
            words = tokens(item.text)
            lengths[item.tier] += len(words)
            seen.update(words)
        self._lengths.append(tuple(lengths))
        places = doc.tag_places()
        if places:
            self._tags[slot] = places
        for word in seen:
            posting = self._postings.get(word)
            if posting is None:
                self._postings[word] = array("I", [slot])
                self._vocabulary = None
            else:
                posting.append(slot)
        self._by_key[doc.key] = slot

    def remove(self, key: str) -> bool:
        """Delete the record with ``key``; True if there was one."""
        slot = self._by_key.pop(key, None)
        if slot is None:
            return False
        self._slots[slot] = None  # its postings stay, pointing at an empty slot
        self._tags.pop(slot, None)
        return True

    def stamps(self) -> dict[str, str]:
        """Key -> stamp of every record."""
        return {key: doc.stamp for key, doc in self._live()}

    def keys_of_contact(self, contact_id: str) -> list[str]:
        """Keys of the conversations with this contact."""
        return [key for key, doc in self._live()
                if doc.type == CONVERSATION and doc.contact_id == contact_id]

    def count(self) -> int:
        """How many records are indexed."""
        return len(self._by_key)

    def docs(self, keys: Iterable[str]) -> list[RecordDoc]:
        """The stored records with these keys (unknown keys are skipped)."""
        slots = (self._by_key.get(key) for key in keys)
        return [doc for slot in slots if slot is not None
                for doc in (self._slots[slot],) if doc is not None]

    def _live(self) -> Iterable[tuple[str, RecordDoc]]:
        for key, slot in self._by_key.items():
            doc = self._slots[slot]
            if doc is not None:
                yield key, doc

    # -- searching -----------------------------------------------------------------------

    def _with_word(self, word: str, prefix: bool) -> set[int]:
        if not prefix:
            return set(self._postings.get(word, ()))
        if self._vocabulary is None:
            self._vocabulary = sorted(self._postings)
        found: set[int] = set()
        start = bisect.bisect_left(self._vocabulary, word)
        for candidate in self._vocabulary[start:]:
            if not candidate.startswith(word):
                break
            found.update(self._postings[candidate])
        return found

    def _with_term(self, term: Term) -> set[int]:
        """Records holding every word of ``term`` (phrases still to be checked)."""
        last = len(term.words) - 1
        found: set[int] | None = None
        for number, word in enumerate(term.words):
            slots = self._with_word(word, term.prefix and number == last)
            found = slots if found is None else found & slots
        return found or set()

    def _holds(self, slot: int, term: Term) -> bool:
        doc = self._slots[slot]
        if doc is None:
            return False
        if len(term.words) == 1:
            return True
        phrase = Highlighter([(term.words, term.prefix)])
        return any(phrase.find(item.text) for item in doc.fields)

    def _accepts(self, slot: int, query: Query) -> bool:
        doc = self._slots[slot]
        if doc is None:
            return False
        if query.dated:
            if doc.type != CONVERSATION:
                return False
            if query.after and doc.day < query.after:
                return False
            if query.before and doc.day >= query.before:
                return False
        for _key, negated, items in query.groups():
            if any(filter_matches(item, doc) for item in items) == negated:
                return False
        return all(self._holds(slot, term) for term in query.terms)

    def rank(self, query: Query, limit: int, cap: int) -> tuple[list[tuple[int, float]], bool,
                                                                   bool]:
        """The best ``limit`` records for ``query`` as ``(handle, score)``, whether more
        matched, and whether ranking was capped to the ``cap`` (at most
        :data:`MEMORY_CAP`) most recent matches."""
        pool: set[int] | None = None
        for term in query.terms:
            found = self._with_term(term)
            pool = found if pool is None else pool & found
        candidates = pool if pool is not None else set(self._by_key.values())
        excluded: set[int] = set()
        for term in query.excluded:
            excluded |= {slot for slot in self._with_term(term) if self._holds(slot, term)}
        newest = sorted(candidates - excluded, key=self._order.__getitem__, reverse=True)
        cap = min(cap, MEMORY_CAP)
        matched: list[int] = []
        for slot in newest:
            if self._accepts(slot, query):
                matched.append(slot)
                if len(matched) > cap:
                    break
        capped = len(matched) > cap
        matched = matched[:cap]
        if query.terms:
            scores = self._bm25(matched, list(query.terms))
            matched.sort(key=lambda s: (-scores[s], -self._order[s]))
        else:
            scores = dict.fromkeys(matched, 0.0)
        return [(slot, scores[slot]) for slot in matched[:limit]], len(matched) > limit, capped

    def _bm25(self, slots: list[int], terms: list[Term]) -> dict[int, float]:
        """bm25 as SQLite computes it (weighted term frequency over the record's length),
        from one pass of all the query's words over each record's fields."""
        total = max(1, len(self._by_key))
        average = max(1.0, sum(sum(v) for v in self._lengths) / max(1, len(self._lengths)))
        idf = []
        for term in terms:
            having = len([s for s in self._with_term(term) if self._slots[s] is not None])
            idf.append(max(1e-6, math.log((total - having + 0.5) / (having + 0.5))))
        every = Highlighter([(term.words, term.prefix) for term in terms])
        scores = dict.fromkeys(slots, 0.0)
        for slot in slots:
            doc = self._slots[slot]
            if doc is None:
                continue
            weighted = [0.0] * len(terms)
            found = every.find_each([item.text for item in doc.fields], most=1 << 30)
            for number, spans in found.items():
                weight = WEIGHTS[doc.fields[number].tier]
                for _, _, which in spans:
                    weighted[which] += weight
            norm = K1 * (1 - B + B * sum(self._lengths[slot]) / average)
            scores[slot] = sum(idf[t] * w * (K1 + 1) / (w + norm)
                               for t, w in enumerate(weighted) if w)
        return scores

    def fetch(self, handles: list[tuple[int, float]], highlighter: Highlighter,
              tags: Wanted = ()) -> list[Ranked]:
        """The ranked records for ``handles`` from :meth:`rank`, in that order (their
        matches, words and ``tags``, are found by :func:`~tui.core.search_hits.record_hits`)."""
        return [Ranked(doc, score) for slot, score in handles
                for doc in (self._slots[slot],) if doc is not None]

    # -- tags ----------------------------------------------------------------------------

    def tag_groups(self) -> tuple[list[tuple[str, str, int]], list[tuple[str, str, int]]]:
        """As :meth:`FtsEngine.tag_groups <tui.core.search_fts.FtsEngine.tag_groups>`."""
        spellings: Counter[tuple[str, str]] = Counter()
        records: Counter[tuple[str, str]] = Counter()
        for slot, places in self._tags.items():
            doc = self._slots[slot]
            if doc is None:
                continue
            spellings.update((key, shown) for _, key, shown in places)
            records.update((key, doc.type) for key in {key for _, key, _ in places})
        return ([(*pair, n) for pair, n in spellings.items()],
                [(*pair, n) for pair, n in records.items()])

    def tag_places(self, key: str, limit: int) -> tuple[list[tuple[RecordDoc, Field]], int]:
        """As :meth:`FtsEngine.tag_places <tui.core.search_fts.FtsEngine.tag_places>`."""
        found: list[tuple[int, int, RecordDoc, Field]] = []
        for slot, places in self._tags.items():
            doc = self._slots[slot]
            if doc is not None:
                found += [(self._order[slot], number, doc, doc.fields[number])
                          for number, tag, _ in places if tag == key]
        found.sort(key=lambda place: (-place[0], place[1]))
        return [(replace(doc, fields=()), item) for _, _, doc, item in found[:limit]], \
            len(found)
