"""The #tag grammar, the index's tag places and counts, and the search filters' text edits."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests import search_data
from tui.core.search import SearchIndex
from tui.core.search_filters import (
    date_ranges,
    describe_filters,
    next_range,
    next_value,
    with_dates,
    with_filter,
)
from tui.core.tags import contact_tag, find_tags, pick_spelling, tag_key, tags_in


def shown(text: str) -> list[str]:
    return [m.shown for m in find_tags(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("#fintech", ["fintech"]),
    ("Moved to #FinTech. Then #skills, #q3 and #web3!", ["FinTech", "skills", "q3", "web3"]),
    ("(#café) «#日本» #финтех", ["café", "日本", "финтех"]),
    ("[b]#x[/b] and [red]#alarm[/red]", ["x", "alarm"]),
    ("*#bold* _#under_ '#quoted'", ["bold", "under", "quoted"]),
    ("#self-taught #tag- #a_b_", ["self-taught", "tag", "a_b"]),
    ("#fintech's #fintech.", ["fintech", "fintech"]),
])
def test_tags_that_count(text: str, expected: list[str]) -> None:
    assert shown(text) == expected


@pytest.mark.parametrize("text", [
    "#1", "ranked #1 in #2026", "#3-2", "# Heading", "## Two", "C# and F#", "page.html#top",
    "https://example.com/#section", "www.example.com/a#b", "see example.com/?q=1#frag",
    "[link](#anchor)", "&#123; &#x41;", "a/#b", "`#include`", "x@y.com#z", "##double",
    "#" + "a" * 41, "#", "e\u0301#x", "#\x1b[31mred", "#\u200bzero",
])
def test_what_is_not_a_tag(text: str) -> None:
    assert find_tags(text) == []


def test_control_characters_end_a_tag_and_never_enter_one() -> None:
    for text, expected in [("#fin\x1b[0mtech", "fin"), ("#fin\u202etech", "fin"),
                           ("#fin\x00tech", "fin"), ("#fin\ttech", "fin"),
                           ("#fin\u200dtech", "fin")]:
        [match] = find_tags(text)
        assert (match.shown, match.key) == (expected, expected)
        assert text[match.start:match.end] == "#" + expected


def test_one_tag_whatever_the_case_accents_and_joiners() -> None:
    assert {tag_key(t) for t in ("FinTech", "fintech", "fin-tech", "Fin_Tech")} == {"fintech"}
    assert tag_key("Café") == tag_key("cafe") == "cafe"
    assert contact_tag("Climate  Tech") == ("climatetech", "Climate Tech")
    assert contact_tag(" - ") is None
    assert contact_tag("#remote") == ("remote", "remote")
    assert contact_tag("a\x1b[31mb") == ("a31mb", "a\u241b[31mb")  # escape made visible
    assert tags_in("#AI and #ai and #Ai") == ["ai"]
    assert pick_spelling([("FinTech", 2), ("fintech", 2), ("FINTECH", 1)]) == "fintech"
    assert pick_spelling([("AI", 3), ("ai", 1)]) == "AI"


def test_offsets_point_at_the_text_as_stored() -> None:
    text = "Légal a un veto. #Compliance, #légal"
    spans = [text[m.start:m.end] for m in find_tags(text)]
    assert spans == ["#Compliance", "#légal"]


@given(st.text(alphabet=st.sampled_from(list("ab é#_-/.:[]()\x1b\u202e1 \nC"))))
def test_any_text_gives_tags_without_control_characters(text: str) -> None:
    for match in find_tags(text):
        assert text[match.start] == "#" and match.key
        assert match.shown.isprintable() and match.key.isprintable()
        assert any(ch.isalpha() for ch in match.shown)


# -- the index --------------------------------------------------------------------------


def _index() -> SearchIndex:
    index = SearchIndex.open("unused", memory=True)
    index.rebuild(search_data.records())
    return index


def _tagged_records() -> list:
    pairs = search_data.records()
    jose = pairs[0][0]
    jose["questions"][0]["note"] += " #FinTech #ledger"
    jose["live"]["notes"][0]["text"] += " #fintech"
    jose["reflection"]["answers"]["key-insights"] += " #regulation"
    ana_old = pairs[1][0]
    ana_old["live"]["notes"][0]["text"] += " #regulation #fintech #fintech"
    return pairs


@pytest.mark.parametrize("memory", [True, False])
def test_counts_and_places_from_the_index(memory: bool, tmp_path) -> None:
    index = SearchIndex.open(tmp_path / "data", cache_folder=tmp_path / "cache", memory=memory)
    index.rebuild(_tagged_records())
    counts = {t.key: t for t in index.tag_counts().tags}
    # José's contact tags fintech and payments, his note #mentoring; notes in two chats
    assert (counts["fintech"].places, counts["fintech"].conversations,
            counts["fintech"].contacts) == (4, 2, 1)
    assert counts["fintech"].shown == "fintech"
    assert (counts["regulation"].places, counts["regulation"].conversations) == (2, 2)
    assert counts["mentoring"].contacts == 1 and counts["health"].contacts == 1
    order = [t.key for t in index.tag_counts().tags]
    assert order[:2] == ["fintech", "regulation"]
    places = index.tag_places("fintech")
    assert places.total == 4
    # newest first: José's chat (2026), Ana's (2025), then the contact (no call date)
    assert [(h.conversation_id, h.label) for h in places.hits] == [
        ("c-jose", "Q1 note"), ("c-jose", "quick note 12:40"), ("c-ana-1", "quick note 01:35"),
        (None, "tags")]
    for hit in places.hits:
        assert hit.spans and all(hit.snippet[start:end].lstrip("#").casefold() == "fintech"
                                 for start, end in hit.spans)
    assert len(places.hits[2].spans) == 2  # twice in one note: one place, both marked
    found = index.search("tag:fintech", limit=20, per_record=5)
    labels = {(h.conversation_id, h.label) for h in found.hits}
    assert ("c-jose", "Q1 note") in labels and ("c-ana-1", "quick note 01:35") in labels
    assert {h.conversation_id for h in index.search("#ledger").hits} == {"c-jose"}
    assert index.search("tag:fin-tech").records == index.search("tag:fintech").records


def test_an_edit_updates_the_counts() -> None:
    index = _index()
    before = {t.key: t.places for t in index.tag_counts().tags}
    pairs = _tagged_records()
    index.update_conversation(pairs[0][0], pairs[0][1])
    after = {t.key: t.places for t in index.tag_counts().tags}
    assert after["ledger"] == 1 and "ledger" not in before
    index.remove_conversation("c-jose")
    assert "ledger" not in {t.key for t in index.tag_counts().tags}


# -- the search screen's filter keys ----------------------------------------------------


def test_filter_keys_edit_the_query_text() -> None:
    text = "dublin status:done -status:idea"
    assert next_value(text, "status") == "thanked"
    assert with_filter(text, "status", "thanked") == "status:thanked dublin -status:idea"
    assert with_filter(text, "status") == "dublin -status:idea"
    assert next_value("x status:thanked", "status") == ""
    assert next_value("x", "kind") == "person"
    assert with_filter("#fintech dub", "tag", "data quality") == 'tag:"data quality" dub'
    assert with_filter('a company:x ', "company", 'Goldman "GS" Sachs') == \
        'company:"Goldman GS Sachs" a '
    assert with_filter("", "kind", "person") == "kind:person "


def test_date_ranges_cycle_and_read_back() -> None:
    today = date(2026, 11, 29)
    ranges = date_ranges(today)
    text = "x"
    seen = []
    for _ in range(len(ranges) + 1):
        chosen = next_range(text, today)
        text = with_dates(text, chosen)
        seen.append(chosen.label if chosen else None)
    assert seen == ["last 30 days", "last 90 days", "this year (2026)", "last year (2025)",
                    None]
    assert text.strip() == "x"
    assert describe_filters("dublin after:2025 before:2026 -company:stripe tag:fin-tech") == [
        ("not company", "stripe"), ("tag", "fintech"),
        ("dates", "after 2025-01-01 before 2026-01-01")]
