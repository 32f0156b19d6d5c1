"""LinkedIn's Connections.csv: the real layout, older layouts, re-import, changed jobs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from import_tools import FIXTURES, applied

from tui.core.importing import ImportFileError, parse_linkedin, plan_contact_import
from tui.core.importing.linkedin import parse_connected_on
from tui.core.models import Contact


def test_current_layout_with_notes_bom_crlf_and_quoted_commas() -> None:
    parsed = parse_linkedin(FIXTURES / "Connections.csv")
    by_line = {row.line: row for row in parsed.rows}
    assert sorted(by_line) == [5, 6, 7, 8, 10, 11, 12]
    priya = by_line[5]
    assert (priya.name, priya.company, priya.role, priya.email) == (
        "Priya Raman", "Stripe", "Product Manager", "")
    assert priya.linkedin == "https://www.linkedin.com/in/priya-raman"
    assert priya.how_found == "LinkedIn" and priya.connected_on == date(2024, 11, 12)
    marcus = by_line[6]
    assert (marcus.company, marcus.role, marcus.email) == (
        "Tidewater Energy, Inc.", "Data Engineer, Grid", "marcus@example.org")
    assert by_line[7].name == "Zoë Ångström-Núñez" and by_line[7].role == 'Head of "Data"'
    assert by_line[10].name == "李 小龙" and by_line[10].company == "腾讯"
    assert by_line[8].company == "" and by_line[8].role == ""
    assert [str(s) for s in parsed.skipped] == ["line 9: no name"]
    assert parsed.warnings == ["line 11: 'not-an-email' is not an e-mail address; left out"]
    assert by_line[11].email == ""


def test_older_layouts_without_url_email_or_notes() -> None:
    old = parse_linkedin(FIXTURES / "Connections-2018.csv")
    assert [(r.line, r.name, r.email, r.linkedin) for r in old.rows] == [
        (2, "Priya Raman", "priya@stripe.example", ""), (3, "Marcus Lee", "", "")]
    oldest = parse_linkedin(FIXTURES / "Connections-2016.csv")
    assert [r.connected_on for r in oldest.rows] == [date(2016, 11, 12), date(2016, 11, 12),
                                                       None]
    assert oldest.warnings == ["line 4: 'Connected On' 'sometime' is not a date; left out"]


@pytest.mark.parametrize(("text", "day"), [
    ("12 Nov 2024", date(2024, 11, 12)), ("03 jan 2023", date(2023, 1, 3)),
    ("12-Nov-24", date(2024, 11, 12)), ("11/12/2024", date(2024, 11, 12)),
    ("11/12/24", date(2024, 11, 12)), ("2024-11-12", date(2024, 11, 12)),
    ("31 Feb 2024", None), ("soon", None),
])
def test_connection_dates(text: str, day: date | None) -> None:
    assert parse_connected_on(text) == day


def test_importing_the_same_file_twice_adds_nothing() -> None:
    parsed = parse_linkedin(FIXTURES / "Connections.csv")
    first = plan_contact_import([], parsed)
    assert first.summary() == "6 added, 0 updated, 0 unchanged, 2 skipped"
    assert "skipped line 12: the same person as line 5" in first.report_lines()
    book = applied([], first)
    second = plan_contact_import(book, parse_linkedin(FIXTURES / "Connections.csv"))
    assert second.summary() == "0 added, 0 updated, 6 unchanged, 2 skipped"
    assert not second.changes_anything


def test_a_newer_export_updates_changed_jobs_and_says_so() -> None:
    book = applied([], plan_contact_import([], parse_linkedin(FIXTURES / "Connections.csv")))
    plan = plan_contact_import(book, parse_linkedin(FIXTURES / "Connections-newer.csv"))
    assert plan.summary() == "1 added, 2 updated, 4 unchanged, 0 skipped"
    changes = {u.before.name: u.changes for u in plan.updated}
    assert changes == {
        "Priya Raman": ("company Stripe -> Plaid",
                        "role Product Manager -> Senior Product Manager"),
        "Marcus Lee": ("role Data Engineer, Grid -> Staff Data Engineer",),
    }
    assert all(u.matched_by == "LinkedIn URL" for u in plan.updated)
    assert [a.contact.name for a in plan.added] == ["Sofia Alvarez"]
    assert plan.report_lines()[0] == (
        "line 5: Priya Raman: company Stripe -> Plaid; "
        "role Product Manager -> Senior Product Manager")
    updated = {c.name: c for c in applied(book, plan)}
    assert updated["Priya Raman"].company == "Plaid"


def test_contacts_typed_by_hand_are_completed_not_duplicated() -> None:
    typed = Contact(name="priya  raman", company="STRIPE", email="p@mine.example",
                    notes="my notes")
    plan = plan_contact_import([typed], parse_linkedin(FIXTURES / "Connections.csv"))
    [update] = plan.updated
    assert update.matched_by == "name and company"
    assert update.changes == ("company STRIPE -> Stripe", "role (none) -> Product Manager",
                              "LinkedIn URL added", "how found added",
                              "connected on 2024-11-12")
    assert update.after.email == "p@mine.example" and update.after.notes == "my notes"
    assert update.after.name == "priya  raman"
    assert len(plan.added) == 5


@pytest.mark.parametrize(("content", "message"), [
    (b"", "is empty"),
    (b"\xef\xbb\xbf \r\n", "is empty"),
    (b"Name,Email\r\nAda,ada@example.org\r\n", "not LinkedIn's Connections.csv"),
    (b"PK\x03\x04zipdata", "ZIP archive"),
    (b"First Name,Last Name\r\nAda,\"Love\r\nlace,x\r\n", "csv:2: a quoted field .* never closed"),
    (b"First Name,Last Name\r\nAda,Love\x00lace\r\n", "NUL bytes"),
])
def test_foreign_empty_and_broken_files_are_refused(content: bytes, message: str) -> None:
    with pytest.raises(ImportFileError, match=message):
        parse_linkedin(content, label="Connections.csv")


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="no such file"):
        parse_linkedin(tmp_path / "nope.csv")
    with pytest.raises(ImportFileError, match="is a folder"):
        parse_linkedin(tmp_path)


def test_rows_with_stray_commas_or_huge_fields_are_skipped_with_the_line() -> None:
    data = ("First Name,Last Name,Company\r\nAda,Lovelace,Acme,Inc\r\nAda,Byron,"
            + "x" * 500 + "\r\nGrace,Hopper,Navy\r\n").encode()
    parsed = parse_linkedin(data)
    assert [r.name for r in parsed.rows] == ["Grace Hopper"]
    assert [str(s) for s in parsed.skipped] == [
        "line 2: 4 fields where the header on line 1 has 3 (a comma outside quotes?)",
        "line 3: the company is 500 characters long (at most 200)"]


def test_control_characters_are_removed_and_counted() -> None:
    data = "First Name,Last Name,Company\r\nAda\x1b[31m,Love\u202elace,Ac\x07me\r\n".encode()
    parsed = parse_linkedin(data)
    assert parsed.rows[0].name == "Ada[31m Lovelace" and parsed.rows[0].company == "Acme"
    assert parsed.controls_removed == 3


def test_one_windows_1252_line_leaves_the_utf8_lines_alone() -> None:
    data = ("First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
            "José,Núñez,,,Café,Chef,12 Nov 2024\r\n").encode() + \
        "Anna,Müller,,,Bäckerei,Owner,12 Nov 2024\r\n".encode("cp1252")
    parsed = parse_linkedin(data)
    assert [(r.name, r.company) for r in parsed.rows] == [
        ("José Núñez", "Café"), ("Anna Müller", "Bäckerei")]
    assert parsed.warnings == [
        "line 3: not UTF-8; read as Windows-1252 (Western European). Check the accented "
        "names there, or save the file as UTF-8"]


def test_rows_cut_short_or_broken_in_two_are_skipped_with_the_line() -> None:
    data = (b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
            b"Ana\r\n"
            b"Bo,Reis,https://www.linkedin.com/in/bo,,Acme,Head of\r\n"
            b"Data,12 Nov 2024\r\n"
            b"  \r\n"
            b"Grace,Hopper,,,Navy,Admiral,12 Nov 2024\r\n")
    parsed = parse_linkedin(data)
    assert [r.name for r in parsed.rows] == ["Grace Hopper"]
    assert [str(s) for s in parsed.skipped] == [
        "line 2: 1 field where the header on line 1 has 7 (a cut line, or a line break "
        "outside quotes?)",
        "line 3: 6 fields where the header on line 1 has 7 (a cut line, or a line break "
        "outside quotes?)",
        "line 4: 2 fields where the header on line 1 has 7 (a cut line, or a line break "
        "outside quotes?)"]


def test_a_column_linkedin_adds_is_named_when_it_is_not_kept() -> None:
    data = (b"First Name,Last Name,Username,Company\r\nAda,Lovelace,ada-l,Acme\r\n"
            b"Grace,Hopper,,Navy\r\n")
    parsed = parse_linkedin(data)
    assert [r.name for r in parsed.rows] == ["Ada Lovelace", "Grace Hopper"]
    assert parsed.warnings == ["column not kept: Username"]
