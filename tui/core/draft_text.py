"""A message draft taken apart the way a reader sees it: greeting, body sentences, sign-off.

The outreach checks work on these parts. Everything here is linear in the draft's length (no
pattern can backtrack over more than a few dozen characters): a real draft takes about a
millisecond, a pasted megabyte a few seconds, never longer. Curly apostrophes and quotes are
read as straight ones, and control characters are dropped before anything is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tui.core.safetext import strip_controls

_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "“": '"', "”": '"'})
_WORD = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*")
_GREETING = re.compile(
    r"(?:hi|hello|hey|dear|greetings|hiya|good (?:morning|afternoon|evening)|bonjour|hola|"
    r"hallo|ciao|salut)\b",
    re.IGNORECASE,
)
_SIGN_OFF = re.compile(
    r"(?:best|all the best|best wishes|thanks|thank you|many thanks|with thanks|cheers|regards|"
    r"kind regards|warm regards|warmly|sincerely|yours|talk soon|take care|gratefully|"
    r"with gratitude|looking forward)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?…]+[\"')\]]*(?=\s|$)")
_ABBREVIATIONS = frozenset(
    {"dr", "mr", "mrs", "ms", "mx", "prof", "st", "e.g", "i.e", "etc", "vs", "inc", "jr", "sr",
     "no", "approx", "dept", "univ", "co", "corp", "ltd"}
)
_LAST_WORD = re.compile(r"([^\s(\"']+)$")
_FILLER = re.compile(
    r"(?:i )?hope (?:this|you|all|that|your|everything)|i trust (?:this|you)|happy (?:monday|"
    r"tuesday|wednesday|thursday|friday|new year)",
    re.IGNORECASE,
)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def normalise_quotes(text: str) -> str:
    """``text`` with typographic apostrophes and quotes made straight."""
    return text.translate(_QUOTES)


def words(text: str) -> list[str]:
    """The words of ``text``: letters and digits, with inner apostrophes and hyphens kept
    (``don't``, ``20-minute`` and ``résumé`` are one word each)."""
    return _WORD.findall(normalise_quotes(text))


def word_count(text: str) -> int:
    """How many words :func:`words` finds, without building the list."""
    return sum(1 for _ in _WORD.finditer(normalise_quotes(text)))


def sentences(text: str) -> list[str]:
    """The sentences of ``text``: a paragraph break always ends one; ``.``, ``!``, ``?`` or
    ``…`` end one unless the word before is a common abbreviation or an initial."""
    found: list[str] = []
    for paragraph in _PARAGRAPH_BREAK.split(normalise_quotes(text)):
        flat = " ".join(paragraph.split())
        start = 0
        for match in _SENTENCE_END.finditer(flat):
            if match.group() == "." and _is_abbreviation(flat[max(start, match.start() - 12):
                                                              match.start()]):
                continue
            sentence = flat[start:match.end()].strip()
            if sentence:
                found.append(sentence)
            start = match.end()
        tail = flat[start:].strip()
        if tail:
            found.append(tail)
    return found


def _is_abbreviation(before: str) -> bool:
    match = _LAST_WORD.search(before)
    if not match:
        return False
    word = match[1].casefold()
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def is_filler(sentence: str) -> bool:
    """A pleasantry that says nothing yet (``I hope you're well``)."""
    return _FILLER.match(sentence) is not None and len(sentence) < 80


@dataclass(frozen=True)
class DraftParts:
    """A draft split into what the reader sees first, the message (and its sentences), and
    the sign-off."""

    greeting: str
    body: str
    sign_off: str
    sentences: tuple[str, ...]


@lru_cache(maxsize=8)
def split_draft(text: str, name: str = "") -> DraftParts:
    """Find the greeting (``Hi Ana,``) and the sign-off (``Best,`` and the signature lines).

    A greeting is a first line that starts with a greeting word or with the contact's
    ``name``; when the message continues on the same line after a comma, only the part before
    the comma is the greeting. The sign-off is the run of short closing lines at the end:
    ``Thanks!``, ``Best regards,`` and the name, title or address lines under them.

    The last few answers are kept, so that the checks, which each split the same draft, pay
    for it once.
    """
    lines = normalise_quotes(strip_controls(text)).strip().splitlines()
    greeting = ""
    if lines:
        first = lines[0].strip()
        if _is_greeting(first, name):
            head, comma, rest = first.partition(",")
            if comma and rest.strip() and len(head.split()) <= 6:
                greeting, lines[0] = head + ",", rest.strip()
            elif len(first.split()) <= 6:
                greeting, lines = first, lines[1:]
    end = len(lines)
    while end > 0 and _is_closing_line(lines[end - 1]):
        end -= 1
    body = "\n".join(lines[:end]).strip()
    sign_off = "\n".join(line.strip() for line in lines[end:] if line.strip())
    return DraftParts(greeting=greeting, body=body, sign_off=sign_off,
                      sentences=tuple(sentences(body)))


def _is_greeting(line: str, name: str) -> bool:
    if _GREETING.match(line):
        return True
    first = name.split()[0].casefold() if name.split() else ""
    return bool(first) and line.casefold().startswith(first) and line.rstrip().endswith(",") \
        and len(line.split()) <= 3


def _is_closing_line(line: str) -> bool:
    stripped = line.strip()
    if not stripped:
        return True
    count = len(stripped.split())
    if count <= 7 and _SIGN_OFF.match(stripped) and not stripped.endswith("?"):
        return True
    # a name, a title, an address or a link under the sign-off: short, no sentence ending
    return count <= 4 and stripped[-1] not in ".?!…"
