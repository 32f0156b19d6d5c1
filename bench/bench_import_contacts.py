"""Speed of reading LinkedIn's Connections.csv and planning the import:
``python -m bench.bench_import_contacts``.

A synthetic export in LinkedIn's real layout (notes before the header, quoted commas, blank
e-mails, non-ASCII names, CRLF, a byte-order mark) is parsed and matched: into an empty
address book, again into the book it produced (a re-import: everything unchanged), and a
newer export where one in ten changed job. The baseline, measured in the same run, is the
standard library's csv reader alone on the same bytes. Target: 30,000 connections parse and
plan in well under 5 s. Reports medians (ms) and the ratio between sizes (about 10 = linear).
"""

from __future__ import annotations

import csv
import io
import random
import statistics
import time
from collections.abc import Callable

from tui.core.importing import parse_linkedin, plan_contact_import
from tui.core.models import Contact

SIZES = (3_000, 30_000)
REPEATS = 5
FIRST = ("Priya", "Marcus", "Sofia", "Jonas", "Zoë", "José", "Łukasz", "Aiko", "Nguyễn", "Amara",
         "Chloé", "Søren", "Mehmet", "Ana", "李")
LAST = ("Raman", "Lee", "Alvarez", "Berg", "Ångström", "García", "Wójcik", "Tanaka", "Okafor",
        "Müller", "O'Brien", "Dupré", "Yılmaz", "Silva", "小龙")
COMPANIES = ("Stripe, Inc.", "Northwind Health", "Tidewater Energy", "Brightline Studio",
             "Société Générale", "Acme \"Labs\"", "Plaid", "Globex")
ROLES = ("Engineer", "Product Manager", "Senior Engineer, Payments", "Recruiter",
         "Head of Data", "UX Researcher")
NOTES = ('Notes:\r\n"When exporting your connection data, you may notice that some of the '
         'email addresses are missing. You will only see email addresses for connections who '
         'have allowed their connections to see or download their email address using this '
         'setting https://www.linkedin.com/psettings/privacy/email. You can learn more here '
         'https://www.linkedin.com/help/linkedin/answer/261"\r\n\r\n')
HEADER = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position",
          "Connected On"]


def connections_csv(count: int, seed: int = 7, changed: float = 0.0) -> bytes:
    """A Connections.csv of ``count`` people; ``changed`` of them with another role."""
    rng = random.Random(seed)
    out = io.StringIO()
    out.write(NOTES)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    flip = random.Random(seed + 1)
    for i in range(count):
        first, last = FIRST[i % len(FIRST)], f"{LAST[(i // 7) % len(LAST)]}{i}"
        role = ROLES[rng.randrange(len(ROLES))]
        if flip.random() < changed:
            role = "Director of " + role
        email = f"person{i}@example.org" if rng.random() < 0.3 else ""
        writer.writerow([first, last, f"https://www.linkedin.com/in/person-{i}", email,
                         COMPANIES[rng.randrange(len(COMPANIES))], role,
                         f"{1 + i % 28:02d} {('Jan', 'Jun', 'Nov')[i % 3]} {2015 + i % 10}"])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def median_ms(action: Callable[[], object], repeats: int = REPEATS) -> float:
    """The median wall time of ``action`` in milliseconds."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure(size: int) -> dict[str, float]:
    """All measurements for one size."""
    data = connections_csv(size)
    newer = connections_csv(size, changed=0.1)
    parsed = parse_linkedin(data)
    assert len(parsed.rows) == size, (len(parsed.rows), parsed.skipped[:3])
    book: list[Contact] = [a.contact for a in plan_contact_import([], parsed).added]
    assert len(plan_contact_import(book, parsed).unchanged) == size
    return {
        "baseline: csv.reader only": median_ms(
            lambda: sum(1 for _ in csv.reader(io.StringIO(data.decode("utf-8-sig"))))),
        "parse": median_ms(lambda: parse_linkedin(data)),
        "plan into an empty book": median_ms(lambda: plan_contact_import([], parsed)),
        "parse + plan, first import": median_ms(
            lambda: plan_contact_import([], parse_linkedin(data))),
        "parse + plan, re-import": median_ms(
            lambda: plan_contact_import(book, parse_linkedin(data))),
        "parse + plan, 10% changed roles": median_ms(
            lambda: plan_contact_import(book, parse_linkedin(newer))),
    }


def main() -> None:
    """Print a table of medians per size and the ratio from the smallest to the largest."""
    results = {size: measure(size) for size in SIZES}
    names = list(results[SIZES[0]])
    print(f"{'median ms':34}" + "".join(f"{s:>12,}" for s in SIZES) + f"{'ratio':>8}"
          + f"{'x baseline':>12}")
    for name in names:
        row = [results[s][name] for s in SIZES]
        base = results[SIZES[-1]]["baseline: csv.reader only"]
        print(f"{name:34}" + "".join(f"{v:12.1f}" for v in row)
              + f"{row[-1] / row[0]:8.1f}" + f"{row[-1] / base:12.1f}")


if __name__ == "__main__":
    main()
