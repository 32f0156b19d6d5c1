"""The SQLite FTS5 search engine: one index row per conversation or contact.

Each record's fields are joined into three columns by weight (names, headings, notes; a
private-use token between fields stops phrases from spanning two of them) plus a ``meta``
column of filter tokens (company, person, tags, status, kind). The rowid encodes the record's
day (``day << 20 | n``), so date filters are rowid ranges and "newest first" is rowid order.
The ``records`` table keeps the display data and where each field sits in its column.

Not thread-safe by itself: :class:`tui.core.search.SearchIndex` serialises calls.
"""

from __future__ import annotations

import functools
import heapq
import itertools
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from typing import Any

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
from tui.core.search_tags import Wanted, tag_spans
from tui.core.search_text import (
    EVERYTHING,
    FIELD_BREAK,
    META,
    Highlighter,
    index_text,
    stored_text,
)

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
    # Each tag a record carries, with the field it is in (number in the record, and column
    # and position in the column): the Tags view counts and lists them from here.
    "CREATE TABLE IF NOT EXISTS tags (rowid INTEGER NOT NULL, field INTEGER NOT NULL,"
    " tier INTEGER NOT NULL, position INTEGER NOT NULL, tag TEXT NOT NULL,"
    " shown TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS tags_tag ON tags(tag, rowid)",
    "CREATE INDEX IF NOT EXISTS tags_rowid ON tags(rowid)",
)
_WEIGHTS = ", ".join(str(WEIGHTS[t]) for t in range(TIER_COUNT))
_RECORD = ("r.key, r.type, r.contact_id, r.conversation_id, r.name, r.date, r.day, r.status,"
           " r.kind, r.company, r.stamp, r.data")


@functools.cache
def fts5_available() -> bool:
    """True when this Python's SQLite has FTS5 with the unicode61 tokenizer (asked once)."""
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
    parts += [META + "t" + key for key in doc.tag_keys]
    return " ".join(parts)


def _phrase(words: Iterable[str], prefix: bool) -> str:
    body = " ".join(words).replace('"', '""')
    return f'"{body}"' + ("*" if prefix else "")


def _filter_phrase(item: Filter) -> str:
    code = META + META_KEYS[item.key]
    if item.key == "tag" and item.term is not None:  # one token: the tag's key
        return _phrase([code + "".join(item.term.words)], item.term.prefix)
    if item.term is not None:
        return _phrase((code + w for w in item.term.words), item.term.prefix)
    return _phrase([code + item.value.replace("_", "")], False)


def match_expression(query: Query, columns: str = "") -> str:
    """The FTS5 MATCH string for ``query``: every word quoted, so nothing is syntax.
    ``columns`` (``"names heads"``) limits where the words may match (not the filters)."""
    words = [_phrase(t.words, t.prefix) for t in query.terms]
    required = [f"{{{columns}}} : ({' AND '.join(words)})"] if columns and words else words
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


