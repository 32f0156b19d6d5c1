"""``coffeechat search``: the engine from the command line, beside the running app too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_cli import assert_one_line_error, run
from tui.core.models import Contact, Conversation, LiveNote, LiveSession
from tui.core.store import Store


def _data(folder: Path) -> None:
    store = Store.open(folder)
    jose = store.save_contact(Contact(name="José Álvarez", company="Stripe", id="p1"))
    bo = store.save_contact(Contact(name="Bo \x1b]0;pwned\x07Lee", id="p2"))
    store.save_conversation(Conversation(
        contact_id=jose.id, id="c1", goal="payments in Europe",
        live=LiveSession(notes=[LiveNote(text="moved to Dublin last year", at_seconds=750)])))
    for n in range(30):
        store.save_conversation(Conversation(contact_id=bo.id, id=f"b{n}",
                                             goal=f"platform team number {n}"))
    store.close()


def test_accents_case_fields_and_snippets(capsys, data_dir: Path) -> None:
    _data(data_dir)
    holder = Store.open(data_dir)  # the app has the data open: searching still works
    try:
        code, out, err = run(capsys, "--data-dir", str(data_dir), "search", "jose", "dublin")
        assert (code, err) == (0, "")
        lines = out.splitlines()
        assert lines[0].split() == ["DATE", "PERSON", "FIELD", "MATCH"]
        assert "José Álvarez" in lines[1] and "quick note 12:30" in out and "[Dublin]" in out
        code, out, _ = run(capsys, "--data-dir", str(data_dir), "search", "jose dublin",
                           "--json")
        hits = json.loads(out)["hits"]
        assert {h["conversation_id"] for h in hits} == {"c1"}
        assert "quick note 12:30" in [h["label"] for h in hits]
    finally:
        holder.close()


def test_limit_filters_and_hostile_text(capsys, data_dir: Path) -> None:
    _data(data_dir)
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "search", "platform",
                       "--json", "--limit", "5")
    result = json.loads(out)
    assert code == 0 and len(result["hits"]) == 5 and result["more"]
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "search", "platform", "--limit", "3")
    assert code == 0 and "\x1b" not in out and "\x07" not in out and "Bo ␛]0;pwned␇Lee" in out
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "search", "company:stripe",
                       "--json")
    assert {h["contact_id"] for h in json.loads(out)["hits"]} == {"p1"}
    code, out, err = run(capsys, "--data-dir", str(data_dir), "search", "nothinglikethis")
    assert (code, out, err) == (0, "", "")


def test_bad_usage_is_one_line_and_exit_2(capsys, data_dir: Path) -> None:
    for argv in (["search"], ["search", "x", "--limit", "0"], ["search", "x", "--limit", "a"],
                 ["search", " "]):
        code, _, err = run(capsys, "--data-dir", str(data_dir), *argv)
        assert code == 2
        assert_one_line_error(err)


def test_tags_on_the_command_line(capsys, data_dir: Path) -> None:
    store = Store.open(data_dir)
    ana = store.save_contact(Contact(name="Ana", id="p1", tags=["FinTech", "#remote"]))
    store.save_conversation(Conversation(
        contact_id=ana.id, id="c1", goal="payments",
        live=LiveSession(notes=[LiveNote(text="moved banks #fintech \x1b#x \x1b[31m#no",
                                         at_seconds=90)])))
    bo = store.save_contact(Contact(name="Bo", id="p2"))
    store.save_conversation(Conversation(contact_id=bo.id, id="c2",
                                         goal="see https://example.com/#fintech"))
    store.close()
    code, out, err = run(capsys, "--data-dir", str(data_dir), "search", "tag:fintech",
                         "--json")
    assert (code, err) == (0, "")
    hits = json.loads(out)["hits"]
    assert {(h["conversation_id"], h["label"]) for h in hits} >= {
        ("c1", "quick note 01:30"), (None, "tags")}
    assert "c2" not in {h["conversation_id"] for h in hits}  # a web address is no tag
    note = next(h for h in hits if h["label"] == "quick note 01:30")
    [(start, end)] = [tuple(s) for s in note["spans"]]
    assert note["snippet"][start:end] == "#fintech"
    code, same, _ = run(capsys, "--data-dir", str(data_dir), "search", "#fintech", "--json")
    assert json.loads(same)["hits"] == hits
    code, out, err = run(capsys, "--data-dir", str(data_dir), "tags", "--json")
    assert (code, err) == (0, "")
    assert json.loads(out) == [
        {"tag": "fintech", "key": "fintech", "places": 2, "conversations": 1, "contacts": 1},
        {"tag": "remote", "key": "remote", "places": 1, "conversations": 0, "contacts": 1},
        {"tag": "x", "key": "x", "places": 1, "conversations": 1, "contacts": 0}]
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "tags")
    assert code == 0 and out.splitlines()[0].split() == ["TAG", "PLACES", "CONVERSATIONS",
                                                        "CONTACTS"]
    assert "\x1b" not in out and "#fintech" in out


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("before:2026-02-30", "before '2026-02-30' is not a date"),
        ("status:bogus", "status 'bogus' is not one of idea, reached-out"),
        ("kind:x", "kind 'x' is not one of person, industry, company"),
        ("tag:---", "'tag:---' has no letters or digits"),
        ("-after:2026", "'-after:' cannot be negated"),
    ],
)
def test_a_bad_filter_value_is_an_error(capsys, data_dir: Path, query: str,
                                        words: str) -> None:
    _data(data_dir)
    code, out, err = run(capsys, "--data-dir", str(data_dir), "search", "platform", query)
    assert (code, out) == (2, "")
    assert_one_line_error(err, words, "nothing was searched")
    assert "ignored" not in err


def test_words_left_out_after_or_before_the_query(capsys, data_dir: Path) -> None:
    _data(data_dir)
    for argv in (["--json", "europe", "-dublin"], ["--json", "-dublin", "europe"],
                 ["europe", "-hiring", "-dublin", "--json"]):
        code, out, err = run(capsys, "--data-dir", str(data_dir), "search", *argv)
        assert (code, err) == (0, ""), argv
        assert json.loads(out)["hits"] == [], argv  # c1 mentions Dublin
    code, out, err = run(capsys, "--data-dir", str(data_dir), "search", "--json", "europe",
                         "-hiring")
    assert (code, err) == (0, "")
    assert {h["conversation_id"] for h in json.loads(out)["hits"]} == {"c1"}


def test_a_query_of_left_out_words_only_says_how(capsys, data_dir: Path) -> None:
    _data(data_dir)
    code, out, err = run(capsys, "--data-dir", str(data_dir), "search", "-platform")
    assert (code, out) == (2, "")
    assert_one_line_error(err, "'-platform' only leaves words out",
                          "coffeechat search WORD -platform", "coffeechat search -- -platform")
    code, out, err = run(capsys, "--data-dir", str(data_dir), "search", "--json", "--",
                         "-platform")
    assert (code, err) == (0, "")
    assert {h["conversation_id"] for h in json.loads(out)["hits"]} == {"c1", None}


def test_wide_characters_leave_the_match_in_the_row(capsys, data_dir: Path) -> None:
    store = Store.open(data_dir)
    store.save_contact(Contact(name="Snip", id="p1"))
    for number, filler in enumerate(("😀 ", "李小龍 ", "a ")):
        store.save_conversation(Conversation(contact_id="p1", id=f"w{number}",
                                             goal=filler * 60 + "target"))
    store.close()
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "search", "target")
    rows = out.splitlines()[1:]
    assert code == 0 and len(rows) == 3
    for row in rows:
        assert row.endswith("[target]"), row


def test_a_quoted_phrase_left_out_stays_a_phrase() -> None:
    """The shell takes the quotes off -"cold call": the query puts them back."""
    from argparse import Namespace

    from tui.cli.search import _query_text
    from tui.core.search_query import parse

    text = _query_text(Namespace(query=["foo"], left_out=["-cold call", "-x"]))
    assert text == 'foo -"cold call" -x'
    query = parse(text)
    assert [t.words for t in query.terms] == [("foo",)]
    assert [t.words for t in query.excluded] == [("cold", "call"), ("x",)]
