"""Stable snapshots: fixed data, fixed clock text, no cursor blink."""

from __future__ import annotations

import os
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from tests.uitools import make_app
from tui.app import CoffeechatApp
from tui.core.models import Contact, Conversation
from tui.widgets.save_indicator import SaveIndicator

# Dates on screen are shown in local time: pin it so snapshots match on every machine.
os.environ["TZ"] = "UTC"
time.tzset()


SNAPSHOT_NOW = datetime(2026, 11, 23, 10, 0, tzinfo=timezone.utc)


class SnapshotApp(CoffeechatApp):
    """The app with a fixed clock and the cursor blink off, so SVG snapshots are stable."""

    def now(self) -> datetime:
        """Always Monday 23 November 2026, 10:00 UTC."""
        return SNAPSHOT_NOW

    def _on_mount(self) -> None:
        """Stop every blinking cursor. (Textual runs the app's own ``on_mount`` as well: a
        call to it here would mount the app twice, with two home screens.)"""
        self.set_interval(0.05, self._stop_blink)

    def _stop_blink(self) -> None:
        for widget in self.screen.query("Input, TextArea"):
            widget.cursor_blink = False  # type: ignore[attr-defined]


async def until_saved(pilot: Any, seconds: float = 30.0) -> None:
    """Save, and wait until nothing is pending and the indicator says so (on a loaded
    machine an autosave tick can land between the save and the screenshot)."""
    app = pilot.app
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert app.save_everything()
        app.update_save_status()
        indicators = list(app.screen.query(SaveIndicator))
        await pilot.pause()
        if not app.autosaver.pending and all(i.state == "saved" for i in indicators):
            return
        await pilot.pause(0.05)
    raise AssertionError("edits were still being saved")


def press_then_saved(*keys: str) -> Any:
    """A ``run_before`` that presses ``keys``, then waits until everything is saved."""

    async def run_before(pilot: Any) -> None:
        await pilot.press(*keys)
        await pilot.pause()
        await until_saved(pilot)
        await until_still(pilot)

    return run_before


def background_work_shown(app: Any) -> bool:
    """What the screen works out in a thread has arrived: the hypotheses a conversation tests
    and the user's own replies by weekday in Prep."""
    from tui.panes.prep.outreach import OutreachPart
    from tui.widgets.hypothesis_links import HypothesisLinks

    return (all(w.links is not None for w in app.screen.query(HypothesisLinks))
            and all(p.send_evidence for p in app.screen.query(OutreachPart)))


async def until_still(pilot: Any, seconds: float = 30.0) -> None:
    """Wait until no scrolled view moves any more: a focus change scrolls its widget into
    view after a refresh, which on a loaded machine can come after the screenshot."""
    app, last = pilot.app, None
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not background_work_shown(app):
        await pilot.pause(0.02)
    while time.monotonic() < deadline:
        await pilot.wait_for_scheduled_animations()
        await pilot.pause(0.02)
        now = [(w, w.scroll_offset, w.size) for w in app.screen.query("*")
               if w.is_scrollable]
        if now == last:
            return
        last = now
    raise AssertionError("the screen kept scrolling")


def snapshot_app(data_dir: Path) -> SnapshotApp:
    """A snapshot-ready app on a fresh store in ``data_dir``."""
    base = make_app(data_dir)
    return SnapshotApp(base.store, config_folder=data_dir / "config")


def sample_conversation(app: CoffeechatApp) -> Conversation:
    """One fully described conversation with fixed dates, for snapshots."""
    contact = Contact(name="Ana Silva", company="Acme Robotics", role="Staff engineer",
                      id="c0ffee000001", created_at="2026-11-01T09:00:00+00:00")
    conversation = Conversation(
        contact_id=contact.id, id="c0ffee000002", kind="person",
        goal="How staff engineers pick work",
        ask="An introduction to her manager", status="scheduled",
        scheduled_at="2026-12-03T14:30:00+00:00", place="meet.example/ana",
        created_at="2026-11-02T09:00:00+00:00",
    )
    app.store.save_contact(contact)
    return app.store.save_conversation(conversation)
