"""The read-only view's document: a conversation's Markdown cut into its sections, and the
pane where each section is edited.

The cut is safe because :func:`tui.core.render.conversation_markdown` escapes every plain
field and quotes every note: a line starting ``## `` is always one of its section headings.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from tui.core.models import Contact, Conversation
from tui.core.render import conversation_markdown

#: Section title -> the pane that edits it; the header (who, when) belongs to Details.
SECTION_PANES = {
    "": "details", "Goal": "details", "The ask": "details",
    "Outreach": "prep", "Prep checklist": "prep", "Research notes": "prep",
    "Questions": "prep", "Live log": "live",
    "Reflection": "reflect", "Action items": "reflect", "Referrals": "reflect",
    "Thank-you": "reflect", "Follow-ups": "reflect",
}


class Section(NamedTuple):
    """One part of the document: its title ("" for the header) and its Markdown."""

    title: str
    markdown: str


def split_sections(markdown: str) -> list[Section]:
    """The document cut before each ``## `` heading."""
    sections: list[Section] = []
    title, lines = "", list[str]()
    for line in markdown.splitlines(keepends=True):
        if line.startswith("## "):
            if "".join(lines).strip():
                sections.append(Section(title, "".join(lines)))
            title, lines = line[3:].strip(), []
        lines.append(line)
    if "".join(lines).strip():
        sections.append(Section(title, "".join(lines)))
    return sections


def reading_sections(conversation: Conversation, contact: Contact,
                     people: Mapping[str, Contact]) -> list[Section]:
    """The conversation's document (the text ``coffeechat show`` prints), in sections."""
    return split_sections(conversation_markdown(conversation, contact, people=people))


def pane_for(title: str, conversation: Conversation) -> str:
    """The pane that edits section ``title``: questions are edited in Live once the call has
    started, in Prep before."""
    if title == "Questions" and conversation.live.started_at:
        return "live"
    return SECTION_PANES.get(title, "details")
