"""Speed of the method's views at 10,000 conversations: ``python -m bench.bench_method``.

Reports medians (ms) and ratios against the home screen's mount measured in the same run:
the Due list with the outreach routine, the progress numbers, the Progress view opening (from
the key to the numbers shown), and the outreach checks on a normal and on a pasted 2 MB draft.
Target: each view opens in under 200 ms at 10,000 conversations.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from bench.bench_core import home_mount_ms, median_ms
from bench.generate import generate

SIZE = 10_000
NOW = datetime(2026, 12, 3, 20, 0, tzinfo=timezone.utc)
DRAFT = ("Hi Priya,\n\nDana Okafor suggested I write to you. I'm Sam. I teach physics.\n\n"
         "You seem the right person to ask because you made that switch. I'd be grateful for "
         "your advice on how you tested it.\n\nWould you have 20 minutes for a call in the "
         "next couple of weeks?\n\nThank you,\nSam\n")


def with_outreach(conversations: list) -> None:  # type: ignore[type-arg]
    """Mark every third outreach sent in the last three weeks (so the routine has work)."""
    for index, chat in enumerate(conversations):
        if index % 3 == 0:
            chat.outreach.sent_on = (date(2026, 11, 12) + timedelta(days=index % 21)).isoformat()
            if index % 2:
                chat.outreach.replied_on = chat.outreach.sent_on
                chat.outreach.reply = "yes"
            chat.status = "reached_out"


def view_ms(folder: Path, key: str, ready: Callable[[Any], bool]) -> float:
    """From pressing ``key`` on the home screen until ``ready(app)`` holds (median of 3)."""
    from tui.app import CoffeechatApp
    from tui.core.store import Store

    async def run() -> float:
        store = Store.open(folder, background=True)
        app = CoffeechatApp(store, config_folder=folder / "config")
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            start = time.perf_counter()
            await pilot.press(key)
            while not ready(app):
                await pilot.pause(0.005)
            elapsed = (time.perf_counter() - start) * 1000
        store.close()
        return elapsed

    return statistics.median(asyncio.run(run()) for _ in range(3))


def progress_ready(app: Any) -> bool:
    """The Progress view shows its numbers."""
    return "As of" in str(app.screen.query_one("#progress-status").render())


def companies_ready(app: Any) -> bool:
    """The Companies view lists its companies."""
    return type(app.screen).__name__ == "CompaniesScreen" and \
        "companies" in str(app.screen.query_one("#companies-note").render())


def hypotheses_ready(app: Any) -> bool:
    """The Hypotheses view is shown."""
    return type(app.screen).__name__ == "HypothesesScreen" and app.screen.is_mounted


def main() -> None:
    """Measure and print one table."""
    from tui.core.followup import due_items
    from tui.core.outreach_checks import DraftContext, check_draft
    from tui.core.progress import progress
    from tui.core.store import Store

    size = int(sys.argv[1]) if len(sys.argv) > 1 else SIZE
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        generate(folder, size).close()
        store = Store.open(folder, readonly=True)
        contacts, conversations = store.contacts(), store.conversations()
        store.close()
        with_outreach(conversations)
        home = home_mount_ms(folder)
        rows = {
            "home mount (baseline)": home,
            "due list with routine": median_ms(lambda: due_items(contacts, conversations, NOW)),
            "progress numbers": median_ms(lambda: progress(contacts, conversations, NOW)),
            "progress view open": view_ms(folder, "p", progress_ready),
            "companies view open": view_ms(folder, "c", companies_ready),
            "hypotheses view open": view_ms(folder, "h", hypotheses_ready),
        }
    context = DraftContext(name="Priya Raman", minutes=20)
    big = DRAFT * (2_000_000 // len(DRAFT))
    rows["checks, 60-word draft"] = median_ms(lambda: check_draft(DRAFT, context), 21)
    rows["checks, 2 MB draft"] = median_ms(lambda: check_draft(big, context), 3)
    print(f"{size:,} conversations")
    for name, value in rows.items():
        print(f"{name:>24} {value:>10.1f} ms {value / home:>8.2f}x home")


if __name__ == "__main__":
    main()
