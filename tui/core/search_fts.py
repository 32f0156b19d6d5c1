"""The SQLite FTS5 search engine: one index row per conversation or contact.

Each record's fields are joined into three columns by weight (names, headings, notes; a
private-use token between fields stops phrases from spanning two of them) plus a ``meta``
column of filter tokens (company, person, tags, status, kind). The rowid encodes the record's
day (``day << 20 | n``), so date filters are rowid ranges and "newest first" is rowid order.
The ``records`` table keeps the display data and where each field sits in its column.

Not thread-safe by itself: :class:`tui.core.search.SearchIndex` serialises calls.
"""

from __future__ import annotations

import bisect
import json
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, Protocol

from tui.core.search_cache import first
from tui.core.search_fields import (
    CONVERSATION,
    HEADS,
    NAMES,
    NOTES,
    TIER_COUNT,
    Field,
    RecordDoc,
    field_extra,
    make_field,
)
from tui.core.search_hits import HEADLINE_KINDS, Matches, Ranked
from tui.core.search_query import Filter, Query
from tui.core.search_text import EVERYTHING, FIELD_BREAK, MARK_CLOSE, MARK_OPEN, META, tokens

TOKENIZER = "unicode61 remove_diacritics 2"
WEIGHTS = {NAMES: 10.0, HEADS: 4.0, NOTES: 1.0}
DAY_SHIFT = 20
SEPARATOR = f"\n{FIELD_BREAK}\n"
META_KEYS = {"company": "c", "person": "p", "tag": "t", "status": "s", "kind": "k"}
TYPE_TOKENS = {CONVERSATION: META + "rv", "contact": META + "rp"}

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS records ("
    " rowid INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, type TEXT NOT NULL,"
    " contact_id TEXT NOT NULL, conversation_id TEXT, name TEXT NOT NULL, date TEXT,"
    " day TEXT NOT NULL, status TEXT, kind TEXT, company TEXT NOT NULL, stamp TEXT NOT NULL,"
    " data TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS records_contact ON records(contact_id)",
    # Prefix indexes make the first letters typed as fast as whole words (without them a
    # one-letter query at 10,000 conversations takes about a second).
    "CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(names, heads, notes, meta,"
    f" tokenize='{TOKENIZER}', prefix='1 2 3')",
)
_WEIGHTS = ", ".join(str(WEIGHTS[t]) for t in range(TIER_COUNT))
_RECORD = ("r.key, r.type, r.contact_id, r.conversation_id, r.name, r.date, r.day, r.status,"
           " r.kind, r.company, r.stamp, r.data")


def fts5_available() -> bool:
    """True when this Python's SQLite has FTS5 with the unicode61 tokenizer."""
    try:
        probe = sqlite3.connect(":memory:")
        try:
            probe.execute(f"CREATE VIRTUAL TABLE t USING fts5(a, tokenize='{TOKENIZER}')")
        finally:
            probe.close()
    except sqlite3.Error:
        return False
    return True


def rowid_range(day: date) -> tuple[int, int]:
    """The rowids of records dated ``day``: first and last."""
    base = day.toordinal() << DAY_SHIFT
    return base, base + (1 << DAY_SHIFT) - 1


def meta_text(doc: RecordDoc) -> str:
    """The filter tokens of a record (never shown, never matched by plain words)."""
    parts = [EVERYTHING, TYPE_TOKENS.get(doc.type, TYPE_TOKENS["contact"])]
    if doc.status:
        parts.append(META + "s" + doc.status.replace("_", ""))
    if doc.kind:
        parts.append(META + "k" + doc.kind)
    for key, words in (("c", doc.company_words), ("p", doc.person_words)):
        parts += [FIELD_BREAK, *(META + key + w for w in words)]
    for tag in doc.tag_words:
        parts += [FIELD_BREAK, *(META + "t" + w for w in tag)]
    return " ".join(parts)


def _phrase(words: Iterable[str], prefix: bool) -> str:
    body = " ".join(words).replace('"', '""')
    return f'"{body}"' + ("*" if prefix else "")


