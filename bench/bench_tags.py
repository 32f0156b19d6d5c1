"""Speed of the Tags view: ``python -m bench.bench_tags [--sizes 1000 10000]``.

For each size, an index of that many synthetic conversations (bench/synthetic.py, with
``#tags`` added to about half of them: a question note, a quick note or a key insight, from
40 tags of uneven popularity) is built, then timed, medians over 7 runs:

- the engine: counting every tag (``SearchIndex.tag_counts``) and listing the places of the
  most used tag (``SearchIndex.tag_places``, 500 newest);
- the baseline, in the same run on the same index: one search keystroke's engine work for
  that tag (``SearchIndex.search('tag:NAME')``, 30 results);
- for scale, counting the same tags without the index: the tag grammar run over every
  record's fields, once (generating and extracting the records is not timed);
- in the real app headless (``App.run_test``): from pushing the Tags view to the counts and
  the first tag's places on screen, and the longest the event loop went without running a
  5 ms timer meanwhile, up to 0.3 s after (mounting the screen included: what the user
  would feel as a stall); the baseline for that is the same measure for opening the search
  screen (ctrl+f).

Target: counting runs on a thread and never holds up the event loop; the view is usable
(counts and places shown) well within a second at 10,000 conversations.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import random
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench import synthetic
from bench import synthetic_words as W
from bench.generate import generate
from bench.sizes import main_for_sizes

SIZES = (1000, 10000)
RUNS = 7
TAGS = [w.lower().replace(" ", "-") for w in (*W.INDUSTRIES, *W.SKILLS)][:40]


def tagged_records(size: int, seed: int = 3) -> Iterator[tuple[dict[str, Any],
                                                               dict[str, Any]]]:
    """The synthetic records, about half with a ``#tag`` (popular tags more often)."""
    rng = random.Random(seed)
    weights = [1 / (n + 1) for n in range(len(TAGS))]
    for conversation, contact in synthetic.iter_records(size):
        if rng.random() < 0.5:
            tag = rng.choices(TAGS, weights)[0]
            places = [q for q in conversation.get("questions", []) if q.get("note")]
            notes = conversation.get("live", {}).get("notes", [])
            answers = conversation.get("reflection", {}).get("answers", {})
            choice = rng.random()
            if places and choice < 0.4:
                rng.choice(places)["note"] += f" #{tag}"
            elif notes and choice < 0.8:
                rng.choice(notes)["text"] += f" #{tag}"
            else:
                answers["key-insights"] = answers.get("key-insights", "") + f" #{tag}"
        yield conversation, contact


def _median_ms(run: Any) -> float:
    times = []
    for _ in range(RUNS):
        begin = time.perf_counter()
        run()
        times.append(time.perf_counter() - begin)
    return statistics.median(times) * 1000


def measure(size: int) -> dict[str, float]:
    """Tag timings for one size (milliseconds; the rebuild in seconds)."""
    from tui.app import CoffeechatApp
    from tui.core.search import SearchIndex
    from tui.core.search_fields import extract_conversation
    from tui.core.store import Store
    from tui.core.tags import find_tags
    from tui.screens.search import SearchScreen
    from tui.screens.tags import TagsScreen

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        os.environ["COFFEECHAT_CACHE_DIR"] = str(root / "cache")
        generate(root / "data", 10).close()
        index = SearchIndex.open(root / "synthetic", cache_folder=root / "cache")
        begin = time.perf_counter()
        index.rebuild(tagged_records(size))
        rebuild = time.perf_counter() - begin
        scanned = 0.0  # the grammar over every field, the generation of records not timed
        for conversation, contact in tagged_records(size):
            fields = extract_conversation(conversation, contact).fields
            begin = time.perf_counter()
            for item in fields:
                if "#" in item.text:
                    find_tags(item.text)
            scanned += time.perf_counter() - begin
        top = index.tag_counts().tags[0].key
        figures = {
            "rebuild s": rebuild,
            "count tags ms": _median_ms(index.tag_counts),
            "places of top tag ms": _median_ms(lambda: index.tag_places(top)),
            "baseline search tag: ms": _median_ms(lambda: index.search(f"tag:{top}",
                                                                      limit=30)),
            "scan without index ms (once)": scanned * 1000,
        }
        store = Store.open(root / "data", background=True)
        app = CoffeechatApp(store, config_folder=root / "config")
        shown: list[float] = []
        stalls: list[float] = []
        search_stalls: list[float] = []

        async def run() -> None:
            async with app.run_test(size=(100, 30)) as pilot:
                await asyncio.to_thread(app.upkeep_done.wait, 600)
                store.attach_index(index)  # the big index instead of the app's own
                ticks: list[float] = []
                timer = app.set_interval(0.005, lambda: ticks.append(time.perf_counter()))
                for _ in range(RUNS):
                    screen = TagsScreen()
                    ticks.clear()
                    begin = time.perf_counter()
                    await app.push_screen(screen)
                    while not (screen.counted and screen.places is not None):
                        await asyncio.sleep(0.001)
                    shown.append(time.perf_counter() - begin)
                    await pilot.pause(0.3)  # the rest of a long list of places follows
                    marks = [begin, *ticks, time.perf_counter()]
                    stalls.append(max(b - a for a, b in itertools.pairwise(marks)))
                    app.pop_screen()
                    await pilot.pause(0.05)
                    search = SearchScreen()  # the baseline: the search screen, same measure
                    ticks.clear()
                    begin = time.perf_counter()
                    await app.push_screen(search)
                    while search._index is None:
                        await asyncio.sleep(0.001)
                    await pilot.pause(0.3)
                    marks = [begin, *ticks, time.perf_counter()]
                    search_stalls.append(max(b - a for a, b in itertools.pairwise(marks)))
                    app.pop_screen()
                    await pilot.pause(0.05)
                timer.stop()

        asyncio.run(run())
        store.close()
        index.close()
    figures["view shown ms"] = statistics.median(shown) * 1000
    figures["longest stall ms"] = statistics.median(stalls) * 1000
    figures["baseline: search screen stall ms"] = statistics.median(search_stalls) * 1000
    figures["ratio count / search"] = figures["count tags ms"] / max(
        figures["baseline search tag: ms"], 1e-6)
    return figures


def main(argv: list[str] | None = None) -> None:
    """Print one table row per size."""
    main_for_sizes(__doc__ or "", SIZES, measure, argv)


if __name__ == "__main__":
    main()
