"""The demo data covers every stage and loads into a store."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from tui.core.demo import demo_records, load_demo
from tui.core.store import Store


def test_demo_covers_the_whole_loop(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    added = load_demo(store, datetime(2026, 11, 23, 15, tzinfo=timezone.utc))
    statuses = {c.status for c in store.conversations()}
    store.close()
    assert added == 4
    assert statuses == {"idea", "scheduled", "done", "thanked"}


def test_demo_referral_chain_points_at_real_contacts() -> None:
    contacts, _ = demo_records(datetime(2026, 11, 23, 15, tzinfo=timezone.utc))
    ids = {c.id for c in contacts}
    introduced = [c for c in contacts if c.introduced_by]
    assert introduced and all(c.introduced_by in ids for c in introduced)
