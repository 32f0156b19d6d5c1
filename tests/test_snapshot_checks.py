"""What the snapshots promise: the good copy a warning names really loads, ``backups`` says
which files of a snapshot do not, and a copied data folder (new modification times) keeps its
snapshots usable while a snapshot file changed in place is still caught."""

from __future__ import annotations

import json
import os
import shutil
from datetime import date
from pathlib import Path

from tests.layout_tools import conversation_files
from tests.test_cli import assert_one_line_error, run
from tui.core.models import Contact, Conversation
from tui.core.snapshots import MANIFEST
from tui.core.storage import BACKUP_DIR, DATA_FILE
from tui.core.store import Store

DAY = "2026-11-20"
C1 = "conversations/c1.json"


def _data_with_snapshot(folder: Path) -> Path:
    """Ana and her conversation c1 ("first"), and the day's snapshot of both."""
    store = Store.open(folder)
    store.save_contact(Contact(name="Ana", id="a1"))
    store.save_conversation(Conversation(contact_id="a1", id="c1", goal="first"))
    store.close()
    Store.open(folder, today=date.fromisoformat(DAY)).close()
    return folder / BACKUP_DIR / DAY


def _damage(path: Path) -> None:
    """Replace the file with its first 20 bytes, the way an editor or a failed copy would
    (a new file: the snapshot's hard link keeps the old one)."""
    raw = path.read_bytes()[:20]
    path.unlink()
    path.write_bytes(raw)


def _strip_manifest(snapshot: Path) -> None:
    """Make the manifest look like one written before hashes and damaged files were kept."""
    manifest = json.loads((snapshot / MANIFEST).read_text())
    manifest["files"] = {k: v[:2] for k, v in manifest["files"].items()}
    manifest.pop("damaged")
    manifest["snapshot"] = 1
    (snapshot / MANIFEST).write_text(json.dumps(manifest))


def _copy_without_times(source: Path, target: Path) -> None:
    """``cp -r``: every file copied, none of their modification times kept."""
    shutil.copytree(source, target, copy_function=shutil.copyfile)
    for path in target.rglob("*"):
        if path.is_file():
            os.utime(path, ns=(1, 1_000_000_000))


def _restore_then_damage_again(capsys, data_dir: Path, good: Path) -> Path:
    """Damage c1, restore it from ``good``, damage it again; the before-restore snapshot."""
    _damage(data_dir / C1)
    code, _, err = run(capsys, "--data-dir", str(data_dir), "restore", str(good / C1))
    assert (code, err) == (0, "")
    _damage(data_dir / C1)
    [kept] = (data_dir / BACKUP_DIR).glob("*-before-restore")
    return kept


def test_the_good_copy_named_for_a_damaged_file_loads(capsys, data_dir: Path) -> None:
    good = _data_with_snapshot(data_dir)
    kept = _restore_then_damage_again(capsys, data_dir, good)
    code, _, err = run(capsys, "--data-dir", str(data_dir), "list")
    assert code == 0
    assert f"A good copy is {good / C1};" in err and str(kept) not in err
    code, _, err = run(capsys, "--data-dir", str(data_dir), "restore", str(good / C1))
    assert (code, err) == (0, "")
    assert conversation_files(data_dir)["c1.json"]["goal"] == "first"


def test_no_good_copy_when_every_copy_is_damaged(capsys, data_dir: Path) -> None:
    good = _data_with_snapshot(data_dir)
    _restore_then_damage_again(capsys, data_dir, good)
    _damage(good / C1)  # the snapshot's copy too, then given its recorded size and time:
    stamp = json.loads((good / MANIFEST).read_text())["files"][C1]
    os.truncate(good / C1, stamp[0])  # the stamps match, only reading it shows the damage
    os.utime(good / C1, ns=(stamp[1], stamp[1]))
    code, _, err = run(capsys, "--data-dir", str(data_dir), "list")
    assert code == 0 and "No backup holds a good copy of it." in err


