"""The index file is a cache: private, rebuilt when missing, old or damaged, never a crash."""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
from pathlib import Path

import pytest

from tests import search_data
from tui.core import search_cache
from tui.core.search import SearchIndex
from tui.core.search_cache import ENV_CACHE_DIR, cache_dir, index_path


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _built(data: Path, cache: Path) -> SearchIndex:
    index = SearchIndex.open(data, cache_folder=cache)
    index.rebuild(search_data.records())
    return index


def test_where_the_index_lives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_CACHE_DIR, str(tmp_path / "from-env"))
    assert cache_dir() == tmp_path / "from-env"
    assert cache_dir(tmp_path / "given") == tmp_path / "given"
    path = index_path(tmp_path / "data")
    assert path.parent == tmp_path / "from-env" / "search"
    # keyed by the resolved data folder: another spelling of it is the same index
    assert index_path(tmp_path / "x" / ".." / "data") == path
    assert index_path(tmp_path / "other") != path


def test_files_are_private_and_only_new_folders_are_changed(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    tmp_path.chmod(0o755)
    index = _built(tmp_path / "data", cache)
    path = index.path
    assert path is not None and path.is_file()
    assert _mode(cache) == 0o700 and _mode(path.parent) == 0o700
    assert _mode(tmp_path) == 0o755  # not ours: left alone
    index.update_conversation(*search_data.records()[0])  # writes the WAL
    for suffix in ("", "-wal", "-shm"):
        extra = Path(f"{path}{suffix}")
        if extra.exists():
            assert _mode(extra) == 0o600, suffix
    index.close()


def test_a_loose_file_mode_is_tightened(tmp_path: Path) -> None:
    index = _built(tmp_path / "data", tmp_path / "cache")
    assert index.path is not None
    path = index.path
    index.close()
    path.chmod(0o644)
    SearchIndex.open(tmp_path / "data", cache_folder=tmp_path / "cache").close()
    assert _mode(path) == 0o600


def test_the_index_persists_and_knows_it_is_complete(tmp_path: Path) -> None:
    index = SearchIndex.open(tmp_path / "data", cache_folder=tmp_path / "cache")
    assert index.needs_rebuild and index.engine == "fts5"
    assert any("being built" in n for n in index.search("dublin").notices)
    index.rebuild(search_data.records())
    assert not index.needs_rebuild
    index.close()
    again = SearchIndex.open(tmp_path / "data", cache_folder=tmp_path / "cache")
    assert not again.needs_rebuild
    assert again.search("veto ").hits[0].label == "Q3 note"
    again.close()


def test_a_deleted_index_is_rebuilt_and_nothing_is_lost(tmp_path: Path) -> None:
    index = _built(tmp_path / "data", tmp_path / "cache")
    assert index.path is not None
    path = index.path
    index.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    again = SearchIndex.open(tmp_path / "data", cache_folder=tmp_path / "cache")
    assert again.needs_rebuild and again.search("veto ").hits == ()
    again.rebuild(search_data.records())
    assert again.search("veto ").hits
    again.close()


@pytest.mark.parametrize("garbage", [b"", b"not a database at all" * 100,
                                     b"SQLite format 3\x00" + b"\xff" * 4000])
def test_a_damaged_file_is_recreated(tmp_path: Path, garbage: bytes) -> None:
    path = index_path(tmp_path / "data", tmp_path / "cache")
    path.parent.mkdir(parents=True)
    path.write_bytes(garbage)
    index = SearchIndex.open(tmp_path / "data", cache_folder=tmp_path / "cache")
    assert index.engine == "fts5" and index.path == path and index.needs_rebuild
    index.rebuild(search_data.records())
    assert index.search("veto ").hits
    index.close()


def test_another_version_means_a_rebuild(tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    _built(tmp_path / "data", tmp_path / "cache").close()
    monkeypatch.setattr(search_cache, "INDEX_VERSION", "999")
    index = SearchIndex.open(tmp_path / "data", cache_folder=tmp_path / "cache")
    assert index.needs_rebuild and index.search("veto ").hits == ()
    index.close()


def test_a_foreign_sqlite_file_is_replaced(tmp_path: Path) -> None:
    path = index_path(tmp_path / "data", tmp_path / "cache")
    path.parent.mkdir(parents=True)
    sqlite3.connect(path).execute("CREATE TABLE other (x)").connection.close()
    index = SearchIndex.open(tmp_path / "data", cache_folder=tmp_path / "cache")
    assert index.needs_rebuild and index.path == path
    index.close()


def test_damage_found_while_searching_resets_the_index(tmp_path: Path) -> None:
    index = _built(tmp_path / "data", tmp_path / "cache")
    index._file.connection.execute("DROP TABLE records")  # type: ignore[union-attr]
    index._file.connection.execute(  # type: ignore[union-attr]
        "CREATE TABLE records (rowid INTEGER PRIMARY KEY)")
    result = index.search("veto ")  # a schema that is not ours: start over
    assert result.hits == () and index.needs_rebuild
    assert any("damaged" in n for n in result.notices)
    index.close()
    path = index_path(tmp_path / "data", tmp_path / "cache")
    with path.open("r+b") as handle:  # now real damage: overwrite the pages
        handle.seek(4096)
        handle.write(b"\xa5" * (path.stat().st_size - 4096))
    index = SearchIndex.open(tmp_path / "data", cache_folder=tmp_path / "cache")
    result = index.search("veto ")
    assert result.hits == ()
    assert index.needs_rebuild
    index.rebuild(search_data.records())
    assert index.search("veto ").hits
    index.close()


def test_an_unwritable_cache_keeps_the_index_in_memory(tmp_path: Path) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder should be")
    index = SearchIndex.open(tmp_path / "data", cache_folder=blocked)
    assert index.path is None and index.engine == "fts5"
    assert any("kept in memory" in n for n in index.notices)
    index.rebuild(search_data.records())
    assert index.search("veto ").hits
    index.close()


def test_cancel_a_rebuild_from_another_thread(tmp_path: Path) -> None:
    index = _built(tmp_path / "data", tmp_path / "cache")
    reached, go_on = threading.Event(), threading.Event()
    outcome: list[int] = []

    def progress(done: int, total: int | None) -> None:
        reached.set()
        go_on.wait(10)

    worker = threading.Thread(target=lambda: outcome.append(
        index.rebuild(search_data.records() * 60, progress=progress)))
    worker.start()
    assert reached.wait(10)
    # while the rebuild is under way, searches read the index as it was
    assert index.search("veto ").hits[0].label == "Q3 note"
    index.cancel_search()  # no search running: harmless, and it must not stop the rebuild
    index.cancel_rebuild()
    go_on.set()
    worker.join(10)
    assert outcome == [0]
    assert index.search("veto ").hits  # the previous index
    index.close()


def test_cancel_a_search_from_another_thread(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    index = _built(tmp_path / "data", tmp_path / "cache")
    reached, go_on = threading.Event(), threading.Event()
    reader = index._reader
    fetch = reader.fetch

    def slow_fetch(*args: object) -> object:
        reached.set()
        go_on.wait(10)
        return fetch(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(reader, "fetch", slow_fetch)
    outcome: list[object] = []
    worker = threading.Thread(target=lambda: outcome.append(index.search("dublin ")))
    worker.start()
    assert reached.wait(10)
    index.cancel_search()  # as the next keystroke would
    go_on.set()
    worker.join(10)
    assert outcome and outcome[0].cancelled and not outcome[0].hits  # type: ignore[attr-defined]
    monkeypatch.undo()
    assert index.search("dublin ").hits  # nothing left pending for the next search
    index.close()


def test_two_indexes_of_one_folder_see_each_other(tmp_path: Path) -> None:
    writer = _built(tmp_path / "data", tmp_path / "cache")
    reader = SearchIndex.open(tmp_path / "data", cache_folder=tmp_path / "cache")
    conversation, contact = search_data.records()[3]
    assert conversation is not None
    conversation["goal"] = "Offshore wind"
    writer.update_conversation(conversation, contact)
    assert reader.search("offshore ").hits[0].conversation_id == "c-marcus"
    writer.close()
    reader.close()
    assert os.path.exists(index_path(tmp_path / "data", tmp_path / "cache"))


def test_without_fts5_the_memory_engine_takes_over(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("tui.core.search.fts5_available", lambda: False)
    index = SearchIndex.open(tmp_path / "data", cache_folder=tmp_path / "cache")
    assert index.engine == "memory" and index.path is None and index.needs_rebuild
    assert any("without SQLite FTS5" in n for n in index.notices)
    index.rebuild(search_data.records())
    assert not index.needs_rebuild
    assert index.search("veto ").hits[0].label == "Q3 note"
    assert not (tmp_path / "cache").exists()  # nothing written


def test_damage_found_while_writing_resets_and_other_failures_are_reported(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    index = _built(tmp_path / "data", tmp_path / "cache")
    conversation, contact = search_data.records()[0]
    assert conversation is not None
    engine = index._engine

    def malformed(*_: object, **__: object) -> None:
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(type(engine), "put", malformed)
    index.update_conversation(conversation, contact)  # no exception for the caller
    assert index.needs_rebuild
    assert any("damaged" in n for n in index.notices)
    monkeypatch.undo()

    def full(*_: object, **__: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(type(engine), "put", full)
    with pytest.raises(search_cache.SearchIndexError, match="disk is full"):
        index.update_conversation(conversation, contact)
    monkeypatch.undo()
    index.rebuild(search_data.records())
    assert index.search("veto ").hits and not index.notices
    index.close()
