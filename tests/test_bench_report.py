"""The benchmark's report puts a new run at the head of the Scale section and keeps every
earlier run and the notes written under them."""

from __future__ import annotations

from pathlib import Path

from bench.report import EARLIER, HEADING, write_section

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
