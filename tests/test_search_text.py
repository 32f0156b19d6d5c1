"""Folding, tokens, highlighting and snippets: what search shows must be safe and exact."""

from __future__ import annotations

import sqlite3

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.search_text import (
    Highlighter,
    clean,
    fold,
    index_text,
    safe_line,
    safe_text,
    snippet,
    tokens,
)
from tui.core.text_width import columns


def test_fold_removes_case_and_latin_accents_one_for_one() -> None:
    assert fold("José GARCÍA Łódź Zoë Ærø") == "jose garcia łodz zoe ærø"
    for text in ("İstanbul ẞ µ ſ", "Ελληνικά Ёжик", "日本語"):
        assert len(fold(text)) == len(text)


def test_tokens_split_like_the_index() -> None:
    assert tokens("José's e-mail, 12:40 — naïve_café") == [
        "jose", "s", "e", "mail", "12", "40", "naive", "cafe"]
    assert tokens("Jose\u0301") == ["jose"]  # a decomposed accent
    assert tokens("\ue001sdone \ue000 x") == ["sdone", "x"]  # reserved characters are gone


_SAMPLES = [
    "José García from Łódź met Zoë at the café in Reykjavík",
    "ÉCOLE Straße naïve coöperate Ærø Øresund Ångström",
    "Ελληνικά Ёжик İstanbul ŉ ǆ œuvre",
    "日本語テキスト 한국어 mixed123numbers x_y a-b",
    "e\u0301te\u0301 decomposed and tabs\tand\nnewlines",
]


def test_tokens_agree_with_sqlite_fts5() -> None:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(a, tokenize='unicode61 remove_diacritics 2')")
    db.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
    for number, text in enumerate(_SAMPLES):
        db.execute("INSERT INTO t(rowid, a) VALUES (?, ?)", (number, index_text(text)))
    for number, text in enumerate(_SAMPLES):
        theirs = [term for (term,) in db.execute(
            "SELECT term FROM v WHERE doc = ? ORDER BY offset", (number,))]
        assert tokens(text) == theirs, text


def test_highlighter_finds_words_in_the_original_spelling() -> None:
    text = "Met JOSÉ in Dublin; josé moved to New  York, then to dublinia."
    found = Highlighter([(("jose",), False), (("dub",), True),
                         (("new", "york"), False)]).find(text)
    assert [(text[a:b], term) for a, b, term in found] == [
        ("JOSÉ", 0), ("Dublin", 1), ("josé", 0), ("New  York", 2), ("dublinia", 1)]


def test_highlighter_respects_word_boundaries() -> None:
    text = "jose joseph sanjose jose_x"
    found = Highlighter([(("jose",), False)]).find(text)
    assert [text[a:b] for a, b, _ in found] == ["jose", "jose"]  # not joseph, not sanjose


def test_highlighter_over_many_texts_keeps_matches_inside_each() -> None:
    texts = ["new", "york dub", "", "JOSÉ", "new york"]
    found = Highlighter([(("new", "york"), False), (("dub",), True),
                         (("jose",), False)]).find_each(texts)
    assert found == {1: [(5, 8, 1)], 3: [(0, 4, 2)], 4: [(0, 8, 0)]}


def test_safe_text_replaces_every_control_character_one_for_one() -> None:
    nasty = "a\x1b[31mb\x07c\x7fd\x85e\u202ef\u2066g\x00h"
    shown = safe_text(nasty)
    assert len(shown) == len(nasty)
    assert shown == "a␛[31mb␇c␡d e\ufffdf\ufffdg␀h"
    assert safe_line(" one\n\ttwo \r\n three ") == "one two three"
    assert safe_line("x" * 50, 10) == "xxxxxxxxx…"


def test_snippet_spans_point_at_the_matches() -> None:
    text = ("Intro paragraph that is long enough to be cut away. " * 4
            + "Then José said:\n\n  the Dublin office\x1b[2J is hiring. " + "Filler text. " * 20)
    found = Highlighter([(("jose",), False), (("dublin",), False)]).find(text)
    shown, spans = snippet(text, found, width=80)
    assert shown.startswith("…") and shown.endswith("…")
    assert [shown[a:b] for a, b in spans] == ["José", "Dublin"]
    assert "\n" not in shown and "\x1b" not in shown and "  " not in shown
    assert "␛[2J" in shown


def test_snippet_of_short_text_and_without_matches() -> None:
    assert snippet("Short note", [], 120) == ("Short note", ())
    shown, spans = snippet("word " * 100, [], 40)
    assert spans == () and shown.endswith("…") and len(shown) <= 42


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["a", "jo", "é", "x y", "1"]),
       st.integers(20, 120))
def test_snippet_spans_always_cover_matched_words(text: str, query: str, width: int) -> None:
    words = tuple(tokens(query))
    found = Highlighter([(words, True)]).find(text)
    shown, spans = snippet(text, found, width)
    assert safe_text(shown) == shown
    for start, end in spans:
        assert 0 <= start < end <= len(shown)
        assert tokens(shown[start:end])[:1] and tokens(shown[start:end])[0].startswith(
            words[0][:1])


def test_clean_normalises_and_drops_reserved_characters() -> None:
    assert clean("Jose\u0301") == "José"
    assert clean("a\ue001sdone\x00b") == "a sdone b"


def test_snippet_width_counts_wide_characters_as_two_columns() -> None:
    for filler in ("😀 ", "李小龍 "):
        for text in (filler * 50 + "target", filler * 100 + "target" + " 李" * 100):
            found = Highlighter([(("target",), False)]).find(text)
            shown, spans = snippet(text, found, 80)
            assert [shown[a:b] for a, b in spans] == ["target"]
            assert columns(shown) <= 83  # the window, and an ellipsis at each end