def _filter_phrase(item: Filter) -> str:
    code = META + META_KEYS[item.key]
    if item.term is not None:
        return _phrase((code + w for w in item.term.words), item.term.prefix)
    return _phrase([code + item.value.replace("_", "")], False)


def match_expression(query: Query) -> str:
    """The FTS5 MATCH string for ``query``: every word quoted, so nothing is syntax."""
    required = [_phrase(t.words, t.prefix) for t in query.terms]
    excluded = [_phrase(t.words, t.prefix) for t in query.excluded]
    if query.dated:
        required.append(_phrase([TYPE_TOKENS[CONVERSATION]], False))
    for _key, negated, items in query.groups():
        group = "(" + " OR ".join(_filter_phrase(i) for i in items) + ")"
        (excluded if negated else required).append(group)
    expression = " AND ".join(required) or _phrase([EVERYTHING], False)
    if excluded:
        expression = f"({expression}) NOT ({' OR '.join(excluded)})"
    return expression


def words_expression(query: Query) -> str:
    """Only the words to highlight (filters would make ``highlight()`` much slower)."""
    return " AND ".join(_phrase(t.words, t.prefix) for t in query.terms)


class HasConnection(Protocol):
    """Something holding the current connection (:class:`~tui.core.search_cache.IndexFile`)."""

    connection: sqlite3.Connection


