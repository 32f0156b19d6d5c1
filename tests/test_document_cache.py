"""The incremental encoder must write exactly what a full json.dumps writes."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.persist import DocumentCache, encode

leaf = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20))
doc = st.dictionaries(st.text(max_size=8), st.one_of(leaf, st.lists(leaf, max_size=4)), max_size=5)
table = st.dictionaries(st.integers(1, 50).map(str), doc, max_size=8)
database = st.dictionaries(st.sampled_from(["meta", "contacts", "conversations"]), table)


@settings(max_examples=150, deadline=None)
@given(database, database, st.data())
def test_cache_matches_full_encoding_through_edits(first, second, data) -> None:
    cache = DocumentCache()
    assert cache.encode(first) == encode(first)
    # Edit in place the way the store does: same ids re-used, each marked dirty.
    for name, tbl in second.items():
        target = first.setdefault(name, {})
        for doc_id, value in tbl.items():
            target[doc_id] = value
            cache.dirty.add((name, doc_id))
    removed = data.draw(st.sampled_from(sorted(first) or ["none"]))
    first.pop(removed, None)
    assert cache.encode(first) == encode(first)
    assert json.loads(cache.encode(first)) == first


def test_a_stale_document_is_caught_by_a_fresh_encoding() -> None:
    data = {"contacts": {"1": {"name": "Ana"}}}
    cache = DocumentCache()
    cache.encode(data)
    data["contacts"]["1"]["name"] = "Bea"  # edited without marking dirty
    assert cache.encode(data) != encode(data)


def test_a_lone_surrogate_from_a_broken_paste_is_still_saved_as_json() -> None:
    data = {"conversations": {"1": {"note": "half an emoji \ud83d, then more ü"}}}
    written = encode(data)
    assert json.loads(written) == data
    assert DocumentCache().encode(data) == written
