"""Speed of the Live pane while typing: ``python -m bench.bench_live``.

Runs the real app headless (``App.run_test``) on a store with a background writer and
reports medians (ms) and ratios for:

- a keystroke in the question's note: from the key reaching the app to the text being in
  the model (what the autosaver saves), with an empty note, a 5,000-word note and 1 MB;
- how long the event loop is blocked around each key (handling, drawing, and every eighth
  key an autosave): median and worst;
- a 1 MB paste into the note (a Paste event, as a terminal sends it);
- one autosave of the conversation (serialisation + TinyDB update; the disk write is on the
  writer thread) and the bare serialisation (to_dict + json);
- a quick note added to a log of 10 and of 1,000 notes;
- for scale: Textual's Markdown widget showing 5 KB, which the pane never does per keystroke.
"""

from __future__ import annotations

import asyncio
import json
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from textual import events

from bench.generate import WORDS
from tui.app import CoffeechatApp
from tui.core.models import Contact, Conversation, LiveNote, Question
from tui.core.store import Store
from tui.panes.live import LivePane

KEYS = 40
MEGABYTE = 1_000_000


def words(count: int, seed: int = 1) -> str:
    """``count`` words in lines of twelve, like a long note."""
    rng = random.Random(seed)
    chosen = [rng.choice(WORDS) for _ in range(count)]
    return "\n".join(" ".join(chosen[i:i + 12]) for i in range(0, count, 12))


def median_ms(samples: list[float]) -> float:
    """Median of seconds, in milliseconds."""
    return statistics.median(samples) * 1000


class StallProbe:
    """Measures the longest time the event loop did not get round to a 1 ms sleeper."""

    def __init__(self) -> None:
        self.longest = 0.0
        self._task: asyncio.Task[None] | None = None

    async def _run(self) -> None:
        while True:
            before = time.perf_counter()
            await asyncio.sleep(0.001)
            self.longest = max(self.longest, time.perf_counter() - before - 0.001)

    def __enter__(self) -> StallProbe:
        self._task = asyncio.get_running_loop().create_task(self._run())
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._task is not None
        self._task.cancel()


async def until(condition: Callable[[], bool], limit: float = 30.0) -> float:
    """Seconds until ``condition`` holds, yielding to the loop in between."""
    start = time.perf_counter()
    while not condition():
        if time.perf_counter() - start > limit:
            raise TimeoutError("the app did not get there")
        await asyncio.sleep(0)
    return time.perf_counter() - start


def markdown_note(size: int) -> str:
    """A note the way people write them: headings, bullets, bold, about ``size`` characters."""
    rng, parts = random.Random(3), []
    while sum(map(len, parts)) < size:
        parts.append(f"## {rng.choice(WORDS).title()}\n")
        parts.extend(f"- **{rng.choice(WORDS)}**: {words(10, rng.randrange(999))}\n"
                     for _ in range(4))
        parts.append(words(30, rng.randrange(999)).replace("\n", " ") + "\n\n")
    return "".join(parts)[:size]


async def keystrokes(app: CoffeechatApp, pane: LivePane, pilot) -> tuple[float, float, float]:
    """Over KEYS typed characters: median ms from key to model, median and longest ms the
    event loop was blocked while a key was handled and drawn (autosaves included)."""
    question = pane.current_question()
    assert question is not None
    pane.note_area.focus()
    pane.note_area.move_cursor(pane.note_area.document.end)
    await pilot.pause()
    samples, stalls = [], []
    for index in range(KEYS):
        length = len(question.note)
        with StallProbe() as probe:
            start = time.perf_counter()
            app._driver.send_message(events.Key("x", "x"))  # type: ignore[union-attr]
            await until(lambda length=length: len(question.note) > length)
            samples.append(time.perf_counter() - start)
            await asyncio.sleep(0.05 if index % 8 != 7 else 0.6)  # drawn; now and then saved
        stalls.append(probe.longest)
    return median_ms(samples), median_ms(stalls), max(stalls) * 1000


def autosave_ms(store: Store, conversation: Conversation) -> tuple[float, float]:
    """(median autosave ms, median to_dict + json ms) of ``conversation``."""
    saves, dumps = [], []
    for _ in range(7):
        conversation.research_notes += "x"
        start = time.perf_counter()
        store.save_conversation(conversation)
        saves.append(time.perf_counter() - start)
        start = time.perf_counter()
        json.dumps(conversation.to_dict())
        dumps.append(time.perf_counter() - start)
    return median_ms(saves), median_ms(dumps)


