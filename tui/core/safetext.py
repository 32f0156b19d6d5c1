"""User text that can never drive a terminal: control characters made visible or removed.

Text from the data or an import may hold anything: escape sequences (``ESC ] 52`` writes the
clipboard, ``ESC ] 0`` the window title), backspaces that eat neighbouring text, C1 controls,
right-to-left overrides that reorder what is shown, or lone surrogates that are not text at all.

:func:`visible` is for showing text: in the app, in the command line's tables and in messages.
C0 controls become their Unicode control pictures (ESC shows as ``␛``), DEL as ``␡``, C1
controls and lone surrogates as ``�``; bidi embeddings, overrides, isolates and marks are
removed. Newlines and tabs are kept for multi-line display, else they become spaces.

:func:`strip_controls` is for imports and for exports whose format cannot carry control
characters; :func:`strip_controls_counted` also counts what it removed, so an import report can
say so. Stored text itself stays exactly as the user typed it.

:func:`clipped` shortens what a message quotes back from the user (an argument, a typed date),
so that a pasted megabyte does not come back as a megabyte of error.

:func:`has_visible` tells whether a name (of a contact, a company, a hypothesis) shows
anything at all; :func:`invisible_detail` says what a name that shows nothing is made of.
These are checked where a name is entered, never when stored data is read.
"""

from __future__ import annotations

import re
import unicodedata

#: How many characters of a user's value a message quotes.
QUOTED_LIMIT = 80
_LONG_WORD = re.compile(rf"[^\s'\"]{{{QUOTED_LIMIT + 1},}}")

#: Bidi formatting characters: embeddings and overrides (U+202A-U+202E), isolates
#: (U+2066-U+2069), and the marks LRM, RLM and ALM.
BIDI_CONTROLS = frozenset({*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F,
                           0x061C})
#: Invisible characters that change how a terminal lays text out: byte order mark and the
#: interlinear annotation characters.
INVISIBLE_FORMAT = frozenset({0xFEFF, 0xFFF9, 0xFFFA, 0xFFFB})
REPLACEMENT = "\ufffd"
_SURROGATES = range(0xD800, 0xE000)
_C1 = range(0x80, 0xA0)


def _display_table(multiline: bool) -> dict[int, str | None]:
    table: dict[int, str | None] = {code: chr(0x2400 + code) for code in range(0x20)}
    table[0x7F] = "\u2421"
    table.update({code: REPLACEMENT for code in _C1})
    table.update({code: REPLACEMENT for code in _SURROGATES})
    table.update({code: None for code in BIDI_CONTROLS | INVISIBLE_FORMAT})
    if multiline:
        table.update({0x0A: "\n", 0x09: "\t", 0x0D: None, 0x2028: "\n", 0x2029: "\n"})
    else:
        table.update({0x0A: " ", 0x09: " ", 0x0D: " ", 0x2028: " ", 0x2029: " "})
    return table


_MULTILINE = _display_table(multiline=True)
_ONE_LINE = _display_table(multiline=False)

# What an import removes: C0 controls but newline and tab, DEL, C1, and bidi embeddings,
# overrides and isolates (marks such as RLM are harmless and common in right-to-left text);
# lone surrogates become the replacement character.
_IMPORT_REMOVED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
                             "\ud800-\udfff]")
_NEWLINES = re.compile(r"\r\n?")


def _import_replacement(match: re.Match[str]) -> str:
    return REPLACEMENT if 0xD800 <= ord(match[0]) < 0xE000 else ""


#: Every character :func:`visible` changes (used to check that nothing slipped through).
UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
    "\u2028\u2029\ufeff\ufff9-\ufffb\ud800-\udfff]"
)


def visible(text: str, *, multiline: bool = False) -> str:
    """``text`` safe to show in a terminal (see the module docstring for what changes)."""
    if text.isprintable():  # the common case, checked in C
        return text
    return text.translate(_MULTILINE if multiline else _ONE_LINE)


def strip_controls_counted(text: str) -> tuple[str, int]:
    """``text`` as an import stores it, and how many characters were removed or replaced.

    Windows (``\\r\\n``) and old Mac (``\\r``) line ends become ``\\n`` and are not counted.
    """
    if text.isprintable():
        return text, 0
    return _IMPORT_REMOVED.subn(_import_replacement, _NEWLINES.sub("\n", text))


def is_safe(text: str) -> bool:
    """True when ``text`` holds nothing that :func:`visible` would change (newline and tab
    allowed)."""
    return UNSAFE.search(text) is None


def strip_controls(text: str) -> str:
    """``text`` without control characters (newline and tab kept, line ends as ``\\n``)."""
    return strip_controls_counted(text)[0]


def one_line(text: str) -> str:
    """``text`` cleaned and folded to one line: every run of whitespace becomes one space."""
    return " ".join(strip_controls(text).split())


def clipped(text: str, limit: int = QUOTED_LIMIT) -> str:
    """``text`` cut to ``limit`` characters, the last one an ellipsis when anything was cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def clipped_words(text: str) -> str:
    """``text`` with every run of more than :data:`QUOTED_LIMIT` characters other than spaces
    and quotes clipped: for messages worded elsewhere (argparse's) that quote a value whole."""
    return _LONG_WORD.sub(lambda match: clipped(match[0]), text)


#: Categories that never show on their own: controls (Cc), format characters (Cf: zero-width
#: space and joiners, byte order mark, bidi marks), the separators (Zs, Zl, Zp) and combining
#: marks (Mn, Me), which show only on a character before them. (A lone surrogate, a byte that
#: was not UTF-8, shows as the replacement character.)
_NOT_SHOWN = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp", "Mn", "Me"})
#: Letters and symbols that terminals draw as empty space: the Hangul fillers and the blank
#: Braille pattern.
_BLANK_LOOKING = frozenset({"\u115f", "\u1160", "\u3164", "\uffa0", "\u2800"})
_DETAIL_LIMIT = 3


def _shows(char: str) -> bool:
    return char not in _BLANK_LOOKING and unicodedata.category(char) not in _NOT_SHOWN


def has_visible(text: str) -> bool:
    """True when ``text`` holds at least one character that shows: a letter, digit,
    punctuation mark or symbol (emoji included).

    Whitespace, controls, format characters and combining marks show nothing by themselves;
    in a name that also has visible characters they are fine (a zero-width joiner in an emoji
    sequence or a Persian name is part of the name).
    """
    return any(_shows(char) for char in text)


def _code_name(char: str) -> str:
    name = unicodedata.name(char, "")
    if not name and unicodedata.category(char) == "Cc":
        name = "control character"
    return f"U+{ord(char):04X} {name}" if name else f"U+{ord(char):04X}"


def invisible_detail(text: str) -> str:
    """Why ``text`` shows nothing, for a message: what it is made of, e.g. `` (the one given
    holds only invisible characters: U+200B ZERO WIDTH SPACE)``; empty for blank text (the
    message alone says enough) and for text that shows something."""
    hidden = list(dict.fromkeys(c for c in text if not c.isspace()))
    if not hidden or has_visible(text):
        return ""
    named = ", ".join(_code_name(c) for c in hidden[:_DETAIL_LIMIT])
    more = f" and {len(hidden) - _DETAIL_LIMIT:,} more" if len(hidden) > _DETAIL_LIMIT else ""
    return f" (the one given holds only invisible characters: {named}{more})"
