"""``coffeechat search``: full-text search over every conversation and contact."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from tui.cli.common import EXIT_OK, CliError, ProgressLine, open_store, warn, whole_number
from tui.cli_output import fit, format_table, json_text, out, stdout_is_utf8

if TYPE_CHECKING:
    from tui.cli.common import Subparsers

DEFAULT_LIMIT = 20
MAX_LIMIT = 1000


def _add_search(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "search",
        parents=[common],
        help="search every conversation and contact",
        description="Search names, companies, goals, research, questions and their notes, "
        "quick notes, reflections, actions, referrals, thank-you and outreach text. Words "
        "must all match (case and accents ignored); \"a phrase\" in quotes; -word leaves "
        "out; word* matches a prefix; filters: company:, person:, tag:, status:, kind:, "
        "after:2026-01-15, before:2026-06. Best matches first, each with the field it came "
        "from. The first search after many changes brings the index up to date (it lives "
        "in the cache folder and is rebuilt from the data whenever needed).",
    )
    p.add_argument("query", nargs="+", metavar="QUERY", help="what to look for")
    p.add_argument("--json", action="store_true", help="print JSON for scripts")
    p.add_argument("--limit", type=whole_number("--limit", MAX_LIMIT), default=DEFAULT_LIMIT,
                   metavar="N",
                   help=f"at most N results (default: {DEFAULT_LIMIT})")
    p.set_defaults(handler=cmd_search)


def cmd_search(args: argparse.Namespace, folder: Path) -> int:
    """Run the query and print the hits as a table or as JSON."""
    from tui.core.search import SearchIndex, format_hits  # the engine only when searching
    from tui.core.search_link import catch_up
    from tui.core.search_query import parse

    text = " ".join(args.query)
    if not text.strip():
        raise CliError("the query is empty: give a word to look for")
    store = open_store(folder, readonly=True)
    try:
        contacts, summaries, read = store.index_inputs()
        with SearchIndex.open(store.layout.root) as index:
            progress = ProgressLine("indexing conversations")
            try:
                catch_up(index, contacts, summaries, read, progress=progress)
            finally:
                progress.finish()
            result = index.search(parse(text, typing=False), limit=args.limit)
    finally:
        store.close()
    for notice in result.notices:
        warn(notice)
    if args.json:
        out(json_text(result.to_json(), ascii_only=not stdout_is_utf8()))
        return EXIT_OK
    rows = [[date or "-", fit(name, 28), fit(label, 28), fit(snippet, 120)]
            for date, name, label, snippet in format_hits(result.hits)]
    if rows:
        out("".join(line + "\n" for line in format_table(("DATE", "PERSON", "FIELD", "MATCH"),
                                                          rows)))
    return EXIT_OK
