"""Speed of the method's views: ``python -m bench.bench_method [SIZE ...]`` (default 1,000 and
10,000 conversations).

Each data folder is made the way the main benchmark makes it (:mod:`bench.synthetic`'s export,
streamed to a file, then the store's own import), with the outreach routine given work (every
third conversation's outreach marked sent recently, half of those answered) and 20 career
hypotheses linked to conversations.

Reports medians (ms) and ratios against the home screen's mount measured in the same run: each
view opened from home with Pilot (Progress ``p``, Companies ``c``, Hypotheses ``h``, and a
company's page: enter on the top company) timed from the key until the view shows its data,
once home's own background work (the data's upkeep, what is due) is over; the help screen
(no data behind it) is the floor that opening any screen costs. Then the pure parts (the Due
list with the routine, the progress numbers) and the outreach checks on a normal and on a
pasted 2 MB draft. Target: each view opens in under 200 ms at 10,000 conversations.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from bench.bench_core import home_mount_ms, median_ms
from bench.synthetic import write_export

SIZES = (1_000, 10_000)
REPEATS = 3
NOW = datetime(2026, 12, 3, 20, 0, tzinfo=timezone.utc)
DRAFT = ("Hi Priya,\n\nDana Okafor suggested I write to you. I'm Sam. I teach physics.\n\n"
         "You seem the right person to ask because you made that switch. I'd be grateful for "
         "your advice on how you tested it.\n\nWould you have 20 minutes for a call in the "
         "next couple of weeks?\n\nThank you,\nSam\n")


def with_outreach(doc: dict[str, Any]) -> None:
    """Mark every third outreach sent in the last three weeks (so the routine has work)."""
    for index, chat in enumerate(doc["conversations"]):
        if index % 3 == 0:
            sent = (date(2026, 11, 12) + timedelta(days=index % 21)).isoformat()
            chat["outreach"] = {**chat.get("outreach", {}), "sent_on": sent,
                                "replied_on": sent if index % 2 else None,
                                "reply": "yes" if index % 2 else ""}
            chat["status"] = "reached_out"
            chat["live"] = {"started_at": None, "ended_at": None, "notes": []}
            chat["scheduled_at"] = None


def make_folder(folder: Path, size: int) -> None:
    """A data folder with ``size`` conversations, imported through the store, and hypotheses."""
    from tui.core.hypotheses import Hypothesis, add_evidence, save_hypotheses
    from tui.core.store import Store

    export = folder.parent / f"export-{size}.json"
    write_export(export, size)
    doc = json.loads(export.read_text(encoding="utf-8"))
    export.unlink()
    with_outreach(doc)
    store = Store.open(folder)
    try:
        store.import_data(doc)
    finally:
        store.close()
    ids = [c["id"] for c in doc["conversations"]]
    hypotheses = []
    for number in range(20):
        h = Hypothesis(statement=f"Hypothesis {number}: product work at a fintech would suit me")
        for step in range(5):
            add_evidence(h, ids[(number * 37 + step * 11) % len(ids)], "for", "A sentence.",
                         date(2026, 11, 1) + timedelta(days=step))
        h.tested_by = [ids[(number * 53 + step) % len(ids)] for step in range(3)]
        hypotheses.append(h)
    save_hypotheses(folder, hypotheses)


def _text(app: Any, selector: str) -> str:
    found = app.screen.query(selector)
    return str(found.first().render()) if found else ""


def help_ready(app: Any) -> bool:
    """The help screen is shown: no data behind it, so this is what opening any screen costs
    with Pilot on this machine."""
    return type(app.screen).__name__ == "HelpScreen" and app.screen.is_mounted


def progress_ready(app: Any) -> bool:
    """The Progress view shows its numbers."""
    return "As of" in _text(app, "#progress-status")


def companies_ready(app: Any) -> bool:
    """The Companies view lists its companies."""
    return getattr(app.screen, "loaded", False) and type(app.screen).__name__ == \
        "CompaniesScreen"


def hypotheses_ready(app: Any) -> bool:
    """The Hypotheses view lists the hypotheses."""
    return type(app.screen).__name__ == "HypothesesScreen" and app.screen.loaded


def page_ready(app: Any) -> bool:
    """A company's page shows what is due and what was learned there."""
    return type(app.screen).__name__ == "CompanyPage" and app.screen.learned_ready


