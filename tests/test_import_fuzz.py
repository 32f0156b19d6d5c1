"""Whatever the bytes, a parser returns rows or raises ImportFileError, never anything else."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.importing import ImportFileError, parse_contacts_csv, parse_linkedin, parse_vcf

LINKEDIN_HEAD = b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
CSV_PIECES = st.sampled_from([b",", b";", b"\t", b'"', b'""', b"\r\n", b"\n", b"\r", b"\x00",
                              b"\xff", b"\xef\xbb\xbf", b"Ana", b"\xc3\xa9", b"=", b"12 Nov 2024",
                              b"https://www.linkedin.com/in/x", b"a@b.c", b"\x1b[31m", b" "])
VCF_PIECES = st.sampled_from([b"BEGIN:VCARD\r\n", b"END:VCARD\r\n", b"FN:Ana\r\n", b"N:a;b;;;\r\n",
                              b"VERSION:2.1\r\n", b"NOTE;ENCODING=QUOTED-PRINTABLE:=C3=A9=\r\n",
                              b" folded\r\n", b"ORG:A\\;B;C\r\n", b"EMAIL;TYPE=pref:x@y.z\r\n",
                              b'X-SOCIALPROFILE;x-user="a:b":u\r\n', b"PHOTO;ENCODING=B:abc\r\n",
                              b"\xff", b":", b";", b"\r\n", b"\\", b"=XX", b"CHARSET=bogus"])


def outcome(parse, data: bytes) -> None:  # type: ignore[no-untyped-def]
    try:
        parsed = parse(data)
    except ImportFileError as exc:
        assert str(exc)
        return
    for row in parsed.rows:
        assert row.name and row.line >= 1
    for skipped in parsed.skipped:
        assert skipped.line >= 1 and skipped.reason


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200))
def test_random_bytes(data: bytes) -> None:
    for parse in (parse_linkedin, parse_contacts_csv, parse_vcf):
        outcome(parse, data)


@settings(max_examples=300, deadline=None)
@given(st.lists(CSV_PIECES, max_size=40).map(b"".join))
def test_csv_like_bytes(data: bytes) -> None:
    outcome(parse_linkedin, LINKEDIN_HEAD + data)
    outcome(parse_contacts_csv, b"Name,Company,Email\n" + data)


@settings(max_examples=300, deadline=None)
@given(st.lists(VCF_PIECES, max_size=40).map(b"".join))
def test_vcard_like_bytes(data: bytes) -> None:
    outcome(parse_vcf, data)


# Characters around the edges of what an import removes, and plain text between them.
TEXT_PIECES = st.sampled_from(["a", "é", "“", "—", "\u2029", "\u202a", "\u202e", "\u202f",
                               "\u2066", "\u2069", "\u206a", "\x7f", "\x80", "\x9f", "\xa0",
                               "\x1b", "\x00", "\r", "\n", "\t", "\\", '"', "\ud800", "\udfff",
                               "\ue000", "\u00e9", "b", "f", "r", "u00"])


@settings(max_examples=500, deadline=None)
@given(st.lists(TEXT_PIECES, max_size=12).map("".join), st.booleans())
def test_the_quick_scan_never_misses_a_control_character(text: str, ascii_only: bool) -> None:
    """Whatever the text and however the file spells it, when an import would remove a
    character the scan of the file's bytes says so."""
    from tui.core.importers import may_hold_controls
    from tui.core.safetext import strip_controls_counted

    try:
        source = json.dumps({"notes": text}, ensure_ascii=ascii_only).encode("utf-8")
    except UnicodeEncodeError:
        return  # a lone surrogate, raw: not UTF-8, so no JSON file can hold it like this
    if strip_controls_counted(text)[1]:
        assert may_hold_controls(source)
    if text.isascii() and text.isprintable() and "\\" not in text:
        assert not may_hold_controls(source)
