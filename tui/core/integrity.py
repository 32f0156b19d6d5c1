"""A data file is good only when every record in it reads through the models.

:func:`load_checked` is the one definition of "loads and validates" used everywhere a file's
health matters: opening the data, deciding what to back up, naming the newest good backup,
restoring one. The validated models are returned too, so nothing is validated twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from tui.core.dataformat import DamagedRecordError, parse_bytes
from tui.core.models import Contact, Conversation, ModelError


@dataclass
class CheckedData:
    """A database whose every contact and conversation has been validated."""

    data: dict[str, Any]
    contacts: dict[str, Contact] = field(default_factory=dict)
    conversations: dict[str, Conversation] = field(default_factory=dict)

    def counts(self) -> tuple[int, int]:
        """(contacts, conversations)."""
        return len(self.data.get("contacts", {})), len(self.data.get("conversations", {}))


def check_records(data: dict[str, Any], path: Path) -> CheckedData:
    """Validate every contact and conversation; raise :class:`DamagedRecordError` naming the
    file, the record and the field of the first that does not read."""
    checked = CheckedData(data)
    for doc_id, doc in data.get("contacts", {}).items():
        contact = _read(Contact, doc, doc_id, "contacts", path)
        checked.contacts[contact.id] = contact
    for doc_id, doc in data.get("conversations", {}).items():
        conversation = _read(Conversation, doc, doc_id, "conversations", path)
        checked.conversations[conversation.id] = conversation
    return checked


M = TypeVar("M", Contact, Conversation)


def _read(model: type[M], doc: Any, doc_id: str, table: str, path: Path) -> M:
    try:
        return model.from_dict(doc)
    except (ModelError, RecursionError) as exc:
        raise DamagedRecordError(
            f"{path} holds a {table[:-1]} coffeechat cannot read (document {doc_id} in "
            f"'{table}'): {exc}. It has been left untouched."
        ) from None


def load_checked(raw: bytes, path: Path) -> CheckedData:
    """Parse the bytes of a data file and validate its format and every record."""
    return check_records(parse_bytes(raw, path), path)
