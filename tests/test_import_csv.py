"""Contacts CSVs: Google's and Outlook's exports, other delimiters and encodings."""

from __future__ import annotations

import pytest
from import_tools import FIXTURES

from tui.core.importing import ImportFileError, parse_contacts_csv


def test_google_contacts_export() -> None:
    parsed = parse_contacts_csv(FIXTURES / "google.csv")
    priya, marcus = parsed.rows
    assert (priya.line, priya.name, priya.company, priya.role, priya.email) == (
        2, "Priya Raman", "Stripe", "Product Manager", "priya@stripe.example")
    assert priya.linkedin == "https://www.linkedin.com/in/priya-raman"  # from Website 2
    assert priya.notes == "Met at the alumni dinner,\nlikes tea"
    assert priya.tags == ("Fintech",)  # Google's own "* myContacts" label is not a tag
    assert (marcus.line, marcus.name, marcus.tags) == (4, "Marcus J. Lee", ())
    assert [str(s) for s in parsed.skipped] == ["line 5: no name"]


def test_outlook_export_in_windows_1252() -> None:
    parsed = parse_contacts_csv(FIXTURES / "outlook-cp1252.csv")
    zoe, jose = parsed.rows
    assert (zoe.name, zoe.company, zoe.role) == ("Zoë Müller", "Société Générale", "Head of Risk")
    assert zoe.linkedin == "https://www.linkedin.com/in/zoe-muller"
    assert zoe.tags == ("Work", "Finance") and zoe.notes == "Café chat in Zürich"
    assert jose.role == "Engineer"  # "Title" (Mr.) is not the role when "Job Title" exists
    assert "Windows-1252" in parsed.warnings[0]


def test_windows_1252_lines_are_named_a_few_then_counted() -> None:
    lines = ["Name,Company,Notes", "Ana Lima,Café,\"first line", "Zoë\"", "Bo,Ünited,"]
    lines += [f"Jürgen {n},Bosch," for n in range(1, 7)]
    data = b"\xef\xbb\xbf" + "\r\n".join(lines[:2]).encode() + b"\r\n" + \
        "\r\n".join(lines[2:]).encode("cp1252")  # a quoted note starts in UTF-8
    parsed = parse_contacts_csv(data)
    assert [(r.name, r.company, r.notes) for r in parsed.rows] == [
        ("Ana Lima", "Café", "first line\nZoë"), ("Bo", "Ünited", ""),
        *((f"Jürgen {n}", "Bosch", "") for n in range(1, 7))]
    assert parsed.warnings == [
        "lines 3, 4, 5, 6, 7 and 3 more: not UTF-8; read as Windows-1252 (Western European). "
        "Check the accented names there, or save the file as UTF-8"]


def test_rows_with_fewer_fields_are_read_with_the_rest_blank_and_named() -> None:
    data = b"Name,Company,Email,Notes,,\nAna,Acme\nBo\nCy,Co,c@x.example,hi\n,Zed\n"
    parsed = parse_contacts_csv(data)
    assert [(r.line, r.name, r.company, r.notes) for r in parsed.rows] == [
        (2, "Ana", "Acme", ""), (3, "Bo", "", ""), (4, "Cy", "Co", "hi")]
    assert [str(s) for s in parsed.skipped] == ["line 5: no name"]
    assert parsed.warnings == ["lines 2 and 3: fewer fields than the 4 the header on line 1 "
                               "names; read with the rest blank"]


def test_columns_whose_values_are_not_kept_are_named() -> None:
    data = (b"Name,Phone,Birthday,Website,,Email\n"
            b"Ana,+1 555 0100,,https://www.linkedin.com/in/ana,,a@x.example\n"
            b"Bo,,,https://bo.example,x,\n"
            b",+1 555 0102,1990-01-01,,,\n")  # skipped (no name): nothing of it is kept
    parsed = parse_contacts_csv(data)
    assert [(r.name, r.linkedin) for r in parsed.rows] == [
        ("Ana", "https://www.linkedin.com/in/ana"), ("Bo", "")]
    assert parsed.warnings == [
        "columns not kept: Phone, Website (all but LinkedIn addresses), column 5"]
    many = parse_contacts_csv(",".join(["Name", *(f"Extra {n}" for n in range(1, 15))])
                              .encode() + b"\n" + b"Ana" + b",x" * 14 + b"\n")
    assert many.warnings == ["columns not kept: " + ", ".join(
        f"Extra {n}" for n in range(1, 13)) + " and 2 more"]
    assert parse_contacts_csv(b"Name,Company,Email\nAna,Acme,a@x.example\n").warnings == []


def test_semicolons_and_a_byte_order_mark() -> None:
    parsed = parse_contacts_csv(FIXTURES / "semicolon.csv")
    assert [(r.name, r.company) for r in parsed.rows] == [
        ("Jürgen Müller", "Bosch; Stuttgart"), ("Ana Silva", "Acme")]
    assert parsed.rows[0].linkedin == "https://de.linkedin.com/in/juergen"


def test_tab_separated_utf16_from_a_spreadsheet() -> None:
    text = "Full Name\tOrganisation\tPosition\tE-mail\r\nŁukasz Wójcik\tAcme\tCTO\tl@a.example\r\n"
    parsed = parse_contacts_csv(text.encode("utf-16"))
    [row] = parsed.rows
    assert (row.name, row.company, row.role, row.email) == (
        "Łukasz Wójcik", "Acme", "CTO", "l@a.example")


def test_headers_are_matched_ignoring_case_and_spacing() -> None:
    data = b"FIRST NAME,last_name,Company Name,Job title,EmailAddress,Profile URL\n" \
           b"Ada,Lovelace,Analytical,Engineer,ada@example.org,https://example.org/ada\n"
    [row] = parse_contacts_csv(data).rows
    assert (row.name, row.company, row.role, row.email) == (
        "Ada Lovelace", "Analytical", "Engineer", "ada@example.org")
    assert row.linkedin == ""  # a profile column with another site is not LinkedIn


def test_a_linkedin_file_reads_as_a_contacts_csv_too() -> None:
    parsed = parse_contacts_csv(FIXTURES / "Connections.csv")
    assert parsed.rows[0].line == 5 and parsed.rows[0].name == "Priya Raman"


@pytest.mark.parametrize(("content", "message"), [
    (b"Company,Email\nAcme,a@b.example\n", "no header row naming a Name"),
    (b"\n\n", "is empty"),
    (b"%PDF-1.4", "PDF"),
    (b"Name,Company\n\xff\xfeabc\x81\n", "csv:2: byte 0x81 is not UTF-8 or Windows-1252"),
])
def test_files_that_are_not_contacts_csvs(content: bytes, message: str) -> None:
    with pytest.raises(ImportFileError, match=message):
        parse_contacts_csv(content, label="contacts.csv")
