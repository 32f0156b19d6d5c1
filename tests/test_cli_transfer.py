"""``coffeechat export --format md|html|ics|vcf`` and ``coffeechat import linkedin|csv|vcf``:
the files written, the data saved, the report, and the refusals."""

from __future__ import annotations

import io
import json
import stat
import time
from dataclasses import replace
from pathlib import Path

import pytest
import vobject
from ruamel.yaml import YAML

from tests.import_tools import FIXTURES
from tests.test_cli import assert_one_line_error, run
from tui.cli.progress import StderrProgress
from tui.core.demo import load_demo
from tui.core.store import Store


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    store = Store.open(folder)
    try:
        load_demo(store)
    finally:
        store.close()
    return folder


def contacts_of(folder: Path) -> dict[str, dict]:
    store = Store.open(folder, readonly=True)
    try:
        return {c.name: c.to_dict() for c in store.contacts()}
    finally:
        store.close()


def data_files(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in folder.rglob("*")
            if p.is_file() and not p.name.endswith(".lock")}


# -- export ------------------------------------------------------------------------------


def test_export_md_writes_a_folder_and_updates_it_in_place(capsys, demo, tmp_path) -> None:
    target = tmp_path / "notes"
    code, out, err = run(capsys, "--data-dir", str(demo), "export", "--format", "md",
                         "--out", str(target))
    assert (code, err) == (0, "")
    assert "4 created" in out
    files = sorted(target.glob("*.md"))
    assert len(files) == 4
    assert stat.S_IMODE(target.stat().st_mode) == 0o700
    mine = target / "my own notes.md"
    mine.write_text("kept", encoding="utf-8")
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        text = path.read_text(encoding="utf-8")
        front = YAML(typ="safe").load(text.split("---\n")[1])
        assert front["id"] and front["person"]
    code, out, _ = run(capsys, "--data-dir", str(demo), "export", "--format", "md",
                       "--out", str(target))
    assert code == 0 and "0 created, 0 updated, 4 unchanged" in out
    assert mine.read_text(encoding="utf-8") == "kept"


def test_export_md_keeps_a_note_edited_since_and_force_replaces_it(capsys, demo,
                                                                  tmp_path) -> None:
    target = tmp_path / "notes"
    assert run(capsys, "--data-dir", str(demo), "export", "--format", "md",
               "--out", str(target))[0] == 0
    edited = sorted(target.glob("*.md"))[0]
    with edited.open("a", encoding="utf-8") as handle:
        handle.write("MY OBSIDIAN NOTE\n")
    store = Store.open(demo)
    try:
        for chat in store.conversations():
            store.save_conversation(replace(chat, goal=f"{chat.goal} (revised)"))
        assert store.flush()
    finally:
        store.close()
    code, out, err = run(capsys, "--data-dir", str(demo), "export", "--format", "md",
                         "--out", str(target))
    assert code == 0
    assert "3 updated, 0 unchanged, 1 not replaced (may hold your edits)" in out
    assert err == (f"coffeechat: warning: 1 file was edited since coffeechat last wrote it, "
                   f"so this export did not replace it: {edited}; --force replaces such files "
                   "with this export\n")
    assert edited.read_text(encoding="utf-8").endswith("MY OBSIDIAN NOTE\n")
    code, out, err = run(capsys, "--data-dir", str(demo), "export", "--format", "md",
                         "--out", str(target), "--force")
    assert (code, err) == (0, "")
    assert "1 updated, 3 unchanged, 1 of them replacing your edits (forced)" in out
    text = edited.read_text(encoding="utf-8")
    assert "MY OBSIDIAN NOTE" not in text and "(revised)" in text


def test_export_html_ics_vcf_to_files_and_stdout(capsys, demo, tmp_path) -> None:
    for fmt, word in (("html", "conversations"), ("ics", "calendar events"),
                      ("vcf", "contacts")):
        target = tmp_path / f"export.{fmt}"
        code, out, err = run(capsys, "--data-dir", str(demo), "export", "--format", fmt,
                             "--out", str(target))
        assert (code, err) == (0, ""), fmt
        assert word in out and str(target) in out
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        code, printed, _ = run(capsys, "--data-dir", str(demo), "export", "--format", fmt)
        assert code == 0 and printed.encode("utf-8").replace(b"\r", b"") \
            .startswith(target.read_bytes().replace(b"\r", b"")[:40])
    cards = list(vobject.readComponents((tmp_path / "export.vcf").read_text(encoding="utf-8")))
    assert len(cards) == 4
    calendar = next(vobject.readComponents((tmp_path / "export.ics").read_text("utf-8")))
    assert len(calendar.contents.get("vevent", [])) >= 1


def test_export_redact_leaves_out_names_and_details(capsys, demo, tmp_path) -> None:
    code, out, _ = run(capsys, "--data-dir", str(demo), "export", "--format", "html",
                       "--redact")
    assert code == 0
    assert "Priya Raman" not in out and "P. R." in out
    code, _, err = run(capsys, "--data-dir", str(demo), "export", "--format", "vcf",
                       "--redact")
    assert code == 2
    assert_one_line_error(err, "--redact applies to md, html and ics")


@pytest.mark.parametrize("fmt", ["html", "ics", "vcf", "json"])
def test_export_never_lands_on_the_data_file(capsys, demo, fmt) -> None:
    before = data_files(demo)
    code, _, err = run(capsys, "--data-dir", str(demo), "export", "--format", fmt,
                       "--out", str(demo / "coffeechat.json"), "--force")
    assert code == 2
    assert_one_line_error(err, "refusing to export onto", "nothing was written")
    assert data_files(demo) == before