class FtsEngine:
    """Records in SQLite (see the module docstring)."""

    name = "fts5"

    def __init__(self, connection: sqlite3.Connection | Callable[[], sqlite3.Connection],
                 create: bool = True) -> None:
        self._connection = connection
        self._create = create  # not on a read-only connection: the writer creates the tables
        self._ready: sqlite3.Connection | None = None

    @property
    def db(self) -> sqlite3.Connection:
        """The connection (given as a function when the index file may replace it, after
        damage or a failed write)."""
        given = self._connection
        connection = given if isinstance(given, sqlite3.Connection) else given()
        if connection is not self._ready and self._create:
            for statement in SCHEMA:
                connection.execute(statement)
            self._ready = connection
        return connection

    def clear(self) -> None:
        """Forget every record."""
        self.db.execute("DELETE FROM records")
        self.db.execute("DELETE FROM fts")
        self.db.execute("DELETE FROM tags")

    def put(self, doc: RecordDoc, replace: bool = True) -> None:
        """Insert ``doc``, replacing the record with the same key (``replace=False`` when the
        caller knows there is none, as in a rebuild)."""
        if replace:
            self.remove(doc.key)
        columns: list[list[str]] = [[] for _ in range(TIER_COUNT)]
        entries: list[list[list[str]]] = [[] for _ in range(TIER_COUNT)]
        steps: list[list[int]] = [[] for _ in range(TIER_COUNT)]  # from a field to the next
        places: list[tuple[int, int]] = []  # each field's (tier, position in the column)
        for item in doc.fields:
            places.append((item.tier, len(columns[item.tier])))
            text = item.text if FIELD_BREAK not in item.text else item.text.replace(FIELD_BREAK,
                                                                                    " ")
            columns[item.tier].append(index_text(text))  # offsets below: in the text itself
            steps[item.tier].append(len(text) + len(SEPARATOR))
            entry = [item.kind, item.locator.item_id, field_extra(item)]
            while len(entry) > 1 and not entry[-1]:
                entry.pop()
            entries[item.tier].append(entry)
        data = {"f": entries, "n": steps, "t": doc.tags, "h": doc.hashtags}
        rowid = self._free_rowid(doc.day)
        self.db.execute(
            "INSERT INTO records VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (rowid, doc.key, doc.type, doc.contact_id, doc.conversation_id, doc.name, doc.moment,
             doc.day.isoformat(), doc.status, doc.kind, doc.company, doc.stamp,
             json.dumps(data, ensure_ascii=False, separators=(",", ":"))))
        self.db.execute("INSERT INTO fts(rowid, names, heads, notes, meta) VALUES (?,?,?,?,?)",
                        (rowid, *(SEPARATOR.join(c) for c in columns), meta_text(doc)))
        self.db.executemany("INSERT INTO tags VALUES (?,?,?,?,?,?)",
                            [(rowid, number, *places[number], key, shown)
                             for number, key, shown in doc.tag_places()])

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
        self.db.execute("DELETE FROM tags WHERE rowid = ?", row)
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
                found.append(layout.doc(layout.numbers()))
        return found

    def rank(self, query: Query, limit: int, cap: int) -> tuple[list[tuple[int, float]], bool,
                                                                   bool]:
        """The best ``limit`` records for ``query`` as ``(handle, score)``, whether more
        matched, and whether ranking was capped.

        Up to ``cap`` matches are ranked by bm25 over the weighted columns. A query matching
        more (a first letter, a very common word or phrase) is capped: among the newest
        ``cap`` matches, those with the words in a name or heading come first, each group
        newest first. (bm25 scans every match of every word to weigh them, which for such a
        query costs more than the rest of the search together.) Without words, newest first.
        """
        low = rowid_range(query.after)[0] if query.after else -(1 << 62)
        high = rowid_range(query.before)[0] - 1 if query.before else 1 << 62
        expression = match_expression(query)
        where = "fts MATCH ? AND rowid BETWEEN ? AND ?"
        newest = [rowid for (rowid,) in self.db.execute(
            f"SELECT rowid FROM fts WHERE {where} ORDER BY rowid DESC LIMIT ?",
            (expression, low, high, cap + 1))]
        capped = len(newest) > cap
        window = newest[:cap]
        if not window or not query.terms:
            return [(rowid, 0.0) for rowid in window[:limit]], len(window) > limit, capped
        bounds = (window[-1], window[0])
        if capped:
            titled = {rowid for (rowid,) in self.db.execute(
                f"SELECT rowid FROM fts WHERE {where}",
                (match_expression(query, "names heads"), *bounds))}
            ordered = [(r, 1.0) for r in window if r in titled] + [
                (r, 0.0) for r in window if r not in titled]
            return ordered[:limit], len(ordered) > limit, True
        rows = self.db.execute(
            f"SELECT rowid, bm25(fts, {_WEIGHTS}, 0.0) FROM fts WHERE {where}",
            (expression, *bounds)).fetchall()
        ranked = heapq.nsmallest(limit + 1, rows, key=lambda row: (row[1], -row[0]))
        return [(rowid, -float(value)) for rowid, value in ranked[:limit]], \
            len(ranked) > limit, False

    def fetch(self, handles: list[tuple[int, float]], highlighter: Highlighter,
              tags: Wanted = ()) -> list[Ranked]:
        """The ranked records for ``handles`` from :meth:`rank`, in that order, each with only
        the fields that matched or carry one of ``tags`` (and its headline field) and the
        word matches in them."""
        rowids = [rowid for rowid, _ in handles]
        if not rowids:
            return []
        marks = ",".join("?" * len(rowids))
        rows = {row[0]: row[1:] for row in self.db.execute(
            f"SELECT r.rowid, {_RECORD}, fts.names, fts.heads, fts.notes FROM records r "
            f"JOIN fts ON fts.rowid = r.rowid WHERE r.rowid IN ({marks})", rowids)}
        found = []
        for rowid, score in handles:
            row = rows.get(rowid)
            if row is not None:
                layout = _Layout(row[:12], row[12:])
                doc, matches = layout.matched(highlighter, tags)
                found.append(Ranked(doc, score, matches))
        return found

    def tag_groups(self) -> tuple[list[tuple[str, str, int]], list[tuple[str, str, int]]]:
        """For :func:`~tui.core.search_tags.count_tags`: ``(key, spelling, places)`` and
        ``(key, record type, records)`` groups."""
        spellings = self.db.execute(
            "SELECT tag, shown, count(*) FROM tags GROUP BY tag, shown").fetchall()
        records = self.db.execute(
            "SELECT t.tag, r.type, count(DISTINCT t.rowid) FROM tags t JOIN records r"
            " ON r.rowid = t.rowid GROUP BY t.tag, r.type").fetchall()
        return spellings, records

    def tag_places(self, key: str, limit: int) -> tuple[list[tuple[RecordDoc, Field]], int]:
        """The newest ``limit`` places carrying the tag ``key`` (a record's fields in their
        order), each as its record (without fields) and the field; and how many there are."""
        (total,) = first(self.db.execute("SELECT count(*) FROM tags WHERE tag = ?", (key,)))
        places = self.db.execute(
            "SELECT rowid, tier, position FROM tags WHERE tag = ? ORDER BY rowid DESC, field"
            " LIMIT ?", (key, limit)).fetchall()
        rowids = sorted({rowid for rowid, _, _ in places})
        layouts: dict[int, _Layout] = {}
        for start in range(0, len(rowids), 500):  # SQLite's limit on ? in one statement
            chunk = rowids[start:start + 500]
            for row in self.db.execute(
                    f"SELECT r.rowid, {_RECORD}, fts.names, fts.heads, fts.notes FROM records r"
                    f" JOIN fts ON fts.rowid = r.rowid WHERE r.rowid IN"
                    f" ({','.join('?' * len(chunk))})", chunk):
                layouts[row[0]] = _Layout(row[1:13], row[13:])
        found = [(layouts[rowid].doc(()), layouts[rowid].field(tier, position))
                 for rowid, tier, position in places if rowid in layouts]
        return found, int(total)


