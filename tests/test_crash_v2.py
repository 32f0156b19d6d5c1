"""Kill -9 at any moment: during the move to one file per conversation the data is the old
file (which still opens) or the new layout, whole; during a rebuild of the search index the
index is the old one or the new one, and the next open always works."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from bench import synthetic
from tests.layout_tools import conversation_files
from tui.core.search import SearchIndex
from tui.core.search_link import catch_up
from tui.core.storage import DATA_FILE
from tui.core.store import Store

CHILD = Path(__file__).with_name("crash_child.py")
COUNT = 300


def _single_file(folder: Path) -> bytes:
    """A schema-1 data file of COUNT realistic conversations."""
    folder.mkdir()
    contacts = list(synthetic.iter_contacts(COUNT))
    data = {"meta": {"1": {"app": "coffeechat", "schema": 1}},
            "contacts": {str(n): c for n, c in enumerate(contacts, 1)},
            "conversations": {str(n): c for n, (c, _) in
                              enumerate(synthetic.iter_records(COUNT), 1)}}
    raw = json.dumps(data, ensure_ascii=False).encode()
    (folder / DATA_FILE).write_bytes(raw)
    return raw


def _kill_at_random(folder: Path, what: str, env: dict[str, str], delay: float) -> bool:
    """Run the child, kill it after ``delay`` seconds; True if it finished first."""
    child = subprocess.Popen([sys.executable, str(CHILD), str(folder), what],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        out, _ = child.communicate(timeout=delay)
    except subprocess.TimeoutExpired:
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate(timeout=30)
    return "done" in out


def test_kill_during_the_move_to_one_file_per_conversation(
        tmp_path: Path, subprocess_env: dict[str, str]) -> None:
    folder = tmp_path / "data"
    original = _single_file(folder)
    ids = sorted(c["id"] for c, _ in synthetic.iter_records(COUNT))
    rng = random.Random(11)
    finished = False
    for attempt in range(8):
        finished = _kill_at_random(folder, "migrate", subprocess_env,
                                   rng.uniform(0.05, 1.5) if attempt < 7 else 120)
        main = (folder / DATA_FILE).read_bytes()
        reader = Store.open(folder, readonly=True)  # opens, whatever the moment of the kill
        try:
            assert sorted(s.id for s in reader.summaries()) == ids
        finally:
            reader.close()
        if main == original:
            assert not finished
            continue
        schema = json.loads(main)["meta"]["1"]["schema"]
        assert schema == 2  # never half moved: the new main file comes last
        assert sorted(d["id"] for d in conversation_files(folder).values()) == ids
        if finished:
            break
    assert finished or json.loads((folder / DATA_FILE).read_bytes())["meta"]["1"]["schema"] == 2
    assert not list(folder.glob(".coffeechat-*"))
    [kept] = (folder / "backups").glob("coffeechat-schema1-*.json")
    assert kept.read_bytes() == original


def test_kill_during_a_rebuild_of_the_search_index(
        tmp_path: Path, subprocess_env: dict[str, str], monkeypatch) -> None:
    folder = tmp_path / "data"
    cache = tmp_path / "cache"
    monkeypatch.setenv("COFFEECHAT_CACHE_DIR", str(cache))
    env = {**subprocess_env, "COFFEECHAT_CACHE_DIR": str(cache)}
    _single_file(folder)
    Store.open(folder).close()
    rng = random.Random(5)
    for attempt in range(5):
        _kill_at_random(folder, "rebuild", env, rng.uniform(0.2, 2.0) if attempt else 60)
        store = Store.open(folder, readonly=True)
        try:
            with SearchIndex.open(store.layout.root) as index:  # never fails to open
                catch_up(index, *store.index_inputs())
                name = store.contacts()[0].name.split()[0]
                assert index.search(name).hits
        finally:
            store.close()
        time.sleep(0.01)


def test_an_interrupted_transaction_is_finished_by_the_next_open(tmp_path: Path) -> None:
    """Killed after the journal was written: readers and writers alike see it finished."""
    from tui.core.txn import JOURNAL, Transaction

    folder = tmp_path / "data"
    store = Store.open(folder)
    for n in range(3):
        store.save_contact(synthetic_contact(n))
    store.close()
    txn = Transaction(folder, "import")
    txn.stage("conversations/c9.json", b'{"meta": {"1": {"app": "coffeechat", "schema": 2}}, '
              b'"conversations": {"1": {"id": "c9", "contact_id": "p0"}}}')
    txn._drain()
    journal = {"app": "coffeechat", "journal": 1, "kind": "import",
               "staging": txn.staging.name, "moves": txn.moves, "deletes": []}
    (folder / JOURNAL).write_text(json.dumps(journal))  # ...and then the kill
    reader = Store.open(folder, readonly=True)
    assert [s.id for s in reader.summaries()] == ["c9"]
    reader.close()
    assert not (folder / JOURNAL).exists() and not txn.staging.exists()
    # one that never got its journal is thrown away
    never = Transaction(folder, "import")
    never.stage("conversations/c8.json", b"{}")
    never._drain()
    Store.open(folder).close()
    assert not never.staging.exists() and not (folder / "conversations" / "c8.json").exists()


def synthetic_contact(n: int):  # type: ignore[no-untyped-def]
    from tui.core.models import Contact

    return Contact(name=f"Person {n}", id=f"p{n}")


def test_a_transaction_killed_half_way_through_its_moves_is_finished(tmp_path: Path) -> None:
    """Killed after some staged files were moved (into a folder made on the way): the next
    open moves the rest, and every file is there once, private, with the staged content."""
    import os
    import stat

    from tui.core.txn import JOURNAL, Transaction, recover

    folder = tmp_path / "data"
    folder.mkdir()
    txn = Transaction(folder, "import")
    names = [f"conversations/c{n}.json" for n in range(6)] + ["elsewhere/deep/x.json"]
    for name in names:
        txn.stage(name, name.encode())
    txn._drain()
    journal = {"app": "coffeechat", "journal": 1, "kind": "import",
               "staging": txn.staging.name, "moves": txn.moves, "deletes": ["gone.json"]}
    (folder / "gone.json").write_bytes(b"old")
    (folder / JOURNAL).write_text(json.dumps(journal))
    (folder / "conversations").mkdir(mode=0o700)
    for staged, target in txn.moves[:3]:  # the first three were moved, then the kill
        os.replace(folder / staged, folder / target)
    assert recover(folder) == "import"
    for name in names:
        path = folder / name
        assert path.read_bytes() == name.encode()
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE((folder / "elsewhere" / "deep").stat().st_mode) == 0o700
    assert not (folder / "gone.json").exists() and not (folder / JOURNAL).exists()
    assert not txn.staging.exists()
