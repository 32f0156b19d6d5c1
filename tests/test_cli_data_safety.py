"""Every entry point (each command and the app) meets a damaged record, an unusable folder or a
failed backup with one line naming the file, the record and the field; nothing is changed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_cli import assert_one_line_error, run
from tui.app_run import run_app
from tui.core.models import Contact
from tui.core.storage import BACKUP_DIR, DATA_FILE
from tui.core.store import Store

COMMANDS = [["new", "X"], ["list"], ["list", "--json"], ["due"], ["export"], ["backups"]]


def _with_bad_record(folder: Path) -> str:
    store = Store.open(folder)
    store.save_contact(Contact(name="Ana", id="a11"))
    store.save_contact(Contact(name="Bob", id="b22"))
    store.close()
    raw = json.loads((folder / DATA_FILE).read_text())
    doc_id = next(k for k, d in raw["contacts"].items() if d["id"] == "b22")
    raw["contacts"][doc_id]["name"] = 5
    (folder / DATA_FILE).write_text(json.dumps(raw))
    return doc_id


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
            and p.name != "coffeechat.lock"}


@pytest.mark.parametrize("argv", [*COMMANDS, ["import", "json", "IMPORT"]])
def test_a_bad_record_is_one_line_naming_file_record_and_field(
        capsys, data_dir: Path, tmp_path: Path, argv: list[str]) -> None:
    doc_id = _with_bad_record(data_dir)
    export = tmp_path / "in.json"
    export.write_text(json.dumps({"format": "coffeechat-export", "schema": 1,
                                  "contacts": [{"name": "Cy", "id": "c33"}]}))
    argv = [str(export) if a == "IMPORT" else a for a in argv]
    before = _snapshot(data_dir)
    code, out, err = run(capsys, "--data-dir", str(data_dir), *argv)
    if argv == ["backups"]:  # listing the backups is how to recover: it still works
        assert code == 0
        return
    assert (code, out) == (1, "")
    assert_one_line_error(err, str(data_dir / DATA_FILE), f"document {doc_id} in 'contacts'",
                          "contact b22: 'name' must be text, not int")
    assert _snapshot(data_dir) == before


def test_the_app_refuses_a_bad_record_in_one_line(
        data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _with_bad_record(data_dir)
    before = _snapshot(data_dir)
    assert run_app(data_dir) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "contact b22: 'name' must be text, not int" in err and str(data_dir) in err
    assert _snapshot(data_dir) == before


def test_a_folder_that_is_a_file(capsys, tmp_path: Path) -> None:
    afile = tmp_path / "afile"
    afile.write_text("mine")
    for folder in (afile, afile / "x"):
        for argv in (["new", "Y"], ["list"]):
            code, _, err = run(capsys, "--data-dir", str(folder), *argv)
            assert code == 1
            assert_one_line_error(err, f"{afile} is a file, not a folder")
    assert afile.read_text() == "mine"


def test_an_unwritable_folder_is_refused_with_its_mode(capsys, tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir(mode=0o500)
    os.chmod(folder, 0o500)
    try:
        code, _, err = run(capsys, "--data-dir", str(folder), "new", "Y")
        assert code == 1
        assert_one_line_error(err, f"cannot write in {folder} (mode 0500")
        assert list(folder.iterdir()) == []
        code, _, err = run(capsys, "--data-dir", str(folder), "list")
        assert (code, err) == (0, "")
    finally:
        os.chmod(folder, 0o700)


def test_a_failed_backup_is_a_warning_not_a_refusal(capsys, data_dir: Path) -> None:
    run(capsys, "--data-dir", str(data_dir), "new", "Ana")
    (data_dir / BACKUP_DIR).rmdir() if (data_dir / BACKUP_DIR).exists() else None
    (data_dir / BACKUP_DIR).write_text("a file where the backups folder should be")
    code, out, err = run(capsys, "--data-dir", str(data_dir), "new", "Bob")
    assert code == 0 and out.strip()
    assert err.startswith("coffeechat: warning: today's backup could not be made")
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "list", "--json")
    assert sorted(row["contact"] for row in json.loads(out)) == ["Ana", "Bob"]


def test_a_blocked_write_names_the_data_file(subprocess_env: dict[str, str],
                                            data_dir: Path, tmp_path: Path) -> None:
    """As a real process: the temp file cannot be made, the message names the data file."""
    script = (
        "import errno, sys, tempfile\n"
        "from tui.cli import main\n"
        "def denied(*a, **k):\n"
        "    raise PermissionError(errno.EACCES, 'Permission denied', sys.argv[1] + '/.tmp')\n"
        "tempfile.mkstemp = denied\n"
        "raise SystemExit(main(['--data-dir', sys.argv[1], 'new', 'Ana']))\n"
    )
    result = subprocess.run([sys.executable, "-c", script, str(data_dir)], capture_output=True,
                            text=True, env=subprocess_env, timeout=60)
    assert result.returncode == 1
    assert_one_line_error(result.stderr, f"{data_dir / DATA_FILE}: Permission denied")
