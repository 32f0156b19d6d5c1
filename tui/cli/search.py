"""``coffeechat search``: full-text search over every conversation and contact."""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from tui.cli.common import EXIT_OK, CliError, ProgressLine, open_store, warn, whole_number
from tui.cli_output import fit, format_table, json_text, out, stdout_is_utf8
from tui.core.safetext import clipped

if TYPE_CHECKING:
    from tui.cli.common import Subparsers
    from tui.core.search import SearchIndex

R = TypeVar("R")

DEFAULT_LIMIT = 20
MAX_LIMIT = 1000
# A word the query leaves out: -paris, -"cold call", -company:acme; not an option (--json),
# -h or a negative number.
LEFT_OUT = re.compile(r"-[^-\d]")


def _add_search(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "search",
        parents=[common],
        help="search every conversation and contact",
        description="Search names, companies, goals, research, questions and their notes, "
        "quick notes, reflections, actions, referrals, thank-you and outreach text. Words "
        "must all match (case and accents ignored); \"a phrase\" in quotes; -word leaves "
        "out (a query that starts with one: coffeechat search -- -word); word* matches a "
        "prefix; filters: company:, person:, tag: (or #tag), status:, kind:, "
        "after:2026-01-15, before:2026-06. Best matches first, each with the field it came "
        "from. The first search after many changes brings the index up to date (it lives "
        "in the cache folder and is rebuilt from the data whenever needed).",
    )
    p.add_argument("query", nargs="*", metavar="QUERY", help="what to look for")
    p.add_argument("--json", action="store_true", help="print JSON for scripts")
    p.add_argument("--limit", type=whole_number("--limit", MAX_LIMIT), default=DEFAULT_LIMIT,
                   metavar="N",
                   help=f"at most N results (default: {DEFAULT_LIMIT})")
    p.set_defaults(handler=cmd_search)


def _add_tags(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "tags",
        parents=[common],
        help="every tag with how many places carry it",
        description="Every #tag typed in a note, an answer or any other text, and every "
        "tag given to a contact, most used first, with how many places carry it and in how "
        "many conversations and contacts. 'coffeechat search tag:NAME' lists the places.",
    )
    p.add_argument("--json", action="store_true", help="print JSON for scripts")
    p.set_defaults(handler=cmd_tags)


def set_aside_left_out(argv: Sequence[str], start: int) -> tuple[list[str], list[str]]:
    """``argv`` without the words from ``start`` on that leave a word out of the query
    (``-paris``), and those words: argparse would take them for options it does not know.
    Everything after ``--`` stays as it is."""
    kept, left_out = list(argv[:start]), []
    for number in range(start, len(argv)):
        word = argv[number]
        if word == "--":
            kept.extend(argv[number:])
            break
        if word != "-h" and LEFT_OUT.match(word):
            left_out.append(word)
        else:
            kept.append(word)
    return kept, left_out


def _query_text(args: argparse.Namespace) -> str:
    """The query the command line gives, its words leaving others out included."""
    left_out: list[str] = getattr(args, "left_out", [])
    if left_out and not args.query:
        shown = clipped(" ".join(left_out))
        raise CliError(f"'{shown}' only leaves words out: give a word to look for first "
                       f"(coffeechat search WORD {shown}), or write 'coffeechat search -- "
                       f"{shown}' to list everything that does not mention it")
    # the shell took the quotes off -"cold call": put them back, or only "cold" is left out
    left_out = [f'-"{word[1:]}"' if len(word.split()) > 1 else word for word in left_out]
    text = " ".join([*args.query, *left_out])
    if not text.strip():
        raise CliError("the query is empty: give a word to look for")
    return text


def _with_index(folder: Path, use: Callable[[SearchIndex], R]) -> R:
    """Bring the folder's index up to date (with a progress line), then ``use`` it."""
    from tui.core.search import SearchIndex  # the engine only when searching
    from tui.core.search_link import catch_up

    store = open_store(folder, readonly=True)
    try:
        contacts, summaries, read = store.index_inputs()
        with SearchIndex.open(store.layout.root) as index:
            progress = ProgressLine("indexing conversations")
            try:
                catch_up(index, contacts, summaries, read, progress=progress)
            finally:
                progress.finish()
            return use(index)
    finally:
        store.close()


def cmd_tags(args: argparse.Namespace, folder: Path) -> int:
    """Print every tag with its counts, as a table or as JSON."""
    counts = _with_index(folder, lambda index: index.tag_counts())
    for notice in counts.notices:
        warn(notice)
    if args.json:
        out(json_text([t.to_json() for t in counts.tags], ascii_only=not stdout_is_utf8()))
        return EXIT_OK
    rows = [[fit("#" + t.shown, 40), str(t.places), str(t.conversations), str(t.contacts)]
            for t in counts.tags]
    if not rows:
        out("No tags yet.\n")
        return EXIT_OK
    out("".join(line + "\n" for line in format_table(
        ("TAG", "PLACES", "CONVERSATIONS", "CONTACTS"), rows)))
    return EXIT_OK


def cmd_search(args: argparse.Namespace, folder: Path) -> int:
    """Run the query and print the hits as a table or as JSON."""
    from tui.core.search import format_hits
    from tui.core.search_query import parse

    query = parse(_query_text(args), typing=False)
    if query.invalid:
        raise CliError("; ".join(query.invalid) + " (nothing was searched)")
    result = _with_index(folder, lambda index: index.search(query, limit=args.limit))
    for notice in result.notices:
        warn(notice)
    if args.json:
        out(json_text(result.to_json(), ascii_only=not stdout_is_utf8()))
        return EXIT_OK
    rows = [[date or "-", fit(name, 28), fit(label, 28), fit(snippet, 120)]
            for date, name, label, snippet in format_hits(result.hits, columns=120)]
    if rows:
        out("".join(line + "\n" for line in format_table(("DATE", "PERSON", "FIELD", "MATCH"),
                                                          rows)))
    return EXIT_OK
