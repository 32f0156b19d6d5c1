"""Searching: folding, prefixes, phrases, filters, ranking, hits; both engines alike."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import search_data
from tui.core.search import SearchIndex, format_hits
from tui.core.search_text import safe_text

ENGINES = ("fts5", "memory")


@pytest.fixture(params=ENGINES)
def index(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[SearchIndex]:
    """The sample data indexed by one engine."""
    opened = SearchIndex.open(tmp_path / "data", cache_folder=tmp_path / "cache",
                              memory=request.param == "memory")
    assert opened.engine == request.param
    opened.rebuild(search_data.records())
    yield opened
    opened.close()


def records(index: SearchIndex, query: str, **options: int) -> list[str]:
    """The records a query finds, best first, as ``v:<conversation>`` / ``p:<contact>``."""
    found: list[str] = []
    for hit in index.search(query, limit=100, per_record=1, **options).hits:
        found.append(f"v:{hit.conversation_id}" if hit.conversation_id else f"p:{hit.contact_id}")
    return found


def test_case_and_accents_do_not_matter(index: SearchIndex) -> None:
    for query in ("jose garcia", "JOSÉ GARCÍA", "José García"):
        assert set(records(index, query + " ")) == {"v:c-jose", "p:jose"}, query
    assert records(index, "zoe bronte ") == ["p:zoe"]


def test_the_last_word_is_a_prefix_while_typing(index: SearchIndex) -> None:
    assert set(records(index, "dubl")) == {"v:c-jose", "v:c-ana-1", "v:c-marcus"}
    assert records(index, "dubl ") == []  # a finished word must match whole
    assert records(index, "led* ") != []


def test_phrases(index: SearchIndex) -> None:
    result = index.search('"ledger team"', limit=10)
    assert {h.label for h in result.hits} == {"Q1 note", "reflection: what surprised me"}
    assert records(index, '"team ledger"') == []
    # a phrase never spans two fields (the goal ends "compliance", the ask starts "An")
    assert records(index, '"compliance an"') == []


def test_all_words_must_match_but_may_be_in_different_fields(index: SearchIndex) -> None:
    assert records(index, "ana dublin ") == ["v:c-ana-1"]  # the name and a quick note
    assert records(index, "ana stripe ") == []


def test_filters(index: SearchIndex) -> None:
    assert set(records(index, "company:stripe")) == {"v:c-jose", "p:jose"}
    assert records(index, 'company:"goldman sachs"') == ["p:zoe"]
    assert records(index, "company:gold") == ["p:zoe"]  # typing: a prefix
    assert set(records(index, "tag:health")) == {"v:c-ana-1", "v:c-ana-2", "p:ana"}
    assert set(records(index, "tag:mentoring")) == {"p:jose"}  # an inline #tag
    assert set(records(index, "person:ana")) == {"v:c-ana-1", "v:c-ana-2", "p:ana"}
    assert records(index, "status:done") == ["v:c-jose"]
    assert records(index, "kind:industry") == ["v:c-ana-1"]
    assert set(records(index, "company:stripe company:northwind")) == {
        "v:c-jose", "p:jose", "v:c-ana-1", "v:c-ana-2", "p:ana"}


def test_dates(index: SearchIndex) -> None:
    assert records(index, "before:2026") == ["v:c-ana-1"]  # contacts have no date: left out
    assert records(index, "after:2026-03 before:2026-04") == ["v:c-jose"]
    assert records(index, "after:2026-03-10 before:2026-03-11") == ["v:c-jose"]
    assert records(index, "after:2026-03-11 before:2026-07") == []
    assert records(index, "after:2026-07") == ["v:c-ana-2"]
    assert records(index, "dublin before:2026-02") == ["v:c-marcus", "v:c-ana-1"] or set(
        records(index, "dublin before:2026-02")) == {"v:c-marcus", "v:c-ana-1"}


def test_exclusions(index: SearchIndex) -> None:
    assert set(records(index, "dublin -stripe")) == {"v:c-ana-1", "v:c-marcus"}
    assert set(records(index, "dublin -company:stripe")) == {"v:c-ana-1", "v:c-marcus"}
    assert set(records(index, '-"ledger" -dublin')) == {
        "v:c-ana-2", "p:jose", "p:ana", "p:marcus", "p:zoe"}


def test_names_rank_above_a_word_deep_in_a_long_note(index: SearchIndex) -> None:
    found = records(index, "garcia ")
    assert found[-1] == "p:marcus"  # only in the last sentence of a long note
    assert set(found[:2]) == {"v:c-jose", "p:jose"}


def test_hits_carry_labels_locators_and_dates(index: SearchIndex) -> None:
    expected = {
        "veto ": ("Q3 note", {"pane": "live", "part": "questions", "item_id": "q3",
                              "field": "note"}),
        "spring ": ("quick note 12:40", {"pane": "live", "part": "log", "item_id": "n1",
                                         "field": "text"}),
        "kestrel ": ("quick note draft", {"pane": "live", "part": "log", "field": "draft"}),
        "roadmap ": ("reflection: key insights", {"pane": "reflect", "part": "reflection",
                                                  "prompt": "key-insights"}),
        "fraud ": ("referral", {"pane": "reflect", "part": "referrals", "item_id": "r1"}),
        "settlements ": ("follow-up 2026-04-01", {"pane": "reflect", "part": "followups",
                                                  "item_id": "f1", "field": "note"}),
        "aroma ": ("place", {"pane": "prep", "part": "schedule", "field": "place"}),
    }
    for query, (label, locator) in expected.items():
        hits = index.search(query).hits
        assert len(hits) == 1, query
        hit = hits[0]
        assert (hit.label, hit.locator.to_json()) == (label, locator), query
        assert (hit.name, hit.date, hit.status) == ("José García", "2026-03-10T15:02:00+01:00",
                                                     "done")
        assert [hit.snippet[a:b].casefold() for a, b in hit.spans] == [query.strip()]


def test_a_record_gives_its_best_fields_first(index: SearchIndex) -> None:
    hits = index.search("ledger ", limit=10, per_record=10).hits
    assert {h.conversation_id for h in hits} == {"c-jose"}
    assert hits[0].kind in ("checklist", "action", "question")  # headings before notes
    assert len(index.search("ledger ", per_record=2).hits) == 2
    two_words = index.search("ledger design ", limit=10, per_record=10).hits
    assert two_words[0].label in ("action", "checklist: Read his posts on LinkedIn")
    assert {two_words[0].snippet[a:b] for a, b in two_words[0].spans} == {"ledger", "design"}


def test_filter_only_queries_give_a_headline(index: SearchIndex) -> None:
    hits = index.search("status:done").hits
    assert [(h.kind, h.snippet) for h in hits] == [
        ("goal", "Understand how payments teams handle compliance")]
    assert hits[0].spans == ()
    zoe = index.search("company:goldman").hits[0]
    assert (zoe.kind, zoe.label, zoe.locator.pane, zoe.date) == ("name", "name", "contact",
                                                                 None)


def test_limits_and_more(index: SearchIndex) -> None:
    result = index.search("dublin ", limit=1)
    assert len(result.hits) == 1 and result.more
    everything = index.search("dublin ", limit=50, per_record=10)
    assert not everything.more and everything.records == 3


def test_problems_and_empty_queries(index: SearchIndex) -> None:
    result = index.search("foo:bar")
    assert any("'foo:' is not a filter" in n for n in result.notices)
    assert index.search("").hits == () and index.search("  -  ").hits == ()


def test_results_are_json_ready_and_tabular(index: SearchIndex) -> None:
    result = index.search("veto ")
    data = json.loads(json.dumps(result.to_json()))
    assert data["hits"][0]["label"] == "Q3 note"
    assert data["hits"][0]["locator"]["item_id"] == "q3"
    assert format_hits(result.hits) == [
        ["2026-03-10", "José García", "Q3 note", "Legal has a [veto] on every launch."]]


def test_updating_one_conversation(index: SearchIndex) -> None:
    conversation, contact = search_data.records()[3]
    assert conversation is not None
    conversation["goal"] = "Wind farms and batteries"
    index.update_conversation(conversation, contact)
    assert records(index, "batteries ") == ["v:c-marcus"]
    assert records(index, '"data engineering" ') == []
    assert records(index, "dublin before:2026-02") != []  # the rest of it is still there


def test_removing(index: SearchIndex) -> None:
    assert index.remove_conversation("c-ana-1")
    assert not index.remove_conversation("c-ana-1")
    assert "v:c-ana-1" not in records(index, "dublin ")
    assert index.remove_contact("jose") == 2  # the contact and their conversation
    assert records(index, "jose ") == []


def test_a_renamed_contact_renames_their_conversations(index: SearchIndex) -> None:
    _, contact = search_data.records()[0]
    assert contact is not None
    assert index.update_contact({**contact, "name": "Joseph Grant", "company": "Adyen"}) == 1
    assert set(records(index, "joseph ")) == {"v:c-jose", "p:jose"}
    assert set(records(index, "company:adyen")) == {"v:c-jose", "p:jose"}
    assert records(index, "company:stripe") == []
    person = index.search("grant ", per_record=5).hits
    assert {h.label for h in person} == {"person", "name"}
    assert records(index, "veto ") == ["v:c-jose"]  # its own fields are untouched


def test_staleness(index: SearchIndex) -> None:
    conversations, contacts = index.stamps()
    assert set(conversations) == {"c-jose", "c-ana-1", "c-ana-2", "c-marcus"}
    assert set(contacts) == {"jose", "ana", "marcus", "zoe"}
    assert index.stale(conversations, contacts).fresh
    changed = {**conversations, "c-jose": "2030-01-01T00:00:00+00:00", "c-new": "x"}
    del changed["c-marcus"]
    stale = index.stale(changed, {**contacts, "ana": "other"})
    assert set(stale.conversations) == {"c-jose", "c-new"}
    assert stale.removed_conversations == ("c-marcus",)
    assert stale.contacts == ("ana",) and stale.removed_contacts == ()


def test_a_stopped_rebuild_keeps_the_previous_index(index: SearchIndex) -> None:
    calls: list[tuple[int, int | None]] = []

    def stop(done: int, total: int | None) -> bool:
        calls.append((done, total))
        return False

    many = search_data.records() * 60  # enough for a progress report
    assert index.rebuild(many, progress=stop, total=len(many)) == 0
    assert calls and calls[0][1] == len(many)
    assert set(records(index, "dublin ")) == {"v:c-jose", "v:c-ana-1", "v:c-marcus"}
    assert not index.needs_rebuild


def test_cancel_from_progress_stops_a_rebuild(index: SearchIndex) -> None:
    many = search_data.records() * 60
    assert index.rebuild(many, progress=lambda *_: index.cancel_rebuild()) == 0
    assert records(index, "veto ") == ["v:c-jose"]
    assert index.rebuild(search_data.records()) == 8  # a cancel does not stick to the next
    index.cancel_search()
    assert index.search("veto ").hits


def test_both_engines_give_the_same_hits(tmp_path: Path) -> None:
    engines = []
    for memory in (False, True):
        opened = SearchIndex.open(tmp_path / "data", cache_folder=tmp_path / "cache",
                                  memory=memory)
        opened.rebuild(search_data.records())
        engines.append(opened)
    queries = ["jose", "dublin ", "led", '"ledger team"', "ana dublin ", "company:stripe",
               "tag:fin", "status:done -veto", "before:2026", "-dublin", "the ", "a",
               "garcia ", "compliance roadmap", "zoë", "12:40", "e-mail", "kind:person"]
    for query in queries:
        found = [{(h.conversation_id, h.contact_id, h.kind, h.locator, h.snippet, h.spans)
                  for h in engine.search(query, limit=200, per_record=50).hits}
                 for engine in engines]
        assert found[0] == found[1], query
    for engine in engines:
        engine.close()


_ALPHABET = [*'jose dublin ana "-:*()^é\x1b\n', "company:", "tag:", "status:", "before:",
             "2026", "NEAR", "AND", "ledger", "Q3"]


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_ALPHABET), max_size=12).map("".join))
def test_any_query_gives_safe_hits_in_both_engines(index: SearchIndex, text: str) -> None:
    result = index.search(text, limit=10)
    assert not result.cancelled
    for hit in result.hits:
        assert safe_text(hit.snippet) == hit.snippet and "\n" not in hit.snippet
        for start, end in hit.spans:
            assert 0 <= start < end <= len(hit.snippet)


def test_a_broad_query_is_ordered_by_recency_with_headings_first(tmp_path: Path) -> None:
    index = SearchIndex.open(tmp_path / "data", cache_folder=tmp_path / "cache")
    person = {"id": "p", "name": "Pat Doe"}

    def talk(number: int, day: str, **fields: str) -> tuple[dict, dict]:
        return ({"id": f"c{number}", "contact_id": "p", "scheduled_at": f"{day}T10:00:00+00:00",
                 "updated_at": "x", **fields}, person)

    index.rebuild([talk(1, "2026-01-01", goal="kiln firing"),
                   talk(2, "2026-02-01", goal="kiln glazes"),
                   talk(3, "2026-03-01", research_notes="a kiln in the notes")])
    result = index.search("kiln ", limit=2, cap=2, per_record=1)
    assert result.capped
    assert [h.conversation_id for h in result.hits] == ["c2", "c3"]  # c1 is past the cap
    assert [h.conversation_id for h in index.search("kiln ", per_record=1).hits] == [
        "c2", "c1", "c3"]  # not capped: bm25, goals (headings) above notes
    index.close()
