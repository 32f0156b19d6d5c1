"""Helpers for the import tests: the fixture folder and applying a plan to a contact list."""

from __future__ import annotations

from pathlib import Path

from tui.core.importing import ImportPlan
from tui.core.models import Contact

FIXTURES = Path(__file__).parent / "fixtures" / "imports"


def applied(existing: list[Contact], plan: ImportPlan) -> list[Contact]:
    """What the store holds after applying ``plan`` (what its apply step will do)."""
    by_id = {c.id: c for c in existing}
    for contact in plan.contacts_to_save():
        by_id[contact.id] = contact
    return list(by_id.values())
