"""The data folder of schema 2: one plain TinyDB file per conversation, a save that writes only
the edited conversation, files that cannot be used listed and never written over, sync
conflicts found, and fields from newer versions kept."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
import tinydb

from tests.layout_tools import conversation_files, main_file
from tests.test_cli import run
from tui.core.models import Contact, Conversation, Question
from tui.core.storage import DATA_FILE, StorageError
from tui.core.store import Store


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _three(folder: Path) -> tuple[Store, list[Conversation]]:
    store = Store.open(folder)
    ana = store.save_contact(Contact(name="Ana", id="a1"))
    made = [store.save_conversation(Conversation(contact_id=ana.id, id=f"c{i}", goal=f"g{i}",
                                                 research_notes="x" * 5000))
            for i in range(3)]
    return store, made


def test_each_conversation_is_a_plain_tinydb_file_and_private(data_dir: Path) -> None:
    store, made = _three(data_dir)
    store.close()
    folder = data_dir / "conversations"
    assert _mode(folder) == 0o700
    for conversation in made:
        path = folder / f"{conversation.id}.json"
        assert _mode(path) == 0o600
        with path.open("rb") as handle:
            raw = json.load(handle)
        assert raw["meta"]["1"] == {"app": "coffeechat", "schema": 2}
        db = tinydb.TinyDB(path, access_mode="r")
        try:
            [doc] = db.table("conversations").all()
        finally:
            db.close()
        assert doc["goal"] == conversation.goal
    assert "conversations" not in main_file(data_dir)


def test_a_save_writes_only_the_edited_conversation(data_dir: Path) -> None:
    store, _ = _three(data_dir)
    folder = data_dir / "conversations"
    before = {p.name: p.stat().st_ino for p in folder.iterdir()}
    main_before = (data_dir / DATA_FILE).stat().st_ino
    edited = store.conversation("c1")
    edited.goal = "changed"
    store.save_conversation(edited)
    after = {p.name: p.stat().st_ino for p in folder.iterdir()}
    assert [n for n in after if after[n] != before[n]] == ["c1.json"]  # replaced: a new inode
    assert (data_dir / DATA_FILE).stat().st_ino == main_before
    assert (folder / "c1.json").stat().st_size < 7000  # the size of one conversation
    store.close()


def test_summaries_are_not_conversations_and_cannot_be_saved(store: Store) -> None:
    ana = store.save_contact(Contact(name="Ana"))
    store.save_conversation(Conversation(contact_id=ana.id, goal="one"))
    [summary] = store.summaries()
    assert summary.goal == "one" and not hasattr(summary, "questions")
    with pytest.raises(TypeError, match="only a Conversation"):
        store.save_conversation(summary)  # type: ignore[arg-type]


def test_reads_see_a_save_still_on_its_way_to_disk(data_dir: Path) -> None:
    store = Store.open(data_dir, background=True)
    ana = store.save_contact(Contact(name="Ana"))
    saved = store.save_conversation(Conversation(contact_id=ana.id, goal="first"))
    for n in range(20):
        saved.goal = f"goal {n}"
        store.save_conversation(saved)
        assert store.conversation(saved.id).goal == f"goal {n}"
    assert store.flush()
    store.close()
    assert conversation_files(data_dir)[f"{saved.id}.json"]["goal"] == "goal 19"


@pytest.mark.parametrize(("payload", "reason"), [
    (b"{half a file", "damaged"),
    (json.dumps({"meta": {"1": {"app": "coffeechat", "schema": 9}},
                 "conversations": {"1": {"id": "c1", "contact_id": "a1"}}}).encode(),
     "newer coffeechat"),
    (json.dumps({"meta": {"1": {"app": "coffeechat", "schema": 2}},
                 "conversations": {"1": {"id": "c1", "contact_id": "a1", "kind": "job"}}}
                ).encode(), "'kind' is 'job'"),
], ids=["damaged", "newer", "bad-record"])
def test_one_bad_conversation_file_is_listed_and_never_written(capsys, data_dir: Path,
                                                               payload: bytes,
                                                               reason: str) -> None:
    store, _ = _three(data_dir)
    store.close()
    Store.open(data_dir).close()  # today's snapshot holds the good c1
    bad = data_dir / "conversations" / "c1.json"
    bad.unlink()
    bad.write_bytes(payload)
    code, out, err = run(capsys, "--data-dir", str(data_dir), "list", "--json")
    assert code == 0 and sorted(r["id"] for r in json.loads(out)) == ["c0", "c2"]
    assert str(bad) in err and reason in err and "never written over" in err
    assert "backups" in err and "coffeechat restore" in err  # where a good copy is
    store = Store.open(data_dir)
    try:
        [problem] = store.problems()
        assert problem.path == bad and reason in problem.reason
        with pytest.raises(StorageError):
            store.conversation("c1")
        with pytest.raises(StorageError, match="not written over"):
            store.save_conversation(Conversation(contact_id="a1", id="c1"))
        exported = {"format": "coffeechat-export", "schema": 1, "contacts": [],
                    "conversations": [Conversation(contact_id="a1", id="c1").to_dict()]}
        with pytest.raises(StorageError, match="nothing was imported"):
            store.import_data(exported)
    finally:
        store.close()
    assert bad.read_bytes() == payload


def test_sync_conflict_copies_are_listed_with_both_paths_and_left_alone(
        capsys, data_dir: Path) -> None:
    store, _ = _three(data_dir)
    store.close()
    folder = data_dir / "conversations"
    copies = [folder / "c1.sync-conflict-20261129-101500-ABCDEF7.json",
              folder / "c2 (Ana's MacBook's conflicted copy 2026-11-29).json",
              data_dir / "coffeechat.sync-conflict-20261129-101500-ABCDEF7.json"]
    for copy in copies:
        copy.write_bytes(b"another machine's version")
    code, out, err = run(capsys, "--data-dir", str(data_dir), "list", "--json")
    assert code == 0 and len(json.loads(out)) == 3
    for copy, original in zip(copies, [folder / "c1.json", folder / "c2.json",
                                       data_dir / DATA_FILE], strict=True):
        line = next(line for line in err.splitlines() if str(copy) in line)
        assert "sync conflict" in line and str(original) in line
    store = Store.open(data_dir)
    assert len(store.conflicts()) == 3
    store.close()
    assert all(copy.read_bytes() == b"another machine's version" for copy in copies)


def test_a_file_changed_on_disk_while_open_is_not_overwritten(data_dir: Path) -> None:
    store, _ = _three(data_dir)
    mine = store.conversation("c1")
    path = data_dir / "conversations" / "c1.json"
    theirs = json.loads(path.read_text())
    theirs["conversations"]["1"]["goal"] = "edited on the other machine"
    path.unlink()
    path.write_text(json.dumps(theirs))  # as a sync tool brings it in
    mine.goal = "edited here"
    store.save_conversation(mine)
    store.close()
    assert json.loads(path.read_text())["conversations"]["1"]["goal"] == \
        "edited on the other machine"
    [copy] = (data_dir / "conversations").glob("c1.coffeechat-conflict-*.json")
    assert json.loads(copy.read_text())["conversations"]["1"]["goal"] == "edited here"
    store = Store.open(data_dir, readonly=True)
    assert [c.copy for c in store.conflicts()] == [copy]
    store.close()


def test_fields_and_tables_from_a_newer_version_are_kept(data_dir: Path) -> None:
    store, _ = _three(data_dir)
    store.close()
    main = main_file(data_dir)
    main["profile"] = {"1": {"name": "Me", "intro": "Data engineer"}}
    main["contacts"]["1"]["pronouns"] = "she/her"
    (data_dir / DATA_FILE).write_text(json.dumps(main))
    path = data_dir / "conversations" / "c1.json"
    raw = json.loads(path.read_text())
    doc = raw["conversations"]["1"]
    doc["energy"] = {"before": 3}
    doc["questions"] = [{"text": "Why?", "id": "q1", "asked_by": "me"}]
    raw["hypotheses"] = {"1": {"statement": "fintech suits me"}}
    path.write_text(json.dumps(raw))
    store = Store.open(data_dir)
    conversation = store.conversation("c1")
    conversation.goal = "saved by this version"
    conversation.questions.append(Question(text="And then?"))
    store.save_conversation(conversation)
    contact = store.contact("a1")
    contact.role = "PM"
    store.save_contact(contact)
    store.close()
    main = main_file(data_dir)
    assert main["profile"] == {"1": {"name": "Me", "intro": "Data engineer"}}
    assert main["contacts"]["1"]["pronouns"] == "she/her" and main["contacts"]["1"]["role"]
    raw = json.loads(path.read_text())
    doc = raw["conversations"]["1"]
    assert doc["energy"] == {"before": 3} and doc["goal"] == "saved by this version"
    assert doc["questions"][0]["asked_by"] == "me"
    assert raw["hypotheses"] == {"1": {"statement": "fintech suits me"}}


def test_a_missing_or_damaged_cache_is_rebuilt(data_dir: Path, tmp_path: Path,
                                              monkeypatch) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("COFFEECHAT_CACHE_DIR", str(cache))
    store, _ = _three(data_dir)
    store.close()
    [db] = (cache / "summaries").glob("*.sqlite3")
    for damage in (b"not a database at all" * 100, None):
        if damage is None:
            for leftover in (cache / "summaries").iterdir():
                leftover.unlink()
        else:
            db.write_bytes(damage)
        reader = Store.open(data_dir, readonly=True)
        assert sorted(s.goal for s in reader.summaries()) == ["g0", "g1", "g2"]
        reader.close()
    assert _mode(db) == 0o600 and _mode(cache / "summaries") == 0o700


def test_damaged_rows_of_the_list_cache_are_read_again(data_dir: Path, tmp_path: Path,
                                                       monkeypatch) -> None:
    """A warm cache lists every conversation without reading a file; a row with a missing
    stamp, a summary that is not JSON, or a damaged file recorded as a problem is read again,
    and the rows around it still line up with their files."""
    import sqlite3

    cache = tmp_path / "cache"
    monkeypatch.setenv("COFFEECHAT_CACHE_DIR", str(cache))
    store, _ = _three(data_dir)
    store.close()
    reader = Store.open(data_dir, readonly=True)
    assert reader.files.catalog.read == 0
    reader.close()
    (data_dir / "conversations" / "c2.json").write_text("{broken")
    reader = Store.open(data_dir, readonly=True)
    assert reader.files.catalog.read == 1 and len(reader.files.catalog.problems) == 1
    reader.close()
    [db] = (cache / "summaries").glob("*.sqlite3")
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT problem_kind FROM files WHERE name = 'c2.json'"
                                  ).fetchone()[0]
        connection.execute("UPDATE files SET ino = NULL WHERE name = 'c0.json'")
        connection.execute("UPDATE files SET summary = '{not json' WHERE name = 'c1.json'")
    reader = Store.open(data_dir, readonly=True)
    assert sorted(s.goal for s in reader.summaries()) == ["g0", "g1"]
    assert [p.path.name for p in reader.files.catalog.problems.values()] == ["c2.json"]
    reader.close()
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE files SET ino = NULL WHERE name = 'c0.json'")
    reader = Store.open(data_dir, readonly=True)  # c1 and the problem are taken as cached
    assert sorted(s.goal for s in reader.summaries()) == ["g0", "g1"]
    assert reader.files.catalog.read == 1 and len(reader.files.catalog.problems) == 1
    reader.close()


@pytest.mark.parametrize("damage", [
    "INSERT INTO files VALUES ('gone.json', 'abc', 1, 2, 'gone', '[]', NULL, NULL)",
    "INSERT INTO files VALUES ('x/y.json', 1, 2, 3, 'xy', 'null', NULL, NULL)",
    "UPDATE files SET summary = '{\"a\": 1}, {\"b\": 2}' WHERE name = 'c0.json'",
])
def test_a_cache_whose_rows_do_not_line_up_is_cleared(data_dir: Path, tmp_path: Path,
                                                      monkeypatch, damage: str) -> None:
    """A row that would shift the others (a stamp that is not a number, a name holding
    ``/``, a summary that reads as two) never pairs a conversation with another's file: the
    cache is cleared, every file read once, and the next start reads none."""
    import sqlite3

    cache = tmp_path / "cache"
    monkeypatch.setenv("COFFEECHAT_CACHE_DIR", str(cache))
    store, _ = _three(data_dir)
    store.close()
    [db] = (cache / "summaries").glob("*.sqlite3")
    with sqlite3.connect(db) as connection:
        connection.execute(damage)
    reader = Store.open(data_dir, readonly=True)
    assert reader.files.catalog.read == 3
    assert {s.id: reader.files.catalog.names[s.id] for s in reader.summaries()} == {
        f"c{n}": f"c{n}.json" for n in range(3)}
    assert any("could not be read" in notice for notice in reader.notices)
    reader.close()
    reader = Store.open(data_dir, readonly=True)
    assert reader.files.catalog.read == 0 and len(reader.summaries()) == 3
    reader.close()


def test_an_edit_made_elsewhere_shows_in_the_list(data_dir: Path) -> None:
    store, _ = _three(data_dir)
    store.close()
    path = data_dir / "conversations" / "c2.json"
    raw = json.loads(path.read_text())
    raw["conversations"]["1"]["goal"] = "synced in"
    path.unlink()
    path.write_text(json.dumps(raw))
    os.unlink(data_dir / "conversations" / "c0.json")
    reader = Store.open(data_dir, readonly=True)
    assert sorted(s.goal for s in reader.summaries()) == ["g1", "synced in"]
    reader.close()


def test_the_list_cache_keeps_any_text_exactly(data_dir: Path, tmp_path: Path,
                                               monkeypatch) -> None:
    """Summaries come back from the cache as they were saved: accents, quotes, emoji, and a
    lone surrogate from a broken paste (which the quick JSON encoder refuses)."""
    import sqlite3

    cache = tmp_path / "cache"
    monkeypatch.setenv("COFFEECHAT_CACHE_DIR", str(cache))
    goals = ["café “quoted” \\ 🙂", "half \ud83d a smile", 'say "hi"\n\tthen go']
    store = Store.open(data_dir)
    ana = store.save_contact(Contact(name="Ana", id="a1"))
    for n, goal in enumerate(goals):
        store.save_conversation(Conversation(contact_id=ana.id, id=f"c{n}", goal=goal))
    store.close()
    [db] = (cache / "summaries").glob("*.sqlite3")
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT COUNT(summary) FROM files").fetchone()[0] == 3
    reader = Store.open(data_dir, readonly=True)
    assert sorted(s.goal for s in reader.summaries()) == sorted(goals)
    reader.close()
