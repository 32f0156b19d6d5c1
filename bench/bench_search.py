"""Speed and size of full-text search: ``python -m bench.bench_search [--sizes 1000 10000]``.

For each size: rebuild time (fed straight from the synthetic generator, whose own time is
shown beside it), index size on disk, the time to index one edited conversation, and the
latency of 200 realistic queries (single words, prefixes typed one letter at a time, two
words, phrases, filters), each run three times; the table shows the median over queries and
the 95th percentile. The baseline, measured in the same run, is a plain scan of every
conversation's text for the same single words (what search costs without an index).

Target: p95 <= 10 ms at 10,000 conversations.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from bench import synthetic
from bench import synthetic_words as W
from tui.core.search import SearchIndex
from tui.core.search_text import fold

SIZES = (1000, 10000)
REPEATS = 3


def make_queries(seed: int = 11) -> list[tuple[str, str]]:
    """200 ``(kind, query)`` pairs, as people type them."""
    rng = random.Random(seed)
    rare = synthetic._rare_words(7)[:200]
    words = [*W.CITIES, *W.SKILLS, *W.TOOLS, *rare[:40], "compliance", "veto", "roadmap",
             "hiring", "portfolio", "mentoring", "regulation", "apprenticeship", "layoffs"]
    names = [*W.FIRST_NAMES, *W.LAST_NAMES]
    queries: list[tuple[str, str]] = []
    for _ in range(40):
        queries.append(("word", rng.choice(words + names).split()[0] + " "))
    typed = [w for w in words + names if 5 <= len(w) <= 9 and " " not in w]
    while len(queries) < 100:
        word = rng.choice(typed)
        for end in range(1, len(word) + 1):
            if len(queries) < 100:
                queries.append(("typing", word[:end]))
    pairs = [("hiring", "process"), ("data", "platform"), ("career", "break"),
             ("team", "culture"), ("pricing", "experiment"), ("graduate", "scheme")]
    for _ in range(30):
        if rng.random() < 0.5:
            queries.append(("two words", " ".join(rng.choice(pairs)) + " "))
        else:
            queries.append(("two words", f"{rng.choice(W.FIRST_NAMES)} {rng.choice(words)} "))
    phrases = ['"hiring process"', '"data platform"', '"the first ninety days"',
               '"working with sales"', '"take-home exercise"', '"weekly demos"',
               '"salary bands"', '"team week"', '"technical debt"', '"customer research"']
    for _ in range(20):
        queries.append(("phrase", rng.choice(phrases)))
    for _ in range(50):
        company = rng.choice(W.COMPANIES).split()[0].lower()
        year = rng.choice(("2023", "2024", "2025"))
        queries.append(("filters", rng.choice((
            f"company:{company} {rng.choice(words)} ",
            f"tag:{rng.choice(W.INDUSTRIES).split()[0]} ",
            f"status:done {rng.choice(words)} ",
            f"kind:industry {rng.choice(words)} ",
            f"after:{year} before:{int(year) + 1}-06 {rng.choice(words)} ",
            f"person:{rng.choice(W.FIRST_NAMES).lower()} ",
            f"{rng.choice(words)} -{rng.choice(W.CITIES).lower()} ",
        ))))
    return queries


def percentile(values: list[float], share: float) -> float:
    """The ``share`` quantile (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def timed(action: Callable[[], object]) -> float:
    """Milliseconds taken by ``action``."""
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def query_times(index: SearchIndex, queries: list[tuple[str, str]]
                ) -> tuple[list[float], list[float]]:
    """Per query, the median of :data:`REPEATS` runs (ms): wall time, and this thread's CPU
    time (which other work on a shared machine inflates much less)."""
    wall, cpu = [], []
    for _, query in queries:
        runs = []
        for _ in range(REPEATS):
            started, used = time.perf_counter(), time.thread_time()
            index.search(query, limit=20)
            runs.append(((time.perf_counter() - started) * 1000,
                         (time.thread_time() - used) * 1000))
        wall.append(statistics.median(w for w, _ in runs))
        cpu.append(statistics.median(c for _, c in runs))
    return wall, cpu


def naive_scan_ms(size: int, words: list[str], sample: int = 20) -> float:
    """Median time to find a word by scanning every conversation's folded text (no index)."""
    texts = [fold(" ".join(_strings(conversation)))
             for conversation, _ in synthetic.iter_records(size)]
    return statistics.median(timed(lambda w=word: [t for t in texts if w in t])
                             for word in words[:sample])


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def measure(size: int, folder: Path, memory: bool = False) -> dict[str, float]:
    """Every figure for one data size."""
    queries = make_queries()
    generate_s = timed(lambda: sum(1 for _ in synthetic.iter_records(size))) / 1000
    index = SearchIndex.open(folder / f"data{size}", cache_folder=folder / "cache",
                             memory=memory)
    rebuild_s = timed(lambda: index.rebuild(synthetic.iter_records(size))) / 1000
    gc.collect()
    times, cpu = query_times(index, queries)
    by_kind: dict[str, list[float]] = {}
    for (kind, _), value in zip(queries, times, strict=True):
        by_kind.setdefault(kind, []).append(value)
    edits = list(synthetic.iter_records(min(size, 50)))
    updates = []
    for conversation, contact in edits:
        conversation = {**conversation, "id": f"c{len(updates):06d}x",
                        "research_notes": conversation["research_notes"] + " edited"}
        updates.append(timed(lambda c=conversation, p=contact: index.update_conversation(c, p)))
    size_mb = 0.0
    if index.path is not None:
        index.close()
        size_mb = sum(Path(f"{index.path}{s}").stat().st_size
                      for s in ("", "-wal") if Path(f"{index.path}{s}").exists()) / 1e6
    result = {
        "generate s": generate_s, "rebuild s": rebuild_s, "index MB": size_mb,
        "update ms": statistics.median(updates), "query p50 ms": statistics.median(times),
        "query p95 ms": percentile(times, 0.95), "query max ms": max(times),
        "cpu p50 ms": statistics.median(cpu), "cpu p95 ms": percentile(cpu, 0.95),
    }
    for kind, values in by_kind.items():
        result[f"{kind} p95"] = percentile(values, 0.95)
    words = [q.strip() for kind, q in queries if kind == "word"]
    result["naive scan ms"] = naive_scan_ms(size, words)
    return result


def generator_figures(size: int) -> tuple[float, float]:
    """Seconds and peak MB to write an export of ``size`` conversations, in a child process."""
    with tempfile.TemporaryDirectory() as tmp:
        # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from this (large) process
        code = ("import sys, time; from pathlib import Path; "
                "from bench.synthetic import write_export; t = time.perf_counter(); "
                f"write_export(Path(sys.argv[1]), {size}); "
                "peak = [l.split()[1] for l in open('/proc/self/status') "
                "if l.startswith('VmHWM')]; print(time.perf_counter() - t, int(peak[0]) / 1024)")
        out = subprocess.run([sys.executable, "-c", code, str(Path(tmp) / "export.json")],
                             capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), float(out[1])


def main(argv: list[str] | None = None) -> None:
    """Measure each size and print the table."""
    parser = argparse.ArgumentParser(description="full-text search benchmark")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--memory", action="store_true", help="the fallback engine instead")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        rows = {size: measure(size, Path(tmp), args.memory) for size in args.sizes}
    keys = list(next(iter(rows.values())))
    print(f"{'':>16}" + "".join(f"{size:>12,}" for size in rows))
    for key in keys:
        print(f"{key:>16}" + "".join(f"{rows[size][key]:>12.2f}" for size in rows))
    first, last = args.sizes[0], args.sizes[-1]
    if last != first:
        print(f"{'p95 ratio':>16}{'':>12}"
              f"{rows[last]['query p95 ms'] / rows[first]['query p95 ms']:>12.2f}")
    seconds, megabytes = generator_figures(max(args.sizes))
    print(f"generator: {max(args.sizes):,} conversations in {seconds:.1f} s, "
          f"peak {megabytes:.0f} MB")
    print(f"engine: {'memory' if args.memory else 'fts5'}; load average during the run: "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
