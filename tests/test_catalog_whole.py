"""A refresh that finds every file as the list cache knows it takes the cache whole; the
catalog is the one the row-by-row reading gives, and anything else falls back to that."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tui.core import catalog as catalog_module
from tui.core.catalog import Catalog, refresh
from tui.core.models import ActionItem, Contact, Conversation, Referral
from tui.core.store import Store


def _fill(folder: Path) -> None:
    store = Store.open(folder)
    ana = store.save_contact(Contact(name="Ana", id="a1"))
    for i in range(6):
        store.save_conversation(Conversation(
            contact_id=ana.id, id=f"c{i}", goal=f"goal {i}", status="done",
            actions=[ActionItem(text=f"act {i}", due=f"2026-01-0{i + 1}")],
            referrals=[Referral(name=f"Ref {i}")]))
    store.close()


def _parts(catalog: Catalog) -> tuple[object, ...]:
    """What a catalog holds (a summary read from its file holds tuples where one from the
    cache holds lists: compared in their JSON form)."""
    return ({key: summary.to_json() for key, summary in catalog.summaries.items()},
            catalog.names, list(catalog.stamps.items()), catalog.problems,
            catalog.conflicts, catalog.read, catalog.unread)


def _both_ways(folder: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Catalog, Catalog, int]:
    """The catalog as the refresh makes it, the one made row by row, and how often the cache
    was taken whole."""
    taken = []
    whole = catalog_module._take_all

    def counting(*args: object) -> None:
        taken.append(1)
        whole(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(catalog_module, "_take_all", counting)
    store = Store.open(folder, readonly=True, refresh=False)
    try:
        fast = refresh(store.layout, store.files.cache)  # type: ignore[arg-type]
        with monkeypatch.context() as patch:
            patch.setattr(catalog_module, "_unchanged", lambda *args: None)
            slow = refresh(store.layout, store.files.cache)  # type: ignore[arg-type]
    finally:
        store.close()
    return fast, slow, len(taken)


def test_an_unchanged_folder_takes_the_cache_whole_and_gets_the_same_catalog(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fill(data_dir)
    fast, slow, taken = _both_ways(data_dir, monkeypatch)
    assert taken == 1
    assert _parts(fast) == _parts(slow)
    assert sorted(fast.summaries) == [f"c{i}" for i in range(6)]
    [[_, text, due, done]] = fast.summaries["c3"].open_actions
    assert (text, due, done) == ("act 3", "2026-01-04", False)
    assert fast.names["c3"] == "c3.json" and fast.read == 0


@pytest.mark.parametrize("change", ["edited", "added", "removed", "damaged",
                                    "a cached row of another length",
                                    "a cached row that is not a list"])
def test_a_folder_that_changed_is_read_row_by_row(data_dir: Path, change: str,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    _fill(data_dir)
    folder = data_dir / "conversations"
    if change in ("edited", "added"):  # by another machine, through a synced folder
        doc = json.loads((folder / "c2.json").read_text())
        [record] = doc["conversations"].values()
        record["goal"] = "changed"
        if change == "added":
            record["id"] = "c9"
        (folder / f"{record['id']}.json").write_text(json.dumps(doc))
    elif change.startswith("a cached row"):
        store = Store.open(data_dir, readonly=True)
        path = store.files.cache.path  # type: ignore[union-attr]
        store.close()
        shape = "'[1, 2]'" if "length" in change else "'\"x\"'"
        with sqlite3.connect(path) as db:
            db.execute(f"UPDATE files SET summary = {shape} WHERE name = 'c3.json'")
        db.close()
    elif change == "removed":
        (folder / "c4.json").unlink()
    else:
        (folder / "c1.json").write_text("{broken")
    fast, slow, taken = _both_ways(data_dir, monkeypatch)
    assert taken == 0
    assert _parts(fast)[:4] == _parts(slow)[:4]
    six = {f"c{i}" for i in range(6)}
    expected = {"edited": six, "added": {*six, "c9"}, "a cached row of another length": six,
                "a cached row that is not a list": six,
                "removed": {"c0", "c1", "c2", "c3", "c5"},
                "damaged": {"c0", "c2", "c3", "c4", "c5"}}[change]
    assert set(fast.summaries) == expected
    if change.startswith("a cached row"):  # that file alone is read again
        assert fast.read == 1 and fast.summaries["c3"].goal == "goal 3"
    if change in ("edited", "added"):
        assert fast.summaries["c9" if change == "added" else "c2"].goal == "changed"
    if change == "damaged":
        assert list(fast.problems) == ["c1.json"]
