"""SVG snapshots of the Tags view at 100x30 and in a 60x24 split (the tags and the places of
the first one side by side; narrow, the tags alone)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.review_tools import fill, until
from tests.snapshot_tools import snapshot_app, until_still
from tui.core.models import Conversation, LiveNote, LiveSession, Question, Reflection
from tui.core.store import Store
from tui.screens.tags import TagsScreen


def tagged(store: Store) -> None:
    """The review data, and a finished call with #tags in its notes and reflection."""
    fill(store)
    store.save_conversation(Conversation(
        id="chat-priya", contact_id="c-priya", status="done", kind="company",
        goal="How product decisions get made #product",
        scheduled_at="2026-10-12T15:00:00+00:00",
        questions=[Question(id="q1", text="Who decides?", state="asked",
                            note="Legal has a veto on launches #regulation #FinTech")],
        live=LiveSession(started_at="2026-10-12T15:01:00+00:00",
                         ended_at="2026-10-12T15:31:00+00:00",
                         notes=[LiveNote(id="n1", text="Moving to Dublin #relocation "
                                         "#fintech", at_seconds=600)]),
        reflection=Reflection(answers={"key-insights": "Compliance shapes the roadmap "
                                                       "#regulation #fintech"}),
        created_at="2026-10-01T09:00:00+00:00", updated_at="2026-10-13T09:00:00+00:00"))


async def _tags(pilot: Any) -> None:
    app = pilot.app
    await until(pilot, lambda: app.upkeep_done.is_set())
    await pilot.press("t")
    screen = await until(pilot, lambda: isinstance(app.screen, TagsScreen) and app.screen)
    await until(pilot, lambda: screen.counted and screen.places is not None
                and screen.places.key == screen.current_key)
    await until_still(pilot)


def test_tags_view_snapshot(snap_compare, tmp_path: Path) -> None:
    app = snapshot_app(tmp_path)
    tagged(app.store)
    assert snap_compare(app, terminal_size=(100, 30), run_before=_tags)


def test_tags_view_snapshot_narrow(snap_compare, tmp_path: Path) -> None:
    app = snapshot_app(tmp_path)
    tagged(app.store)
    assert snap_compare(app, terminal_size=(60, 24), run_before=_tags)
