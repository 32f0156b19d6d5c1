"""Setting one filter of a search query's text: what the search screen's filter keys do.

The filters stay in the query text, in the syntax of :mod:`tui.core.search_query`, so what a
key sets is visible, can be edited by typing, and means the same in ``coffeechat search``.
Setting a filter replaces that filter's values (``-status:`` and other negated filters are
left as typed) and puts the new one first, so that the word being typed stays last (and is
still matched as a prefix); after a filter alone comes a space, for the next word.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from tui.core.search_query import ALIASES, KIND_VALUES, PIECE, STATUS_VALUES, parse

DATE_KEYS = ("after", "before")


@dataclass(frozen=True)
class DateRange:
    """A named range of days: ``after`` on or after, ``before`` up to (not including)."""

    label: str
    after: str = ""
    before: str = ""


def date_ranges(today: date) -> list[DateRange]:
    """The ranges F4 steps through, relative to ``today``."""
    year = today.year
    return [
        DateRange("last 30 days", after=(today - timedelta(days=30)).isoformat()),
        DateRange("last 90 days", after=(today - timedelta(days=90)).isoformat()),
        DateRange(f"this year ({year})", after=str(year)),
        DateRange(f"last year ({year - 1})", after=str(year - 1), before=str(year)),
    ]


def _key_of(piece: str) -> tuple[bool, str | None]:
    match = PIECE.match(piece)
    if match is None or not match.group(2):
        body = piece.lstrip("-")
        return piece.startswith("-"), "tag" if body.startswith("#") and len(body) > 1 else None
    key = match.group(2).lower()
    return match.group(1) == "-", ALIASES.get(key, key)


def _pieces(text: str) -> list[str]:
    return [m.group(0) for m in PIECE.finditer(text) if m.group(0)]


def _quoted(value: str) -> str:
    value = " ".join(value.replace('"', " ").split())
    return f'"{value}"' if " " in value else value


def with_filter(text: str, key: str, *values: str) -> str:
    """``text`` with the filter ``key`` set to ``values`` (none: the filter removed)."""
    keys = DATE_KEYS if key in DATE_KEYS else (key,)
    kept = [p for p in _pieces(text) if not (_key_of(p)[1] in keys and not _key_of(p)[0])]
    added = [f"{key}:{_quoted(v)}" for v in values if v.strip()]
    return _joined(added, kept, text)


def _joined(added: list[str], kept: list[str], text: str) -> str:
    # Filters go first: the word being typed stays last, still matched as a prefix.
    joined = " ".join([*added, *kept])
    return joined + " " if joined and (not kept or text.endswith(" ")) else joined


def with_dates(text: str, chosen: DateRange | None) -> str:
    """``text`` with its date range set to ``chosen`` (None: no dates)."""
    kept = _pieces(with_filter(text, "after"))
    added = [] if chosen is None else [
        f"{k}:{v}" for k, v in (("after", chosen.after), ("before", chosen.before)) if v]
    return _joined(added, kept, text)


def current_values(text: str, key: str) -> list[str]:
    """The values of the filter ``key`` in ``text`` (not negated), as the query reads them."""
    query = parse(text, typing=False)
    if key in ("status", "kind"):
        return [f.value for f in query.filters if f.key == key and not f.negated]
    return [" ".join(f.term.words) for f in query.filters
            if f.key == key and not f.negated and f.term is not None]


def next_value(text: str, key: str) -> str:
    """The status or kind after the one set in ``text`` ("" after the last: none)."""
    choices = STATUS_VALUES if key == "status" else KIND_VALUES
    now = current_values(text, key)
    if not now:
        return choices[0].replace("_", "-")
    position = choices.index(now[0]) if now[0] in choices else -1
    return choices[position + 1].replace("_", "-") if position + 1 < len(choices) else ""


def next_range(text: str, today: date) -> DateRange | None:
    """The date range after the one set in ``text`` (None after the last: no dates)."""
    ranges = date_ranges(today)
    pieces = {(_key_of(p)[1], p.split(":", 1)[1]) for p in _pieces(text)
              if _key_of(p)[1] in DATE_KEYS and ":" in p}
    for number, candidate in enumerate(ranges):
        wanted = {(k, v) for k, v in (("after", candidate.after), ("before", candidate.before))
                  if v}
        if wanted == pieces:
            return ranges[number + 1] if number + 1 < len(ranges) else None
    return ranges[0]


def describe_filters(text: str) -> list[tuple[str, str]]:
    """``(filter, value)`` for each filter in ``text``, as a line under the box shows them
    (``("status", "done")``, ``("dates", "after 2026-06-01")``, ``("not company",
    "stripe")``)."""
    query = parse(text, typing=False)
    shown: list[tuple[str, str]] = []
    for item in query.filters:
        if item.term is None:
            value = item.value.replace("_", "-")
        else:
            value = ("" if item.key == "tag" else " ").join(item.term.words)
        shown.append((("not " if item.negated else "") + item.key, value))
    dates = [f"{k} {v.isoformat()}" for k, v in (("after", query.after),
                                                  ("before", query.before)) if v]
    if dates:
        shown.append(("dates", " ".join(dates)))
    return shown
