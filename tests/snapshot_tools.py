"""Stable snapshots: fixed data, fixed clock text, no cursor blink."""

from __future__ import annotations

import os
import time
from pathlib import Path

from tests.uitools import make_app
from tui.app import CoffeechatApp
from tui.core.models import Contact, Conversation

# Dates on screen are shown in local time: pin it so snapshots match on every machine.
os.environ["TZ"] = "UTC"
time.tzset()


class SnapshotApp(CoffeechatApp):
    """The app with the cursor blink off so SVG snapshots are stable."""

    def on_mount(self) -> None:
        """Mount as usual, then stop every blinking cursor."""
        super().on_mount()
        self.set_interval(0.05, self._stop_blink)

    def _stop_blink(self) -> None:
        for widget in self.screen.query("Input, TextArea"):
            widget.cursor_blink = False  # type: ignore[attr-defined]


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
