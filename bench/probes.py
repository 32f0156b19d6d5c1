"""The measurements of ``python -m bench.run``, each run as processes against one version of
coffeechat (a :class:`Tree`: this checkout, or an older one extracted with ``git archive``)."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

from bench.pty_run import Pty

BENCH = Path(__file__).resolve().parent
MARKER = b"Past ("  # the synthetic data's conversations are all in the past


T = TypeVar("T")
# A fixed piece of pure Python, timed on each processor to tell the machine's speed
LOOP = ("import time\nstart = time.perf_counter()\ntotal = 0\nfor i in range(2_000_000):\n"
        "    total += i\nprint(time.perf_counter() - start)")
# New memory touched page by page: what a listing at 10,000 does some 30,000 times
TOUCH = ("import time\nstart = time.perf_counter()\nmemory = bytearray(120 * 1024 * 1024)\n"
         "for at in range(0, len(memory), 4096):\n    memory[at] = 1\n"
         "print(time.perf_counter() - start)")

@dataclass
class Tree:
    """One version of coffeechat to run: its source folder and a private cache."""

    name: str
    source: Path
    scratch: Path

    def env(self) -> dict[str, str]:
        """The environment its processes run in."""
        return dict(os.environ, PYTHONPATH=str(self.source), TEXTUAL_ANIMATIONS="none",
                    COFFEECHAT_CACHE_DIR=str(self.scratch / "cache"),
                    COFFEECHAT_CONFIG_DIR=str(self.scratch / "config"))

    def coffeechat(self, *argv: str) -> list[str]:
        """The command line of ``coffeechat ARGV`` (run it in :attr:`source`: ``python -m``
        looks in the current folder first)."""
        return [sys.executable, "-m", "tui", *argv]


@dataclass
class Run:
    """A finished process: wall seconds, CPU seconds, peak memory (MB), output."""

    wall: float
    cpu: float
    peak_mb: float
    out: bytes


def run(argv: list[str], env: dict[str, str], cwd: Path | None = None) -> Run:
    """See :func:`run_in`."""
    return run_in(argv, env, cwd or Path(env.get("PYTHONPATH", ".")))


def run_in(argv: list[str], env: dict[str, str], cwd: Path) -> Run:
    """Run a process to its end, measuring it (``os.wait4`` gives its own resource use)."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as errors:
        child = subprocess.Popen(argv, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=errors)
        assert child.stdout is not None
        out = child.stdout.read()
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - start
        if child.returncode:
            errors.seek(0)
            raise RuntimeError(f"{argv} failed with {child.returncode}: "
                               f"{errors.read().decode(errors='replace')[-2000:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out)


def _in_turn(variants: dict[str, T], round_: int) -> list[tuple[str, T]]:
    """The variants in the order of this round: reversed every other round, so that going
    first (or right after another one) falls on each of them alike."""
    order = list(variants.items())
    return order[::-1] if round_ % 2 else order


def median_runs(variants: dict[str, tuple[list[str], dict[str, str]]],
                repeats: int) -> dict[str, Run]:
    """The run of median wall time of each variant among ``repeats``, after one unmeasured
    warm-up each. The variants take turns, so that the machine's load (which moves by a
    third within minutes on a shared machine) falls on all of them alike."""
    for argv, env in variants.values():
        run(argv, env)
    found: dict[str, list[Run]] = {name: [] for name in variants}
    for round_ in range(repeats):
        for name, (argv, env) in _in_turn(variants, round_):
            found[name].append(replace(run(argv, env), out=b""))  # 7 MB each at 10,000
    return {name: sorted(runs, key=lambda r: r.wall)[len(runs) // 2]
            for name, runs in found.items()}


def cpu_speeds(rounds: int = 3) -> dict[int, float]:
    """Seconds :data:`LOOP` takes in a process held to each processor this one may use (the
    median of ``rounds``), or {} where a process cannot be held to one. The processors of a
    shared virtual machine may run at different speeds, and those speeds change from one
    minute to the next: a command's time depends on where it happens to run."""
    if not hasattr(os, "sched_setaffinity"):
        return {}
    times: dict[int, list[float]] = {cpu: [] for cpu in sorted(os.sched_getaffinity(0))}
    for _ in range(rounds):
        for cpu, taken in times.items():
            done = subprocess.run([sys.executable, "-c", LOOP], capture_output=True, text=True,
                                  check=True, preexec_fn=lambda cpu=cpu: os.sched_setaffinity(
                                      0, {cpu}))
            taken.append(float(done.stdout))
    return {cpu: statistics.median(taken) for cpu, taken in times.items()}


def memory_speed(rounds: int = 3) -> float:
    """Seconds :data:`TOUCH` takes (the median of ``rounds`` processes): the system's cost of
    handing a process new memory, which moves from one minute to the next on a shared
    machine while a loop of pure Python does not."""
    return statistics.median(
        float(subprocess.run([sys.executable, "-c", TOUCH], capture_output=True, text=True,
                             check=True).stdout)
        for _ in range(rounds))


def import_export(tree: Tree, export: Path, folder: Path) -> Run:
    """``coffeechat import json`` of ``export`` into a new ``folder``."""
    return run(tree.coffeechat("--data-dir", str(folder), "import", "json", str(export)),
               tree.env())


def save_cost(tree: Tree, folder: Path) -> dict[str, float]:
    """One autosave: event-loop block (ms) and bytes written (see bench/probe_save.py)."""
    result = run([sys.executable, str(BENCH / "probe_save.py"), str(folder)], tree.env())
    return json.loads(result.out)  # type: ignore[no-any-return]


def cold_starts(variants: dict[str, tuple[list[str], dict[str, str]]],
                repeats: int) -> dict[str, list[float]]:
    """Seconds from launch to the first painted list, for each variant, interleaved so that
    the machine's load falls on all of them alike."""
    found: dict[str, list[float]] = {name: [] for name in variants}
    for round_ in range(repeats):
        for name, (argv, env) in _in_turn(variants, round_):
            marker = b"Row 000000" if "bare_app" in " ".join(argv) else MARKER
            pty = Pty(argv, env, cwd=Path(env["PYTHONPATH"]))
            try:
                found[name].append(pty.wait_for(marker))
            finally:
                pty.close()
    return found


def app_session(tree: Tree, folder: Path, keys: int = 40,
                settle: float = 4.0) -> dict[str, float]:
    """The app in a terminal: memory once the list is up and the background work has had
    ``settle`` seconds, then key echo while typing a Live note (saves happen meanwhile)."""
    pty = Pty(tree.coffeechat("--data-dir", str(folder)), tree.env(), cwd=tree.source)
    try:
        pty.wait_for(MARKER)
        pty.drain(settle)
        memory = pty.rss_kb() / 1024
        pty.send(b"\r")  # open the first conversation
        pty.wait_for(b"Live [f4]")
        pty.drain(0.5)
        pty.send(b"\x1bOS")  # F4: the Live pane
        pty.drain(0.8)
        mark = len(pty.seen)
        pty.send(b"\x14")  # ctrl+t: start the call; the cursor is in the question's note
        pty.drain(0.8)
        if b"Carry" in pty.seen[mark:]:  # a call held already: carry on with it
            # yes: with the arrow and enter where questions take no letter, else with y
            pty.send(b"\x1b[D\r" if b"enter answers" in pty.seen[mark:] else b"y")
            pty.drain(0.8)
        pty.send(b"i")  # into the note (typed there if the cursor is in it already)
        pty.drain(0.5)
        echoes = []
        for _ in range(keys):
            pty.drain(0.1)
            try:
                echoes.append(pty.echo(b"x", b"x"))
            except TimeoutError:
                Path(tempfile.gettempdir(), "coffeechat-bench-screen.bin").write_bytes(pty.seen)
                raise
        pty.send(b"\x1b")
        pty.drain(1.5)  # the last autosave
        peak = _peak_kb(pty) / 1024
    finally:
        pty.close()
    echoes.sort()
    return {"memory_mb": memory, "peak_mb": peak,
            "echo_ms": statistics.median(echoes) * 1000,
            "echo_p90_ms": echoes[int(len(echoes) * 0.9) - 1] * 1000}


def _peak_kb(pty: Pty) -> int:
    with open(f"/proc/{pty.child.pid}/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def search_latency(folder: Path, env: dict[str, str]) -> dict[str, float]:
    """Build (or catch up) the index of ``folder`` with this checkout, then run 200 realistic
    queries three times each: median and 95th percentile in ms, and the build's seconds."""
    from bench.bench_search import make_queries, percentile, query_times

    os.environ["COFFEECHAT_CACHE_DIR"] = env["COFFEECHAT_CACHE_DIR"]
    from tui.core.search import SearchIndex
    from tui.core.search_link import catch_up
    from tui.core.search_query import parse
    from tui.core.store import Store

    store = Store.open(folder, readonly=True)
    start = time.perf_counter()
    with SearchIndex.open(store.layout.root) as index:
        catch_up(index, *store.index_inputs())
        built = time.perf_counter() - start
        samples, _ = query_times(index, [(kind, parse(text)) for kind, text in make_queries()])
    store.close()
    return {"p50_ms": statistics.median(samples), "p95_ms": percentile(samples, 0.95),
            "build_s": built}
