"""Contacts from other tools: LinkedIn's Connections.csv, contacts CSVs and vCards.

Parsing is pure (bytes or a path in, :class:`ParsedContacts` out) and so is matching
(:func:`plan_contact_import`); the store applies a plan in one batch. Every parser raises only
:class:`ImportFileError` for a file it cannot use.
"""

from tui.core.importing.contacts_csv import parse_contacts_csv
from tui.core.importing.linkedin import parse_linkedin
from tui.core.importing.plan import (
    ImportPlan,
    PlannedAdd,
    PlannedUpdate,
    Unchanged,
    plan_contact_import,
)
from tui.core.importing.rows import (
    ContactRow,
    ImportFileError,
    ParsedContacts,
    SkippedRow,
    linkedin_key,
)
from tui.core.importing.vcard import parse_vcf

__all__ = [
    "ContactRow",
    "ImportFileError",
    "ImportPlan",
    "ParsedContacts",
    "PlannedAdd",
    "PlannedUpdate",
    "SkippedRow",
    "Unchanged",
    "linkedin_key",
    "parse_contacts_csv",
    "parse_linkedin",
    "parse_vcf",
    "plan_contact_import",
]
