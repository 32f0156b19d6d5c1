"""The table of ``python -m bench.run`` and its section in docs/performance.md."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

HEADING = "## Scale: one file per conversation (`python -m bench.run`)"
EARLIER = "### Earlier runs of the benchmark"
BEFORE_THIS = "The run before this one, measured"
TARGET = 10_000  # the size the goals are set for (a --quick run stops below it)


def _n(value: float | None, digits: int = 0) -> str:
    if value is None:
        return "-"
    return f"{value:,.{digits}f}"


def _ratio(a: float | None, b: float | None) -> str:
    return f"{a / b:.2f}x" if a and b else "-"


def render(f: dict[str, Any]) -> str:
    """Markdown: what was measured, then one row per target and size."""
    meta, sizes = f["meta"], f["sizes"]
    rows = [("target", "size", "before", "after", "ratio", "goal")]
    for size in sizes:
        cold = f[f"cold {size}"]
        goal = {1000: "<= 1.3x bare", 10000: "<= 1.5x bare"}.get(size, "")
        rows.append(("cold start to the home list, ms (bare app: "
                     f"{_n(cold['bare'] * 1000)})", f"{size:,}", _n(cold["before"] * 1000),
                     _n(cold["after"] * 1000),
                     f"{_ratio(cold['before'], cold['bare'])} -> "
                     f"{_ratio(cold['after'], cold['bare'])} of bare", goal))
    for size in sizes:
        b, a = f[f"save {size} before"], f[f"save {size} after"]
        big = size == TARGET
        rows.append(("one autosave: bytes written", f"{size:,}", _n(b["bytes"]),
                     _n(a["bytes"]), _ratio(a["bytes"], b["bytes"]),
                     "< 1 MB" if big else ""))
        rows.append(("one autosave: event loop blocked, ms", f"{size:,}", _n(b["block_ms"], 1),
                     _n(a["block_ms"], 1), _ratio(a["block_ms"], b["block_ms"]),
                     "<= 16 ms" if big else ""))
    small, large = sizes[0], sizes[-1]
    for size in (small, large):
        b, a = f[f"session {size} before"], f[f"session {size} after"]
        rows.append(("key echo typing a Live note, median (p90), ms", f"{size:,}",
                     f"{_n(b['echo_ms'])} ({_n(b['echo_p90_ms'])})",
                     f"{_n(a['echo_ms'])} ({_n(a['echo_p90_ms'])})",
                     _ratio(a["echo_ms"], b["echo_ms"]),
                     f"<= 1.2x the echo at {small:,}" if size == TARGET else ""))
    echo = _ratio(f[f"session {large} after"]["echo_ms"], f[f"session {small} after"]["echo_ms"])
    rows.append((f"key echo at {large:,} / at {small:,} (after)", "", "", echo, "",
                 "<= 1.2x" if large == TARGET else ""))
    b, a = f[f"session {large} before"], f[f"session {large} after"]
    rows.append(("the app's memory after start (peak), MB", f"{large:,}",
                 f"{_n(b['memory_mb'])} ({_n(b['peak_mb'])})",
                 f"{_n(a['memory_mb'])} ({_n(a['peak_mb'])})",
                 _ratio(a["memory_mb"], b["memory_mb"]), "<= 250 MB" if large == TARGET else ""))
    for command in ("list", "due"):
        for size in sizes:
            b, a = f[f"{command} {size} before"], f[f"{command} {size} after"]
            rows.append((f"`{command} --json`: s (peak MB)", f"{size:,}",
                         f"{_n(b['s'], 2)} ({_n(b['mb'])})", f"{_n(a['s'], 2)} ({_n(a['mb'])})",
                         _ratio(a["s"], b["s"]),
                         "<= 0.5 s, <= 150 MB" if size == TARGET else ""))
    for size in sizes:
        s = f[f"search {size}"]
        rows.append(("search, 200 queries: p50 / p95 ms (index built in s)", f"{size:,}", "",
                     f"{_n(s['p50_ms'], 1)} / {_n(s['p95_ms'], 1)} ({_n(s['build_s'], 1)})",
                     "", "p95 <= 10 ms" if size == TARGET else ""))
    for size in sizes:
        b, a = f[f"import {size} before"], f[f"import {size} after"]
        rows.append(("`import json`: s (CPU s, peak MB)", f"{size:,}",
                     f"{_n(b['s'], 1)} ({_n(b['cpu'], 1)}, {_n(b['mb'])})",
                     f"{_n(a['s'], 1)} ({_n(a['cpu'], 1)}, {_n(a['mb'])})",
                     _ratio(a["s"], b["s"]), "<= 10 s" if size == TARGET else ""))
    if len(sizes) > 2:
        linear = {k: _ratio(f[f"import {sizes[-1]} {k}"]["s"], f[f"import {sizes[-2]} {k}"]["s"])
                  for k in ("before", "after")}
        rows.append((f"import {sizes[-1]:,} / {sizes[-2]:,}", "", linear["before"],
                     linear["after"], "", "<= 12x"))
    if "contacts before" in f:
        b, a = f["contacts before"], f["contacts after"]
        rows.append(("`import json` of 120,000 contacts: s (peak MB)", "",
                     f"{_n(b['s'], 1)} ({_n(b['mb'])})", f"{_n(a['s'], 1)} ({_n(a['mb'])})",
                     _ratio(a["s"], b["s"]), "< 60 s"))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |"
             for r in rows]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    intro = (f"{HEADING}\n\nMeasured {meta['date']} on this 2-core machine, shared with other "
             f"work (Python {meta['python']}); medians (of {meta['repeats']} runs of each "
             "version taking turns, for cold starts, `list` and `due`); \"before\" is "
             f"{meta['before']} and "
             f"\"after\" is {meta['after']}, measured in the same run. Sizes are conversations "
             "(about 10 KB each, with 0.6 contacts per conversation), generated by "
             "bench/synthetic.py and loaded with each version's own `import json`. Cold start "
             "is timed in a 120x36 pseudo-terminal until the first row of the list is "
             "written, against a bare Textual app with the same layout and as many rows."
             + _peak_note(f) + _speed_note(f) + "\n")
    return intro + "\n" + "\n".join(lines) + "\n"


def write_section(path: Path, section: str) -> None:
    """Put ``section`` at the head of the file's Scale section (or at the file's end): the
    run that was there, with the notes written under it, becomes the first of its earlier
    runs, so that nothing written there is lost."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Performance\n"
    pattern = re.compile(rf"^{re.escape(HEADING)}\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        text = pattern.sub(lambda found: _with_earlier(section, found[0]), text, count=1)
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text, encoding="utf-8")


