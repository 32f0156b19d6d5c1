"""Tags: ``#fintech`` typed inline in any note, and the tags given to a contact.

The grammar of an inline tag, decided once for the whole app (search, the Tags view, the
command line):

- ``#`` then a run of letters, digits, ``-`` and ``_`` (any script: ``#café``, ``#日本``,
  ``#финтех``). The run ends at any other character (``#fintech.`` and ``#fintech's`` are
  ``fintech``); ``-`` and ``_`` at its end are dropped (``#tag-`` is ``tag``).
- The run must hold a letter: ``#1``, ``#2026`` and ``#3-2`` are numbers, not tags
  (``#q3`` and ``#web3`` are tags).
- At most :data:`MAX_TAG` characters; a longer run (a hash, a pasted code) is no tag.
- The ``#`` starts a word: at the start of the text, after a space, or after punctuation
  such as ``( [ " ' * , ; !`` (so ``[b]#x[/b]`` holds the tag ``x``). Not after a letter or
  digit (``C#``, ``page#x``), nor after ``/ & # \\ = ? % @ + . : ~ ` $ ^ -`` (entities,
  paths, code, ``##``), nor as a Markdown link target (``[see](#anchor)``), nor anywhere in a
  web address (``https://example.com/#x``, ``www.example.com/a#b``).
- A heading (``# Title``, a space after the ``#``) is no tag.

Two tags are the same tag when their words are the same, case and accents aside, and ``-``,
``_`` and spaces ignored: ``#FinTech``, ``#fintech`` and ``#fin-tech`` are one tag, and so is
a contact's tag ``Fin Tech``. That identity is the tag's :func:`tag_key`, which is also what
``tag:`` in a search compares (the same folding as search words). A tag is shown as the
spelling people used most often (see :func:`pick_spelling`), keeping ``#AI`` in capitals.

Everything here is pure text work: no I/O, no Textual. Control characters end a tag, so
none ever reaches a tag's key or its shown spelling.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from tui.core.search_text import safe_line, tokens

MAX_TAG = 40
_BODY = re.compile(r"(?:\w|[\u0300-\u036f-])+")
_NOT_BEFORE = frozenset("/&#\\=?%@+.:~`$^-")
_URL_MARKS = ("://", "www.")
_SPACE = re.compile(r"\s")  # what str.isspace() calls a space


@dataclass(frozen=True)
class TagMatch:
    """One inline tag in a text: ``start``/``end`` cover the ``#`` and the tag as typed."""

    start: int
    end: int
    shown: str
    key: str


def tag_key(text: str) -> str:
    """The identity of a tag: its folded words joined (``Fin-Tech`` -> ``fintech``)."""
    return "".join(tokens(text))


def find_tags(text: str) -> list[TagMatch]:
    """Every inline tag in ``text``, in order (see the module docstring for the grammar)."""
    if "#" not in text:
        return []
    found: list[TagMatch] = []
    web = _WebWords(text)
    position = text.find("#")
    while position >= 0:
        match = _tag_at(text, position, web)
        if match is not None:
            found.append(match)
            position = text.find("#", match.end)
        else:
            position = text.find("#", position + 1)
    return found


def _tag_at(text: str, at: int, web: _WebWords) -> TagMatch | None:
    if at > 0:
        before = text[at - 1]
        if before.isalnum() or before in _NOT_BEFORE or unicode_mark(before):
            return None
        if text[max(0, at - 2):at] == "](" or web.inside(at):
            return None
    body = _BODY.match(text, at + 1)
    if body is None:
        return None
    shown = body.group().rstrip("-_")
    if not shown or len(shown) > MAX_TAG or not any(ch.isalpha() for ch in shown):
        return None
    key = tag_key(shown)
    if not key:
        return None
    return TagMatch(at, at + 1 + len(shown), shown, key)


def unicode_mark(ch: str) -> bool:
    """A combining accent (part of the letter before it)."""
    return "\u0300" <= ch <= "\u036f"


class _WebWords:
    """Whether a ``#`` is inside a word that is a web address (one holding ``://`` or
    ``www.``, case aside), for positions asked in increasing order. Each stretch of the text
    is looked at once: walking back to each ``#``'s word start made a 300 KB paste with no
    space and thousands of ``#`` take minutes (a search index build never ended)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.start = 0  # where the word of the last position asked starts
        self.seen = 0  # the last position asked
        self.web = False  # whether text[start:seen] holds a mark

    def inside(self, at: int) -> bool:
        """Whether ``text[word start:at]`` holds a web address mark."""
        text, last = self.text, None
        for space in _SPACE.finditer(text, self.seen, at):
            last = space.end()
        if last is not None:
            self.start, self.web = last, _has_mark(text[last:at])
        else:
            # the same word: only what follows ``seen`` is new (with three characters
            # before it, as casefold works a character at a time)
            self.web = self.web or _has_mark(text[max(self.start, self.seen - 3):at])
        self.seen = at
        return self.web


def _has_mark(part: str) -> bool:
    folded = part.casefold()
    return any(mark in folded for mark in _URL_MARKS)


def tags_in(text: str) -> list[str]:
    """The keys of the inline tags in ``text``, each once, in order."""
    return list(dict.fromkeys(m.key for m in find_tags(text)))


def contact_tag(text: str) -> tuple[str, str] | None:
    """A tag given to a contact as ``(key, shown)``; None for one without letters or digits.

    A contact's tags are whole words the user chose (``fintech``, ``Climate tech``), so the
    inline grammar does not apply: any text with a letter or digit is a tag.
    """
    shown = safe_line(text, MAX_TAG * 2).lstrip("#").strip()  # "#x" given as a tag is x
    key = tag_key(shown)
    return (key, shown) if key else None


def pick_spelling(spellings: Iterable[tuple[str, int]]) -> str:
    """The spelling to show for a tag: the one used most often; on a tie, lower case first,
    then alphabetical (``fintech`` over ``FinTech``)."""
    ranked = sorted(spellings, key=lambda pair: (-pair[1], pair[0] != pair[0].lower(),
                                                 pair[0]))
    return ranked[0][0] if ranked else ""
