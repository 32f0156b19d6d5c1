"""Whatever the bytes, a parser returns rows or raises ImportFileError, never anything else."""

from __future__ import annotations

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
