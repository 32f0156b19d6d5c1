"""Target companies: why each is on the list, motivation and openings (0-3), and a way in
worked out from the user's contacts and conversations.

Companies are made from contacts' company names. A contact belongs to a company when its
company name, compared case- and space-blind, is the company's name or one of its aliases.
Names that only look alike ("Stripe" and "Stripe, Inc.") are offered for merging
(:func:`merge_suggestions`); they merge only when the user confirms (:func:`merge`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from tui.core.models import Contact, ModelError, new_id, now_iso
from tui.core.outreach_due import company_key
from tui.core.outreach_routine import ReplySpeed
from tui.core.safetext import has_visible
from tui.core.summary import ConversationLike

SCORES = range(0, 4)
FRIENDLY = ("alumni", "friend", "colleague")  # how_found values that make a warm way in
_SUFFIXES = frozenset({"inc", "incorporated", "llc", "ltd", "limited", "gmbh", "co", "corp",
                       "corporation", "plc", "sa", "ag", "bv", "nv", "company", "the"})
_WORD = re.compile(r"[^\W_]+")
WAY_IN = ("none yet", "contacts there", "a warm way in", "a conversation held")


@dataclass
class Company:
    """One target company."""

    name: str
    id: str = field(default_factory=new_id)
    why: str = ""
    motivation: int = 0
    openings: int = 0
    aliases: list[str] = field(default_factory=list)
    created_at: str = field(default_factory=now_iso)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready copy."""
        return {"id": self.id, "name": self.name, "why": self.why,
                "motivation": self.motivation, "openings": self.openings,
                "aliases": list(self.aliases), "created_at": self.created_at}

    @classmethod
    def from_dict(cls, data: Any) -> Company:
        """Build and validate a company from its stored form."""
        if not isinstance(data, dict):
            raise ModelError("company: expected an object")
        where = f"company {data.get('id', '?')}"
        name = data.get("name")
        if not isinstance(name, str) or not name.strip():
            raise ModelError(f"{where}: a company needs a name")
        scores = {}
        for key in ("motivation", "openings"):
            value = data.get(key, 0)
            if isinstance(value, bool) or value not in SCORES:
                raise ModelError(f"{where}: '{key}' must be 0, 1, 2 or 3")
            scores[key] = value
        aliases = data.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise ModelError(f"{where}: 'aliases' must be a list of names")
        why = data.get("why", "")
        if not isinstance(why, str):
            raise ModelError(f"{where}: 'why' must be text")
        company_id = data.get("id")
        if not isinstance(company_id, str) or not company_id:
            raise ModelError(f"{where}: 'id' is missing")
        return cls(name=name, id=company_id, why=why, aliases=list(aliases),
                   created_at=str(data.get("created_at") or now_iso()), **scores)

    def keys(self) -> set[str]:
        """Every name this company answers to, compared case- and space-blind."""
        return {company_key(n) for n in (self.name, *self.aliases) if company_key(n)}


def loose_key(name: str) -> str:
    """``Stripe, Inc.`` -> ``stripe``: words only, legal suffixes dropped (for suggestions)."""
    words = [w for w in _WORD.findall(name.casefold()) if w not in _SUFFIXES]
    return " ".join(words)


def add_from_contacts(companies: list[Company], contacts: Iterable[Contact]) -> list[Company]:
    """A new company for each contact company name no company answers to yet (in place;
    returns the new ones). A company name that shows nothing makes no company."""
    known = set().union(*(c.keys() for c in companies)) if companies else set()
    added = []
    for contact in contacts:
        key = company_key(contact.company)
        if key and key not in known and has_visible(key):
            company = Company(name=" ".join(contact.company.split()))
            companies.append(company)
            added.append(company)
            known.add(key)
    return added


def merge_suggestions(companies: list[Company]) -> list[tuple[Company, Company]]:
    """Pairs that look like one company (``Stripe`` and ``Stripe, Inc.``): the first of each
    pair is the one to keep (the shorter name)."""
    groups: dict[str, list[Company]] = {}
    for company in companies:
        key = loose_key(company.name)
        if key:
            groups.setdefault(key, []).append(company)
    pairs: list[tuple[Company, Company]] = []
    for group in groups.values():
        group.sort(key=lambda c: (len(c.name), c.name.casefold()))
        pairs.extend((group[0], other) for other in group[1:])
    return pairs


