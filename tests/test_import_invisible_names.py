"""A contact row whose name shows nothing (zero-width space, byte order mark, lone accents) is
skipped like a row with no name, saying what the name held; a company that shows nothing is
left out with a note; names whose joiners sit between visible characters are kept."""

from __future__ import annotations

from pathlib import Path

from tests.test_cli import run
from tui.core.importing import parse_contacts_csv, parse_linkedin, parse_vcf
from tui.core.store import Store

ZWSP = "U+200B ZERO WIDTH SPACE"


def test_csv_rows_with_invisible_names_are_skipped_and_said_why() -> None:
    data = ("Name,Company\nAna,Acme\n\u200b,Acme\n\ufeff\u0301,Acme\n"
            "👩\u200d💻,\u2060\n\u0645\u0647\u200c\u0633\u0627,Co\n").encode()
    parsed = parse_contacts_csv(data)
    assert [(r.line, r.name, r.company) for r in parsed.rows] == [
        (2, "Ana", "Acme"), (5, "👩\u200d💻", ""), (6, "\u0645\u0647\u200c\u0633\u0627", "Co")]
    assert [str(s) for s in parsed.skipped] == [
        f"line 3: no name (the one given holds only invisible characters: {ZWSP})",
        "line 4: no name (the one given holds only invisible characters: "
        "U+FEFF ZERO WIDTH NO-BREAK SPACE, U+0301 COMBINING ACUTE ACCENT)"]
    assert parsed.warnings == ["line 5: the company shows nothing (the one given holds only "
                               "invisible characters: U+2060 WORD JOINER); left out"]


def test_linkedin_and_vcard_rows_with_invisible_names_are_skipped() -> None:
    linkedin = ("First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
                "\u200b,,https://www.linkedin.com/in/x,,Acme,,12 Nov 2024\r\n"
                "Ana,Lima,https://www.linkedin.com/in/ana,,Acme,,12 Nov 2024\r\n").encode()
    parsed = parse_linkedin(linkedin)
    assert [r.name for r in parsed.rows] == ["Ana Lima"]
    assert [str(s) for s in parsed.skipped] == [
        f"line 2: no name (the one given holds only invisible characters: {ZWSP})"]
    vcard = ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:\u200b\r\nEND:VCARD\r\n"
             "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:\u200b\r\nN:Lima;Ana;;;\r\nEND:VCARD\r\n"
             ).encode()
    parsed = parse_vcf(vcard)
    assert [(r.line, r.name) for r in parsed.rows] == [(5, "Ana Lima")]  # N stands in for FN
    assert [str(s) for s in parsed.skipped] == [
        f"line 1: no name (the one given holds only invisible characters: {ZWSP})"]


def test_import_command_reports_the_skipped_row_and_saves_the_rest(
        capsys, tmp_path: Path, data_dir: Path) -> None:
    source = tmp_path / "people.csv"
    source.write_text("Name,Company\n\u200b,Acme\nBo,Acme\n", encoding="utf-8")
    code, out, err = run(capsys, "--data-dir", str(data_dir), "import", "csv", str(source))
    assert (code, err) == (0, "")
    assert "1 added, 0 updated, 0 unchanged, 1 skipped" in out
    assert f"skipped line 2: no name (the one given holds only invisible characters: {ZWSP})" \
        in out
    store = Store.open(data_dir, readonly=True)
    assert [c.name for c in store.contacts()] == ["Bo"]
    store.close()