def test_export_md_refuses_the_data_folder_and_stdout(capsys, demo) -> None:
    before = data_files(demo)
    code, _, err = run(capsys, "--data-dir", str(demo), "export", "--format", "md",
                       "--out", str(demo / "notes"))
    assert code == 2
    assert_one_line_error(err, "inside the data folder")
    code, _, err = run(capsys, "--data-dir", str(demo), "export", "--format", "md")
    assert code == 2
    assert_one_line_error(err, "--out DIR")
    assert data_files(demo) == before


def test_export_keeps_an_existing_file_without_force(capsys, demo, tmp_path) -> None:
    target = tmp_path / "cal.ics"
    target.write_text("mine", encoding="utf-8")
    code, _, err = run(capsys, "--data-dir", str(demo), "export", "--format", "ics",
                       "--out", str(target))
    assert code == 2
    assert_one_line_error(err, "already exists", "--force")
    assert target.read_text(encoding="utf-8") == "mine"
    code, _, _ = run(capsys, "--data-dir", str(demo), "export", "--format", "ics",
                     "--out", str(target), "--force")
    assert code == 0 and target.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")


def test_progress_line_shows_only_for_slow_work_and_is_erased() -> None:
    stream = io.StringIO()
    with StderrProgress(stream, delay=0.0, force=True) as progress:
        progress.step("Rendering")
        progress(3, 10)
        time.sleep(0.25)
    text = stream.getvalue()
    assert "Rendering: 3 of 10 (30%)" in text and text.endswith("\r\x1b[K")
    quiet = io.StringIO()
    with StderrProgress(quiet, delay=5.0, force=True) as progress:
        progress(1, 2)
    assert quiet.getvalue() == ""


# -- import ------------------------------------------------------------------------------


def test_import_linkedin_twice_adds_nothing_and_a_newer_export_updates(capsys, data_dir
                                                                       ) -> None:
    source = str(FIXTURES / "Connections.csv")
    code, out, err = run(capsys, "--data-dir", str(data_dir), "import", "linkedin", source)
    assert (code, err) == (0, "")
    assert "6 added, 0 updated, 0 unchanged, 2 skipped" in out
    assert "skipped line 9: no name" in out
    assert "is not an e-mail address" in out
    people = contacts_of(data_dir)
    assert len(people) == 6
    assert people["Priya Raman"]["how_found"] == "LinkedIn"
    assert people["Priya Raman"]["connected_on"] == "2024-11-12"
    assert people["Marcus Lee"]["email"] == "marcus@example.org"
    assert people["Marcus Lee"]["company"] == "Tidewater Energy, Inc."
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "import", "linkedin", source)
    assert code == 0 and "0 added, 0 updated, 6 unchanged" in out
    assert len(contacts_of(data_dir)) == 6
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "import", "linkedin",
                       str(FIXTURES / "Connections-newer.csv"))
    assert code == 0
    assert "company Stripe -> Plaid" in out and "role Product Manager -> Senior" in out
    people = contacts_of(data_dir)
    assert people["Priya Raman"]["company"] == "Plaid"
    assert people["Marcus Lee"]["role"] == "Staff Data Engineer"


def test_import_dry_run_saves_nothing(capsys, demo) -> None:
    before = data_files(demo)
    code, out, _ = run(capsys, "--data-dir", str(demo), "import", "linkedin",
                       str(FIXTURES / "Connections.csv"), "--dry-run")
    assert code == 0 and out.startswith("Dry run of ") and "nothing was saved" in out
    assert data_files(demo) == before


@pytest.mark.parametrize("fmt,name,count", [("csv", "google.csv", 2),
                                            ("vcf", "google-3.0.vcf", 1)])
def test_import_csv_and_vcf(capsys, data_dir, fmt, name, count) -> None:
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "import", fmt, str(FIXTURES / name))
    assert code == 0 and f"{count} added" in out
    assert len(contacts_of(data_dir)) == count


def test_import_csv_names_the_columns_it_does_not_keep(capsys, data_dir, tmp_path) -> None:
    source = tmp_path / "people.csv"
    source.write_text("Name,Company,Email,Phone,Notes\nAna Lima,Acme,ana@x.example,+1 555 0100,"
                      "hi\nBo Reis,Beta,,+1 555 0101,\n", "utf-8")
    code, out, err = run(capsys, "--data-dir", str(data_dir), "import", "csv", str(source))
    assert (code, err) == (0, "")
    assert out == (f"Imported {source} (contacts CSV): 2 added, 0 updated, 0 unchanged, "
                   "0 skipped\n  note: column not kept: Phone\n")
    assert contacts_of(data_dir)["Ana Lima"]["notes"] == "hi"


@pytest.mark.parametrize("payload,words", [
    (b"", ["empty"]),
    (b"PK\x03\x04zip", ["ZIP"]),
    (b"Name;Company\nno header we know\n", ["not LinkedIn's Connections.csv"]),
])
def test_import_refuses_a_broken_file_and_changes_nothing(capsys, demo, tmp_path, payload,
                                                         words) -> None:
    source = tmp_path / "Connections.csv"
    source.write_bytes(payload)
    before = data_files(demo)
    code, out, err = run(capsys, "--data-dir", str(demo), "import", "linkedin", str(source))
    assert code == 2 and out == ""
    assert_one_line_error(err, *words, "nothing was imported")
    assert data_files(demo) == before


def test_import_dry_run_is_for_contact_files_only(capsys, demo, tmp_path) -> None:
    export = tmp_path / "all.json"
    export.write_text(json.dumps({"format": "coffeechat-export", "schema": 1}), "utf-8")
    code, _, err = run(capsys, "--data-dir", str(demo), "import", "json", str(export),
                       "--dry-run")
    assert code == 2
    assert_one_line_error(err, "--dry-run applies to the linkedin, csv and vcf imports")
