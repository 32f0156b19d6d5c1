"""Search as you type in the app: ``python -m bench.bench_typing [--sizes 1000 10000]``.

For each size, an index of that many synthetic conversations (bench/synthetic.py) is given
to the real app headless (``App.run_test``); the search screen (ctrl+f) then gets 60 words
typed letter by letter, as people type them. Each keystroke is timed from the key reaching
the app (as the terminal driver hands it over) to its results being in the list; the
baseline, measured in the same run on the same index, is the engine alone
(``SearchIndex.search``) for the same texts, so the ratio is what the screen adds (the
thread hop, cancelling the previous search, drawing the rows).

Target: every keystroke to results <= 50 ms at 10,000 conversations.
"""

from __future__ import annotations

import asyncio
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from textual import events

from bench import synthetic
from bench import synthetic_words as W
from bench.bench_search import percentile
from bench.generate import generate
from bench.sizes import main_for_sizes

SIZES = (1000, 10000)
WORDS = 60


def typed_words(seed: int = 5) -> list[str]:
    """Words people look for: places, skills, tools, names."""
    rng = random.Random(seed)
    pool = [w for w in (*W.CITIES, *W.SKILLS, *W.TOOLS, *W.FIRST_NAMES, *W.LAST_NAMES,
                        "compliance", "roadmap", "hiring", "portfolio", "mentoring")
            if " " not in w and 4 <= len(w) <= 10]
    return [rng.choice(pool).lower() for _ in range(WORDS)]


def measure(size: int) -> dict[str, float]:
    """Keystroke timings for one size (milliseconds)."""
    from tui.app import CoffeechatApp
    from tui.core.search import SearchIndex
    from tui.core.search_query import parse
    from tui.core.store import Store
    from tui.screens.search import SearchScreen

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        os.environ["COFFEECHAT_CACHE_DIR"] = str(root / "cache")
        generate(root / "data", 10).close()
        index = SearchIndex.open(root / "synthetic", cache_folder=root / "cache")
        start = time.perf_counter()
        index.rebuild(synthetic.iter_records(size))
        rebuild = time.perf_counter() - start
        store = Store.open(root / "data", background=True)
        app = CoffeechatApp(store, config_folder=root / "config")
        keys: list[float] = []
        engine: list[float] = []
        texts: list[str] = []

        async def run() -> None:
            async with app.run_test(size=(100, 30)) as pilot:
                await asyncio.to_thread(app.upkeep_done.wait, 600)
                store.attach_index(index)  # the big index instead of the app's own
                await pilot.press("ctrl+f")
                while not isinstance(app.screen, SearchScreen) or app.screen._index is None:
                    await pilot.pause(0.01)
                screen = app.screen
                box = screen.query_one("#search-box")
                for word in typed_words():
                    for letter in word:
                        done = screen._searched
                        begin = time.perf_counter()
                        # as the terminal driver hands a key to the app
                        app._driver.send_message(events.Key(letter, letter))  # type: ignore[union-attr]
                        while screen._searched == done:
                            await asyncio.sleep(0.0005)
                        keys.append(time.perf_counter() - begin)
                        texts.append(box.value)
                        await asyncio.sleep(0.03)  # people type about one key per 100 ms
                    box.value = ""
                    await pilot.pause(0.02)

        asyncio.run(run())
        for text in texts:
            begin = time.perf_counter()
            index.search(parse(text), limit=50)
            engine.append(time.perf_counter() - begin)
        store.close()
        index.close()
    ms = [k * 1000 for k in keys]
    base = [e * 1000 for e in engine]
    return {"rebuild s": rebuild, "keystroke p50": statistics.median(ms),
            "keystroke p95": percentile(ms, 0.95), "keystroke max": max(ms),
            "engine p50": statistics.median(base), "engine p95": percentile(base, 0.95),
            "ratio p50": statistics.median(ms) / max(statistics.median(base), 1e-6)}


def main(argv: list[str] | None = None) -> None:
    """Print one table row per size."""
    main_for_sizes(__doc__ or "", SIZES, measure, argv)


if __name__ == "__main__":
    main()
