"""The command line shared by the benchmarks that measure at several data sizes: ``--sizes``
in, one Markdown table row per size out."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence


def main_for_sizes(description: str, default_sizes: Sequence[int],
                   measure: Callable[[int], dict[str, float]],
                   argv: list[str] | None = None) -> None:
    """Parse ``--sizes``, run ``measure`` for each size and print one table row per size
    (the columns are the names ``measure`` returns, in its order)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--sizes", type=int, nargs="+", default=list(default_sizes))
    args = parser.parse_args(argv)
    rows = {size: measure(size) for size in args.sizes}
    names = list(next(iter(rows.values())))
    print("| conversations | " + " | ".join(names) + " |")
    print("| --- " * (len(names) + 1) + "|")
    for size, row in rows.items():
        print(f"| {size:,} | " + " | ".join(f"{row[n]:.1f}" for n in names) + " |")
