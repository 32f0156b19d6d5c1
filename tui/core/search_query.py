"""The search query language, shared by the app and the command line.

    dublin                 a word, in any field (case and accents ignored: jose finds José)
    dub                    the last word of a query being typed matches as a prefix (Dublin)
    pay*                   an explicit prefix anywhere
    "grid analytics"       a phrase: these words next to each other, in one field
    -stripe  -"cold call"  leave out conversations and contacts that mention it
    company:stripe         the person's company (company:"goldman sachs" for several words)
    person:ana             the person's name
    tag:fintech  #fintech  a tag: one of the person's, or #fintech typed in any note or
                           answer (case, accents, - and _ ignored: tag:fin-tech is the same)
    status:done            idea, reached-out, scheduled, done, thanked (a unique prefix will do)
    kind:industry          person, industry, company
    after:2026-01-15       on or after that day      before:2026-06   before June 2026
                           (a year, a month or a day; both together make a range)
    -company:stripe        any filter but the dates can be negated

All words and filters must match (AND); several values of one filter match any of them
(``company:stripe company:monzo``). ``AND``, ``OR``, ``NOT``, ``NEAR``, brackets, ``*`` inside a
word and any other punctuation are plain text, never syntax. Filters by status, kind or date
apply to conversations only, so they leave contacts out.

:func:`parse` never raises. What it could not use is named in :attr:`Query.problems`, one
sentence each, and the rest of the query still runs: an unknown filter (``foo:bar``) is
searched as plain text, an unusable value (``status:maybe``, ``before:2026-13``) is ignored.
Those unusable values are also in :attr:`Query.invalid`, worded as errors: the command line
refuses such a query rather than run a wider search than the one asked for, while the app
shows the problem beside the results as they follow each keystroke.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from tui.core.safetext import clipped
from tui.core.search_text import safe_line, tokens
from tui.core.tags import find_tags

MAX_QUERY_CHARS = 1000
MAX_TERMS = 24
TEXT_FILTERS = ("company", "person", "tag")
STATUS_VALUES = ("idea", "reached_out", "scheduled", "done", "thanked")
KIND_VALUES = ("person", "industry", "company")
ALIASES = {"name": "person", "who": "person", "tags": "tag", "org": "company",
           "type": "kind", "state": "status", "from": "after", "since": "after",
           "until": "before"}
FILTER_KEYS = (*TEXT_FILTERS, "status", "kind", "before", "after")
URL_SCHEMES = ("http", "https", "mailto", "ftp", "file", "tel")

PIECE = re.compile(r'(-?)(?:([A-Za-z]+):)?("[^"]*"?|[^\s"]*)')
_DAY = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


@dataclass(frozen=True)
class Term:
    """Words that must appear in this order (one word is a phrase of one).

    ``words`` are folded tokens (lower case, accents removed); with ``prefix`` the last one
    matches any word it begins.
    """

    words: tuple[str, ...]
    prefix: bool = False
    typed: str = ""


@dataclass(frozen=True)
class Filter:
    """``key:value``; text keys hold a :class:`Term`, ``status`` and ``kind`` a stored value."""

    key: str
    term: Term | None = None
    value: str = ""
    negated: bool = False


@dataclass(frozen=True)
class Query:
    """A parsed query. Build one with :func:`parse`."""

    text: str = ""
    terms: tuple[Term, ...] = ()
    excluded: tuple[Term, ...] = ()
    filters: tuple[Filter, ...] = ()
    after: date | None = None
    before: date | None = None
    problems: tuple[str, ...] = field(default=(), compare=False)
    invalid: tuple[str, ...] = field(default=(), compare=False)

    @property
    def empty(self) -> bool:
        """Nothing to search for (an empty or all-punctuation query)."""
        return not (self.terms or self.excluded or self.filters or self.after or self.before)

    @property
    def dated(self) -> bool:
        """A date range is set (so only conversations can match)."""
        return self.after is not None or self.before is not None

    def groups(self) -> list[tuple[str, bool, list[Filter]]]:
        """Filters grouped by (key, negated): values of one group match any of them."""
        grouped: dict[tuple[str, bool], list[Filter]] = {}
        for item in self.filters:
            grouped.setdefault((item.key, item.negated), []).append(item)
        return [(key, negated, items) for (key, negated), items in grouped.items()]


def parse(text: object, *, typing: bool = True) -> Query:
    """Parse a query string (never raises).

    With ``typing`` (the default) the last word, when the text does not end in a space or a
    closing quote, is matched as a prefix, so results follow each keystroke.
    """
    raw = text if isinstance(text, str) else ""
    problems: list[str] = []
    if len(raw) > MAX_QUERY_CHARS:
        raw = raw[:MAX_QUERY_CHARS]
        problems.append(f"the query is cut to its first {MAX_QUERY_CHARS} characters")
    builder = _Builder(problems)
    pieces = [m for m in PIECE.finditer(raw) if m.group(0)]
    still_typing = typing and bool(raw) and not raw[-1].isspace()
    for number, match in enumerate(pieces):
        last = still_typing and number == len(pieces) - 1
        builder.add(match.group(1) == "-", match.group(2), match.group(3), last)
    return builder.build(raw)


class _Builder:
    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        self.invalid: list[str] = []
        self.terms: list[Term] = []
        self.excluded: list[Term] = []
        self.filters: list[Filter] = []
        self.after: date | None = None
        self.before: date | None = None

    def add(self, negated: bool, key: str | None, value: str, last: bool) -> None:
        if len(self.terms) + len(self.excluded) + len(self.filters) >= MAX_TERMS:
            message = f"only the first {MAX_TERMS} words and filters are used"
            if message not in self.problems:
                self.problems.append(message)
            return
        quoted = value.startswith('"')
        closed = quoted and len(value) > 1 and value.endswith('"')
        body = value[1:-1] if closed else value[1:] if quoted else value
        explicit_prefix = not quoted and body.endswith("*")
        prefix = explicit_prefix or (last and not closed)
        name = ALIASES.get(key.lower(), key.lower()) if key else None
        if name is None and not quoted and value.startswith("#"):
            found = find_tags(value)
            if found and found[0].start == 0:  # #fintech is tag:fintech
                name, body = "tag", found[0].shown
        if name in FILTER_KEYS:
            if body.strip():
                self._filter(name, body, negated, prefix, f"{key}:{value}" if key else value)
            return
        if key:
            if key.lower() not in URL_SCHEMES and key.isalpha() and body.strip():
                self.problems.append(
                    f"'{clipped(key)}:' is not a filter (filters: {', '.join(FILTER_KEYS)}); "
                    f"searched as text")
            body = f"{key}:{body}"
        term = _term(body, prefix, f"{key}:{value}" if key else value)
        if term is not None:
            self._add_term(self.excluded if negated else self.terms, term)

    def _add_term(self, bucket: list[Term], term: Term) -> None:
        if term not in bucket:
            bucket.append(term)

    def _filter(self, key: str, body: str, negated: bool, prefix: bool, typed: str) -> None:
        if key in TEXT_FILTERS:
            term = _term(body, prefix, typed)
            if term is None:
                self._refuse(f"'{clipped(typed)}' has no letters or digits to look for")
            else:
                self.filters.append(Filter(key, term=term, negated=negated))
        elif key in ("status", "kind"):
            allowed = STATUS_VALUES if key == "status" else KIND_VALUES
            value = _choice(body, allowed)
            if value is None:
                shown = ", ".join(v.replace("_", "-") for v in allowed)
                self._refuse(f"{key} '{clipped(body)}' is not one of {shown}")
            else:
                self.filters.append(Filter(key, value=value, negated=negated))
        else:
            self._date(key, body, negated)

    def _date(self, key: str, body: str, negated: bool) -> None:
        if negated:
            self._refuse(f"'-{key}:' cannot be negated; use "
                         f"{'after' if key == 'before' else 'before'}: instead", ignored=False)
            return
        start = _period_start(body.strip())
        if start is None:
            self._refuse(f"{key} '{clipped(body)}' is not a date (use a year, a month or a "
                         "day: 2026, 2026-06, 2026-06-15)")
        elif key == "after":
            self.after = start if self.after is None else max(self.after, start)
        else:
            self.before = start if self.before is None else min(self.before, start)

    def _refuse(self, message: str, *, ignored: bool = True) -> None:
        """A filter that cannot be used: left out of the search, and named as invalid."""
        self.invalid.append(message)
        self.problems.append(f"{message}; ignored" if ignored else message)

    def build(self, raw: str) -> Query:
        if self.after and self.before and self.after >= self.before:
            self.problems.append(f"after {self.after.isoformat()} and before "
                                 f"{self.before.isoformat()} leave no days; nothing matches")
        problems = tuple(safe_line(p, 200) for p in self.problems)
        return Query(raw, tuple(self.terms), tuple(self.excluded), tuple(self.filters),
                     self.after, self.before, problems,
                     tuple(safe_line(p, 200) for p in self.invalid))


def _term(body: str, prefix: bool, typed: str) -> Term | None:
    words = tuple(tokens(body))
    if not words:
        return None
    return Term(words, prefix, typed)


def _choice(body: str, allowed: tuple[str, ...]) -> str | None:
    wanted = re.sub(r"[\s_-]+", "_", body.strip().casefold())
    if wanted in allowed:
        return wanted
    starting = [v for v in allowed if v.startswith(wanted)] if wanted else []
    return starting[0] if len(starting) == 1 else None


def _period_start(text: str) -> date | None:
    """The first day of ``2026``, ``2026-06`` or ``2026-06-15`` (None if not a real date)."""
    match = _DAY.fullmatch(text)
    if not match:
        return None
    year, month, day = match.group(1), match.group(2), match.group(3)
    try:
        return date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None

