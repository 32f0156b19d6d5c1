"""Finding a record from what a person typed: an id or a unique id prefix, or a name.

Pure: the caller passes the records. Failures are :class:`LookupProblem` with a one-line
message that says what matched (for an ambiguous prefix or name) or that nothing did.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from typing import TypeVar

from tui.core.models import Contact
from tui.core.safetext import clipped

T = TypeVar("T")
SHOWN_CANDIDATES = 4


class LookupProblem(ValueError):
    """Nothing matched, or more than one record did."""


def _fold(text: str) -> str:
    """Case- and accent-insensitive form of a name."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def by_id_prefix(ids: Iterable[str], typed: str, what: str = "conversation") -> str:
    """The one id equal to ``typed`` or starting with it (case-insensitive)."""
    wanted = typed.strip().casefold()
    if not wanted:
        raise LookupProblem(f"give a {what} id (see 'coffeechat list')")
    matches = []
    for record_id in ids:
        folded = record_id.casefold()
        if folded == wanted:
            return record_id
        if folded.startswith(wanted):
            matches.append(record_id)
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise LookupProblem(f"no {what} has an id starting with '{clipped(typed.strip())}'")
    raise LookupProblem(f"'{clipped(typed.strip())}' matches {len(matches)} {what}s "
                        f"({_listed(sorted(matches))}): type more of the id")


def find_person(contacts: Sequence[Contact], typed: str) -> Contact:
    """The contact whose id (or unique id prefix) or name is ``typed``: an exact name
    (case and accents ignored) first, then a unique part of a name."""
    wanted = typed.strip()
    if not wanted:
        raise LookupProblem("give a name or a contact id")
    for contact in contacts:
        if contact.id == wanted:
            return contact
    folded = _fold(wanted)
    exact = [c for c in contacts if _fold(c.name) == folded]
    if len(exact) == 1:
        return exact[0]
    if not exact:
        exact = [c for c in contacts if folded in _fold(c.name)]
        if len(exact) == 1:
            return exact[0]
    if len(exact) > 1:
        raise LookupProblem(f"'{clipped(wanted)}' matches {len(exact)} contacts "
                            f"({_listed([f'{c.label} {c.id}' for c in exact])}): "
                            "give the id instead")
    prefixed = [c for c in contacts if c.id.casefold().startswith(wanted.casefold())]
    if len(prefixed) == 1:
        return prefixed[0]
    raise LookupProblem(f"no contact is named or has an id starting with '{clipped(wanted)}'")


def _listed(items: Sequence[str]) -> str:
    shown = ", ".join(items[:SHOWN_CANDIDATES])
    more = len(items) - SHOWN_CANDIDATES
    return f"{shown} and {more} more" if more > 0 else shown
