"""Fill a question plan in one key: a balanced set from the TIARA categories of the bank.

TIARA is an arc for an informational interview: trends, insights, advice, resources,
assignments. :func:`fill_plan` tops the plan up to about one question per three minutes of
the call, spreading the new questions over the five stages so that, with what is already
planned, each stage has as even a share as the bank allows. Questions already in the plan are
never picked again. The same inputs and ``seed`` always give the same picks; another seed
gives another balanced set.

Which categories are TIARA's: a category whose title names a stage (``Trends``, ``TIARA:
Advice``...). When the bank has categories marked ``TIARA`` for a stage, only those are used
for it, so the shipped ``Industry trends`` and ``Advice`` stay out of the draw; a user's own
bank without the word TIARA still works with plain ``Trends``, ``Advice`` and so on.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from tui.core.prep import normalise, questions_that_fit
from tui.core.question_bank import BankEntry

TIARA = ("trends", "insights", "advice", "resources", "assignments")
_SINGULAR = {"trend": "trends", "insight": "insights", "resource": "resources",
             "assignment": "assignments"}

# Which stage gets the spare questions first, by the kind of conversation: a person's path is
# mostly advice, a company mostly insight from the inside, an industry mostly its trends.
EMPHASIS = {
    "person": ("advice", "insights", "assignments", "resources", "trends"),
    "company": ("insights", "assignments", "advice", "trends", "resources"),
    "industry": ("trends", "insights", "advice", "resources", "assignments"),
}
# Words that make a question fit the kind better; such questions are drawn first.
KIND_WORDS = {
    "person": frozenset({"career", "path", "habit", "background", "proudest", "lesson"}),
    "company": frozenset({"company", "team", "organization", "here", "projects", "project"}),
    "industry": frozenset({"industry", "field", "space", "area", "changes", "change"}),
}
_WORD = re.compile(r"[a-z]+")


class Planned(Protocol):
    """What the filler needs of a planned question (``models.Question`` fits)."""

    @property
    def text(self) -> str:
        """The question's wording."""
        ...

    @property
    def category(self) -> str:
        """The bank category it came from (or the user's own)."""
        ...


def tiara_stage(category: str) -> str | None:
    """The TIARA stage a category title names (``TIARA: Advice`` -> ``advice``), or None."""
    for match in _WORD.finditer(category.casefold()):
        stage = _SINGULAR.get(match[0], match[0])
        if stage in TIARA:
            return stage
    return None


def stage_pools(bank: Sequence[BankEntry]) -> dict[str, list[BankEntry]]:
    """The bank's questions by TIARA stage (file order; the same question only once)."""
    marked = {tiara_stage(e.category) for e in bank
              if "tiara" in _WORD.findall(e.category.casefold())}
    pools: dict[str, list[BankEntry]] = {stage: [] for stage in TIARA}
    seen: set[str] = set()
    for entry in bank:
        stage = tiara_stage(entry.category)
        if stage is None or normalise(entry.text) in seen:
            continue
        if stage in marked and "tiara" not in _WORD.findall(entry.category.casefold()):
            continue
        seen.add(normalise(entry.text))
        pools[stage].append(entry)
    return pools


@dataclass(frozen=True)
class PlanFill:
    """The questions to add (in TIARA order), how many the call had room for, and a line to
    tell the user what happened."""

    picks: tuple[BankEntry, ...]
    room: int
    message: str


def fill_plan(bank: Sequence[BankEntry], minutes: int, kind: str,
              planned: Sequence[Planned] = (), seed: int = 0,
              target: int | None = None) -> PlanFill:
    """Top the plan up to ``target`` questions (default: about one per three minutes of
    ``minutes``) from the TIARA categories, balanced across the stages.

    Each new question goes to the stage that has the fewest so far (planned ones included);
    ties go to the stage the ``kind`` of conversation emphasises (:data:`EMPHASIS`). Within a
    stage, questions that mention the kind's words come first, in an order shuffled by
    ``seed``. Append ``picks`` to the plan in the order given.
    """
    total = questions_that_fit(minutes) if target is None else max(0, target)
    room = total - len(planned)
    if room <= 0:
        return PlanFill((), 0, f"Your plan already has {len(planned)} questions, about as many "
                               f"as {minutes} minutes hold.")
    whole = stage_pools(bank)
    if not any(whole.values()):
        return PlanFill((), room, "The question bank has no TIARA categories to draw from.")
    taken = {normalise(q.text) for q in planned}
    pools = {stage: _ordered([e for e in pool if normalise(e.text) not in taken], kind,
                             random.Random(f"{seed}:{stage}"))
             for stage, pool in whole.items()}
    counts = {stage: 0 for stage in TIARA}
    for question in planned:
        stage = tiara_stage(question.category)
        if stage is not None:
            counts[stage] += 1
    priority = {stage: i for i, stage in enumerate(EMPHASIS.get(kind, TIARA))}
    chosen: dict[str, list[BankEntry]] = {stage: [] for stage in TIARA}
    for _ in range(room):
        open_stages = [s for s in TIARA if len(chosen[s]) < len(pools[s])]
        if not open_stages:
            break
        stage = min(open_stages, key=lambda s: (counts[s], priority[s]))
        chosen[stage].append(pools[stage][len(chosen[stage])])
        counts[stage] += 1
    picks = tuple(entry for stage in TIARA for entry in chosen[stage])
    return PlanFill(picks, room, _message(chosen, room))


def _ordered(pool: list[BankEntry], kind: str, rng: random.Random) -> list[BankEntry]:
    shuffled = pool[:]
    rng.shuffle(shuffled)
    words = KIND_WORDS.get(kind, frozenset())
    return sorted(shuffled, key=lambda e: not words.intersection(_WORD.findall(e.text.lower())))


def _message(chosen: dict[str, list[BankEntry]], room: int) -> str:
    added = sum(len(v) for v in chosen.values())
    if added == 0:
        return "Every TIARA question of the bank is already in your plan."
    parts = ", ".join(f"{len(chosen[s])} {s}" for s in TIARA if chosen[s])
    noun = "question" if added == 1 else "questions"
    text = f"Added {added} TIARA {noun}: {parts}."
    if added < room:
        text += " That is every TIARA question not yet in your plan."
    return text
