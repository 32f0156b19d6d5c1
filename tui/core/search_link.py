"""Keeping the search index of a data folder in step with its files.

The index (:mod:`tui.core.search`) is a cache in the cache folder. :func:`catch_up` brings it
up to date from the store's summaries without reading every file: a conversation is read
again only when its summary's ``updated_at`` differs from the index's stamp (or when a refresh
saw its file change), a contact when its indexed fields changed; a new, outdated or damaged
index is rebuilt from every file (one at a time, with progress). After that, the store keeps
it current: each save updates the index on the writer's thread.

Runs on any thread: the caller hands over the contacts (copies) and the summaries; files are
read here, never the store's TinyDB tables.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from tui.core.catalog import stored_doc
from tui.core.search_fields import contact_stamp
from tui.core.search_sync import Record, Staleness
from tui.core.summary import ConversationSummary

if TYPE_CHECKING:
    from tui.core.search import SearchIndex

__all__ = ["Reader", "catch_up", "stored_doc"]

Progress = Callable[[int, int | None], object]


Reader = Callable[[str], "dict[str, Any] | None"]


def catch_up(index: SearchIndex, contacts: Sequence[Mapping[str, Any]],
             summaries: Sequence[ConversationSummary], read: Reader,
             also: Iterable[str] = (), progress: Progress | None = None) -> Staleness:
    """Bring ``index`` up to date (see the module docstring). ``read(id)`` gives a
    conversation as stored (:func:`stored_doc`); ``also`` names conversations to index again
    whatever their stamps say. Returns what was done."""
    people = {str(c.get("id")): c for c in contacts}
    if index.needs_rebuild:
        index.rebuild(_records(read, people, summaries), progress,
                      total=len(summaries) + len(people))
        return Staleness(rebuilt=True)
    stale = index.stale({s.id: s.updated_at for s in summaries},
                        {i: contact_stamp(c) for i, c in people.items()})
    for contact_id in stale.removed_contacts:
        index.remove_contact(contact_id)
    for conversation_id in stale.removed_conversations:
        index.remove_conversation(conversation_id)
    for contact_id in stale.contacts:
        index.update_contact(people[contact_id])
    wanted = list(dict.fromkeys([*stale.conversations, *also]))
    by_id = {s.id: s for s in summaries}
    for done, conversation_id in enumerate(wanted, 1):
        doc = read(conversation_id)
        summary = by_id.get(conversation_id)
        if doc is not None and summary is not None:
            index.update_conversation(doc, people.get(summary.contact_id))
        if progress is not None and done % 100 == 0:
            progress(done, len(wanted))
    return stale


def _records(read: Reader, people: dict[str, Mapping[str, Any]],
             summaries: Sequence[ConversationSummary]) -> Iterator[Record]:
    """(conversation, contact) pairs read one file at a time, then people without any."""
    seen: set[str] = set()
    for summary in summaries:
        doc = read(summary.id)
        if doc is None:
            continue
        seen.add(summary.contact_id)
        yield doc, people.get(summary.contact_id)
    for contact_id, contact in people.items():
        if contact_id not in seen:
            yield None, contact
