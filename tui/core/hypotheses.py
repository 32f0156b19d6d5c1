"""Career hypotheses tested by conversations: "Product management at a fintech would suit me".

Each hypothesis has a status the user sets (exploring, promising, ruled out) and evidence
from conversations: for, against or mixed, with a sentence and the day it was noted. They are
kept in ``hypotheses.json`` beside the data (see :mod:`tui.core.record_file`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from tui.core.models import ModelError, new_id, now_iso
from tui.core.record_file import load_records, save_records

T = TypeVar("T")
STATUSES = ("exploring", "promising", "ruled_out")
STATUS_LABELS = {"exploring": "exploring", "promising": "promising", "ruled_out": "ruled out"}
VERDICTS = ("for", "against", "mixed")
MAX_TEXT = 2000
HYPOTHESES_FILE = "hypotheses.json"
TABLE = "hypotheses"
_EVIDENCE_KEYS = frozenset({"id", "conversation_id", "verdict", "note", "on"})
_HYPOTHESIS_KEYS = frozenset({"id", "statement", "status", "evidence", "tested_by",
                              "created_at"})


def _text(data: dict[str, Any], key: str, where: str) -> str:
    value = data.get(key, "")
    if not isinstance(value, str):
        raise ModelError(f"{where}: '{key}' must be text")
    return value


@dataclass
class Evidence:
    """What one conversation said about a hypothesis."""

    conversation_id: str
    verdict: str  # for | against | mixed
    note: str = ""
    on: str = field(default_factory=lambda: date.today().isoformat())
    id: str = field(default_factory=new_id)
    extra: dict[str, Any] = field(default_factory=dict)  # keys this version does not know

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready copy (with any keys this version does not know)."""
        return {**self.extra, "id": self.id, "conversation_id": self.conversation_id,
                "verdict": self.verdict, "note": self.note, "on": self.on}

    @classmethod
    def from_dict(cls, data: Any) -> Evidence:
        """Build and validate evidence from its stored form."""
        if not isinstance(data, dict):
            raise ModelError("evidence: expected an object")
        verdict = data.get("verdict")
        if verdict not in VERDICTS:
            raise ModelError(f"evidence: 'verdict' is {verdict!r}; expected for, against or "
                             "mixed")
        on = _text(data, "on", "evidence")
        try:
            date.fromisoformat(on)
        except ValueError:
            raise ModelError(f"evidence: 'on' is {on!r}, not a YYYY-MM-DD date") from None
        return cls(conversation_id=_text(data, "conversation_id", "evidence"),
                   verdict=verdict, note=_text(data, "note", "evidence"), on=on,
                   id=_text(data, "id", "evidence") or new_id(),
                   extra={k: v for k, v in data.items() if k not in _EVIDENCE_KEYS})


