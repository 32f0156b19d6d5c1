"""Speed of the review screens: ``python -m bench.bench_review [--sizes 1000 10000]``.

For each data size, in the real app headless (``App.run_test``):

- opening the read-only view of a typical conversation (the generator's, ~3-6 KB of
  Markdown): time from pushing the screen to its first section shown (what the user first
  sees) and to the whole document rendered; median over 5 conversations;
- the same for a very long conversation (40 questions with long notes, ~60 KB);
- the baseline, measured in the same run: Textual's Markdown widget given the whole typical
  document at once (what the view would cost if it mounted a widget per Markdown block).

Target: the read-only view opens in under 150 ms for a typical conversation.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from bench.bench_live import words
from bench.generate import generate
from bench.sizes import main_for_sizes

SIZES = (1000,)
SAMPLES = 5


async def _until(pilot, check, tries: int = 2000):  # type: ignore[no-untyped-def]
    for _ in range(tries):
        if check():
            return
        await pilot.pause(0.005)
    raise RuntimeError("the screen never finished")


def _long_conversation(store) -> str:  # type: ignore[no-untyped-def]
    from tui.core.models import Conversation, Question

    contact = store.contacts()[0]
    chat = Conversation(contact_id=contact.id, status="done", goal="A very long call",
                        questions=[Question(text=f"Question {n}?", state="asked",
                                            note=words(200, seed=n)) for n in range(40)])
    return store.save_conversation(chat).id


def measure(size: int) -> dict[str, float]:
    """Open-view timings for one data size (milliseconds)."""
    from textual.screen import Screen
    from textual.widgets import Markdown

    from tui.app import CoffeechatApp
    from tui.core.reading import reading_sections
    from tui.core.store import Store
    from tui.screens.read import ReadScreen

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        generate(folder, size).close()
        store = Store.open(folder, background=True)
        summaries = [s for s in store.summaries() if s.status in ("done", "thanked")]
        chosen = [s.id for s in summaries[:: max(1, len(summaries) // SAMPLES)][:SAMPLES]]
        long_id = _long_conversation(store)
        people = {c.id: c for c in store.contacts()}
        docs = []
        for conversation_id in chosen:
            chat = store.conversation(conversation_id)
            docs.append("".join(s.markdown for s in
                                reading_sections(chat, people[chat.contact_id], people)))
        app = CoffeechatApp(store, config_folder=folder / "config")
        first: list[float] = []
        whole: list[float] = []
        baseline: list[float] = []
        long_first = long_whole = 0.0

        async def run() -> None:
            nonlocal long_first, long_whole
            async with app.run_test(size=(100, 30)) as pilot:
                await pilot.pause()
                # the search index is built in the background at the first start: not timed
                await asyncio.to_thread(app.upkeep_done.wait, 600)
                await pilot.pause()
                for conversation_id in [*chosen, long_id]:
                    screen = ReadScreen(conversation_id)
                    await app.push_screen(screen)
                    await _until(pilot, lambda s=screen: s.all_shown is not None)
                    if conversation_id == long_id:
                        long_first, long_whole = screen.first_shown, screen.all_shown
                    else:
                        first.append(screen.first_shown)
                        whole.append(screen.all_shown)
                    app.pop_screen()
                    await pilot.pause()
                for doc in docs:
                    plain = Screen()
                    await app.push_screen(plain)
                    start = time.perf_counter()
                    view = Markdown()
                    await plain.mount(view)
                    await view.update(doc)
                    await pilot.pause()
                    baseline.append(time.perf_counter() - start)
                    app.pop_screen()
                    await pilot.pause()

        asyncio.run(run())
        store.close()
    typical_kb = statistics.median(len(d.encode()) for d in docs) / 1000
    return {
        "typical doc KB": typical_kb,
        "first section ms": statistics.median(first) * 1000,
        "whole view ms": statistics.median(whole) * 1000,
        "baseline one widget ms": statistics.median(baseline) * 1000,
        "long first section ms": long_first * 1000,
        "long whole ms": long_whole * 1000,
    }


def main(argv: list[str] | None = None) -> None:
    """Print one table row per size."""
    main_for_sizes(__doc__ or "", SIZES, measure, argv)


if __name__ == "__main__":
    main()
