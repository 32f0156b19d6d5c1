"""Synthetic but realistic coffeechat data for benchmarks: ``python -m bench.generate DIR N``."""

from __future__ import annotations

import random
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from tui.core.models import (
    ActionItem,
    ChecklistItem,
    Contact,
    Conversation,
    LiveNote,
    LiveSession,
    Question,
    Reflection,
)
from tui.core.store import Store

WORDS = (
    "platform", "team", "roadmap", "hiring", "culture", "mentor", "scale", "growth", "product",
    "design", "data", "interview", "career", "path", "startup", "customer", "research",
    "strategy", "advice", "network",
)


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def make_conversation(rng: random.Random, contact: Contact, index: int) -> Conversation:
    """One conversation with prep, questions, live notes and a reflection filled in."""
    start = datetime(2025, 1, 1, 9, tzinfo=timezone.utc)
    start += timedelta(days=index % 700, hours=index % 8)
    done = rng.random() < 0.7
    return Conversation(
        contact_id=contact.id,
        kind=rng.choice(("person", "industry", "company")),
        goal=_text(rng, 8), ask=_text(rng, 6),
        status="done" if done else rng.choice(("idea", "reached_out", "scheduled")),
        scheduled_at=start.isoformat(),
        checklist=[ChecklistItem(text=_text(rng, 6), section="The person", done=rng.random() < .5)
                   for _ in range(25)],
        questions=[Question(text=_text(rng, 10) + "?", category="Advice", note=_text(rng, 40),
                            state="asked" if done else "pending") for _ in range(8)],
        live=LiveSession(
            started_at=start.isoformat() if done else None,
            ended_at=(start + timedelta(minutes=31)).isoformat() if done else None,
            notes=[LiveNote(text=_text(rng, 20), at_seconds=i * 90) for i in range(10)],
        ),
        reflection=Reflection(answers={"key-insights": _text(rng, 80)}, rating=rng.randint(1, 5)),
        actions=[ActionItem(text=_text(rng, 6),
                            due=(start + timedelta(days=7)).date().isoformat())],
    )


def generate(folder: Path, conversations: int, seed: int = 7) -> Store:
    """Fill a new store in ``folder`` with ``conversations`` conversations (one contact per two)."""
    rng = random.Random(seed)
    store = Store.open(folder, background=True)
    contacts = [Contact(name=f"Person {i}", company=f"Company {i % 97}", role="Engineer")
                for i in range(max(1, conversations // 2))]
    with store.batch():
        for contact in contacts:
            store.save_contact(contact)
        for index in range(conversations):
            store.save_conversation(make_conversation(rng, contacts[index % len(contacts)], index))
    store.flush()
    return store


if __name__ == "__main__":
    target, count = Path(sys.argv[1]), int(sys.argv[2])
    generate(target, count).close()
    print(f"{count} conversations written to {target}")
