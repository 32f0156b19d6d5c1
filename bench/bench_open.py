"""Speed of opening a conversation: ``python -m bench.bench_open [--before REF]``.

The real app runs headless (``App.run_test``, 100x30) on 300 generated conversations (the
generator's: prep, 8-10 questions with notes, live notes and a reflection), once with this
checkout and once with ``--before`` (default: ``main``'s first parent, extracted with ``git
archive``), each version in a process of its own, taking turns for ``ROUNDS`` rounds. In each
process, for ``SAMPLES`` conversations:

- opening it from home until its screen is mounted and the app is idle (what the user waits
  for after enter);
- then its Live pane (f4) until shown and idle;
- the baseline, in the same process: the help screen (f1: a screen with no data behind it)
  until shown and idle.

Medians in milliseconds; with ``--out FILE`` the table goes into that file's "Opening a
conversation" section.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADING = "## Opening a conversation (`python -m bench.bench_open`)"
SIZE = 300
SAMPLES = 8
ROUNDS = 3


async def _until_idle(pilot, done) -> None:  # type: ignore[no-untyped-def]
    for _ in range(4000):
        if done():
            break
        await pilot.pause(0.005)
    await pilot.pause()


def probe() -> dict[str, list[float]]:
    """Run in a process whose ``tui`` is the version measured: the timings, in ms."""
    from bench.generate import generate
    from tui.app import CoffeechatApp
    from tui.core.store import Store
    from tui.screens.conversation import ConversationScreen
    from tui.screens.home import HomeScreen

    found: dict[str, list[float]] = {"open": [], "live": [], "help": []}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        generate(folder, SIZE).close()
        store = Store.open(folder, background=True)
        chosen = [s.id for s in store.summaries() if s.status == "done"][:SAMPLES]
        app = CoffeechatApp(store, config_folder=folder / "config")

        async def run() -> None:
            async with app.run_test(size=(100, 30)) as pilot:
                await _until_idle(pilot, lambda: isinstance(app.screen, HomeScreen))
                await asyncio.to_thread(app.upkeep_done.wait, 600)  # the first index build
                await pilot.pause(0.5)
                for conversation_id in chosen:
                    home = app.screen
                    assert isinstance(home, HomeScreen)
                    start = time.perf_counter()
                    await home.open_conversation(conversation_id)
                    await _until_idle(pilot, lambda: isinstance(app.screen, ConversationScreen))
                    found["open"].append(time.perf_counter() - start)
                    start = time.perf_counter()
                    await pilot.press("f4")
                    await pilot.pause()
                    found["live"].append(time.perf_counter() - start)
                    start = time.perf_counter()
                    await pilot.press("f1")
                    await _until_idle(pilot, lambda: app.screen.__class__.__name__ ==
                                      "HelpScreen")
                    found["help"].append(time.perf_counter() - start)
                    await pilot.press("escape")
                    await _until_idle(pilot, lambda: isinstance(app.screen, ConversationScreen))
                    await pilot.press("escape", "escape")
                    await _until_idle(pilot, lambda: isinstance(app.screen, HomeScreen))
                    await pilot.pause(0.2)

        asyncio.run(run())
        store.close()
    return {name: [seconds * 1000 for seconds in times] for name, times in found.items()}


def _run_probe(source: Path) -> dict[str, list[float]]:
    env = dict(os.environ, PYTHONPATH=str(source), TEXTUAL_ANIMATIONS="none")
    with tempfile.TemporaryDirectory() as cache:
        env["COFFEECHAT_CACHE_DIR"] = cache
        done = subprocess.run([sys.executable, "-c", PROBE_CALL], cwd=source, env=env,
                              capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


# This file's probe, loaded by its path, in a process whose ``tui`` (and ``bench.generate``)
# are the measured version's.
PROBE_CALL = ("import importlib.util, json; "
              f"spec = importlib.util.spec_from_file_location('open_probe', {__file__!r}); "
              "module = importlib.util.module_from_spec(spec); spec.loader.exec_module(module); "
              "print(json.dumps(module.probe()))")


def measure(before: Path) -> dict[str, dict[str, float]]:
    """Medians of every timing, by version, the versions taking turns."""
    times: dict[str, dict[str, list[float]]] = {"before": {}, "after": {}}
    for _ in range(ROUNDS):
        for name, source in (("before", before), ("after", ROOT)):
            for key, values in _run_probe(source).items():
                times[name].setdefault(key, []).extend(values)
    return {name: {key: statistics.median(values) for key, values in found.items()}
            for name, found in times.items()}


def render(medians: dict[str, dict[str, float]], before: str, after: str) -> str:
    """The section: what was measured, then the table."""
    rows = [("", "before", "after", "ratio")]
    for key, label in (("open", "open a conversation (enter to mounted and idle)"),
                       ("live", "then its Live pane (f4)"),
                       ("help", "baseline: the help screen (f1)")):
        b, a = medians["before"][key], medians["after"][key]
        rows.append((label, f"{b:.0f}", f"{a:.0f}", f"{a / b:.2f}x"))
    rows.append(("open a conversation / the help screen",
                 *(f"{medians[name]['open'] / medians[name]['help']:.2f}x"
                   for name in ("before", "after")), ""))
    lines = [f"| {' | '.join(row)} |" for row in rows]
    lines.insert(1, "| --- | ---: | ---: | ---: |")
    return (f"{HEADING}\n\nMeasured {datetime.date.today().isoformat()} on this 2-core "
            f"machine (Python {sys.version.split()[0]}), medians in milliseconds of "
            f"{SAMPLES} conversations in each of {ROUNDS} processes per version, the versions "
            f"taking turns; \"before\" is {before} and \"after\" is {after}. "
            f"{SIZE} generated conversations, the app headless at 100x30.\n\n"
            + "\n".join(lines) + "\n")


def write_section(path: Path, section: str) -> None:
    """Replace the file's section of this benchmark with ``section`` (or add it at the end)."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Performance\n"
    start = text.find(HEADING)
    if start < 0:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        end = text.find("\n## ", start + len(HEADING))
        text = text[:start] + section + ("\n" + text[end + 1:] if end >= 0 else "")
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Measure both versions, print the section, write it with ``--out``."""
    # Imported here: the probe process loads this file inside another version's tree.
    from bench.run import extract, rev

    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--before", default="main^",
                        help="the version to compare against (default: main's first parent)")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    before = rev(args.before)
    with tempfile.TemporaryDirectory() as tmp:
        medians = measure(extract(before, Path(tmp) / "before"))
    section = render(medians, before, rev("HEAD"))
    print(section)
    if args.out is not None:
        write_section(args.out, section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
