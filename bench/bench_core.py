"""Speed of the store and the home screen as data grows: ``python -m bench.bench_core``.

Reports medians (ms) per size and the ratio between sizes (about the size ratio means linear).
Targets: opening and listing stay under a second at 1,000 conversations; one autosave (what a
pause in typing costs the event loop) stays under 20 ms at 1,000 conversations.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.generate import generate

SIZES = (100, 1000, 3000)
REPEATS = 5


def median_ms(action: Callable[[], object], repeats: int = REPEATS) -> float:
    """The median wall time of ``action`` in milliseconds."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def home_mount_ms(folder: Path) -> float:
    """Time from launch until the home screen lists every conversation."""
    from tui.app import CoffeechatApp
    from tui.core.store import Store

    async def run() -> float:
        store = Store.open(folder, background=True)
        app = CoffeechatApp(store, config_folder=folder / "config")
        start = time.perf_counter()
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            elapsed = (time.perf_counter() - start) * 1000
        store.close()
        return elapsed

    return statistics.median(asyncio.run(run()) for _ in range(3))


def measure(size: int) -> dict[str, float]:
    """All measurements for one data size."""
    from tui.core.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        generate(folder, size).close()
        megabytes = sum(p.stat().st_size for p in folder.rglob("*.json")) / 1e6

        def open_and_list() -> None:
            store = Store.open(folder, readonly=True)
            store.summaries()  # what the lists show, without reading every file
            store.contacts()
            store.close()

        # As in the app: the disk write happens on the writer thread, so what the event loop
        # pays for an autosave is validation plus encoding.
        store = Store.open(folder, background=True)
        conversation = store.conversation(store.summaries()[0].id)

        def autosave() -> None:
            conversation.research_notes += "x"
            store.save_conversation(conversation)

        results = {
            "data MB": megabytes,
            "open+list ms": median_ms(open_and_list),
            "autosave ms": median_ms(autosave),
        }
        store.close()
        results["home mount ms"] = home_mount_ms(folder)
        return results


def main() -> None:
    """Measure every size and print a table with ratios."""
    rows = {size: measure(size) for size in SIZES}
    keys = list(next(iter(rows.values())))
    print(f"{'conversations':>14} " + " ".join(f"{k:>15}" for k in keys))
    for size, values in rows.items():
        print(f"{size:>14} " + " ".join(f"{values[k]:>15.1f}" for k in keys))
    first, last = SIZES[1], SIZES[-1]
    ratios = " ".join(f"{rows[last][k] / rows[first][k]:>15.2f}" for k in keys)
    print(f"{f'ratio {last}/{first}':>14} {ratios}")


if __name__ == "__main__":
    main()
