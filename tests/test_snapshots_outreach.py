"""Snapshots of the outreach checklist beside the draft (wide) and under it (a narrow split)."""

from __future__ import annotations

from pathlib import Path

from tests.snapshot_tools import press_then_saved, sample_conversation, snapshot_app


def test_outreach_checklist_wide_snapshot(snap_compare, tmp_path: Path) -> None:
    app = snapshot_app(tmp_path)
    sample_conversation(app)
    assert snap_compare(app, terminal_size=(110, 30),
                        run_before=press_then_saved("enter", "f3", "3", "enter", "f7"))


def test_outreach_checklist_narrow_snapshot(snap_compare, tmp_path: Path) -> None:
    app = snapshot_app(tmp_path)
    sample_conversation(app)
    assert snap_compare(app, terminal_size=(60, 24),
                        run_before=press_then_saved("enter", "f3", "3", "enter"))
