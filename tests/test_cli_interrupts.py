"""Ctrl-C in the commands that change the data or write files: before the change is committed
it changes nothing and says so (exit 130); after it, the command finishes and reports (exit 0).

Ctrl-C is a real SIGINT raised inside the step named, so it goes through the handlers the
command has in place, as a key press would."""

from __future__ import annotations

import json
import signal
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.layout_tools import conversation_files, main_file
from tests.test_cli import run
from tui.cli import backups as cli_backups
from tui.cli import import_contacts, transfer
from tui.core import importers, restore, txn
from tui.core.models import Contact, Conversation
from tui.core.storage import BACKUP_DIR, DataFile
from tui.core.store import Store

NOT_IMPORTED = "coffeechat: interrupted; nothing was imported\n"


def _ctrl_c_then(real: Callable[..., Any]) -> Callable[..., Any]:
    """``real``, with a Ctrl-C pressed just after it returns."""
    def pressed(*args: Any, **kwargs: Any) -> Any:
        result = real(*args, **kwargs)
        signal.raise_signal(signal.SIGINT)
        return result
    return pressed


def _ctrl_c_before(real: Callable[..., Any]) -> Callable[..., Any]:
    """``real``, with a Ctrl-C pressed just as it starts."""
    def pressed(*args: Any, **kwargs: Any) -> Any:
        signal.raise_signal(signal.SIGINT)
        return real(*args, **kwargs)
    return pressed


def _names(folder: Path) -> list[str]:
    return sorted(d["name"] for d in main_file(folder)["contacts"].values())


def _export_file(tmp_path: Path, count: int) -> Path:
    path = tmp_path / "in.json"
    path.write_text(json.dumps({
        "format": "coffeechat-export", "schema": 1,
        "contacts": [{"id": f"p{i}", "name": f"Person {i}"} for i in range(count)],
        "conversations": [{"id": "c0", "contact_id": "p0", "goal": "imported"}]}))
    return path


def _existing(folder: Path) -> None:
    store = Store.open(folder)
    store.save_contact(Contact(name="Existing", id="e1"))
    store.close()


def test_ctrl_c_after_a_json_import_commits_still_reports_it(capsys, data_dir, tmp_path,
                                                              monkeypatch) -> None:
    _existing(data_dir)
    source = _export_file(tmp_path, 50)
    real = txn.roll_forward

    def rolled(root: Path) -> str | None:  # Ctrl-C while the committed files are moved in
        if (root / txn.JOURNAL).exists():
            signal.raise_signal(signal.SIGINT)
        return real(root)

    monkeypatch.setattr(txn, "roll_forward", rolled)
    code, out, err = run(capsys, "--data-dir", str(data_dir), "import", "json", str(source))
    assert (code, err) == (0, "")
    assert out.startswith(f"Imported {source}: ") and "contacts: 50 added" in out
    assert len(_names(data_dir)) == 51 and conversation_files(data_dir)["c0.json"]


def test_ctrl_c_after_a_json_import_while_reporting_is_dropped(capsys, data_dir, tmp_path,
                                                                monkeypatch) -> None:
    source = _export_file(tmp_path, 3)
    monkeypatch.setattr(transfer, "say", _ctrl_c_before(transfer.say))
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "import", "json", str(source))
    assert code == 0 and out.startswith("Imported ")


def test_ctrl_c_before_a_json_import_commits_says_nothing_was_imported(
        capsys, data_dir, tmp_path, monkeypatch) -> None:
    _existing(data_dir)
    before = main_file(data_dir)
    monkeypatch.setattr(importers, "parse_import", _ctrl_c_then(importers.parse_import))
    assert run(capsys, "--data-dir", str(data_dir), "import", "json",
               str(_export_file(tmp_path, 5))) == (130, "", NOT_IMPORTED)
    assert main_file(data_dir) == before and "c0.json" not in conversation_files(data_dir)


def _csv(tmp_path: Path) -> Path:
    path = tmp_path / "people.csv"
    path.write_text("Name,Company\n" + "".join(f"Person {i},Acme\n" for i in range(20)))
    return path