def home_idle(app: Any) -> bool:
    """Home is shown and its background work is over (the data's upkeep, what is due): a
    view is timed on its own, not against the home screen still working."""
    return (type(app.screen).__name__ == "HomeScreen" and app.upkeep_done.is_set()
            and not any(w.state.name in ("PENDING", "RUNNING") for w in app.workers))


async def _until(pilot: Any, ready: Callable[[Any], bool], seconds: float = 120.0) -> None:
    deadline = time.monotonic() + seconds
    while not ready(pilot.app):
        if time.monotonic() > deadline:
            raise TimeoutError("the view never showed its data")
        await pilot.pause(0.002)


def views_ms(folder: Path) -> dict[str, float]:
    """Open each view from home (one app per round, ``REPEATS`` rounds): medians in ms."""
    from tui.app import CoffeechatApp
    from tui.core.store import Store

    async def one_round() -> dict[str, float]:
        store = Store.open(folder, background=True)
        app = CoffeechatApp(store, config_folder=folder / "config")
        app.now = lambda: NOW  # type: ignore[method-assign]
        times: dict[str, float] = {}

        async def timed(name: str, key: str, ready: Callable[[Any], bool]) -> None:
            start = time.perf_counter()
            await pilot.press(key)
            await _until(pilot, ready)
            times[name] = (time.perf_counter() - start) * 1000

        async with app.run_test(size=(100, 30)) as pilot:
            await _until(pilot, home_idle)
            for name, key, ready in (("help open (floor)", "f1", help_ready),
                                     ("progress view open", "p", progress_ready),
                                     ("companies view open", "c", companies_ready),
                                     ("hypotheses view open", "h", hypotheses_ready)):
                await timed(name, key, ready)
                await pilot.press("escape")
                await _until(pilot, home_idle)
            await pilot.press("c")
            await _until(pilot, companies_ready)
            await timed("company page open", "enter", page_ready)
        store.close()
        return times

    rounds = [asyncio.run(one_round()) for _ in range(REPEATS)]
    return {name: statistics.median(r[name] for r in rounds) for name in rounds[0]}


def measure(size: int) -> dict[str, float]:
    """Every figure for one size."""
    from tui.core.followup import due_items
    from tui.core.progress import progress
    from tui.core.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "data"
        folder.mkdir()
        started = time.perf_counter()
        make_folder(folder, size)
        print(f"  {size:,}: folder made in {time.perf_counter() - started:.0f} s",
              file=sys.stderr)
        store = Store.open(folder, readonly=True)  # also warms the summary cache
        contacts, summaries = store.contacts(), store.summaries()
        store.close()
        rows = {"home mount (baseline)": home_mount_ms(folder)}
        rows.update(views_ms(folder))
        rows["due list with routine"] = median_ms(
            lambda: due_items(contacts, summaries, NOW))
        rows["progress numbers"] = median_ms(lambda: progress(contacts, summaries, NOW))
    return rows


def main() -> None:
    """Measure and print one table per size."""
    from tui.core.outreach_checks import DraftContext, check_draft

    sizes = [int(a) for a in sys.argv[1:]] or list(SIZES)
    for size in sizes:
        rows = measure(size)
        home = rows["home mount (baseline)"]
        print(f"{size:,} conversations")
        for name, value in rows.items():
            print(f"{name:>24} {value:>10.1f} ms {value / home:>8.2f}x home")
    context = DraftContext(name="Priya Raman", minutes=20)
    big = DRAFT * (2_000_000 // len(DRAFT))
    print(f"{'checks, 60-word draft':>24} "
          f"{median_ms(lambda: check_draft(DRAFT, context), 21):>10.1f} ms")
    print(f"{'checks, 2 MB draft':>24} {median_ms(lambda: check_draft(big, context), 3):>10.1f} ms")


if __name__ == "__main__":
    main()
