"""The terminal's input as Textual reads it, with one fix: a paste stays a paste.

A terminal wraps pasted text in bracketed-paste markers (``ESC [200~`` ... ``ESC [201~``), and
Textual hands it to the app as one Paste event. But an escape character inside the paste (text
copied from a coloured terminal, a log with escape codes) makes Textual's parser start reading
an escape sequence there, and what follows it reaches the app as keys: a pasted ctrl+f opened
search, a pasted tab moved the cursor, the rest of the paste landed in another box.

:class:`PasteSafeParser` keeps what is between the markers until the paste ends, removes the
escape sequences in it (``ESC [ ... m``, ``ESC ] ... BEL`` and the like: they are colours and
titles, not text) and any escape character left, and hands the parser the paste with no
escape in it. Everything outside a paste goes to the parser at once, as before (an ``esc``
key press is never held back). :func:`install` makes the terminal driver use it; Textual
keeps both names private, so ``tests/test_textual_patches.py`` checks them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from textual import _xterm_parser
from textual.drivers import linux_driver
from textual.message import Message

PASTE_START = _xterm_parser.BRACKETED_PASTE_START
PASTE_END = _xterm_parser.BRACKETED_PASTE_END
# CSI (ESC [ parameters intermediates final), OSC and DCS-like strings (ESC ] or P ... BEL or
# ESC \) with their end, two-character escapes, and a lone ESC (the empty alternative). A string
# with no end loses only its ESC and the letter after it, never the text that follows.
_ESCAPES = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|[\]PX^_][^\x07\x1b]*(?:\x07|\x1b\\)"
                      r"|[ -/]*[0-~]|)")


def without_escapes(text: str) -> str:
    """``text`` with its escape sequences, and any other escape character, removed."""
    return _ESCAPES.sub("", text) if "\x1b" in text else text


class PasteSafeParser(_xterm_parser.XTermParser):
    """Textual's parser, fed pastes without escape characters (see the module's docstring)."""

    def __init__(self, debug: bool = False) -> None:
        super().__init__(debug)
        self._seen = ""  # the last characters passed on, to find a start marker cut in two
        self._paste: list[str] | None = None  # the paste so far, while one is coming in
        self._tail = ""  # the paste's last characters, to find an end marker cut in two

    def feed(self, data: str) -> Iterable[Message]:
        """Parse ``data`` (an empty string: the end of the input)."""
        if not data:
            if self._paste is not None:  # input ended inside a paste: what came is text
                held = without_escapes("".join(self._paste))
                self._paste = None
                yield from super().feed(held + PASTE_END)
            yield from super().feed(data)
            return
        passed = self._shield(data)
        if passed:
            yield from super().feed(passed)

    def _shield(self, data: str) -> str:
        """What of ``data`` the parser gets now: everything outside a paste, and a paste once
        it has ended, cleaned."""
        out: list[str] = []
        while data:
            if self._paste is None:
                window = self._seen + data
                found = window.find(PASTE_START)
                if found < 0:
                    out.append(data)
                    self._seen = window[-(len(PASTE_START) - 1):]
                    break
                cut = found + len(PASTE_START) - len(self._seen)  # the marker's end in data
                out.append(data[:cut])
                data, self._seen, self._paste = data[cut:], "", []
                continue
            window = self._tail + data  # only the new text is searched: a long paste
            end = window.find(PASTE_END)  # comes in thousands of reads
            if end < 0:
                self._paste.append(data)
                self._tail = window[-(len(PASTE_END) - 1):]
                break
            cut = end - len(self._tail)  # the marker's start in data (< 0: in the tail)
            held = "".join([*self._paste, data[:max(cut, 0)]])
            if cut < 0:
                held = held[:cut]
            out.append(without_escapes(held) + PASTE_END)
            data, self._paste, self._tail = data[cut + len(PASTE_END):], None, ""
        return "".join(out)


def install() -> None:
    """Make the terminal driver read its input with :class:`PasteSafeParser`."""
    setattr(linux_driver, "XTermParser", PasteSafeParser)  # noqa: B010 (a module global)
