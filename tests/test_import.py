"""Imports: all or nothing, linear, idempotent (records without ids included), control
characters stripped and counted, dates and schemas checked, backups accepted."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.test_cli import assert_one_line_error, run
from tui.core import importers, txn
from tui.core.importers import EXPORT_FORMAT, parse_import
from tui.core.models import Contact, Conversation, ModelError, Question
from tui.core.storage import BACKUP_DIR, DATA_FILE
from tui.core.store import Store


def export(contacts: list[dict], conversations: list[dict] | None = None,
           schema: object = 1) -> dict:
    return {"format": EXPORT_FORMAT, "schema": schema, "contacts": contacts,
            "conversations": conversations or []}


def write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


# -- identity ----------------------------------------------------------------------------


def test_records_without_ids_are_imported_once(capsys, data_dir: Path, tmp_path: Path) -> None:
    source = write(tmp_path / "people.json", export(
        [{"name": "Ana Silva", "company": "Acme"}, {"name": "Bo"}, {"name": "Bo"}],
        [{"contact_id": "x1", "goal": "learn",
          "questions": [{"text": "How?"}, {"text": "How?"}]}]))
    data = json.loads(source.read_text())
    data["contacts"].append({"name": "Cy", "id": "x1"})
    write(source, data)
    outputs = []
    for _ in range(5):
        code, out, err = run(capsys, "--data-dir", str(data_dir), "import", "json", str(source))
        assert (code, err) == (0, "")
        outputs.append(out)
    assert "contacts: 3 added" in outputs[0] and "conversations: 1 added" in outputs[0]
    for out in outputs[1:]:
        assert "contacts: 0 added, 0 updated; conversations: 0 added, 0 updated" in out
    store = Store.open(data_dir, readonly=True)
    assert sorted(c.name for c in store.contacts()) == ["Ana Silva", "Bo", "Cy"]
    [chat] = store.conversations()
    assert len({q.id for q in chat.questions}) == 2  # two identical questions stay two
    store.close()


def test_a_record_with_an_id_is_matched_by_it() -> None:
    batch = parse_import(export([{"name": "Ana", "id": "a1"}, {"name": "Ana"}]))
    assert batch.contacts[0].id == "a1"
    assert batch.contacts[1].id != "a1" and len(batch.contacts[1].id) == 12
    again = parse_import(export([{"name": "Ana"}]))
    assert again.contacts[0].id == batch.contacts[1].id  # from its content: stable


# -- all or nothing ----------------------------------------------------------------------


def test_an_interrupted_merge_changes_nothing(tmp_path: Path, monkeypatch) -> None:
    store = Store.open(tmp_path / "data")
    store.save_contact(Contact(name="Existing", id="e1"))
    before = store.path.read_bytes()
    data = export([Contact(name=f"P{i}", id=f"p{i}").to_dict() for i in range(500)])
    calls = {"n": 0}
    real = Contact.to_dict

    def interrupted(self: Contact):
        calls["n"] += 1
        if calls["n"] == 300:
            raise KeyboardInterrupt
        return real(self)

    monkeypatch.setattr(Contact, "to_dict", interrupted)
    with pytest.raises(KeyboardInterrupt):
        store.import_data(data)
    monkeypatch.undo()
    assert store.path.read_bytes() == before
    assert [c.name for c in store.contacts()] == ["Existing"]
    store.save_contact(Contact(name="After", id="a1"))  # and the store still works
    store.close()
    reread = Store.open(tmp_path / "data", readonly=True)
    assert sorted(c.name for c in reread.contacts()) == ["After", "Existing"]
    reread.close()


def test_a_failed_write_changes_nothing_in_memory_either(tmp_path: Path, monkeypatch) -> None:
    store = Store.open(tmp_path / "data")
    store.save_contact(Contact(name="Existing", id="e1"))

    def disk_full(path: Path, payload: bytes, sync: bool = True) -> None:
        raise OSError(28, "No space left on device", str(path))

    monkeypatch.setattr(txn, "_write_private", disk_full)
    with pytest.raises(OSError):
        store.import_data(export([{"name": "New", "id": "n1"}]))
    monkeypatch.undo()
    assert not list((tmp_path / "data").glob(".coffeechat-txn-*"))  # nothing staged is left
    assert [c.name for c in store.contacts()] == ["Existing"]
    store.save_contact(Contact(name="Later", id="l1"))
    store.close()
    on_disk = json.loads((tmp_path / "data" / DATA_FILE).read_text())
    assert sorted(d["name"] for d in on_disk["contacts"].values()) == ["Existing", "Later"]


def test_ctrl_c_during_a_real_import_leaves_the_file_whole(
        tmp_path: Path, subprocess_env: dict[str, str]) -> None:
    """As a process, interrupted at random moments: the file holds all of it or none."""
    folder = tmp_path / "data"
    store = Store.open(folder)
    store.save_contact(Contact(name="Existing", id="e1"))
    store.close()
    before = (folder / DATA_FILE).read_bytes()
    people = [Contact(name=f"Person {i}", id=f"p{i:05d}", notes="x" * 200).to_dict()
              for i in range(15000)]
    source = write(tmp_path / "big.json", export(people))
    rng = random.Random(9)
    outcomes = set()
    for _ in range(4):
        child = subprocess.Popen([sys.executable, "-m", "tui", "--data-dir", str(folder),
                                  "import", "json", str(source)], env=subprocess_env,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        time.sleep(rng.uniform(0.5, 2.5))
        child.send_signal(signal.SIGINT)
        code = child.wait(timeout=120)
        after = (folder / DATA_FILE).read_bytes()
        names = {d["name"] for d in json.loads(after)["contacts"].values()}
        assert not list(folder.glob(".coffeechat-*"))  # no staging, no journal left
        if after == before:
            outcomes.add("nothing")
            assert code in (130, -signal.SIGINT)  # -2: interrupted while Python was starting
        else:
            outcomes.add("all")
            assert len(names) == 15001
            (folder / DATA_FILE).write_bytes(before)
    assert outcomes  # at least one run was interrupted or finished; never a partial file


# -- what the file may hold --------------------------------------------------------------


def test_control_characters_are_stripped_and_counted(capsys, data_dir: Path,
                                                    tmp_path: Path) -> None:
    source = write(tmp_path / "hostile.json", export(
        [{"id": "h\x1b1", "name": "Eve\x1b]0;TITLE\x07", "company": "Co\u202eoC",
          "notes": "line one\r\nline two\ttabbed"}],
        [{"contact_id": "h\x1b1", "goal": "\x9bgoal", "reflection": {
            "answers": {"key\x07": "answer\x08"}}}]))
    code, out, err = run(capsys, "--data-dir", str(data_dir), "import", "json", str(source))
    assert (code, err) == (0, "")
    assert "8 control characters (escape sequences, bidi overrides) removed" in out
    store = Store.open(data_dir, readonly=True)
    [eve] = store.contacts()
    assert (eve.id, eve.name, eve.company) == ("h1", "Eve]0;TITLE", "CooC")
    assert eve.notes == "line one\nline two\ttabbed"
    [chat] = store.conversations()
    assert (chat.contact_id, chat.goal, chat.reflection.answers) == (
        "h1", "goal", {"key": "answer"})
    store.close()


ENCODINGS = {  # byte-order mark and codec
    "UTF-8": (b"", "utf-8"), "UTF-8 with BOM": (b"\xef\xbb\xbf", "utf-8"),
    "UTF-16 LE with BOM": (b"\xff\xfe", "utf-16-le"),
    "UTF-16 BE with BOM": (b"\xfe\xff", "utf-16-be"),
    "UTF-32 LE with BOM": (b"\xff\xfe\x00\x00", "utf-32-le"),
    "UTF-32 BE with BOM": (b"\x00\x00\xfe\xff", "utf-32-be"),
}


@pytest.mark.parametrize("encoding", list(ENCODINGS))
def test_control_characters_are_removed_whatever_the_encoding(
        capsys, data_dir: Path, tmp_path: Path, encoding: str) -> None:
    text = json.dumps(export([{"id": "e1", "name": "Eve\x1b]0;pwned\x07 Lima\x1b[2J\u202e",
                               "notes": "hi\x1b[2J there\u202e"}]), ensure_ascii=False)
    bom, codec = ENCODINGS[encoding]
    source = tmp_path / "hostile.json"
    source.write_bytes(bom + text.encode(codec))
    code, out, err = run(capsys, "--data-dir", str(data_dir), "import", "json", str(source))
    assert (code, err) == (0, "")
    assert out == (f"Imported {source}: contacts: 1 added, 0 updated; conversations: 0 added, "
                   "0 updated; 0 already present; 6 control characters (escape sequences, "
                   "bidi overrides) removed from the imported text\n")
    store = Store.open(data_dir, readonly=True)
    [eve] = store.contacts()
    assert (eve.name, eve.notes) == ("Eve]0;pwned Lima[2J", "hi[2J there")
    store.close()
    assert "\\u001b" not in (data_dir / DATA_FILE).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("schema", "words"),
    [
        ("1", "its schema version is '1', not a whole number"),
        (True, "its schema version is True, not a whole number"),
        (0, "its schema version is 0; versions start at 1"),
        (-1, "its schema version is -1; versions start at 1"),
        (None, "its schema version is missing"),
        (2, "written by a newer coffeechat (schema 2; this one reads up to 1)"),
    ],
)
def test_schema_messages_are_precise(capsys, data_dir: Path, tmp_path: Path, schema: object,
                                     words: str) -> None:
    source = write(tmp_path / "x.json", export([{"name": "Ana"}], schema=schema))
    code, out, err = run(capsys, "--data-dir", str(data_dir), "import", "json", str(source))
    assert (code, out) == (2, "")
    assert_one_line_error(err, words, "nothing was imported")
    assert "newer" not in err or schema == 2


@pytest.mark.parametrize(
    ("record", "words"),
    [
        ({"contact_id": "a1", "scheduled_at": "9999-12-31T23:59:00+00:00"},
         "conversation c1: 'scheduled_at' is '9999-12-31T23:59:00+00:00', outside the years "
         "1900-2200"),
        ({"contact_id": "a1", "actions": [{"text": "x", "due": "0001-01-01"}]},
         "'actions[0].due' is '0001-01-01', outside the years 1900-2200"),
        ({"contact_id": "a1", "live": {"started_at": "1899-12-31T10:00:00"}},
         "'live.started_at'"),
    ],
)
def test_dates_outside_the_window_are_refused(capsys, data_dir: Path, tmp_path: Path,
                                             record: dict, words: str) -> None:
    source = write(tmp_path / "x.json", export([{"name": "Ana", "id": "a1"}],
                                               [{"id": "c1", **record}]))
    code, _, err = run(capsys, "--data-dir", str(data_dir), "import", "json", str(source))
    assert code == 2
    assert_one_line_error(err, words, "nothing was imported")
    assert not (data_dir / DATA_FILE).exists()


def test_a_cadence_beyond_ten_years_is_refused() -> None:
    with pytest.raises(ModelError, match="'cadence_days' is 999999; keep in touch takes 1 to"):
        parse_import(export([{"name": "Ana", "cadence_days": 999999}]))


# -- backups as imports ------------------------------------------------------------------


def test_a_backup_file_imports(capsys, tmp_path: Path) -> None:
    old = tmp_path / "old"
    store = Store.open(old)
    ana = store.save_contact(Contact(name="Ana", id="a1"))
    store.save_conversation(Conversation(contact_id=ana.id, id="c1",
                                         questions=[Question(text="Why?")]))
    store.close()
    Store.open(old).close()  # makes today's backup: a snapshot folder
    [backup] = (old / BACKUP_DIR).iterdir()
    new = tmp_path / "new"
    code, out, err = run(capsys, "--data-dir", str(new), "import", "json", str(backup))
    assert (code, err) == (0, "")
    assert "(a coffeechat data file)" in out and "contacts: 1 added" in out
    code, out, _ = run(capsys, "--data-dir", str(new), "import", "json", str(backup))
    assert "0 added, 0 updated; conversations: 0 added, 0 updated; 2 already present" in out


def test_a_data_file_with_a_bad_schema_is_refused(capsys, data_dir: Path,
                                                 tmp_path: Path) -> None:
    source = write(tmp_path / "copy.json", {"meta": {"1": {"app": "coffeechat", "schema": "1"}},
                                            "contacts": {}})
    code, _, err = run(capsys, "--data-dir", str(data_dir), "import", "json", str(source))
    assert code == 2
    assert_one_line_error(err, "its schema version is '1', not a whole number")


def test_the_cyclic_collector_is_back_on_after_an_import(store: Store) -> None:
    import gc

    with pytest.raises(ModelError), importers.bulk():
        raise ModelError("boom")
    assert gc.isenabled()
    store.import_data(export([{"name": "Ana"}]))
    assert gc.isenabled()


def test_what_an_import_built_is_not_walked_by_the_next_collection() -> None:
    """Leaving the block starts no collection over everything it built: the records join the
    oldest generation as they are, and the collector counts afresh."""
    import gc

    started: list[int] = []

    def watch(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started.append(info["generation"])

    assert gc.isenabled()
    with importers.bulk():
        built = [[n] for n in range(20_000)]  # lists: tracked by the collector
        gc.callbacks.append(watch)
    try:
        after = [[n] for n in range(50)]  # a few allocations once the collector is back
    finally:
        gc.callbacks.remove(watch)
    assert gc.isenabled() and started == [] and len(built) == 20_000 and len(after) == 50
    assert any(item is built for item in gc.get_objects(generation=2))
