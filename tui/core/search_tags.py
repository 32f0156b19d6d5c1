"""Tags in the search index: where a field carries a tag, and how many places carry each.

Both engines keep, for every record, the tags it carries itself (a contact's own tags, and
``#inline`` tags in a conversation's or a contact's own fields; see
:meth:`RecordDoc.tag_places <tui.core.search_fields.RecordDoc.tag_places>`). This module has
what they share: finding a tag inside a field (to mark it in a snippet, as a ``tag:`` search
and the Tags view do), and counting tags from what an engine grouped.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from tui.core.search_fields import CONTACT, CONVERSATION, TAG_JOIN, TAG_LISTS, Field
from tui.core.search_query import Query
from tui.core.tags import contact_tag, find_tags, pick_spelling

Wanted = Sequence[tuple[str, bool]]  # (tag key, as a prefix)
MAX_PLACES = 500  # places listed for one tag, newest first


@dataclass(frozen=True)
class TagCount:
    """One tag: the spelling shown, how many places (notes, answers, contacts' tag lists...)
    carry it, and in how many conversations and contacts those places are."""

    key: str
    shown: str
    places: int
    conversations: int
    contacts: int

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {"tag": self.shown, "key": self.key, "places": self.places,
                "conversations": self.conversations, "contacts": self.contacts}


@dataclass(frozen=True)
class TagCounts:
    """Every tag (:class:`~tui.core.search_tags.TagCount`), and sentences for the user."""

    tags: tuple[TagCount, ...] = ()
    notices: tuple[str, ...] = ()


def wanted_tags(query: Query) -> tuple[tuple[str, bool], ...]:
    """``(key, prefix)`` of each ``tag:`` filter of ``query`` that is not negated."""
    return tuple(("".join(item.term.words), item.term.prefix) for item in query.filters
                 if item.key == "tag" and not item.negated and item.term is not None)


def _wants(key: str, wanted: Wanted) -> int | None:
    for number, (want, prefix) in enumerate(wanted):
        if key == want or (prefix and key.startswith(want)):
            return number
    return None


def may_carry(item: Field) -> bool:
    """Cheap test: the field could carry a tag (a contact's tag list, or a ``#``)."""
    return item.kind in TAG_LISTS or "#" in item.text


def tag_spans(item: Field, wanted: Wanted, first_term: int = 0) -> list[tuple[int, int, int]]:
    """Where ``item`` carries one of the ``wanted`` tags, as ``(start, end, term)`` offsets
    into its text (the ``#`` included); ``term`` counts from ``first_term``, in the order of
    ``wanted``."""
    if not wanted or not may_carry(item):
        return []
    spans: list[tuple[int, int, int]] = []
    if item.kind in TAG_LISTS:
        start = 0
        for piece in item.text.split(TAG_JOIN):
            given = contact_tag(piece)
            number = _wants(given[0], wanted) if given else None
            if number is not None:
                spans.append((start, start + len(piece), first_term + number))
            start += len(piece) + len(TAG_JOIN)
        return spans
    for match in find_tags(item.text):
        number = _wants(match.key, wanted)
        if number is not None:
            spans.append((match.start, match.end, first_term + number))
    return spans


def merge_spans(*groups: Iterable[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Spans from several finders, in order, without overlaps (the earlier one wins)."""
    merged: list[tuple[int, int, int]] = []
    for span in sorted(s for group in groups for s in group):
        if not merged or span[0] >= merged[-1][1]:
            merged.append(span)
    return merged


def count_tags(spellings: Iterable[tuple[str, str, int]],
               records: Iterable[tuple[str, str, int]]) -> list[TagCount]:
    """Every tag, most places first, then by name. ``spellings`` are ``(key, spelling,
    places)`` groups; ``records`` are ``(key, record type, records)`` groups."""
    places: dict[str, int] = defaultdict(int)
    shown: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for key, spelling, count in spellings:
        places[key] += count
        shown[key].append((spelling, count))
    held: dict[tuple[str, str], int] = defaultdict(int)
    for key, record_type, count in records:
        held[key, record_type] += count
    found = [TagCount(key, pick_spelling(shown[key]), count, held[key, CONVERSATION],
                      held[key, CONTACT]) for key, count in places.items()]
    found.sort(key=lambda t: (-t.places, t.shown.casefold(), t.key))
    return found