class FtsEngine:
    """Records in SQLite (see the module docstring)."""

    name = "fts5"

    def __init__(self, source: sqlite3.Connection | HasConnection) -> None:
        self._source = source
        self._ready: sqlite3.Connection | None = None

    @property
    def db(self) -> sqlite3.Connection:
        """The connection (the index file may replace it after damage or a failed write)."""
        source = self._source
        connection = source if isinstance(source, sqlite3.Connection) else source.connection
        if connection is not self._ready:
            for statement in SCHEMA:
                connection.execute(statement)
            self._ready = connection
        return connection

    def clear(self) -> None:
        """Forget every record."""
        self.db.execute("DELETE FROM records")
        self.db.execute("DELETE FROM fts")

    def put(self, doc: RecordDoc, replace: bool = True) -> None:
        """Insert ``doc``, replacing the record with the same key (``replace=False`` when the
        caller knows there is none, as in a rebuild)."""
        if replace:
            self.remove(doc.key)
        columns: list[list[str]] = [[] for _ in range(TIER_COUNT)]
        layout: list[list[list[str]]] = [[] for _ in range(TIER_COUNT)]
        for item in doc.fields:
            text = item.text if FIELD_BREAK not in item.text else item.text.replace(FIELD_BREAK,
                                                                                    " ")
            columns[item.tier].append(text)
            entry = [item.kind, item.locator.item_id, field_extra(item)]
            while len(entry) > 1 and not entry[-1]:
                entry.pop()
            layout[item.tier].append(entry)
        data = {"f": layout, "t": doc.tags, "h": doc.hashtags}
        rowid = self._free_rowid(doc.day)
        self.db.execute(
            "INSERT INTO records VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (rowid, doc.key, doc.type, doc.contact_id, doc.conversation_id, doc.name, doc.moment,
             doc.day.isoformat(), doc.status, doc.kind, doc.company, doc.stamp,
             json.dumps(data, ensure_ascii=False, separators=(",", ":"))))
        self.db.execute("INSERT INTO fts(rowid, names, heads, notes, meta) VALUES (?,?,?,?,?)",
                        (rowid, *(SEPARATOR.join(c) for c in columns), meta_text(doc)))

    def _free_rowid(self, day: date) -> int:
        low, high = rowid_range(day)
        while True:
            (top,) = first(self.db.execute(
                "SELECT max(rowid) FROM records WHERE rowid BETWEEN ? AND ?", (low, high)))
            if top is None or top < high:
                return low if top is None else top + 1
            low, high = high + 1, high + (1 << DAY_SHIFT)  # a full day spills into the next

    def remove(self, key: str) -> bool:
        """Delete the record with ``key``; True if there was one."""
        row = first(self.db.execute("SELECT rowid FROM records WHERE key = ?", (key,)))
        if row is None:
            return False
        self.db.execute("DELETE FROM fts WHERE rowid = ?", row)
        self.db.execute("DELETE FROM records WHERE rowid = ?", row)
        return True

    def stamps(self) -> dict[str, str]:
        """Key -> stamp of every record."""
        return dict(self.db.execute("SELECT key, stamp FROM records"))

    def keys_of_contact(self, contact_id: str) -> list[str]:
        """Keys of the conversations with this contact."""
        rows = self.db.execute("SELECT key FROM records WHERE contact_id = ? AND type = ?",
                               (contact_id, CONVERSATION))
        return [key for (key,) in rows]

    def count(self) -> int:
        """How many records are indexed."""
        return int(first(self.db.execute("SELECT count(*) FROM records"))[0])

    def docs(self, keys: Iterable[str]) -> list[RecordDoc]:
        """The stored records with these keys, every field (unknown keys are skipped)."""
        found = []
        for key in keys:
            row = first(self.db.execute(
                f"SELECT {_RECORD}, fts.names, fts.heads, fts.notes FROM records r "
                "JOIN fts ON fts.rowid = r.rowid WHERE r.key = ?", (key,)))
            if row is not None:
                layout = _Layout(row[:12], row[12:])
                found.append(layout.doc(range(len(layout.entries))))
        return found

    def rank(self, query: Query, limit: int, cap: int) -> tuple[list[tuple[int, float]], bool,
                                                                   bool]:
        """The best ``limit`` records for ``query`` as ``(handle, score)``, whether more
        matched, and whether ranking was capped.

        Ranking is bm25 over the weighted columns among the ``cap`` most recent matching
        records (the rowid order); without words to rank by, newest first.
        """
        expression = match_expression(query)
        low = rowid_range(query.after)[0] if query.after else -(1 << 62)
        high = rowid_range(query.before)[0] - 1 if query.before else 1 << 62
        where = "fts MATCH ? AND rowid BETWEEN ? AND ?"
        row = first(self.db.execute(f"SELECT rowid FROM fts WHERE {where} ORDER BY rowid DESC "
                                    "LIMIT 1 OFFSET ?", (expression, low, high, cap)))
        capped = row is not None
        if capped:
            low = row[0] + 1
        score = f"bm25(fts, {_WEIGHTS}, 0.0)" if query.terms else "0.0"
        ranked = self.db.execute(
            f"SELECT rowid, {score} AS score FROM fts WHERE {where} "
            "ORDER BY score, rowid DESC LIMIT ?", (expression, low, high, limit + 1)).fetchall()
        return [(rowid, -float(value)) for rowid, value in ranked[:limit]], \
            len(ranked) > limit, capped

    def fetch(self, handles: list[tuple[int, float]], query: Query) -> list[Ranked]:
        """The ranked records for ``handles`` from :meth:`rank`, in that order, each with the
        fields that matched (placed by SQLite's own ``highlight()``, so they agree with the
        index) and its headline field."""
        rowids = [rowid for rowid, _ in handles]
        if not rowids:
            return []
        marks = ",".join("?" * len(rowids))
        if query.terms:
            columns = ", ".join(f"highlight(fts, {n}, '{MARK_OPEN}', '{MARK_CLOSE}')"
                                for n in range(TIER_COUNT))
            rows = self.db.execute(f"SELECT rowid, {columns} FROM fts WHERE fts MATCH ? AND "
                                   f"rowid IN ({marks})", (words_expression(query), *rowids))
        else:
            rows = self.db.execute(f"SELECT rowid, names, heads, notes FROM fts "
                                   f"WHERE rowid IN ({marks})", rowids)
        texts = {row[0]: row[1:] for row in rows}
        records = {row[0]: row[1:] for row in self.db.execute(
            f"SELECT r.rowid, {_RECORD} FROM records r WHERE rowid IN ({marks})", rowids)}
        cache: dict[str, int] = {}
        found = []
        for rowid, score in handles:
            if rowid in texts and rowid in records:
                doc, matches = _place(records[rowid], texts[rowid], query, cache)
                found.append(Ranked(doc, score, matches))
        return found