def merge(keep: Company, other: Company, companies: list[Company]) -> None:
    """Fold ``other`` into ``keep`` (its names become aliases; the higher scores and both
    reasons stay) and drop it from ``companies``."""
    keep.aliases = sorted({*keep.aliases, other.name, *other.aliases} - {keep.name})
    keep.motivation = max(keep.motivation, other.motivation)
    keep.openings = max(keep.openings, other.openings)
    if other.why.strip() and other.why.strip() not in keep.why:
        keep.why = f"{keep.why.strip()}\n{other.why.strip()}".strip()
    companies[:] = [c for c in companies if c.id != other.id]


@dataclass(frozen=True)
class CompanyRow:
    """A company with what the user's records say about it."""

    company: Company
    contacts: tuple[Contact, ...]
    warm: int  # contacts found through alumni, friends or colleagues
    held: int  # conversations held with people there
    fast: int  # people there who replied fast
    due: int  # Due items about people there

    @property
    def way_in(self) -> int:
        """0 none yet, 1 contacts there, 2 a warm way in (alumni, friends, a fast replier),
        3 a conversation held there."""
        if self.held:
            return 3
        if self.warm or self.fast:
            return 2
        return 1 if self.contacts else 0

    @property
    def score(self) -> int:
        """Most promising first: motivation, openings and the way in, 0-9."""
        return self.company.motivation + self.company.openings + self.way_in


SORT_KEYS = {
    "score": lambda r: (-r.score, r.company.name.casefold()),
    "name": lambda r: (r.company.name.casefold(),),
    "motivation": lambda r: (-r.company.motivation, -r.score, r.company.name.casefold()),
    "openings": lambda r: (-r.company.openings, -r.score, r.company.name.casefold()),
    "way_in": lambda r: (-r.way_in, -r.score, r.company.name.casefold()),
    "contacts": lambda r: (-len(r.contacts), -r.score, r.company.name.casefold()),
    "due": lambda r: (-r.due, -r.score, r.company.name.casefold()),
}


def company_rows(companies: Iterable[Company], contacts: Iterable[Contact],
                 conversations: Iterable[ConversationLike], now: datetime,
                 speeds: dict[str, ReplySpeed] | None = None,
                 due_contact_ids: Iterable[str | None] = (), sort: str = "score",
                 ) -> list[CompanyRow]:
    """Every company with its people, warm ways in, conversations held and what is due,
    sorted by ``sort`` (a key of :data:`SORT_KEYS`; the most promising first by default)."""
    from tui.core.followup import call_happened

    by_key: dict[str, list[Contact]] = {}
    for contact in contacts:
        by_key.setdefault(company_key(contact.company), []).append(contact)
    held_by: dict[str, int] = {}
    for chat in conversations:
        if call_happened(chat, now):
            held_by[chat.contact_id] = held_by.get(chat.contact_id, 0) + 1
    speeds = speeds or {}
    due_count: dict[str | None, int] = {}
    for contact_id in due_contact_ids:
        due_count[contact_id] = due_count.get(contact_id, 0) + 1
    rows = []
    for company in companies:
        people = tuple(p for key in sorted(company.keys()) for p in by_key.get(key, []))
        rows.append(CompanyRow(
            company, people,
            warm=sum(1 for p in people if p.how_found.casefold() in FRIENDLY),
            held=sum(held_by.get(p.id, 0) for p in people),
            fast=sum(1 for p in people if p.id in speeds and speeds[p.id].kind == "fast"),
            due=sum(due_count.get(p.id, 0) for p in people)))
    return sorted(rows, key=SORT_KEYS.get(sort, SORT_KEYS["score"]))


def introducers(row: CompanyRow, contacts: Iterable[Contact]) -> list[tuple[Contact, Contact]]:
    """"Do I know anyone here?": pairs (who could introduce you, the person there) from the
    introduced-by chains, in both directions: whoever introduced you to someone there, and
    anyone that person there introduced you to."""
    people = {c.id: c for c in contacts}
    inside = {p.id for p in row.contacts}
    pairs: list[tuple[Contact, Contact]] = []
    for person in row.contacts:
        by = people.get(person.introduced_by or "")
        if by is not None and by.id not in inside:
            pairs.append((by, person))
    for contact in people.values():
        if contact.introduced_by in inside and contact.id not in inside:
            pairs.append((contact, people[contact.introduced_by]))
    return pairs