@dataclass
class Hypothesis:
    """A statement about the user's career to test, its status and its evidence."""

    statement: str
    status: str = "exploring"
    evidence: list[Evidence] = field(default_factory=list)
    id: str = field(default_factory=new_id)
    created_at: str = field(default_factory=now_iso)
    # Conversations planned to test it (linked before any evidence), in the order linked.
    tested_by: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)  # keys this version does not know

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready copy (with any keys this version does not know)."""
        return {**self.extra, "id": self.id, "statement": self.statement,
                "status": self.status, "evidence": [e.to_dict() for e in self.evidence],
                "tested_by": list(self.tested_by), "created_at": self.created_at}

    @classmethod
    def from_dict(cls, data: Any) -> Hypothesis:
        """Build and validate a hypothesis from its stored form."""
        if not isinstance(data, dict):
            raise ModelError("hypothesis: expected an object")
        where = f"hypothesis {data.get('id', '?')}"
        statement = _text(data, "statement", where).strip()
        if not statement:
            raise ModelError(f"{where}: a hypothesis needs a statement")
        status = data.get("status", "exploring")
        if status not in STATUSES:
            raise ModelError(f"{where}: 'status' is {status!r}; expected exploring, promising "
                             "or ruled_out")
        evidence = data.get("evidence", [])
        if not isinstance(evidence, list):
            raise ModelError(f"{where}: 'evidence' must be a list")
        tested_by = data.get("tested_by", [])
        if not isinstance(tested_by, list) or not all(isinstance(t, str) for t in tested_by):
            raise ModelError(f"{where}: 'tested_by' must be a list of conversation ids")
        return cls(statement=statement, status=status,
                   evidence=[Evidence.from_dict(e) for e in evidence],
                   id=_text(data, "id", where) or new_id(),
                   created_at=_text(data, "created_at", where) or now_iso(),
                   tested_by=list(dict.fromkeys(tested_by)),
                   extra={k: v for k, v in data.items() if k not in _HYPOTHESIS_KEYS})

    def tally(self) -> Counter[str]:
        """How many pieces of evidence of each verdict."""
        return Counter(e.verdict for e in self.evidence)

    def conversations(self) -> list[str]:
        """The conversations behind it, in the order their evidence was noted."""
        return list(dict.fromkeys(e.conversation_id for e in self.timeline()))

    def evidence_from(self, conversation_id: str) -> Evidence | None:
        """What ``conversation_id`` said about it (None: nothing yet)."""
        return next((e for e in self.evidence if e.conversation_id == conversation_id), None)

    def is_tested_by(self, conversation_id: str) -> bool:
        """Linked to the conversation, or given evidence by it."""
        return (conversation_id in self.tested_by
                or self.evidence_from(conversation_id) is not None)

    def awaiting(self) -> list[str]:
        """Conversations linked to test it that have given no evidence yet."""
        return [c for c in self.tested_by if self.evidence_from(c) is None]

    def timeline(self) -> list[Evidence]:
        """Its evidence, oldest first."""
        return sorted(self.evidence, key=lambda e: e.on)

    def summary(self) -> str:
        """``2 for · 1 against · 0 mixed · 3 conversations · 1 to test``."""
        t = self.tally()
        count = len(self.conversations())
        waiting = len(self.awaiting())
        return (f"{t['for']} for · {t['against']} against · {t['mixed']} mixed · {count} "
                f"conversation{'s' if count != 1 else ''}"
                + (f" · {waiting} to test" if waiting else ""))


def add_evidence(hypothesis: Hypothesis, conversation_id: str, verdict: str, note: str,
                 on: date) -> Evidence:
    """Record what a conversation said; a conversation has one piece of evidence per
    hypothesis, so a second one replaces the first. Raises ``ValueError`` for a verdict other
    than for, against or mixed, or a note over :data:`MAX_TEXT` characters."""
    if verdict not in VERDICTS:
        raise ValueError("Evidence is for, against or mixed.")
    if len(note) > MAX_TEXT:
        raise ValueError(f"Keep the sentence under {MAX_TEXT:,} characters.")
    hypothesis.evidence = [e for e in hypothesis.evidence if e.conversation_id != conversation_id]
    entry = Evidence(conversation_id, verdict, " ".join(note.split()), on.isoformat())
    hypothesis.evidence.append(entry)
    return entry


@dataclass(frozen=True)
class LinkedHypothesis:
    """A hypothesis a conversation tests, with what it said about it so far (if anything)."""

    id: str
    statement: str
    status: str
    evidence: Evidence | None


def linked_to(hypotheses: list[Hypothesis], conversation_id: str) -> list[LinkedHypothesis]:
    """The hypotheses ``conversation_id`` tests (linked or given evidence), in list order."""
    return [LinkedHypothesis(h.id, h.statement, h.status, h.evidence_from(conversation_id))
            for h in hypotheses if h.is_tested_by(conversation_id)]


def set_links(hypotheses: list[Hypothesis], conversation_id: str,
              chosen: set[str]) -> tuple[int, int]:
    """Link ``conversation_id`` to exactly the hypotheses whose ids are in ``chosen`` (evidence
    already noted stays); returns (how many were linked, how many unlinked)."""
    linked = unlinked = 0
    for h in hypotheses:
        if h.id in chosen and conversation_id not in h.tested_by:
            h.tested_by.append(conversation_id)
            linked += 1
        elif h.id not in chosen and conversation_id in h.tested_by:
            h.tested_by.remove(conversation_id)
            unlinked += 1
    return linked, unlinked


def update_hypotheses(data_folder: Path,
                      change: Callable[[list[Hypothesis]], T]) -> T:
    """Read the file, apply ``change`` to the list and write it back (one step, so a change
    made elsewhere since the list was shown is kept); returns what ``change`` returned.
    Raises ``RecordFileError`` for a damaged file, which is left as it is."""
    hypotheses = load_hypotheses(data_folder)
    result = change(hypotheses)
    save_hypotheses(data_folder, hypotheses)
    return result


def next_status(status: str) -> str:
    """exploring -> promising -> ruled out -> exploring."""
    return STATUSES[(STATUSES.index(status) + 1) % len(STATUSES)]


def hypotheses_path(data_folder: Path) -> Path:
    """Where the hypotheses live."""
    return data_folder / HYPOTHESES_FILE


def load_hypotheses(data_folder: Path) -> list[Hypothesis]:
    """The saved hypotheses (raises ``RecordFileError`` for a damaged file)."""
    return load_records(hypotheses_path(data_folder), TABLE, Hypothesis.from_dict)


def save_hypotheses(data_folder: Path, hypotheses: list[Hypothesis]) -> None:
    """Write every hypothesis (a damaged file is never overwritten)."""
    save_records(hypotheses_path(data_folder), TABLE, hypotheses, Hypothesis.from_dict)