class _Layout:
    """A stored record: its row, its column texts, and the field entries in column order."""

    def __init__(self, row: Sequence[Any], columns: Sequence[str]) -> None:
        self.row = row
        data = json.loads(row[11])
        self.tags, self.hashtags = tuple(data["t"]), tuple(data["h"])
        self.entries: list[tuple[int, list[str], int, int]] = []  # tier, entry, start, length
        self.columns = columns
        for tier, entries in enumerate(data["f"]):
            start = 0
            for entry, text in zip(entries, columns[tier].split(SEPARATOR) if entries else (),
                                   strict=False):
                self.entries.append((tier, entry, start, len(text)))
                start += len(text) + len(SEPARATOR)

    def field(self, number: int) -> Field:
        tier, entry, start, length = self.entries[number]
        kind, item_id, extra = (*entry, "", "")[:3]
        return make_field(kind, self.columns[tier][start:start + length], item_id, extra)

    def doc(self, numbers: Iterable[int]) -> RecordDoc:
        (key, record_type, contact_id, conversation_id, name, when, day, status, kind, company,
         stamp) = self.row[:11]
        return RecordDoc(
            key=key, type=record_type, contact_id=contact_id, conversation_id=conversation_id,
            name=name, moment=when, day=date.fromisoformat(day), status=status, kind=kind,
            company=company, tags=self.tags, fields=tuple(self.field(n) for n in numbers),
            stamp=stamp, hashtags=self.hashtags,
        )


def _unmark(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """Column text without highlight marks, and the marked ranges in it."""
    if MARK_OPEN not in marked:
        return marked, []
    spans, pieces, removed, position = [], [], 0, 0
    while True:
        opened = marked.find(MARK_OPEN, position)
        closed = marked.find(MARK_CLOSE, opened) if opened >= 0 else -1
        if closed < 0:
            break
        pieces += [marked[position:opened], marked[opened + 1:closed]]
        spans.append((opened - removed, closed - removed - 1))
        removed += 2
        position = closed + 1
    pieces.append(marked[position:])
    return "".join(pieces), spans


def _term_of(text: str, query: Query, cache: dict[str, int]) -> int:
    """Which of the query's words a highlighted piece of text is (for counting them)."""
    if len(query.terms) < 2:
        return 0
    known = cache.get(text)
    if known is None:
        known = cache[text] = _find_term(text, query)
    return known


def _find_term(text: str, query: Query) -> int:
    words = tokens(text)
    for number, term in enumerate(query.terms):
        size = len(term.words)
        if len(words) == size and words[:-1] == list(term.words[:-1]) and (
                words[-1] == term.words[-1]
                or (term.prefix and words[-1].startswith(term.words[-1]))):
            return number
    for number, term in enumerate(query.terms):
        if words and words[0].startswith(term.words[0]):
            return number
    return 0


def _place(row: Sequence[Any], marked: Sequence[str], query: Query, cache: dict[str, int]
           ) -> tuple[RecordDoc, dict[int, Matches]]:
    """The record with its matched fields (and headline), and the matches in each."""
    columns, spans = zip(*(_unmark(text) for text in marked), strict=True)
    layout = _Layout(row, columns)
    starts: list[list[int]] = [[] for _ in range(TIER_COUNT)]
    numbers: list[list[int]] = [[] for _ in range(TIER_COUNT)]
    for number, (tier, _, start, _) in enumerate(layout.entries):
        starts[tier].append(start)
        numbers[tier].append(number)
    by_field: dict[int, Matches] = {}
    for tier, column_spans in enumerate(spans):
        for start, end in column_spans:
            slot = bisect.bisect_right(starts[tier], start) - 1
            if slot < 0:
                continue
            number = numbers[tier][slot]
            offset, length = layout.entries[number][2:]
            if end <= offset + length:
                term = _term_of(columns[tier][start:end], query, cache)
                by_field.setdefault(number, []).append((start - offset, end - offset, term))
    kept = sorted(by_field)
    head = next((n for kind in HEADLINE_KINDS for n, entry in enumerate(layout.entries)
                 if entry[1][0] == kind), 0 if layout.entries else None)
    if head is not None and head not in by_field:
        kept.append(head)
    matches = {index: by_field[n] for index, n in enumerate(kept) if n in by_field}
    return layout.doc(kept), matches