def _with_earlier(section: str, old: str) -> str:
    """``section``, then the old section's run and notes under the earlier runs."""
    body = old[len(HEADING):].strip("\n")
    last, _, earlier = body.partition(EARLIER)
    earlier = earlier.strip("\n").replace(BEFORE_THIS, "An earlier run, measured")
    last = last.strip("\n").replace("Measured ", BEFORE_THIS + " ", 1)
    return "\n\n".join(part for part in (section.rstrip("\n"), EARLIER, last, earlier)
                         if part) + "\n\n"


def _peak_note(figures: dict[str, Any]) -> str:
    """What a command's peak memory cannot be told from: the benchmark's own peak."""
    size = max(figures["sizes"])
    peak = figures.get(f"bench peak mb {size}")
    if peak is None:
        return ""
    return (" A command's peak memory is what the system reports for its process, and that "
            "counts the benchmark's own peak memory at the moment it starts the command (the "
            "memory the new process replaces with the program). Before the listings of "
            f"{size:,} conversations the benchmark's peak was {peak:.0f} MB: a listing's "
            "figure at that value may be the benchmark's, its own being at most that.")


def _speed_note(figures: dict[str, Any]) -> str:
    """How fast each processor ran a fixed piece of Python just before and just after the
    listings (``list`` and ``due`` are timed against absolute goals)."""
    before, after = figures.get("cpu before listings"), figures.get("cpu after listings")
    if not before or not after:
        return ""
    size = max(figures["sizes"])

    def speeds(taken: dict[Any, float]) -> str:
        return ", ".join(f"{seconds * 1000:.0f} ms on processor {cpu}"
                         for cpu, seconds in sorted(taken.items()))

    memory = [figures.get(f"memory {when} listings") for when in ("before", "after")]
    touched = ("" if None in memory else
               f" Touching 120 MB of new memory took {memory[0] * 1000:.0f} ms before and "
               f"{memory[1] * 1000:.0f} ms after (a listing at {size:,} touches about as much).")
    return (f" The listings of {size:,} conversations are timed against goals in seconds, so "
            "the machine's speed was measured around them: a fixed loop of pure Python took "
            f"{speeds(before)} just before them, and {speeds(after)} just after." + touched)
