"""Terminal columns and cutting a line around its matches: what a row shows must hold the match."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.text_width import columns, fit_marked, fit_spans


def test_columns_count_wide_characters_twice_and_marks_not_at_all() -> None:
    assert columns("target") == 6
    assert columns("李小龍") == 6 and columns("😀 ") == 3
    assert columns("Jose\u0301") == 4


def test_a_line_that_fits_is_left_alone() -> None:
    assert fit_spans("a short line", ((2, 7),), 40) == ("a short line", ((2, 7),))
    assert fit_marked("a short line", [(2, 7)], 40) == "a [short] line"


def test_the_end_goes_first() -> None:
    text = "target " + "李" * 80
    shown, spans = fit_spans(text, ((0, 6),), 40)
    assert shown.startswith("target") and shown.endswith("…") and columns(shown) <= 40
    assert [shown[a:b] for a, b in spans] == ["target"]


def test_a_match_at_the_end_of_wide_text_stays_whole() -> None:
    text = "李小龍 " * 25 + "target"
    line = fit_marked(text, [(len(text) - 6, len(text))], 60)
    assert line.startswith("…李小龍 ") and line.endswith("[target]") and columns(line) <= 60


def test_marks_count_towards_the_width() -> None:
    text = "a " * 100 + "target"
    line = fit_marked(text, [(0, 1), (200, 206)], 120)  # the first match leads
    assert columns(line) <= 120 and line.startswith("[a] a") and line.endswith("…")
    line = fit_marked(text, [(200, 206)], 120)
    assert columns(line) <= 120 and line.endswith("a [target]")


@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from("a 李😀é\u0301"), max_size=200), st.integers(0, 190),
       st.integers(1, 8), st.integers(24, 120))
def test_the_first_match_is_always_whole(filler: str, at: int, size: int, limit: int) -> None:
    at = min(at, len(filler))
    text = filler[:at] + "x" * size + filler[at:]
    line = fit_marked(text, [(at, at + size)], limit)
    assert "[" + "x" * size + "]" in line and columns(line) <= limit
