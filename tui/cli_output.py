"""Plain-text and JSON output for the command line: terminal-safe, width-aware.

Text from the data (names, companies, reasons, file names) never reaches the terminal with a
control character in it: tables and messages go through :func:`tui.core.safetext.visible`;
JSON output escapes them (see :func:`json_text`).
"""

from __future__ import annotations

import codecs
import json
import os
import re
import sys
from collections.abc import Iterable, Sequence
from itertools import chain
from typing import Any

from tui.core import fastjson
from tui.core.safetext import UNSAFE, visible
from tui.core.text_width import columns

# The first UTF-8 byte of every character UNSAFE matches that JSON leaves unescaped (DEL, C1,
# U+061C, the U+20xx marks and overrides, U+FEFF and U+FFF9-U+FFFB): output with none of them
# has nothing to escape, which a byte search tells far sooner than the regular expression.
UNSAFE_LEAD_BYTES = (b"\x7f", b"\xc2", b"\xd8", b"\xe2", b"\xef")
# What a record's fields may be for the fast path: orjson writes these exactly as json does.
_PLAIN = frozenset({str, int, bool, type(None)})


def out(text: str) -> None:
    """Write to stdout; characters the terminal's encoding cannot show become '?'."""
    stream = sys.stdout
    try:
        stream.write(text)
    except UnicodeEncodeError:
        encoding = getattr(stream, "encoding", None) or "ascii"
        stream.write(text.encode(encoding, "replace").decode(encoding))


def say(text: str) -> None:
    """Write a message for people to stdout, control characters made visible."""
    out(visible(text, multiline=True))


def stdout_is_utf8() -> bool:
    """True when stdout encodes UTF-8."""
    encoding = getattr(sys.stdout, "encoding", None) or "ascii"
    try:
        return codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return False


def json_text(data: Any, *, ascii_only: bool = False) -> str:
    """Indented JSON with a final newline.

    Characters a terminal would obey (DEL, C1, bidi overrides; json itself escapes C0) and lone
    surrogates are written as ``\\u`` escapes: the same JSON to a parser, inert on a screen.
    """
    text = json.dumps(data, indent=2, ensure_ascii=ascii_only) + "\n"
    return text if ascii_only else UNSAFE.sub(_json_escape, text)


def json_records(data: Any, *, ascii_only: bool = False, levels: int = 1) -> str:
    """JSON with a final newline, laid out for thousands of records: the outer ``levels`` of
    lists and objects one item per line, each record on a line of its own (Python's C
    encoder writes those; an indented dump of 10,000 conversations is pure Python and takes
    seconds). Control characters are escaped as by :func:`json_text`."""
    if levels == 1 and not ascii_only:
        raw = _flat_records(data)
        if raw is not None:
            return raw.decode("utf-8")
    dumps = json.JSONEncoder(ensure_ascii=ascii_only).encode  # one encoder for every record

    def encode(value: Any, level: int, pad: str) -> str:
        inner = pad + "  "
        if level < levels and isinstance(value, list) and value:
            items = ",\n".join(inner + encode(v, level + 1, inner) for v in value)
            return f"[\n{items}\n{pad}]"
        if level < levels and isinstance(value, dict) and value:
            items = ",\n".join(f"{inner}{dumps(k)}: {encode(v, level + 1, inner)}"
                               for k, v in value.items())
            return f"{{\n{items}\n{pad}}}"
        return dumps(value)

    text = encode(data, 0, "") + "\n"
    return text if ascii_only else UNSAFE.sub(_json_escape, text)


def write_json_records(data: Any, *, plain: bool = False) -> None:
    """``out(json_records(data))`` in the terminal's encoding; a listing of flat records to a
    UTF-8 stdout goes out as the bytes orjson wrote, without decoding and encoding them again.
    ``plain``: the caller made ``data`` a list of dicts whose values are all text, whole
    numbers, true/false or null (not checked again: 26,772 Due items take 10 ms to check).
    """
    utf8 = stdout_is_utf8()
    raw = _flat_records(data, plain) if utf8 else None
    buffer = getattr(sys.stdout, "buffer", None)
    if raw is None or buffer is None or os.linesep != "\n":  # text mode would add \r there
        out(json_records(data, ascii_only=not utf8))
        return
    sys.stdout.flush()
    buffer.write(raw)


