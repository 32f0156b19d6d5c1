"""The benchmark's report puts a new run at the head of the Scale section and keeps every
earlier run and the notes written under them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bench.probes import cpu_speeds
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
    assert _speed_note({"sizes": [100], "cpu before listings": {}}) == ""


def test_each_processor_runs_the_loop_in_a_process_held_to_it() -> None:
    if not hasattr(os, "sched_setaffinity"):
        pytest.skip("processes cannot be held to a processor here")
    speeds = cpu_speeds(rounds=1)
    assert set(speeds) == os.sched_getaffinity(0)
    assert all(0 < seconds < 60 for seconds in speeds.values())
