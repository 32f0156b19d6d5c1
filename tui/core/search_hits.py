"""Search results: which fields of a matching record to show, with snippets and match spans.

Both engines rank whole records (a conversation or a contact); this module turns each ranked
record into hits, one per matching field (its best fields first, up to ``per_record``), with
a one-line snippet and the offsets of the matched words in it. All text in a :class:`Hit` is
plain text with control characters replaced: print it, or style the spans, but never parse it
as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tui.core.search_fields import CONVERSATION, Field, Locator, RecordDoc
from tui.core.search_query import Query
from tui.core.search_tags import Wanted, merge_spans, tag_spans
from tui.core.search_text import Highlighter, safe_line, snippet
from tui.core.text_width import fit_marked, mark

SNIPPET_WIDTH = 120
HEADLINE_KINDS = ("goal", "topic", "person", "name")


@dataclass(frozen=True)
class Hit:
    """One place where the query matched.

    ``rank`` is the position of the record among the matching records (0 = best); several hits
    can share it. ``date`` is the conversation's date as stored (the call's start, else the
    scheduled time, else its creation), ``None`` for a contact. ``spans`` are ``(start, end)``
    offsets of the matched words inside ``snippet``.
    """

    record_type: str
    conversation_id: str | None
    contact_id: str
    name: str
    date: str | None
    status: str | None
    kind: str
    label: str
    locator: Locator
    snippet: str
    spans: tuple[tuple[int, int], ...]
    rank: int
    score: float

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (the shape of ``coffeechat search --json``)."""
        return {
            "type": self.record_type, "conversation_id": self.conversation_id,
            "contact_id": self.contact_id, "name": self.name, "date": self.date,
            "status": self.status, "field": self.kind, "label": self.label,
            "locator": self.locator.to_json(), "snippet": self.snippet,
            "spans": [list(span) for span in self.spans], "rank": self.rank,
            "score": round(self.score, 4),
        }

    def marked(self, before: str = "[", after: str = "]") -> str:
        """The snippet with each match wrapped in ``before``/``after`` (for plain output)."""
        return mark(self.snippet, self.spans, before, after)


@dataclass(frozen=True)
class SearchResult:
    """What a search found.

    ``records`` counts the records the hits come from; ``more`` says that further records
    matched beyond ``limit``. ``capped`` means the query matched so many records (a first
    letter, a very common word) that only the most recent :data:`RANK_CAP
    <tui.core.search.RANK_CAP>` of them were considered, those with the words in a name or
    heading first. ``notices`` are sentences for the user: the query's problems, and engine
    notices (the fallback engine, a rebuild under way).
    """

    query: Query
    hits: tuple[Hit, ...] = ()
    records: int = 0
    more: bool = False
    capped: bool = False
    engine: str = ""
    notices: tuple[str, ...] = ()
    cancelled: bool = False

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict: the hits and what to tell the user."""
        return {"query": self.query.text, "hits": [h.to_json() for h in self.hits],
                "records": self.records, "more": self.more, "capped": self.capped,
                "engine": self.engine, "notices": list(self.notices)}


@dataclass(frozen=True)
class TagPlaces:
    """The places carrying one tag, newest first: ``total`` of them, ``hits`` the first."""

    key: str
    hits: tuple[Hit, ...] = ()
    total: int = 0
    notices: tuple[str, ...] = ()


Matches = list[tuple[int, int, int]]  # (start, end, term number) inside one field's text


@dataclass(frozen=True)
class Ranked:
    """A matching record as an engine returns it: its score, and where the words matched.

    ``matches`` maps an index into ``doc.fields`` to that field's matches; ``None`` lets
    :func:`record_hits` find them itself. An engine may leave out fields without matches.
    """

    doc: RecordDoc
    score: float
    matches: dict[int, Matches] | None = None


def query_phrases(query: Query) -> list[tuple[tuple[str, ...], bool]]:
    """The positive words of ``query`` as ``(words, prefix)`` phrases, for highlighting."""
    return [(term.words, term.prefix) for term in query.terms]


def record_hits(ranked: Ranked, highlighter: Highlighter, rank: int, per_record: int,
                width: int = SNIPPET_WIDTH, tags: Wanted = ()) -> list[Hit]:
    """The hits of one matching record: its fields that contain query words or carry the
    query's ``tags`` (``(key, prefix)``, from :func:`~tui.core.search_tags.wanted_tags`), best
    first.

    A field ranks by how many different query words and tags it holds, then by its tier
    (names before headings before notes), then by its order in the record. A record that
    matched only through other filters (or whose match cannot be placed in a field) gets one
    headline hit.
    """
    doc = ranked.doc
    fields = doc.fields
    found = ranked.matches
    if found is None:
        found = highlighter.find_each([f.text for f in fields])
    if tags:
        found = dict(found)
        for order, item in enumerate(fields):
            spans = tag_spans(item, tags, highlighter.count)
            if spans:
                found[order] = merge_spans(found.get(order, ()), spans)
    scored = sorted((-len({term for _, _, term in spans}), fields[order].tier, order)
                    for order, spans in found.items() if spans and order < len(fields))
    hits = [field_hit(doc, fields[order], found[order], rank, ranked.score, width)
            for _, _, order in scored[:max(1, per_record)]]
    if not hits:
        hits.append(field_hit(doc, headline(fields), [], rank, ranked.score, width))
    return hits


def headline(fields: Sequence[Field]) -> Field:
    """The field that best names a record: its goal, else topic, else the person."""
    for kind in HEADLINE_KINDS:
        for item in fields:
            if item.kind == kind:
                return item
    return fields[0] if fields else Field("name", "name", "", 0, Locator("details"))


def field_hit(doc: RecordDoc, item: Field, found: Sequence[tuple[int, int, int]], rank: int,
              score: float, width: int) -> Hit:
    """The hit of one field of ``doc``: a snippet around ``found`` (offsets in its text)."""
    text, spans = snippet(item.text, found, width)
    return Hit(
        record_type=doc.type, conversation_id=doc.conversation_id, contact_id=doc.contact_id,
        name=doc.name, date=doc.moment, status=doc.status if doc.type == CONVERSATION else None,
        kind=item.kind, label=safe_line(item.label, 60), locator=item.locator,
        snippet=text, spans=spans, rank=rank, score=score,
    )


def format_hits(hits: Sequence[Hit], marks: tuple[str, str] = ("[", "]"), columns: int = 0
                ) -> list[list[str]]:
    """Rows for a plain-text table: date (``YYYY-MM-DD``), person, field label, snippet.

    Matches in the snippet are wrapped in ``marks`` (pass ``("", "")`` for none). With
    ``columns``, each snippet is cut to that many terminal columns, marks included, keeping
    its first match whole. For ``--json`` use ``[hit.to_json() for hit in hits]`` or
    ``SearchResult.to_json()``.
    """
    return [[(hit.date or "")[:10], hit.name, hit.label,
             fit_marked(hit.snippet, hit.spans, columns, marks) if columns
             else hit.marked(*marks)] for hit in hits]


def place_hits(places: Sequence[tuple[RecordDoc, Field]], key: str,
               width: int = SNIPPET_WIDTH) -> list[Hit]:
    """One hit per place carrying the tag ``key`` (as an engine's ``tag_places`` gives them),
    in that order, the tag marked in each snippet."""
    return [field_hit(doc, item, tag_spans(item, ((key, False),)), rank, 0.0, width)
            for rank, (doc, item) in enumerate(places)]

