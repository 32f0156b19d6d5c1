"""Keeping the search index in step with the data: what changed, and catching up.

The CLI and the app hand over the data as it is stored (export-format dicts) and
:func:`synchronise` does the rest: a full rebuild when the index is new, outdated or damaged,
otherwise only the conversations and contacts whose stamps differ, and removals.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tui.core.search_fields import (
    contact_stamp,
    conversation_stamp,
    extract_contact,
    extract_conversation,
)

if TYPE_CHECKING:
    import threading

    from tui.core.search import SearchIndex
    from tui.core.search_fts import FtsEngine
    from tui.core.search_memory import MemoryEngine

Record = tuple[Mapping[str, Any] | None, Mapping[str, Any] | None]
Progress = Callable[[int, int | None], object]
PROGRESS_EVERY = 100


class RebuildStopped(Exception):
    """A rebuild was cancelled; the transaction rolls back."""


def fill(engine: FtsEngine | MemoryEngine, records: Iterable[Record], stop: threading.Event,
         progress: Progress | None, total: int | None) -> int:
    """Put ``records`` into an empty ``engine`` (a conversation seen twice: the last wins;
    each contact once); returns how many records were indexed. Every
    :data:`PROGRESS_EVERY` records, ``progress(done, total)`` hears how far it is; when
    ``stop`` is set or ``progress`` returns False, :class:`RebuildStopped` is raised."""
    done = step = 0
    contacts: set[str] = set()
    conversations: set[str] = set()
    for conversation, contact in records:
        if conversation is not None:
            doc = extract_conversation(conversation, contact)
            engine.put(doc, replace=doc.key in conversations)
            conversations.add(doc.key)
            done += 1
        if contact is not None and str(contact.get("id")) not in contacts:
            contacts.add(str(contact.get("id")))
            engine.put(extract_contact(contact), replace=False)
            done += 1
        if done // PROGRESS_EVERY != step:
            step = done // PROGRESS_EVERY
            if stop.is_set() or (progress is not None and progress(done, total) is False):
                raise RebuildStopped
    if progress is not None:
        progress(done, total)
    return done


@dataclass(frozen=True)
class Staleness:
    """What differs between the data and the index: ids to index again, ids to remove."""

    conversations: tuple[str, ...] = ()
    contacts: tuple[str, ...] = ()
    removed_conversations: tuple[str, ...] = ()
    removed_contacts: tuple[str, ...] = ()
    rebuilt: bool = False

    @property
    def fresh(self) -> bool:
        """Nothing was (or is) to be done."""
        return not (self.conversations or self.contacts or self.removed_conversations
                    or self.removed_contacts or self.rebuilt)


def compare(indexed: tuple[Mapping[str, str], Mapping[str, str]],
            conversations: Mapping[str, str], contacts: Mapping[str, str]) -> Staleness:
    """The difference between the index's stamps ``(conversations, contacts)`` and the
    data's (id -> stamp each)."""
    indexed_conversations, indexed_contacts = indexed
    return Staleness(
        conversations=tuple(i for i, s in conversations.items()
                            if indexed_conversations.get(i) != s),
        contacts=tuple(i for i, s in contacts.items() if indexed_contacts.get(i) != s),
        removed_conversations=tuple(i for i in indexed_conversations if i not in conversations),
        removed_contacts=tuple(i for i in indexed_contacts if i not in contacts),
    )


def records(contacts: Iterable[Mapping[str, Any]],
            conversations: Iterable[Mapping[str, Any]]) -> Iterator[Record]:
    """``(conversation, contact)`` pairs for :meth:`SearchIndex.rebuild
    <tui.core.search.SearchIndex.rebuild>`, then ``(None, contact)`` for people without
    conversations. ``contacts`` is read once into a dict; conversations are streamed."""
    people = {str(c.get("id")): c for c in contacts}
    seen: set[str] = set()
    for conversation in conversations:
        contact_id = str(conversation.get("contact_id"))
        seen.add(contact_id)
        yield conversation, people.get(contact_id)
    for contact_id, contact in people.items():
        if contact_id not in seen:
            yield None, contact


def synchronise(index: SearchIndex, contacts: Iterable[Mapping[str, Any]],
                conversations: Iterable[Mapping[str, Any]],
                progress: Callable[[int, int | None], object] | None = None) -> Staleness:
    """Bring ``index`` up to date with the data; returns what was done.

    A full rebuild (``rebuilt=True``) when the index needs one; otherwise each conversation
    whose ``updated_at`` (or content) changed and each contact whose indexed fields changed is
    indexed again, and what the data no longer has is removed. Unchanged data costs one
    stamp comparison per record.
    """
    people = {str(c.get("id")): c for c in contacts}
    talks = {str(c.get("id")): c for c in conversations}
    if index.needs_rebuild:
        index.rebuild(records(people.values(), talks.values()), progress,
                      total=len(talks) + len(people))
        return Staleness(rebuilt=True)
    stale = index.stale({i: conversation_stamp(c) for i, c in talks.items()},
                        {i: contact_stamp(c) for i, c in people.items()})
    for contact_id in stale.removed_contacts:
        index.remove_contact(contact_id)
    for conversation_id in stale.removed_conversations:
        index.remove_conversation(conversation_id)
    for contact_id in stale.contacts:
        index.update_contact(people[contact_id])
    for conversation_id in stale.conversations:
        conversation = talks[conversation_id]
        index.update_conversation(conversation, people.get(str(conversation.get("contact_id"))))
    return stale
