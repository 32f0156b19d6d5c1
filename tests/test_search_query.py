"""The search query language: a pure parser that never raises, and never feeds SQLite syntax."""

from __future__ import annotations

import re
import sqlite3
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.search_fts import match_expression
from tui.core.search_query import MAX_TERMS, Filter, Term, parse


def test_words_are_folded_and_the_last_is_a_prefix_while_typing() -> None:
    query = parse("José DUB")
    assert query.terms == (Term(("jose",), False, "José"), Term(("dub",), True, "DUB"))
    assert parse("José dub ").terms[-1].prefix is False  # a space ends the word
    assert parse("José dub", typing=False).terms[-1].prefix is False


def test_explicit_prefix_and_punctuated_words() -> None:
    query = parse("pay* e-mail 12:40 ")
    assert [t.words for t in query.terms] == [("pay",), ("e", "mail"), ("12", "40")]
    assert [t.prefix for t in query.terms] == [True, False, False]


def test_phrases_closed_and_unclosed() -> None:
    assert parse('"grid analytics" x ').terms[0] == Term(("grid", "analytics"), False,
                                                         '"grid analytics"')
    unclosed = parse('"new yo')
    assert unclosed.terms == (Term(("new", "yo"), True, '"new yo'),)


def test_exclusions() -> None:
    query = parse('dublin -stripe -"cold call" ')
    assert [t.words for t in query.terms] == [("dublin",)]
    assert [t.words for t in query.excluded] == [("stripe",), ("cold", "call")]


def test_filters() -> None:
    query = parse('company:"goldman sachs" person:ana tag:fintech status:done kind:industry '
                  "after:2026-01-15 before:2026-06 ")
    assert query.terms == ()
    assert query.filters == (
        Filter("company", Term(("goldman", "sachs"), False, 'company:"goldman sachs"')),
        Filter("person", Term(("ana",), False, "person:ana")),
        Filter("tag", Term(("fintech",), False, "tag:fintech")),
        Filter("status", value="done"), Filter("kind", value="industry"),
    )
    assert query.after == date(2026, 1, 15)
    assert query.before == date(2026, 6, 1)
    assert query.problems == ()


def test_filter_values_accept_prefixes_aliases_and_negation() -> None:
    query = parse("status:reach kind:ind name:zo -company:stripe")
    assert Filter("status", value="reached_out") in query.filters
    assert Filter("kind", value="industry") in query.filters
    assert query.filters[2] == Filter("person", Term(("zo",), False, "name:zo"))
    assert query.filters[3].negated


def test_dates_at_year_month_and_day_precision() -> None:
    assert parse("after:2026").after == date(2026, 1, 1)
    assert parse("before:2026-6").before == date(2026, 6, 1)
    # several bounds keep the tightest range
    query = parse("after:2025 after:2026-02 before:2027 before:2026-09")
    assert (query.after, query.before) == (date(2026, 2, 1), date(2026, 9, 1))


def test_problems_are_reported_and_the_rest_still_runs() -> None:
    query = parse("status:maybe before:2026-13 foo:bar dublin")
    assert [t.words for t in query.terms] == [("foo", "bar"), ("dublin",)]
    assert query.filters == () and query.before is None
    assert len(query.problems) == 3
    assert "status 'maybe'" in query.problems[0] and "reached-out" in query.problems[0]
    assert "not a date" in query.problems[1]
    assert "'foo:' is not a filter" in query.problems[2]
    assert "-after:" in parse("-after:2026").problems[0]
    assert "leave no days" in parse("after:2026 before:2025").problems[0]


def test_unusable_filter_values_are_named_as_invalid() -> None:
    query = parse("status:maybe before:2026-13 foo:bar tag:--- kind:x dublin", typing=False)
    assert query.invalid == (
        "status 'maybe' is not one of idea, reached-out, scheduled, done, thanked",
        "before '2026-13' is not a date (use a year, a month or a day: 2026, 2026-06, "
        "2026-06-15)",
        "'tag:---' has no letters or digits to look for",
        "kind 'x' is not one of person, industry, company")
    assert [p.endswith("; ignored") for p in query.problems] == [True, True, False, True, True]
    assert parse("-after:2026").invalid == ("'-after:' cannot be negated; use before: instead",)
    for fine in ("dublin", "foo:bar", "after:2026 before:2025", "status:sch", "x" * 5000):
        assert parse(fine).invalid == (), fine


def test_text_that_looks_like_a_filter_is_text_without_complaint() -> None:
    query = parse("https://example.org 12:40 café:x")
    assert query.problems == ()
    assert [t.words for t in query.terms] == [("https", "example", "org"), ("12", "40"),
                                              ("cafe", "x")]


def test_problems_carry_no_control_characters() -> None:
    query = parse("status:\x1b[31mred")
    assert query.problems and "\x1b" not in query.problems[0]


def test_empty_and_punctuation_only_queries() -> None:
    for text in ("", "   ", "-", ":", '"', '""', "* ( ) ^", "company:", "-company:"):
        assert parse(text).empty, text


def test_limits() -> None:
    query = parse(" ".join(f"w{i}" for i in range(100)))
    assert len(query.terms) == MAX_TERMS
    assert any("only the first" in p for p in query.problems)
    assert "cut to its first" in parse("x" * 5000).problems[0]
    assert parse(None).empty  # not even a string: nothing to search, no error


def test_fts_operators_and_special_characters_are_plain_words() -> None:
    query = parse('NEAR(a b) AND OR NOT x^2 "quoted ""inner"" text" col:* {a b}: -x ')
    expression = match_expression(query)
    # what is left outside quoted strings is only the syntax we put there ourselves
    outside = re.sub(r'"(?:[^"]|"")*"', " Q ", expression)
    assert set(outside.replace("(", " ").replace(")", " ").replace("*", " ").split()) <= {
        "Q", "AND", "OR", "NOT"}
    assert '"and"' in expression and '"near a"' in expression and '"not"' in expression
    _run(query.text)


_DB = sqlite3.connect(":memory:")
_DB.execute("CREATE VIRTUAL TABLE fts USING fts5(names, heads, notes, meta, "
            "tokenize='unicode61 remove_diacritics 2', prefix='1 2 3')")
_DB.execute("INSERT INTO fts VALUES ('José García', 'goal', 'notes about Dublin', "
            "'\ue002 \ue001rv \ue001sdone')")


def _run(query: object) -> None:
    parsed = parse(query)
    if parsed.empty:
        return
    _DB.execute("SELECT rowid, bm25(fts) FROM fts WHERE fts MATCH ?",
                (match_expression(parsed),)).fetchall()


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list('ab é"*-:()^{}.,+\\\'\n\tNEAROTDcompany:tag:status'
                                             "before:2026-0\x00\x1b\ue000\ue001\ufeff")),
               max_size=60))
def test_no_query_raises_or_reaches_sqlite_as_syntax(text: str) -> None:
    _run(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_no_unicode_query_raises(text: str) -> None:
    _run(text)
