"""Speed of the exports at 1,000 conversations: ``python -m bench.bench_export``.

Conversations come from :func:`bench.generate.make_conversation` (prep, eight questions with
notes, ten live notes, a reflection, an action). The baseline, measured in the same run, is
the JSON export's work (``json.dumps`` of every record). Reports medians (ms) and the ratio to
the baseline; the read-only view's cost is the per-conversation Markdown line.
"""

from __future__ import annotations

import json
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

from bench.generate import make_conversation
from tui.core.export_html import html_document
from tui.core.export_ics import calendar_bytes
from tui.core.export_md import export_markdown
from tui.core.export_vcf import vcard_text
from tui.core.models import Contact
from tui.core.render import conversation_markdown, reflection_prompts

SIZE = 1_000
REPEATS = 5
NOW = datetime(2026, 12, 3, 12, tzinfo=timezone.utc)


def median_ms(action: Callable[[], object], repeats: int = REPEATS) -> float:
    """The median wall time of ``action`` in milliseconds."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    """Print one line per measurement."""
    rng = random.Random(7)
    contacts = [Contact(name=f"Person {i}", company=f"Company {i % 97}", role="Engineer")
                for i in range(SIZE // 2)]
    people = {c.id: c for c in contacts}
    chats = [make_conversation(rng, contacts[i % len(contacts)], i) for i in range(SIZE)]
    prompts = reflection_prompts()
    one = chats[0]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        counter = iter(range(10_000))

        def fresh_md() -> None:
            export_markdown(folder / f"fresh{next(counter)}", chats, people, prompts=prompts)

        export_markdown(folder / "again", chats, people, prompts=prompts)
        results = {
            "baseline: json.dumps of every record": median_ms(
                lambda: json.dumps([c.to_dict() for c in chats])),
            "markdown of one conversation": median_ms(
                lambda: conversation_markdown(one, people[one.contact_id], people=people,
                                              prompts=prompts), repeats=50),
            "md export, new folder": median_ms(fresh_md, repeats=3),
            "md export, again (all unchanged)": median_ms(
                lambda: export_markdown(folder / "again", chats, people, prompts=prompts),
                repeats=3),
            "md export, redacted, new folder": median_ms(
                lambda: export_markdown(folder / f"red{next(counter)}", chats, people,
                                        prompts=prompts, redact=True), repeats=3),
            "html document": median_ms(
                lambda: html_document(chats, people, prompts=prompts, now=NOW), repeats=3),
            "ics calendar": median_ms(lambda: calendar_bytes(chats, people, now=NOW)),
            "vcf of the contacts": median_ms(lambda: vcard_text(contacts)),
        }
    base = results["baseline: json.dumps of every record"]
    print(f"{SIZE:,} conversations, {len(contacts):,} contacts")
    print(f"{'median ms':40}{'ms':>10}{'x baseline':>12}")
    for name, value in results.items():
        print(f"{name:40}{value:10.1f}{value / base:12.1f}")


if __name__ == "__main__":
    main()
