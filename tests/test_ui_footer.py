"""The footer shows whole keys that fit, F1 Help first; at 80 columns the keys that matter
where the cursor is are all there. F1 lists the app's own keys, never Textual's scrolling."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.live_tools import live_app
from tui.widgets.key_footer import KeyFooter
from tui.widgets.textual_patches import FooterKey

# (keys pressed from home, what the footer must show at 80 columns)
PLACES = [
    ([], {"help", "new_conversation", "new_contact", "edit", "delete", "filter"}),
    (["enter"], {"help", "screen.edit_conversation", "screen.edit_contact"}),
    (["enter", "f4"], {"help", "start", "next", "quick_note", "follow_up", "end"}),
    (["enter", "f4", "ctrl+t"], {"help", "pause", "next", "quick_note", "follow_up", "end"}),
    (["enter", "f3"], {"help", "command('toggle')", "command('note')", "command('add')",
                       "command('remove')"}),
    (["enter", "f3", "f3", "f3"], {"help", "copy", "sent", "redraft"}),
    (["enter", "f5"], {"help", "rate(1)", "section(1)"}),
    (["enter", "f5", "ctrl+up", "ctrl+up"], {"help", "draft", "sent", "copy", "section(1)"}),
]


def footer_keys(app) -> list[FooterKey]:
    return list(app.screen.query_one(KeyFooter).query(FooterKey))


async def laid_out(pilot, seconds: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    """Wait until every key in the footer has its place (a busy machine lays out late)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        keys = footer_keys(pilot.app)
        if keys and all(k.region.width > 0 for k in keys):
            return
        await pilot.pause(0.05)


@pytest.mark.parametrize(("keys", "wanted"), PLACES)
async def test_the_keys_that_matter_fit_at_80_columns(tmp_path: Path, keys, wanted) -> None:
    app = live_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await pilot.pause()
        await laid_out(pilot)
        shown = footer_keys(app)
        palette = [k for k in shown if "-command-palette" in k.classes]
        others = [k for k in shown if k not in palette]
        assert others[0].action == "help"
        assert wanted <= {k.action for k in others}
        right_edge = palette[0].region.x if palette else 80
        assert all(k.region.width > 0 and k.region.right <= right_edge for k in others)


async def test_a_narrow_footer_leaves_keys_out_whole(tmp_path: Path) -> None:
    app = live_app(tmp_path)
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.press("enter", "f4", "ctrl+t")
        await pilot.pause()
        await laid_out(pilot)
        shown = footer_keys(app)
        palette = [k for k in shown if "-command-palette" in k.classes]
        others = [k for k in shown if k not in palette]
        assert others[0].action == "help" and palette
        assert all(k.region.right <= palette[0].region.x for k in others)
        await pilot.press("f1")
        await pilot.pause()
        text = "\n".join(str(s.render()) for s in app.screen.query("Static"))
        # Help lists what the footer had no room for, and no generic scrolling keys.
        assert "End the call" in text and "Mark the current question skipped" in text
        assert "Scroll" not in text and "cursor_" not in text
        assert text.index("Pause the timer") < text.index("Save now")


async def test_the_footers_keys_come_styled_compact_and_are_not_restyled(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The footer is made again at every move of the cursor: its keys arrive with their
    compact class, so none is restyled once mounted (opening a conversation restyled some
    seventy keys that way)."""
    restyled: list[FooterKey] = []
    app = live_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await laid_out(pilot)
        original = FooterKey.update_node_styles

        def noted(self: FooterKey, animate: bool = True) -> None:
            restyled.append(self)
            original(self, animate)

        monkeypatch.setattr(FooterKey, "update_node_styles", noted)
        for key in ("f4", "f3", "f5", "f2"):
            await pilot.press(key)
            await pilot.pause()
        await laid_out(pilot)
        keys = footer_keys(app)
        assert keys and all("-compact" in key.classes for key in keys)
    assert restyled == []
