"""Fast, realistic, deterministic synthetic data in coffeechat's export format.

    python -m bench.synthetic OUT.json 10000 [--seed 7]

Conversations look like real ones (about 9-11 KB each when held: a prep checklist, research
notes, 8-10 questions with notes, stamped quick notes, a reflection over several prompts,
actions, referrals, drafts and follow-ups) with names carrying accents, real-looking companies
and Zipf-distributed vocabulary, so search benchmarks meet realistic term frequencies.

Each conversation is generated from its own seeded random source, so records can be streamed
(:func:`iter_records`, :func:`write_export`) with memory bounded by one conversation plus the
contacts, and the same ``(count, seed)`` always gives the same data.
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import json
import random
import string
import sys
import time
from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, TypeVar

from bench import synthetic_words as W

T = TypeVar("T")
EXPORT_FORMAT = "coffeechat-export"
SCHEMA = 1
ANCHOR = datetime(2026, 5, 1, 9, 0, tzinfo=timezone(timedelta(hours=1)))
SPAN_DAYS = 4 * 365
POOL_SIZE = 20000
CONTACTS_PER_CONVERSATION = 0.6


class Zipf:
    """Draws from ``items`` with weight 1/rank**s: the first few are common, most are rare."""

    def __init__(self, items: Sequence[T], s: float = 1.0) -> None:
        self.items = list(items)
        self.cum = list(itertools.accumulate(1.0 / (rank + 1) ** s for rank in range(len(items))))
        self.total = self.cum[-1]

    def one(self, rng: random.Random) -> Any:
        """One item."""
        return self.items[bisect.bisect(self.cum, rng.random() * self.total)]

    def many(self, rng: random.Random, k: int) -> list[Any]:
        """``k`` items, with repeats."""
        return rng.choices(self.items, cum_weights=self.cum, k=k)


def _rare_words(seed: int, count: int = 3000) -> list[str]:
    rng = random.Random(seed ^ 0x5EED)
    words = {"".join(rng.choices(W.SYLLABLES, k=_int(rng, 2, 3))).capitalize()
             for _ in range(count * 2)}
    return sorted(words)[:count]


class Template:
    """A sentence with ``{slot}`` places, parsed once so that filling it is cheap."""

    def __init__(self, text: str) -> None:
        parsed = list(string.Formatter().parse(text))
        self.literals = [literal for literal, _, _, _ in parsed]
        self.slots = [name for _, name, _, _ in parsed]

    def fill(self, value: Any) -> str:
        """The sentence with every slot replaced by ``value(slot)``."""
        out = []
        for literal, slot in zip(self.literals, self.slots, strict=True):
            out.append(literal)
            if slot:
                out.append(value(slot))
        return "".join(out)


class Vocabulary:
    """The slot values and a pool of filled sentences for one seed."""

    def __init__(self, seed: int) -> None:
        rng = random.Random(seed)
        self.lists: dict[str, Zipf] = {
            "first": Zipf(W.FIRST_NAMES, 0.6), "last": Zipf(W.LAST_NAMES, 0.6),
            "company": Zipf(W.COMPANIES, 0.9), "industry": Zipf(W.INDUSTRIES),
            "role": Zipf(W.ROLES), "skill": Zipf(W.SKILLS), "topic": Zipf(W.TOPICS),
            "city": Zipf(W.CITIES), "tool": Zipf(W.TOOLS), "book": Zipf(W.BOOKS),
            "kestrel": Zipf(_rare_words(seed), 1.1),
            **{key: Zipf(values) for key, values in W.EXTRA.items()},
        }
        self.lists["role2"] = Zipf([r.lower() for r in W.ROLES])
        self.templates: dict[str, Template] = {}
        self.sentences = Zipf(W.SENTENCES, 0.7)
        self.pool = Zipf([self.fill(rng, self.sentences.one(rng)) for _ in range(POOL_SIZE)], 0.8)

    def value(self, rng: random.Random, slot: str) -> str:
        """A value for a template slot (``skill2`` draws another skill)."""
        return str(self.lists[slot.rstrip("0123456789")].one(rng))

    def fill(self, rng: random.Random, text: str) -> str:
        """A template with each slot filled independently."""
        template = self.templates.get(text)
        if template is None:
            template = self.templates[text] = Template(text)
        return template.fill(lambda slot: self.value(rng, slot))

    def paragraph(self, rng: random.Random, sentences: int, fresh: float = 0.1) -> str:
        """Sentences mostly from the shared pool, some freshly filled (names, places)."""
        picked = self.pool.many(rng, sentences)
        for i in range(sentences):
            if rng.random() < fresh:
                picked[i] = self.fill(rng, self.sentences.one(rng))
        return " ".join(picked)

    def notes(self, rng: random.Random, paragraphs: int, sentences: tuple[int, int]) -> str:
        """Several paragraphs separated by blank lines, sometimes with a bullet list."""
        parts = [self.paragraph(rng, _int(rng, *sentences)) for _ in range(paragraphs)]
        if rng.random() < 0.3:
            parts.append("\n".join(f"- {self.value(rng, 'skill')}: {self.paragraph(rng, 1)}"
                                   for _ in range(_int(rng, 2, 4))))
        return "\n\n".join(parts)


def _int(rng: random.Random, low: int, high: int) -> int:
    """``rng.randint`` without its overhead (this is the generator's hot path)."""
    return low + int(rng.random() * (high - low + 1))


def _pick(rng: random.Random, items: Sequence[T]) -> T:
    return items[int(rng.random() * len(items))]


def _id(rng: random.Random) -> str:
    return f"{rng.getrandbits(48):012x}"


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def make_contact(vocab: Vocabulary, seed: int, index: int) -> dict[str, Any]:
    """Contact number ``index``, in the store's stored form."""
    rng = random.Random(seed * 7_919 + index)
    first, last = vocab.value(rng, "first"), vocab.value(rng, "last")
    company = vocab.value(rng, "company")
    created = ANCHOR - timedelta(days=SPAN_DAYS + 30 - index % SPAN_DAYS, hours=_int(rng, 0, 9))
    handle = f"{first}.{last}".lower().replace(" ", "").replace("'", "")
    return {
        "name": f"{first} {last}", "id": f"p{index:05d}{_id(rng)[:6]}", "company": company,
        "role": vocab.value(rng, "role"), "email": f"{handle}@example.org" if rng.random() < .4
        else "", "linkedin": "", "how_found": _pick(rng, ("LinkedIn", "alumni", "friend", "event")),
        "introduced_by": None,
        "tags": sorted({vocab.value(rng, "industry") for _ in range(_int(rng, 0, 3))}),
        "notes": vocab.paragraph(rng, _int(rng, 0, 3)), "cadence_days": 90,
        "last_contacted": None, "created_at": _iso(created), "connected_on": None,
    }


def contacts_for(conversations: int) -> int:
    """How many contacts a data set of ``conversations`` conversations has."""
    return max(1, round(conversations * CONTACTS_PER_CONVERSATION))


def make_conversation(vocab: Vocabulary, seed: int, index: int, total: int,
                      contact: dict[str, Any]) -> dict[str, Any]:
    """Conversation number ``index`` of ``total`` (older first), in the store's stored form."""
    rng = random.Random(seed * 1_000_003 + index)
    when = ANCHOR - timedelta(days=SPAN_DAYS * (total - index) / total - 14,
                              minutes=_int(rng, 0, 600))
    when = when.replace(minute=when.minute // 15 * 15, second=0, microsecond=0)
    held = when < ANCHOR and rng.random() < 0.92
    status = (_pick(rng, ("done", "thanked", "thanked")) if held
              else _pick(rng, ("idea", "reached_out", "scheduled")))
    company, first = contact["company"], contact["name"].split()[0]
    kind = _pick(rng, ("person", "person", "company", "industry"))
    questions = [_question(vocab, rng, held) for _ in range(_int(rng, 8, 10))]
    started = when + timedelta(minutes=_int(rng, 0, 4))
    minutes = _pick(rng, (20, 30, 30, 45))
    return {
        "contact_id": contact["id"], "id": f"c{index:06d}{_id(rng)[:5]}", "kind": kind,
        "topic": company if kind == "company" else vocab.value(rng, "industry") if kind ==
        "industry" else "",
        "goal": vocab.fill(rng, "Understand {topic} for a {role2} in {industry}"),
        "ask": vocab.fill(rng, _pick(rng, ("An introduction to someone on the {industry} team",
                                            "Feedback on my {skill} portfolio",
                                            "Who else at {company} I should speak with"))),
        "status": status,
        "outreach": {"draft": f"Hi {first},\n\n" + vocab.paragraph(rng, _int(rng, 3, 5)),
                     "sent_on": (when - timedelta(days=9)).date().isoformat()},
        "scheduled_at": _iso(when), "minutes": minutes,
        "medium": _pick(rng, ("video", "video", "phone", "coffee")),
        "place": _pick(rng, ("https://meet.example.org/x", "Café Aroma", "")),
        "checklist": [_check(vocab, rng) for _ in range(_int(rng, 10, 14))],
        "research_notes": vocab.notes(rng, _int(rng, 1, 3), (3, 6)),
        "questions": questions,
        "live": _live(vocab, rng, started, minutes, questions) if held else _empty_live(),
        "reflection": _reflection(vocab, rng) if held else {"answers": {}, "rating": None},
        "actions": [_action(vocab, rng, when) for _ in range(_int(rng, 1, 4) if held else 0)],
        "referrals": [_referral(vocab, rng) for _ in range(_int(rng, 0, 2) if held else 0)],
        "thank_you": {"draft": f"Thank you, {first}! " + vocab.paragraph(rng, _int(rng, 3, 5))
                      if held else "", "sent_on": (when + timedelta(days=1)).date().isoformat()
                      if status == "thanked" else None},
        "followups": [{"on": (when + timedelta(days=30 * (k + 1))).date().isoformat(),
                       "note": vocab.paragraph(rng, _int(rng, 1, 2)), "id": _id(rng)}
                      for k in range(_int(rng, 0, 2) if held else 0)],
        "created_at": _iso(when - timedelta(days=14)), "updated_at": _iso(when + timedelta(days=1)),
    }


def _question(vocab: Vocabulary, rng: random.Random, held: bool) -> dict[str, Any]:
    state = _pick(rng, ("asked", "asked", "asked", "skipped")) if held else "pending"
    note = vocab.paragraph(rng, _int(rng, 2, 4)) if state == "asked" else ""
    return {"text": vocab.fill(rng, _pick(rng, W.QUESTIONS)), "category": "",
            "id": _id(rng), "state": state, "note": note, "starred": rng.random() < 0.15,
            "added_live": held and rng.random() < 0.1}


def _check(vocab: Vocabulary, rng: random.Random) -> dict[str, Any]:
    return {"text": vocab.fill(rng, _pick(rng, W.CHECKLIST)), "section": _pick(rng, W.SECTIONS),
            "id": _id(rng), "done": rng.random() < 0.7,
            "note": vocab.paragraph(rng, 1) if rng.random() < 0.35 else ""}


def _live(vocab: Vocabulary, rng: random.Random, started: datetime, minutes: int,
          questions: list[dict[str, Any]]) -> dict[str, Any]:
    length = minutes * 60 + _int(rng, -300, 420)
    stamps = sorted(_int(rng, 30, length) for _ in range(_int(rng, 6, 14)))
    notes = [{"text": vocab.paragraph(rng, _int(rng, 1, 2), fresh=0.3), "at_seconds": at,
              "question_id": _pick(rng, questions)["id"] if rng.random() < 0.4 else None,
              "id": _id(rng)} for at in stamps]
    return {"started_at": _iso(started), "ended_at": _iso(started + timedelta(seconds=length)),
            "paused_at": None, "paused_seconds": 0, "notes": notes, "draft": "",
            "current_question_id": None}


def _empty_live() -> dict[str, Any]:
    return {"started_at": None, "ended_at": None, "paused_at": None, "paused_seconds": 0,
            "notes": [], "draft": "", "current_question_id": None}


def _reflection(vocab: Vocabulary, rng: random.Random) -> dict[str, Any]:
    prompts = rng.sample(W.PROMPTS, _int(rng, 3, 6))
    return {"answers": {p: vocab.paragraph(rng, _int(rng, 2, 4)) for p in W.PROMPTS
                        if p in prompts}, "rating": _int(rng, 2, 5)}


def _action(vocab: Vocabulary, rng: random.Random, when: datetime) -> dict[str, Any]:
    text = vocab.fill(rng, _pick(rng, ("Send {first} the article on {topic}",
                                       "Read {book}", "Practise {skill} for the take-home",
                                       "Apply to the {role2} opening at {company}",
                                       "Ask {first} {last} for an introduction")))
    return {"text": text, "due": (when + timedelta(days=_int(rng, 1, 21))).date().isoformat(),
            "done": rng.random() < 0.6, "id": _id(rng)}


def _referral(vocab: Vocabulary, rng: random.Random) -> dict[str, Any]:
    return {"name": f"{vocab.value(rng, 'first')} {vocab.value(rng, 'last')}",
            "company": vocab.value(rng, "company"),
            "why": vocab.fill(rng, "knows {topic} in {industry}"), "contact_id": None,
            "id": _id(rng)}


def iter_contacts(conversations: int, seed: int = 7,
                  vocab: Vocabulary | None = None) -> Iterator[dict[str, Any]]:
    """The contacts of a data set of ``conversations`` conversations."""
    vocab = vocab or Vocabulary(seed)
    for index in range(contacts_for(conversations)):
        yield make_contact(vocab, seed, index)


def contact_index(index: int, total: int, seed: int) -> int:
    """Which contact conversation ``index`` is with: most people once, some several times."""
    contacts = contacts_for(total)
    if index % 5 == 4:  # a repeat chat with someone met before
        return random.Random(seed * 31 + index).randrange(contacts)
    return min(contacts - 1, index * contacts // total)


def iter_records(conversations: int, seed: int = 7) -> Iterator[tuple[dict[str, Any],
                                                                      dict[str, Any]]]:
    """``(conversation, contact)`` pairs, oldest conversation first, generated one at a time."""
    vocab = Vocabulary(seed)
    contacts = list(iter_contacts(conversations, seed, vocab))
    for index in range(conversations):
        contact = contacts[contact_index(index, conversations, seed)]
        yield make_conversation(vocab, seed, index, conversations, contact), contact


def export_document(conversations: int, seed: int = 7) -> dict[str, Any]:
    """The whole export in memory (fine for small sizes; use :func:`write_export` for large)."""
    return {"format": EXPORT_FORMAT, "schema": SCHEMA, "exported_at": _iso(ANCHOR),
            "contacts": list(iter_contacts(conversations, seed)),
            "conversations": [c for c, _ in iter_records(conversations, seed)]}


def write_export(path: Path, conversations: int, seed: int = 7) -> int:
    """Stream an export of ``conversations`` conversations to ``path``; returns bytes written."""
    vocab = Vocabulary(seed)
    contacts = list(iter_contacts(conversations, seed, vocab))
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    with path.open("w", encoding="utf-8") as out:
        out.write(f'{{"format": "{EXPORT_FORMAT}", "schema": {SCHEMA}, '
                  f'"exported_at": "{_iso(ANCHOR)}",\n"contacts": [\n')
        out.write(",\n".join(dumps(c) for c in contacts))
        out.write('\n],\n"conversations": [\n')
        for index in range(conversations):
            contact = contacts[contact_index(index, conversations, seed)]
            if index:
                out.write(",\n")
            out.write(dumps(make_conversation(vocab, seed, index, conversations, contact)))
        out.write("\n]}\n")
        return out.tell()


def main(argv: list[str] | None = None) -> int:
    """Command line: write an export file and report the time taken."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("conversations", type=int)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    size = write_export(args.out, args.conversations, args.seed)
    print(f"{args.conversations} conversations, {contacts_for(args.conversations)} contacts, "
          f"{size / 1e6:.1f} MB in {time.perf_counter() - start:.1f} s -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