def test_ctrl_c_while_a_contacts_import_is_saved_finishes_it(capsys, data_dir, tmp_path,
                                                             monkeypatch) -> None:
    _existing(data_dir)
    monkeypatch.setattr(DataFile, "write", _ctrl_c_then(DataFile.write))
    code, out, err = run(capsys, "--data-dir", str(data_dir), "import", "csv",
                         str(_csv(tmp_path)))
    assert (code, err) == (0, "")
    assert out.startswith("Imported ") and "20" in out.splitlines()[0]
    assert len(_names(data_dir)) == 21


def test_ctrl_c_after_a_contacts_import_is_saved_still_reports_it(capsys, data_dir, tmp_path,
                                                                  monkeypatch) -> None:
    monkeypatch.setattr(Store, "close", _ctrl_c_before(Store.close))
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "import", "csv",
                       str(_csv(tmp_path)))
    assert code == 0 and out.startswith("Imported ")
    assert len(_names(data_dir)) == 20


def test_ctrl_c_before_a_contacts_import_is_saved_says_so(capsys, data_dir, tmp_path,
                                                          monkeypatch) -> None:
    _existing(data_dir)
    before = main_file(data_dir)
    monkeypatch.setattr(import_contacts, "plan_contact_import",
                        _ctrl_c_then(import_contacts.plan_contact_import))
    assert run(capsys, "--data-dir", str(data_dir), "import", "csv",
               str(_csv(tmp_path))) == (130, "", NOT_IMPORTED)
    assert main_file(data_dir) == before


def _with_snapshot(folder: Path) -> Path:
    """Data with Ana (snapshot of Nov 20), then Bob added."""
    store = Store.open(folder)
    store.save_contact(Contact(name="Ana", id="a1"))
    store.save_conversation(Conversation(contact_id="a1", id="c1", goal="first"))
    store.close()
    Store.open(folder, today=date(2026, 11, 20)).close()
    store = Store.open(folder)
    store.save_contact(Contact(name="Bob", id="b2"))
    store.close()
    return folder / BACKUP_DIR / "2026-11-20"


def test_ctrl_c_before_a_restore_commits_restores_nothing(capsys, data_dir,
                                                          monkeypatch) -> None:
    snapshot = _with_snapshot(data_dir)
    monkeypatch.setattr(restore, "keep_before_restore", _ctrl_c_then(restore.keep_before_restore))
    assert run(capsys, "--data-dir", str(data_dir), "restore", str(snapshot)) == (
        130, "", "coffeechat: interrupted; nothing was restored\n")
    assert _names(data_dir) == ["Ana", "Bob"]


def test_ctrl_c_after_a_restore_commits_still_reports_it(capsys, data_dir, monkeypatch) -> None:
    snapshot = _with_snapshot(data_dir)
    monkeypatch.setattr(cli_backups, "say", _ctrl_c_before(cli_backups.say))
    code, out, err = run(capsys, "--data-dir", str(data_dir), "restore", str(snapshot))
    assert (code, err) == (0, "")
    assert out.startswith(f"Restored {snapshot} ") and "What it replaced is kept" in out
    assert _names(data_dir) == ["Ana"]


@pytest.mark.parametrize("fmt", ["json", "html"])
def test_ctrl_c_during_an_export_to_a_file_writes_nothing(capsys, data_dir, tmp_path, fmt,
                                                          monkeypatch) -> None:
    _with_snapshot(data_dir)
    monkeypatch.setattr(transfer, "_records", _ctrl_c_then(transfer._records))
    target = tmp_path / f"out.{fmt}"
    assert run(capsys, "--data-dir", str(data_dir), "export", "--format", fmt,
               "--out", str(target)) == (130, "", "coffeechat: interrupted; nothing was written\n")
    assert not target.exists()


@pytest.mark.parametrize("fmt", ["json", "html"])
def test_ctrl_c_after_an_export_is_written_still_reports_it(capsys, data_dir, tmp_path, fmt,
                                                            monkeypatch) -> None:
    _with_snapshot(data_dir)
    monkeypatch.setattr(transfer, "say", _ctrl_c_before(transfer.say))
    target = tmp_path / f"out.{fmt}"
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "export", "--format", fmt,
                       "--out", str(target))
    assert code == 0 and out.startswith("Exported ") and target.stat().st_size > 0