async def quick_note_ms(pane: LivePane, pilot, existing: int) -> float:
    """Median ms to stamp a quick note and show it, with ``existing`` notes in the log."""
    session = pane.conversation.live
    session.notes = [LiveNote(text=f"note {i} " + words(12, i)) for i in range(existing)]
    pane.show()
    await pilot.pause()
    samples = []
    for index in range(9):
        start = time.perf_counter()
        pane.add_quick_note(f"a quick note {index}")
        samples.append(time.perf_counter() - start)
        await pilot.pause()
    return median_ms(samples)


async def markdown_ms(text: str) -> float:
    """Median ms for Textual's Markdown widget to show ``text`` (for comparison only)."""
    from textual.app import App
    from textual.widgets import Markdown

    class Viewer(App[None]):
        def compose(self):  # type: ignore[no-untyped-def]
            yield Markdown()

    samples = []
    async with Viewer().run_test(size=(80, 24)) as pilot:
        viewer = pilot.app.query_one(Markdown)
        for _ in range(5):
            start = time.perf_counter()
            await viewer.update(text)
            await pilot.pause(0)
            samples.append(time.perf_counter() - start)
    return median_ms(samples)


async def run(folder: Path) -> dict[str, float]:
    """Every measurement, in one app session."""
    store = Store.open(folder, background=True)
    contact = Contact(name="Ana Silva", company="Acme")
    store.save_contact(contact)
    long_note = words(5_000)
    questions = [Question(text="Empty note"), Question(text="Long note", note=long_note),
                 Question(text="Pasted into")]
    store.save_conversation(Conversation(contact_id=contact.id, questions=questions))
    app = CoffeechatApp(store, config_folder=folder / "config")
    results: dict[str, float] = {}
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "f4", "ctrl+t")
        pane = app.screen.query_one(LivePane)
        for name, index in (("empty note", 0), ("5000 words", 1)):
            pane.set_current(index)
            (results[f"key, {name}"], results[f"stall median, {name}"],
             results[f"stall max, {name}"]) = await keystrokes(app, pane, pilot)
        results["autosave, 5000 words"], results["to_dict+json, 5000 words"] = autosave_ms(
            store, pane.conversation)
        pane.set_current(2)
        pane.note_area.focus()
        await pilot.pause()
        big = words(MEGABYTE // 7, seed=2)
        target = pane.conversation.questions[2]
        start = time.perf_counter()
        app.post_message(events.Paste(big))
        await until(lambda: len(target.note) >= len(big))
        results["paste 1 MB"] = (time.perf_counter() - start) * 1000
        (results["key, 1 MB note"], results["stall median, 1 MB note"],
         results["stall max, 1 MB note"]) = await keystrokes(app, pane, pilot)
        results["autosave, 1 MB note"], results["to_dict+json, 1 MB note"] = autosave_ms(
            store, pane.conversation)
        results["quick note, log of 10"] = await quick_note_ms(pane, pilot, 10)
        results["quick note, log of 1000"] = await quick_note_ms(pane, pilot, 1000)
        assert store.flush()
    saved = Store.open(folder, readonly=True).conversation(pane.conversation.id)
    assert saved.questions[2].note.startswith(big), "the 1 MB paste was not saved whole"
    store.close()
    results["Markdown widget, 5 KB"] = await markdown_ms(markdown_note(5_000))
    return results


def main() -> None:
    """Measure and print medians and ratios."""
    with tempfile.TemporaryDirectory() as tmp:
        results = asyncio.run(run(Path(tmp)))
    for name, value in results.items():
        print(f"{name:>28}  {value:9.2f} ms")
    base = results["key, empty note"]
    print()
    for name in ("key, 5000 words", "key, 1 MB note"):
        print(f"{'ratio ' + name + ' / empty':>40}  {results[name] / base:7.2f}")
    print(f"{'ratio Markdown 5 KB / key 5000 words':>40}  "
          f"{results['Markdown widget, 5 KB'] / results['key, 5000 words']:7.1f}")
    print(f"{'ratio quick note log 1000 / log 10':>40}  "
          f"{results['quick note, log of 1000'] / results['quick note, log of 10']:7.2f}")


if __name__ == "__main__":
    main()
