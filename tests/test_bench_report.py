"""The benchmark's report puts a new run at the head of the Scale section and keeps every
earlier run and the notes written under them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bench import bench_open
from bench.probes import cpu_speeds, memory_speed
from bench.report import EARLIER, HEADING, _speed_note, write_section

OLD = f"""# Performance

## Another benchmark

Its own text.

{HEADING}

Measured 2026-11-28 on this machine.

| old table |

Notes written under the last run.

{EARLIER}

The run before this one, measured 2026-11-27.

| older table |

## The next section

Kept.
"""


def test_a_new_run_goes_on_top_and_the_last_one_becomes_an_earlier_run(tmp_path: Path) -> None:
    path = tmp_path / "performance.md"
    path.write_text(OLD, encoding="utf-8")
    write_section(path, f"{HEADING}\n\nMeasured 2026-11-29 on this machine.\n\n| new table |\n")
    assert path.read_text(encoding="utf-8") == f"""# Performance

## Another benchmark

Its own text.

{HEADING}

Measured 2026-11-29 on this machine.

| new table |

{EARLIER}

The run before this one, measured 2026-11-28 on this machine.

| old table |

Notes written under the last run.

An earlier run, measured 2026-11-27.

| older table |

## The next section

Kept.
"""


def test_a_file_without_the_section_gets_it_at_its_end(tmp_path: Path) -> None:
    path = tmp_path / "performance.md"
    path.write_text("# Performance\n\n## Another benchmark\n\nIts text.\n", encoding="utf-8")
    write_section(path, f"{HEADING}\n\nMeasured today.\n")
    assert path.read_text(encoding="utf-8").endswith(f"Its text.\n\n{HEADING}\n\nMeasured today.\n")


def test_the_processors_speed_around_the_listings_is_told() -> None:
    figures = {"sizes": [100, 10_000], "cpu before listings": {1: 0.41, 0: 0.256},
               "cpu after listings": {0: 0.3, 1: 0.3}}
    assert _speed_note(figures) == (
        " The listings of 10,000 conversations are timed against goals in seconds, so the "
        "machine's speed was measured around them: a fixed loop of pure Python took 256 ms on "
        "processor 0, 410 ms on processor 1 just before them, and 300 ms on processor 0, "
        "300 ms on processor 1 just after.")
    figures |= {"memory before listings": 0.048, "memory after listings": 0.0855}
    assert _speed_note(figures).endswith(
        "300 ms on processor 1 just after. Touching 120 MB of new memory took 48 ms before "
        "and 86 ms after (a listing at 10,000 touches about as much).")
    assert _speed_note({"sizes": [100], "cpu before listings": {}}) == ""


def test_each_processor_runs_the_loop_in_a_process_held_to_it() -> None:
    if not hasattr(os, "sched_setaffinity"):
        pytest.skip("processes cannot be held to a processor here")
    speeds = cpu_speeds(rounds=1)
    assert set(speeds) == os.sched_getaffinity(0)
    assert all(0 < seconds < 60 for seconds in speeds.values())
    assert 0 < memory_speed(rounds=1) < 60


def test_the_opening_benchmark_replaces_its_own_section_and_keeps_the_others(
        tmp_path: Path) -> None:
    medians = {"before": {"open": 600.0, "live": 300.0, "help": 250.0},
               "after": {"open": 450.0, "live": 300.0, "help": 240.0}}
    section = bench_open.render(medians, "249dc26", "abc1234")
    assert section.startswith(bench_open.HEADING + "\n\nMeasured ")
    assert "| open a conversation (enter to mounted and idle) | 600 | 450 | 0.75x |" in section
    assert "| baseline: the help screen (f1) | 250 | 240 | 0.96x |" in section
    assert "| open a conversation / the help screen | 2.40x | 1.88x |  |" in section
    path = tmp_path / "performance.md"
    path.write_text(f"# Performance\n\n{bench_open.HEADING}\n\nold run\n\n## Next\n\nKept.\n",
                    encoding="utf-8")
    bench_open.write_section(path, section)
    text = path.read_text(encoding="utf-8")
    assert "old run" not in text and section in text
    assert text.endswith("## Next\n\nKept.\n") and text.startswith("# Performance\n\n")
    fresh = tmp_path / "fresh.md"
    bench_open.write_section(fresh, section)
    assert fresh.read_text(encoding="utf-8") == "# Performance\n\n" + section
