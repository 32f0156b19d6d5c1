"""Chinese, Japanese and Korean text: found by any part of a run, shown as it was written."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.core import search_cache
from tui.core.models import Contact, Conversation
from tui.core.search import SearchIndex
from tui.core.search_text import Highlighter, index_text, stored_text, tokens

ENGINES = ("fts5", "memory")


def _records() -> list[tuple[dict[str, object] | None, dict[str, object] | None]]:
    bruce = Contact(id="p-li", name="李小龍", company="北京科技").to_dict()
    yuki = Contact(id="p-yuki", name="Yuki Tanaka", company="Sony").to_dict()
    return [
        (Conversation(id="c-li", contact_id="p-li", goal="北京的工作机会",
                      research_notes="他在北京工作了五年 and loves Kafka").to_dict(), bruce),
        (Conversation(id="c-yuki", contact_id="p-yuki", goal="東京でのキャリア相談",
                      research_notes="서울 출신 엔지니어").to_dict(), yuki),
        (Conversation(id="c-en", contact_id="p-yuki", goal="Target role in Kyoto").to_dict(),
         yuki),
    ]


@pytest.fixture(params=ENGINES)
def index(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[SearchIndex]:
    """The CJK records indexed by one engine."""
    opened = SearchIndex.open(tmp_path / "data", cache_folder=tmp_path / "cache",
                              memory=request.param == "memory")
    assert opened.engine == request.param
    opened.rebuild(_records())
    yield opened
    opened.close()


def _found(index: SearchIndex, query: str) -> set[str]:
    return {h.conversation_id or h.contact_id or "" for h in index.search(query).hits}


def test_any_part_of_a_cjk_run_finds_it(index: SearchIndex) -> None:
    assert _found(index, "小龍") == {"c-li", "p-li"}
    assert _found(index, "北") == {"c-li", "p-li"}
    assert _found(index, "北京 kafka") == {"c-li"}
    assert _found(index, "キャリア") == {"c-yuki"}
    assert _found(index, "エンジニア") == set()  # written in Hangul, not katakana
    assert _found(index, "엔지") == {"c-yuki"}
    assert _found(index, '"京的"') == {"c-li"}
    assert _found(index, "京作") == set()  # the letters must be next to each other


def test_latin_words_still_match_by_prefix_and_without_accents(index: SearchIndex) -> None:
    assert _found(index, "kaf") == {"c-li"}
    assert _found(index, "tárg") == {"c-en"}
    assert _found(index, "yuki tan") >= {"c-yuki", "p-yuki"}


def test_filters_find_part_of_a_cjk_company(index: SearchIndex) -> None:
    assert _found(index, "company:科技") == {"c-li", "p-li"}
    assert _found(index, "工作 -company:北京") == set()


def test_snippets_show_the_text_as_written_with_the_letters_marked(index: SearchIndex) -> None:
    hits = index.search("京工作").hits
    notes = [h for h in hits if h.kind == "research"]
    assert [h.snippet for h in notes] == ["他在北京工作了五年 and loves Kafka"]
    assert [notes[0].snippet[a:b] for a, b in notes[0].spans] == ["京工作"]
    goal = [h for h in index.search("小龍").hits if h.record_type == "contact"]
    assert goal and [goal[0].snippet[a:b] for a, b in goal[0].spans] == ["小龍"]


def test_ranking_is_the_same_in_both_engines(tmp_path: Path) -> None:
    orders = []
    for memory in (False, True):
        opened = SearchIndex.open(tmp_path / str(memory), cache_folder=tmp_path / "cache",
                                  memory=memory)
        opened.rebuild(_records())
        orders.append([(h.conversation_id, h.contact_id, h.kind)
                       for h in opened.search("北京", per_record=3).hits])
        opened.close()
    assert orders[0] == orders[1] and orders[0]


def test_each_cjk_letter_is_a_token_for_python_and_sqlite() -> None:
    texts = ["李小龍", "abc北京def", "東京でのキャリア・相談", "서울 출신", "Zoë 北京 café"]
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(a, tokenize='unicode61 remove_diacritics 2')")
    db.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
    for number, text in enumerate(texts):
        assert stored_text(index_text(text)) == text
        db.execute("INSERT INTO t(rowid, a) VALUES (?, ?)", (number, index_text(text)))
    for number, text in enumerate(texts):
        theirs = [term for (term,) in db.execute(
            "SELECT term FROM v WHERE doc = ? ORDER BY offset", (number,))]
        assert tokens(text) == theirs, text
    assert tokens("abc北京def") == ["abc", "北", "京", "def"]


def test_highlighting_marks_the_letters_inside_a_run() -> None:
    text = "李小龍 and 北京abc"
    found = Highlighter([(("小", "龍"), True), (("京", "abc"), False)]).find(text)
    assert [text[a:b] for a, b, _ in found] == ["小龍", "京abc"]
    assert Highlighter([(("ab",), True)]).find("北京abc") == [(2, 5, 0)]


def test_an_index_from_before_is_rebuilt(tmp_path: Path) -> None:
    data, cache = tmp_path / "data", tmp_path / "cache"
    built = SearchIndex.open(data, cache_folder=cache)
    built.rebuild(_records())
    assert not built.needs_rebuild
    path = built.path
    built.close()
    with sqlite3.connect(path) as db:  # as the previous version recorded itself
        db.execute("UPDATE meta SET value = '3' WHERE key = 'version'")
    db.close()
    assert search_cache.INDEX_VERSION != "3"
    again = SearchIndex.open(data, cache_folder=cache)
    assert again.needs_rebuild
    again.close()