class _Layout:
    """A stored record: its row, its column texts, and where each field sits in them."""

    def __init__(self, row: Sequence[Any], columns: Sequence[str]) -> None:
        self.row = row
        data = json.loads(row[11])
        self.tags, self.hashtags = tuple(data["t"]), tuple(data["h"])
        self.columns = [stored_text(column) for column in columns]
        self.entries: list[list[list[str]]] = data["f"]  # per column: kind, item id, extra
        self.starts = [[0, *itertools.accumulate(steps)][:-1] for steps in data["n"]]

    def numbers(self) -> Iterator[tuple[int, int]]:
        """Every field as (column, position in the column), in record order."""
        for tier, entries in enumerate(self.entries):
            for position in range(len(entries)):
                yield tier, position

    def field(self, tier: int, position: int) -> Field:
        start = self.starts[tier][position]
        following = self.starts[tier][position + 1:position + 2]
        end = following[0] - len(SEPARATOR) if following else len(self.columns[tier])
        kind, item_id, extra = (*self.entries[tier][position], "", "")[:3]
        return make_field(kind, self.columns[tier][start:end], item_id, extra)

    def matched(self, highlighter: Highlighter, tags: Wanted = ()
                ) -> tuple[RecordDoc, dict[int, Matches]]:
        """The record with only its matched fields, those carrying one of ``tags`` (and its
        headline), and their word matches."""
        kept: list[tuple[int, int]] = []
        matches: dict[int, Matches] = {}
        for tier, starts in enumerate(self.starts):
            for position, spans in sorted(highlighter.find_in(self.columns[tier],
                                                              starts).items()):
                matches[len(kept)] = spans
                kept.append((tier, position))
        if tags:
            kept += [n for n in self.numbers() if n not in kept and tag_spans(self.field(*n),
                                                                               tags)]
        if not any(self.entries[t][p][0] in HEADLINE_KINDS for t, p in kept):
            head = next(((t, p) for kind in HEADLINE_KINDS for t, p in self.numbers()
                         if self.entries[t][p][0] == kind), None)
            if head is not None:
                kept.append(head)
        return self.doc(kept), matches

    def doc(self, numbers: Iterable[tuple[int, int]]) -> RecordDoc:
        (key, record_type, contact_id, conversation_id, name, when, day, status, kind, company,
         stamp) = self.row[:11]
        return RecordDoc(
            key=key, type=record_type, contact_id=contact_id, conversation_id=conversation_id,
            name=name, moment=when, day=date.fromisoformat(day), status=status, kind=kind,
            company=company, tags=self.tags, fields=tuple(self.field(*n) for n in numbers),
            stamp=stamp, hashtags=self.hashtags,
        )
