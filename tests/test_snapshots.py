"""SVG snapshots of key screens (update with --snapshot-update after a deliberate change)."""

from __future__ import annotations

from pathlib import Path

from tests.snapshot_tools import press_then_saved, sample_conversation, snapshot_app


def test_home_snapshot(snap_compare, tmp_path: Path) -> None:
    app = snapshot_app(tmp_path)
    sample_conversation(app)
    assert snap_compare(app, terminal_size=(100, 30))


def test_home_snapshot_narrow(snap_compare, tmp_path: Path) -> None:
    app = snapshot_app(tmp_path)
    sample_conversation(app)
    assert snap_compare(app, terminal_size=(60, 24))


def test_details_snapshot(snap_compare, tmp_path: Path) -> None:
    app = snapshot_app(tmp_path)
    sample_conversation(app)
    assert snap_compare(app, terminal_size=(80, 24), run_before=press_then_saved("enter"))
