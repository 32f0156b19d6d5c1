"""The names of the formats coffeechat exports to and imports from.

Kept apart from the exporters and importers so that the command line's parser (built on every
start, the app's included) names them without loading the code behind them.
"""

from __future__ import annotations

#: Export formats and what each writes.
FORMATS: dict[str, str] = {
    "md": "one Markdown file per conversation, with YAML front matter, in a folder",
    "html": "one self-contained HTML document with a table of contents",
    "ics": "scheduled conversations, thank-you deadlines and action due dates as a calendar",
    "vcf": "contacts as vCard 3.0 for address books",
    "json": "everything, as JSON that 'coffeechat import json' takes back",
}
#: The exports that can show people as initials (``--redact``).
REDACTABLE = frozenset({"md", "html", "ics"})
#: Contact imports and what each reads.
CONTACT_FORMATS = {
    "linkedin": "LinkedIn connections",
    "csv": "contacts CSV",
    "vcf": "vCard",
}
