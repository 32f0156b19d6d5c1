"""A list cache found damaged while the app reads the data is recreated, and the user is told,
whether the reading before the first frame or the one in the background finds it."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.uitools import until
from tui.app import CoffeechatApp
from tui.app_run import QUICK_READS
from tui.core.models import Contact, Conversation
from tui.core.store import Store

GHOST_ROW = "INSERT INTO files VALUES ('gone.json', 'abc', 1, 2, 'gone', '[]', NULL, NULL)"
TOLD = "held rows that could not be read"


def _three(folder: Path) -> None:
    store = Store.open(folder)
    ana = store.save_contact(Contact(name="Ana", id="a1"))
    for i in range(3):
        store.save_conversation(Conversation(contact_id=ana.id, id=f"c{i}", goal=f"goal {i}"))
    store.close()


def _damage(store: Store) -> None:
    path = store.files.cache.path  # type: ignore[union-attr]
    with sqlite3.connect(path) as db:
        db.execute(GHOST_ROW)
    db.close()


@pytest.mark.parametrize("found_by", ["the reading before the first frame",
                                      "the reading in the background"])
async def test_a_damaged_list_cache_is_told(data_dir: Path, found_by: str) -> None:
    _three(data_dir)
    store = Store.open(data_dir, background=True, refresh=False)
    if found_by == "the reading before the first frame":
        _damage(store)
        unread = store.refresh(limit=QUICK_READS)  # as run_app does
        assert unread == 0
    else:
        assert store.refresh(limit=QUICK_READS) == 0
        _damage(store)  # found by the refresh the app makes on its worker
        unread = 3
    app = CoffeechatApp(store, config_folder=data_dir / "config", needs_refresh=bool(unread))
    shown: list[str] = []  # every notification, whether or not its toast is still up
    notify = app.notify

    def noting(message: str, **options: Any) -> None:
        shown.append(message)
        notify(message, **options)

    app.notify = noting  # type: ignore[method-assign]
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: any(TOLD in message for message in shown))
        await until(pilot, lambda: app.upkeep_done.is_set())
        assert len([message for message in shown if TOLD in message]) == 1  # told once
        assert sorted(s.goal for s in store.summaries()) == ["goal 0", "goal 1", "goal 2"]
        assert store.later_notices() == []
