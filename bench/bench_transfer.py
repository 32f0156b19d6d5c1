"""Exports and contact imports end to end, as the command line runs them:
``python -m bench.bench_transfer [--sizes 1000,10000] [--contacts 30000] [--repeats 3]``.

Exports: a data folder of N synthetic conversations (:mod:`bench.synthetic`, brought in with
``coffeechat import json``) is exported to each format with ``coffeechat export``: opening the
data, reading every conversation, rendering and writing the files. The baseline, measured in
the same run on the same folder, is the JSON export (what ``export`` did before the other
formats). A Markdown export goes into a fresh folder each time, and once more into the folder
it already wrote (the re-export: every file found again and left unchanged).

Contact imports: a LinkedIn ``Connections.csv`` of C connections in LinkedIn's real layout
(:func:`bench.bench_import_contacts.connections_csv`) is imported with ``coffeechat import
linkedin`` into an empty folder, again into the folder it filled (nothing changes, nothing is
written), as a newer export where one in ten changed role, and as a dry run. The baseline is
``coffeechat import json`` of the same contacts as a coffeechat export. Target: 30,000
connections in under 5 s. Medians in seconds, and ratios to the baseline.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.bench_import_contacts import connections_csv
from bench.synthetic import write_export
from tui.cli import main as cli
from tui.core.importers import EXPORT_FORMAT
from tui.core.importing import parse_linkedin
from tui.core.models import Contact

ALL_FORMATS = ("html", "ics", "vcf", "md", "redact")


def run(*argv: str) -> None:
    """``coffeechat ARGV`` in-process, its report swallowed; a failure stops the benchmark."""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()) \
            as err:
        code = cli(list(argv))
    if code != 0:
        raise SystemExit(f"coffeechat {' '.join(argv)} failed ({code}): {err.getvalue()}")


def median_s(action: Callable[[], object], repeats: int,
             before: Callable[[], object] | None = None) -> float:
    """The median wall time of ``action`` in seconds (``before`` runs untimed each time)."""
    times = []
    for _ in range(repeats):
        if before is not None:
            before()
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_exports(root: Path, size: int, repeats: int,
                  formats: tuple[str, ...] = ALL_FORMATS) -> dict[str, float]:
    """Median seconds per export format (``json``, the baseline, always) for a folder of
    ``size`` conversations."""
    source = root / f"source-{size}.json"
    write_export(source, size)
    data = root / f"data-{size}"
    run("--data-dir", str(data), "import", "json", str(source))
    out = root / f"out-{size}"
    out.mkdir()
    results: dict[str, float] = {}
    for fmt in ("json", *(f for f in ("html", "ics", "vcf") if f in formats)):
        target = out / f"export.{fmt}"
        results[fmt] = median_s(lambda fmt=fmt, target=target: run(
            "--data-dir", str(data), "export", "--format", fmt, "--out", str(target),
            "--force"), repeats)
    counter = iter(range(1_000_000))
    folders: list[Path] = []

    def fresh() -> None:
        folders.append(out / f"md{next(counter)}")

    if "md" in formats:
        results["md"] = median_s(lambda: run("--data-dir", str(data), "export", "--format", "md",
                                         "--out", str(folders[-1])), repeats, before=fresh)
        results["md again"] = median_s(lambda: run("--data-dir", str(data), "export",
                                                   "--format", "md", "--out", str(folders[-1])),
                                       repeats)
    if "redact" in formats:
        results["html --redact"] = median_s(lambda: run(
            "--data-dir", str(data), "export", "--format", "html", "--redact", "--out",
            str(out / "redacted.html"), "--force"), repeats)
    shutil.rmtree(out)
    shutil.rmtree(data)
    return results


def bench_contacts(root: Path, count: int, repeats: int) -> dict[str, float]:
    """Median seconds per contact import of ``count`` LinkedIn connections."""
    csv_file, newer = root / "Connections.csv", root / "Connections-newer.csv"
    csv_file.write_bytes(connections_csv(count))
    newer.write_bytes(connections_csv(count, changed=0.1))
    people = [Contact(name=row.name, company=row.company, role=row.role, email=row.email,
                      linkedin=row.linkedin, how_found="LinkedIn").to_dict()
              for row in parse_linkedin(csv_file).rows]
    as_json = root / "contacts.json"
    as_json.write_text(json.dumps({"format": EXPORT_FORMAT, "schema": 1, "contacts": people,
                                   "conversations": []}), encoding="utf-8")
    counter = iter(range(1_000_000))
    folders: list[Path] = []

    def fresh() -> None:
        folders.append(root / f"contacts{next(counter)}")

    results = {
        "import json (baseline)": median_s(lambda: run("--data-dir", str(folders[-1]), "import",
                                                       "json", str(as_json)), repeats, fresh),
        "linkedin, empty folder": median_s(lambda: run("--data-dir", str(folders[-1]), "import",
                                                       "linkedin", str(csv_file)),
                                           repeats, fresh),
    }
    filled = folders[-1]
    results["linkedin again (unchanged)"] = median_s(
        lambda: run("--data-dir", str(filled), "import", "linkedin", str(csv_file)), repeats)
    results["linkedin --dry-run, newer"] = median_s(
        lambda: run("--data-dir", str(filled), "import", "linkedin", str(newer), "--dry-run"),
        repeats)

    def copy_filled() -> None:
        fresh()
        shutil.copytree(filled, folders[-1], ignore=shutil.ignore_patterns("*.lock"))

    results["linkedin, newer (10% updated)"] = median_s(
        lambda: run("--data-dir", str(folders[-1]), "import", "linkedin", str(newer)),
        repeats, copy_filled)
    return results


def _table(title: str, results: dict[str, float], baseline: str) -> None:
    print(f"\n{title}")
    base = results[baseline]
    for name, seconds in results.items():
        print(f"  {name:32} {seconds:8.2f} s   x{seconds / base:5.1f}")


def main(argv: list[str] | None = None) -> None:
    """Print the medians, by size."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--contacts", type=int, default=30_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--formats", default=",".join(ALL_FORMATS),
                        help="exports to time besides json (redact: html --redact)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="coffeechat-bench-") as tmp:
        root = Path(tmp)
        if args.contacts:
            _table(f"Contact imports, {args.contacts:,} LinkedIn connections (median of "
                   f"{args.repeats})", bench_contacts(root, args.contacts, args.repeats),
                   "import json (baseline)")
        for size in (int(s) for s in args.sizes.split(",") if s):
            _table(f"Exports, {size:,} conversations (median of {args.repeats})",
                   bench_exports(root, size, args.repeats, tuple(args.formats.split(","))),
                   "json")


if __name__ == "__main__":
    main()
