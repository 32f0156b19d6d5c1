"""SVG snapshots of the Reflect pane and the Due view, with fixed data and a fixed clock."""

from __future__ import annotations

from pathlib import Path

from tests.reflect_data import busy_history, fixed_clock, reflected
from tests.snapshot_tools import press_then_saved, snapshot_app


def test_reflect_pane_snapshot(snap_compare, tmp_path: Path) -> None:
    app = snapshot_app(tmp_path)
    fixed_clock(app)
    reflected(app)
    assert snap_compare(app, terminal_size=(80, 24), run_before=press_then_saved("enter", "f5"))


def test_reflect_pane_lower_sections_snapshot(snap_compare, tmp_path: Path) -> None:
    app = snapshot_app(tmp_path)
    fixed_clock(app)
    reflected(app)
    assert snap_compare(app, terminal_size=(60, 24),
                        run_before=press_then_saved("enter", "f5", "ctrl+up", "ctrl+up"))


def test_due_view_snapshot(snap_compare, tmp_path: Path) -> None:
    app = snapshot_app(tmp_path)
    fixed_clock(app)
    busy_history(app)
    assert snap_compare(app, terminal_size=(100, 30), run_before=press_then_saved("3"))
