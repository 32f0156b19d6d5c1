"""Speed of the method's views: ``python -m bench.bench_method [SIZE ...]`` (default 1,000 and
10,000 conversations).

Each data folder is made the way the main benchmark makes it (:mod:`bench.synthetic`'s export,
streamed to a file, then the store's own import), with the outreach routine given work (every
third conversation's outreach marked sent recently, half of those answered) and 20 career
hypotheses linked to conversations.

Each view is timed as the user sees it: the app runs as a process in a pseudo-terminal
(120x36), and a view is timed from the key written to the terminal until the view's data is
on the screen (Progress ``p`` its numbers, Companies ``c`` its rows, Hypotheses ``h`` its
list, a company's page, enter on the top company, its heading), then esc back until home is
painted again. Each key waits until the screen has been quiet for a second (home's own
background work, the data's upkeep and what is due, is over). The help screen (f1: no data
behind it) is the floor that opening any screen costs. Medians of ``REPEATS`` rounds, one
process per round, with the home screen's mount (Pilot) as the baseline measured in the same
run. Then the pure parts (the Due list with the routine, the progress numbers) and the
outreach checks on a normal and on a pasted 2 MB draft. Target: each view opens in under
200 ms at 10,000 conversations.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from bench.bench_core import home_mount_ms, median_ms
from bench.pty_run import Pty
from bench.synthetic import write_export

ROOT = Path(__file__).resolve().parent.parent
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


HOME = b"Conversations ("  # the home screen's first tab, painted on the way back too
VIEWS = (  # name, key, what shows once the view has its data
    ("help open (floor)", b"\x1bOP", b"Keys"),
    ("progress view open", b"p", b"As of"),
    ("companies view open", b"c", "companies · sorted".encode()),
    ("hypotheses view open", b"h", b"Hypothesis 1"),
)
QUIET_SECONDS = 1.0


def _quiet(terminal: Pty, seconds: float = QUIET_SECONDS, longest: float = 300.0) -> None:
    """Read until nothing has been written for ``seconds``."""
    end = time.perf_counter() + longest
    while time.perf_counter() < end:
        seen = len(terminal.seen)
        terminal.drain(seconds)
        if len(terminal.seen) == seen:
            return
    raise TimeoutError("the screen never went quiet")


def _key_until(terminal: Pty, key: bytes, marker: bytes, timeout: float = 60.0) -> float:
    """Milliseconds from writing ``key`` until ``marker`` is on the screen."""
    start = len(terminal.seen)
    sent = time.perf_counter()
    terminal.send(key)
    while marker not in terminal.seen[start:]:
        if time.perf_counter() - sent > timeout:
            raise TimeoutError(f"{marker!r} never showed after {key!r}")
        terminal.drain(0.002)
    return (time.perf_counter() - sent) * 1000


def views_ms(folder: Path) -> dict[str, float]:
    """Open each view from home and go back, in a real terminal (one process per round,
    ``REPEATS`` rounds): medians in ms."""
    rounds = []
    with tempfile.TemporaryDirectory() as scratch:
        env = dict(os.environ, COFFEECHAT_CACHE_DIR=str(Path(scratch) / "cache"),
                   COFFEECHAT_CONFIG_DIR=str(Path(scratch) / "config"),
                   PYTHONPATH=str(ROOT))
        for _ in range(REPEATS):
            terminal = Pty([sys.executable, "-m", "tui", "--data-dir", str(folder)], env,
                           cwd=ROOT)
            times: dict[str, float] = {}
            try:
                terminal.wait_for(HOME)
                _quiet(terminal)
                for name, key, marker in VIEWS:
                    times[name] = _key_until(terminal, key, marker)
                    _quiet(terminal)
                    times[f"back home from {name.split()[0]}"] = _key_until(
                        terminal, b"\x1b", HOME)
                    _quiet(terminal)
                _key_until(terminal, b"c", VIEWS[2][2])
                _quiet(terminal)
                times["company page open"] = _key_until(terminal, b"\r", b"Do I know anyone")
            finally:
                terminal.close()
            rounds.append(times)
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