def test_backups_names_the_file_of_a_snapshot_that_does_not_load(capsys,
                                                                 data_dir: Path) -> None:
    good = _data_with_snapshot(data_dir)
    kept = _restore_then_damage_again(capsys, data_dir, good)
    code, out, err = run(capsys, "--data-dir", str(data_dir), "backups")
    assert (code, err) == (0, "")
    [kept_line] = [line for line in out.splitlines() if line.endswith(str(kept))]
    assert f"partly: {C1} in it does not load" in kept_line
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "backups", "--json")
    rows = {Path(r["path"]).name: r for r in json.loads(out)}
    assert (rows[kept.name]["loads"], rows[kept.name]["damaged"]) == (False, [C1])
    assert (rows[DAY]["loads"], rows[DAY]["damaged"]) == (True, [])


def test_an_older_before_restore_manifest_is_checked_by_reading(capsys,
                                                                data_dir: Path) -> None:
    good = _data_with_snapshot(data_dir)
    kept = _restore_then_damage_again(capsys, data_dir, good)
    _strip_manifest(kept)
    _strip_manifest(good)
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "backups", "--json")
    rows = {Path(r["path"]).name: r for r in json.loads(out)}
    assert (rows[kept.name]["damaged"], rows[DAY]["loads"]) == ([C1], True)
    code, _, err = run(capsys, "--data-dir", str(data_dir), "list")
    assert code == 0 and f"A good copy is {good / C1};" in err


def test_snapshots_of_a_copied_folder_stay_usable(capsys, data_dir: Path,
                                                  tmp_path: Path) -> None:
    _data_with_snapshot(data_dir)
    copy = tmp_path / "copy"
    _copy_without_times(data_dir, copy)
    good = copy / BACKUP_DIR / DAY
    code, out, _ = run(capsys, "--data-dir", str(copy), "backups", "--json")
    assert [(r["loads"], r["problem"]) for r in json.loads(out)] == [(True, None)]
    _damage(copy / C1)
    code, _, err = run(capsys, "--data-dir", str(copy), "list")
    assert f"A good copy is {good / C1};" in err
    code, _, err = run(capsys, "--data-dir", str(copy), "restore", DAY)
    assert (code, err) == (0, "")
    assert conversation_files(copy)["c1.json"]["goal"] == "first"


def test_an_older_manifest_of_a_copied_folder_is_checked_by_content(capsys, data_dir: Path,
                                                                   tmp_path: Path) -> None:
    _strip_manifest(_data_with_snapshot(data_dir))
    copy = tmp_path / "copy"
    _copy_without_times(data_dir, copy)
    code, out, _ = run(capsys, "--data-dir", str(copy), "backups", "--json")
    assert [r["loads"] for r in json.loads(out)] == [True]
    good = copy / BACKUP_DIR / DAY
    raw = (good / C1).read_bytes()
    (good / C1).write_bytes(raw[:-1] + b"!")  # same size, in place: no longer loads
    code, out, _ = run(capsys, "--data-dir", str(copy), "backups", "--json")
    assert code == 0
    assert json.loads(out)[0]["problem"] == f"{C1} has changed since the snapshot was made"


def test_a_snapshot_file_changed_in_place_is_refused(capsys, data_dir: Path) -> None:
    good = _data_with_snapshot(data_dir)
    with open(data_dir / C1, "r+b") as handle:  # in place: the snapshot's link sees it too
        handle.seek(-2, os.SEEK_END)
        handle.write(b" }")
    assert (good / C1).read_bytes().endswith(b" }")
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "backups", "--json")
    assert json.loads(out)[0]["problem"] == f"{C1} has changed since the snapshot was made"
    code, _, err = run(capsys, "--data-dir", str(data_dir), "restore", DAY)
    assert code == 2
    assert_one_line_error(err, "has changed since the snapshot was made", "Nothing was restored")
    assert (data_dir / DATA_FILE).exists()
