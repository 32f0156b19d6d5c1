"""User text placed into a Markdown document so that it cannot change the document's shape.

Two kinds of user text, two treatments:

* **Plain fields** (names, companies, question text, action items, the goal, the ask...) are
  shown literally: :func:`inline` folds them to one line and backslash-escapes every character
  that would start or end Markdown markup there (emphasis, code, links, HTML, tables, headings,
  list and quote markers at the start, Obsidian's ``==highlight==``, ``%%comments%%``,
  ``$math$`` and ``#tags``). CommonMark allows a backslash before any ASCII punctuation, so
  every renderer shows the original characters.
* **Notes** (question notes, research notes, reflection answers) are the user's own Markdown
  and are kept as written: :func:`note_block` puts them in a block quote. A block quote is a
  container, so whatever the note holds - a ``# heading``, an unclosed code fence, ``---``,
  an unclosed HTML comment, a list - ends where the quote ends and never swallows or reshapes
  the sections after it. Headings inside a note stay headings inside the quote.
* **Messages** (outreach and thank-you drafts) are plain text: :func:`text_block` escapes each
  line and keeps the line breaks, inside a block quote.

Control characters are removed from all three (see :mod:`tui.core.safetext`).
"""

from __future__ import annotations

import re

from tui.core.safetext import one_line, strip_controls

_ALWAYS = re.compile(r"([\\`*_\[\]<>|~#$])")
_DOUBLED = re.compile(r"([=%])(?=[=%])|(?<=[=%])([=%])")
_ENTITY = re.compile(r"&(?=#\d+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)")
_LINE_START = re.compile(r"^([-+])|^(\d+)([.)])")


def inline(text: str) -> str:
    """One line of literal text, safe in a heading, a list item, a table cell or a paragraph."""
    return _escape_line(one_line(text))


def _escape_line(line: str) -> str:
    line = _ALWAYS.sub(r"\\\1", line)
    line = _DOUBLED.sub(lambda m: "\\" + (m[1] or m[2]), line)
    line = _ENTITY.sub(r"\\&", line)
    return _LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", line)


def _lines(text: str) -> list[str]:
    lines = [line.rstrip() for line in strip_controls(text).expandtabs(4).split("\n")]
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


def _quote(lines: list[str], indent: str) -> str:
    return "".join(f"{indent}> {line}\n" if line else f"{indent}>\n" for line in lines)


def note_block(text: str, indent: str = "") -> str:
    """The user's Markdown as a block quote (each line prefixed ``indent + "> "``); empty when
    the note is blank. Ends with a newline; the caller adds the blank line after it."""
    return _quote(_lines(text), indent)


def text_block(text: str, indent: str = "") -> str:
    """Plain text shown literally, line breaks kept, as a block quote; empty when blank."""
    lines = [_escape_line(" ".join(line.split())) for line in _lines(text)]
    shaped: list[str] = []
    for index, line in enumerate(lines):
        follows = index + 1 < len(lines) and bool(lines[index + 1])
        shaped.append(line + "\\" if line and follows else line)
    return _quote(shaped, indent)


def has_text(text: str | None) -> bool:
    """True when ``text`` holds something other than whitespace and control characters."""
    return bool(text) and bool(one_line(text or ""))
