"""``--json`` listings: one record a line, exactly the standard library's JSON, and nothing a
terminal would obey left unescaped, whichever encoder wrote them."""

from __future__ import annotations

import io
import json
import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.cli_output import UNSAFE_LEAD_BYTES, _flat_records, json_records, write_json_records
from tui.core.safetext import UNSAFE

HOSTILE = ["\x00", "\x07", "\x1b]52;c;x\x07", "\t", "\n", "\r", "\x7f", "\x85", "\x9b",
           "\u061c", "\u200e", "\u2028", "\u2029", "\u202e", "\u2066", "\ufeff", "\ufffa",
           "\ud800", "\udfff", "é", "日本", "😀", '"', "\\", "\\\"", '",', '": ', "},\n  {",
           "{\n    ", "\n  }", "/", "\u00a0", "\u200b"]


def reference(rows: list[dict[str, object]], ascii_only: bool = False) -> str:
    """The layout and escapes ``list --json`` has always had, written the slow, plain way."""
    if not rows:
        return "[]\n"
    lines = ",\n".join("  " + json.dumps(row, ensure_ascii=ascii_only) for row in rows)
    text = f"[\n{lines}\n]\n"
    return text if ascii_only else re.sub(UNSAFE, lambda m: f"\\u{ord(m[0]):04x}", text)


def test_hostile_text_is_escaped_exactly_as_before() -> None:
    rows = [{"text": s, "n": i, "none": None, "yes": i % 2 == 0} for i, s in enumerate(HOSTILE)]
    rows.append({"all": "x".join(HOSTILE)})
    rows.append({})
    for ascii_only in (False, True):
        text = json_records(rows, ascii_only=ascii_only)
        assert text == reference(rows, ascii_only)
        assert not UNSAFE.search(text.replace("\n", ""))
        assert json.loads(text) == rows


def test_records_of_other_shapes_keep_their_layout() -> None:
    for rows in ([], [{"a": 1.5, "b": 1e16, "c": float("nan")}], [{"a": [1, 2], "b": {}}],
                 [{"big": 2**70}], [{1: "key"}], [{"a": "x"}, 3], [{"a": True}, {}],
                 [{"a": 1}, {}, {"b": 2}], [{}, {"a": "x"}], [{}], [{"a": "\n  },\n  {\n    "}]):
        assert json_records(rows) == reference(rows)  # type: ignore[arg-type]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.dictionaries(
    st.sampled_from(["id", "name", "goal", "x y", "ключ"]),
    st.one_of(st.text(), st.sampled_from(HOSTILE), st.integers(-2**63, 2**64 - 1),
              st.none(), st.booleans()),
), max_size=6))
def test_any_flat_records_match_the_standard_library(rows: list[dict[str, object]]) -> None:
    assert json_records(rows) == reference(rows)
    assert json_records(rows, ascii_only=True) == reference(rows, ascii_only=True)
    # a caller that knows its records are flat skips the check, and gets the same bytes
    assert _flat_records(rows, plain=True) == _flat_records(rows)


def test_the_quick_check_knows_every_character_it_must_escape() -> None:
    """Output without any of these bytes holds no character to escape; JSON itself escapes
    the C0 controls (newline, tab...) inside text."""
    for code in range(0x20, 0x110000):
        char = chr(code)
        if UNSAFE.match(char) and not 0xD800 <= code < 0xE000:
            assert char.encode("utf-8")[:1] in UNSAFE_LEAD_BYTES, hex(code)


@pytest.mark.parametrize("encoding", ["utf-8", "latin-1"])
def test_written_records_are_the_same_text(monkeypatch, encoding: str) -> None:
    """Straight to stdout's bytes (UTF-8) or through its text layer, the same characters."""
    rows = [{"text": s, "n": i} for i, s in enumerate(HOSTILE) if not 0xD800 <= ord(s[0]) < 0xE000]
    rows.append({"nested": [1, 2]})  # not flat: the standard library writes it
    for data in (rows[:-1], rows):
        stdout = io.TextIOWrapper(io.BytesIO(), encoding=encoding, errors="replace")
        monkeypatch.setattr(sys, "stdout", stdout)
        write_json_records(data)
        stdout.flush()
        written = stdout.buffer.getvalue().decode(encoding)  # type: ignore[attr-defined]
        expected = json_records(data, ascii_only=encoding != "utf-8")
        assert written == expected
        assert written == reference(data, ascii_only=encoding != "utf-8")
