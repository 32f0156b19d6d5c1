"""Matching imported rows to the contacts already there: what would be added, updated, left
as it is, or skipped. Pure: nothing is saved here; the store applies a plan in one batch.

A row is the same person as an existing contact when their LinkedIn URLs match (compared by
:func:`~tui.core.importing.rows.linkedin_key`), else when name and company match ignoring
case and spacing, unless both have LinkedIn URLs and they differ. Without URLs, someone who
changed company reads as a new person: there is nothing else to tell two namesakes apart.

For a match, the file's company and role win when they are not blank (it is the newer word on
where the person works); e-mail, LinkedIn URL, how found, notes and the day of connecting
are only filled in when the contact has none (what the user typed is never replaced); tags
are added; the name is never changed. Blank values never erase anything. Rows that are the
same person as an earlier row of the same file are skipped with that line. Linear time:
dictionary look-ups only.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from tui.core.importing.rows import ContactRow, ParsedContacts, SkippedRow, linkedin_key
from tui.core.models import Contact, now_iso


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


@dataclass(frozen=True)
class PlannedAdd:
    """A new contact made from a row."""

    row: ContactRow
    contact: Contact


@dataclass(frozen=True)
class PlannedUpdate:
    """An existing contact and what the row changes (``company Stripe -> Plaid``)."""

    row: ContactRow
    before: Contact
    after: Contact
    changes: tuple[str, ...]
    matched_by: str  # "LinkedIn URL" | "name and company"


@dataclass(frozen=True)
class Unchanged:
    """A row that matched a contact and changes nothing."""

    row: ContactRow
    contact: Contact


@dataclass
class ImportPlan:
    """What importing the rows would do."""

    added: list[PlannedAdd] = field(default_factory=list)
    updated: list[PlannedUpdate] = field(default_factory=list)
    unchanged: list[Unchanged] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def contacts_to_save(self) -> list[Contact]:
        """Every new and updated contact, in file order."""
        changed = [(a.row.line, a.contact) for a in self.added]
        changed += [(u.row.line, u.after) for u in self.updated]
        return [contact for _, contact in sorted(changed, key=lambda pair: pair[0])]

    @property
    def changes_anything(self) -> bool:
        """True when applying the plan would write something."""
        return bool(self.added or self.updated)

    def summary(self) -> str:
        """``3 added, 1 updated, 120 unchanged, 2 skipped``."""
        return (f"{len(self.added):,} added, {len(self.updated):,} updated, "
                f"{len(self.unchanged):,} unchanged, {len(self.skipped):,} skipped")

    def report_lines(self) -> list[str]:
        """One line per update, skipped row and warning, for the report under the summary."""
        lines = [f"line {u.row.line}: {u.before.name}: {'; '.join(u.changes)}"
                 for u in self.updated]
        lines += [f"skipped {s}" for s in self.skipped]
        return lines + self.warnings


def _shown(value: str) -> str:
    return value if value else "(none)"


def _merge(contact: Contact, row: ContactRow) -> tuple[Contact, tuple[str, ...]]:
    changes: list[str] = []
    updates: dict[str, Any] = {}
    for attr, label in (("company", "company"), ("role", "role")):
        new, old = getattr(row, attr), getattr(contact, attr)
        if new and " ".join(old.split()) != new:
            updates[attr] = new
            changes.append(f"{label} {_shown(old)} -> {new}")
    for attr, label in (("email", "e-mail"), ("linkedin", "LinkedIn URL"),
                        ("how_found", "how found"), ("notes", "notes")):
        new, old = getattr(row, attr), getattr(contact, attr)
        if new and not old.strip():
            updates[attr] = new
            changes.append(f"{label} added")
    if row.connected_on is not None and not contact.connected_on:
        updates["connected_on"] = row.connected_on.isoformat()
        changes.append(f"connected on {updates['connected_on']}")
    known = {_norm(t) for t in contact.tags}
    extra = [t for t in row.tags if _norm(t) not in known]
    if extra:
        updates["tags"] = [*contact.tags, *extra]
        changes.append(f"tags added: {', '.join(extra)}")
    if not updates:
        return contact, ()
    return replace(contact, **updates), tuple(changes)


def _fresh_ids(count: int) -> list[str]:
    """``count`` new record ids in the form :func:`tui.core.models.new_id` makes (12 random
    hex digits), drawn at once: one ``uuid4`` per contact costs a third of a large plan."""
    pool = os.urandom(6 * count).hex()
    return [pool[i:i + 12] for i in range(0, 12 * count, 12)]


def plan_contact_import(existing: Iterable[Contact], rows: Iterable[ContactRow] | ParsedContacts,
                        *, now: str | None = None) -> ImportPlan:
    """Match ``rows`` (or everything a parser returned, skipped rows and warnings included)
    against ``existing`` contacts; see the module for the rules."""
    plan = ImportPlan()
    if isinstance(rows, ParsedContacts):
        plan.skipped += rows.skipped
        plan.warnings += rows.warnings
        rows = rows.rows
    by_url: dict[str, Contact] = {}
    by_name: dict[tuple[str, str], Contact] = {}
    for contact in existing:
        if contact.linkedin.strip():
            by_url.setdefault(linkedin_key(contact.linkedin), contact)
        by_name.setdefault((_norm(contact.name), _norm(contact.company)), contact)
    seen: dict[object, int] = {}  # URL key, (name, company) or contact id -> first line
    created = now or now_iso()
    ordered = sorted(rows, key=lambda r: r.line)
    ids = _fresh_ids(len(ordered))
    for number, row in enumerate(ordered):
        url = linkedin_key(row.linkedin) if row.linkedin else ""
        name_key = (_norm(row.name), _norm(row.company))
        match, how = (by_url.get(url), "LinkedIn URL") if url else (None, "")
        if match is None:
            candidate = by_name.get(name_key)
            other_url = linkedin_key(candidate.linkedin) if candidate else ""
            if candidate is not None and not (url and other_url and url != other_url):
                match, how = candidate, "name and company"
        identity = match.id if match is not None else name_key
        earlier = seen.get(url) if url else None
        if earlier is None:
            earlier = seen.get(identity)
        if earlier is not None:
            plan.skipped.append(SkippedRow(row.line, f"the same person as line {earlier}"))
            continue
        if url:
            seen[url] = row.line
        seen[identity] = row.line
        if match is None:
            plan.added.append(PlannedAdd(row, Contact(
                name=row.name, id=ids[number], company=row.company, role=row.role,
                email=row.email, linkedin=row.linkedin, how_found=row.how_found,
                tags=list(row.tags), notes=row.notes, created_at=created,
                connected_on=row.connected_on.isoformat() if row.connected_on else None)))
            continue
        after, changes = _merge(match, row)
        if changes:
            plan.updated.append(PlannedUpdate(row, match, after, changes, how))
        else:
            plan.unchanged.append(Unchanged(row, match))
    plan.skipped.sort(key=lambda s: s.line)
    return plan