def _flat_records(data: Any, plain: bool = False) -> bytes | None:
    """:func:`json_records` of a list of flat objects (text, whole numbers, true/false and
    null; ``list`` and ``due`` print thousands) as UTF-8, written by orjson in one call and
    laid out as the standard library would; None for anything else (``plain``: known flat)."""
    if not plain:
        if type(data) is not list or not set(map(type, data)) <= {dict}:
            return None
        if not set(map(type, chain.from_iterable(map(dict.values, data)))) <= _PLAIN:
            return None
    raw = fastjson.dumps_indented(data)  # refuses keys that are not text
    if raw is None:
        return None
    text = _one_record_a_line(raw, {} in data)
    if any(lead in raw for lead in UNSAFE_LEAD_BYTES):
        return UNSAFE.sub(_json_escape, text.decode("utf-8")).encode("utf-8")
    return text


def _one_record_a_line(raw: bytes, empty_record: bool) -> bytes:
    """orjson's indented list of flat objects (each field on a line of its own, indented by
    four spaces) laid out one object a line, with a final newline. Raw newlines are only ever
    layout (JSON escapes them inside text), so joining those lines is exact. Two passes over
    the text: one joins each object to the next, one joins the fields (a third, for the
    braces, took a quarter of ``due --json``'s output time). ``empty_record``: one of the
    objects is ``{}`` (orjson writes it on one line already)."""
    head, between, tail = b"[\n  {\n    ", b"\n  },\n  {\n    ", b"\n  }\n]"
    if empty_record or not (raw.startswith(head) and raw.endswith(tail)):
        # no records, or an empty one among them: the plain three passes
        return raw.replace(b"{\n    ", b"{").replace(b",\n    ", b", ") \
            .replace(b"\n  }", b"}") + b"\n"
    # Once the objects are joined, every field but the first one's starts after ",\n    ":
    # the comma stays and the rest becomes a space. Searching for those five bytes rather
    # than the six with the comma is a quarter quicker (CPython sets up a costlier search
    # for each of the 160,000 matches in due --json at 10,000 from six bytes up).
    joined = raw.replace(between, b"},\n  {").replace(b"\n    ", b" ")
    start = len(head) - len(b"\n    ") + len(b" ")  # the head's own break became a space
    return b"".join((b"[\n  {", memoryview(joined)[start:-len(tail)], b"}\n]\n"))


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match[0]):04x}"


def clean(text: str) -> str:
    """One line of text, safe for a terminal: line breaks and tabs become spaces, control
    characters (escapes too) are shown as symbols, bidi overrides are removed."""
    return visible(text)


def width(text: str) -> int:
    """Terminal columns: wide (CJK) characters take two, combining marks none."""
    return columns(text)


def fit(text: str, limit: int) -> str:
    """One clean line of at most ``limit`` columns, with an ellipsis when cut."""
    text = clean(text)
    if width(text) <= limit:
        return text
    if text.isascii():
        return text[:limit - 1] + "…"
    kept = ""
    for ch in text:
        if width(kept + ch) > limit - 1:
            break
        kept += ch
    return kept + "…"


def format_table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """Left-aligned columns separated by two spaces; trailing blanks trimmed."""
    body = [list(row) for row in rows]
    widths = [width(h) for h in headers]
    for row in body:
        widths = [max(w, width(cell)) for w, cell in zip(widths, row, strict=True)]
    lines = []
    for row in [list(headers), *body]:
        cells = [cell + " " * (w - width(cell)) for cell, w in zip(row, widths, strict=True)]
        lines.append("  ".join(cells).rstrip())
    return lines
