"""Control characters in user text are made visible (display) or stripped and counted
(imports); ordinary text of every script passes through unchanged."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.safetext import (
    UNSAFE,
    clipped,
    clipped_words,
    has_visible,
    invisible_detail,
    is_safe,
    strip_controls_counted,
    visible,
)

CLIPBOARD = "\x1b]52;c;SGFja2VkIGNsaXBib2FyZA==\x07"
TITLE = "\x1b]0;TITLE\x07"
# What an import may keep: no C0 but newline and tab, no DEL, C1, bidi override or surrogate.
IMPORT_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
                              "\ud800-\udfff]")


def test_escape_sequences_become_visible_symbols() -> None:
    assert visible("Acme" + CLIPBOARD) == "Acme␛]52;c;SGFja2VkIGNsaXBib2FyZA==␇"
    assert visible(TITLE) == "␛]0;TITLE␇"
    assert visible("red\x1b[31mtext") == "red␛[31mtext"
    assert visible("ab\x08\x08cd") == "ab␈␈cd"
    assert visible("del\x7f") == "del␡"
    assert visible("c1\x9b31m") == "c1\ufffd31m"


def test_bidi_overrides_and_isolates_are_removed() -> None:
    assert visible("abc\u202edef\u202c") == "abcdef"
    assert visible("\u2066x\u2069\u200f") == "x"


def test_newlines_and_tabs_kept_only_for_multiline() -> None:
    assert visible("a\nb\tc\r\nd") == "a b c  d"
    assert visible("a\nb\tc\r\nd", multiline=True) == "a\nb\tc\nd"
    assert visible("para\u2029graph", multiline=True) == "para\ngraph"


def test_lone_surrogates_become_replacement_characters() -> None:
    assert visible("x\udcff") == "x\ufffd"
    assert strip_controls_counted("x\udcff") == ("x\ufffd", 1)


def test_ordinary_text_is_untouched() -> None:
    for text in ("Ana Silva", "Zoë Ñúñez", "李小龍", "محمد", "שלום עולם", "👩🏽‍💻 dev",
                 "e\u0301", "[bold]not markup[/]"):
        assert visible(text) == text
        assert strip_controls_counted(text) == (text, 0)


def test_strip_controls_counts_what_it_removes() -> None:
    assert strip_controls_counted("Acme" + CLIPBOARD) == ("Acme]52;c;SGFja2VkIGNsaXBib2FyZA==", 2)
    assert strip_controls_counted("a\u202eb\x00c\x9bd") == ("abcd", 3)
    # line ends are normalised, not counted; newline and tab are kept
    assert strip_controls_counted("one\r\ntwo\rthree\tfour\n") == ("one\ntwo\nthree\tfour\n", 0)
    # right-to-left marks are ordinary in right-to-left text and are kept
    assert strip_controls_counted("\u200fשלום") == ("\u200fשלום", 0)


@settings(max_examples=300)
@given(st.text())
def test_visible_never_leaves_a_control_character(text: str) -> None:
    for multiline in (False, True):
        shown = visible(text, multiline=multiline)
        assert UNSAFE.search(shown) is None
        assert is_safe(shown)
    assert "\n" not in visible(text) and "\t" not in visible(text)


@settings(max_examples=300)
@given(st.text())
def test_strip_controls_output_is_clean_and_stable(text: str) -> None:
    cleaned, count = strip_controls_counted(text)
    assert IMPORT_FORBIDDEN.search(cleaned) is None
    assert strip_controls_counted(cleaned) == (cleaned, 0)
    assert (count == 0) == (IMPORT_FORBIDDEN.search(text.replace("\r", "")) is None)


def test_quoted_values_are_clipped_to_80_characters() -> None:
    assert clipped("x" * 80) == "x" * 80
    assert clipped("x" * 81) == "x" * 79 + "…"
    assert clipped("abcdef", 4) == "abc…"
    message = f"invalid choice: '{'y' * 5000}' (choose from 'md', 'html')"
    assert clipped_words(message) == f"invalid choice: '{'y' * 79}…' (choose from 'md', 'html')"
    assert clipped_words("short words stay") == "short words stay"


# -- names that show nothing -------------------------------------------------------------

INVISIBLE_NAMES = ["\u200b", "\ufeff", "\u0301\u0301", "\x7f", " \u200d\u2060 ", "\u202e",
                   "\u3164", "\u20dd", "\x1b\t"]
VISIBLE_NAMES = ["Ana", "👩\u200d💻", "\u0645\u0647\u200c\u0633\u0627", "Zoë\u0301", "-", "7",
                 "\u200bAna", "\u2728", "李"]


def test_names_made_only_of_invisible_characters_show_nothing() -> None:
    for name in INVISIBLE_NAMES:
        assert not has_visible(name), repr(name)
        assert "invisible characters" in invisible_detail(name), repr(name)
    assert invisible_detail("\u200b") == (" (the one given holds only invisible characters: "
                                          "U+200B ZERO WIDTH SPACE)")
    assert "U+007F control character" in invisible_detail("\x7f")
    assert invisible_detail("\u200b\u200c\u200d\u2060\ufeff").endswith(" and 2 more)")


def test_names_with_a_visible_character_pass_joiners_and_all() -> None:
    for name in VISIBLE_NAMES:
        assert has_visible(name), repr(name)
        assert invisible_detail(name) == ""
    assert not has_visible("") and not has_visible(" \t\n")
    assert invisible_detail("   ") == ""  # blank: the message alone says enough
