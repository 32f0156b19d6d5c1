"""One conversation's file: a TinyDB database holding a ``meta`` record and one document.

    {"meta": {"1": {"app": "coffeechat", "schema": 2}},
     "conversations": {"1": {"id": "3f9c...", "contact_id": "...", ...}}}

``tinydb.TinyDB(path).table("conversations").all()`` gives the record; ``json.load`` too.
Tables or meta entries this version does not know (from a newer coffeechat) are carried in an
:class:`Envelope` and written back on save. A file that cannot be used becomes a
:class:`FileProblem`: listed with its path and what is wrong, never overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tui.core.dataformat import (
    APP_ID,
    SCHEMA_VERSION,
    DamagedRecordError,
    ForeignFileError,
    NewerSchemaError,
    StorageError,
    encode_json,
    encode_json_compact,
    meta_of,
    parse_json,
    schema_of,
)
from tui.core.layout import SUFFIX, file_id
from tui.core.models import Conversation, ModelError, finite_numbers

TABLE = "conversations"


class MisplacedFileError(StorageError):
    """A conversation file holds a conversation whose file is another one."""


@dataclass
class Envelope:
    """What a conversation file holds besides the conversation, kept for the next save."""

    meta: dict[str, Any] = field(default_factory=dict)
    tables: dict[str, Any] = field(default_factory=dict)
    doc_id: str = "1"


def encode_conversation(conversation: Conversation, doc: dict[str, Any] | None = None,
                        envelope: Envelope | None = None) -> bytes:
    """The bytes of the file holding ``conversation`` (``doc``: its ``to_dict()``, when the
    caller has it): compact JSON written by orjson, several times faster than the standard
    library, unless a key this version does not know holds NaN or an infinite number (which
    orjson would turn into ``null``)."""
    data = _file_of(conversation.to_dict() if doc is None else doc, envelope)
    if finite_numbers(conversation) and (envelope is None or finite_numbers(
            [envelope.meta, envelope.tables])):
        return encode_json_compact(data)
    return encode_json(data)


def _file_of(doc: dict[str, Any], envelope: Envelope | None) -> dict[str, Any]:
    env = envelope or Envelope()
    meta = {**env.meta, "app": APP_ID, "schema": SCHEMA_VERSION}
    data: dict[str, Any] = {"meta": {"1": meta}, TABLE: {env.doc_id: doc}}
    for name, table in env.tables.items():
        data.setdefault(name, table)
    return data


def decode(raw: bytes, path: Path) -> tuple[Conversation, Envelope]:
    """Parse and validate a conversation file; raises :class:`StorageError` (a subclass
    saying what is wrong, the message naming ``path``)."""
    data = parse_json(raw, path)
    schema_of(data, path)
    if not data:
        raise ForeignFileError(f"{path} holds no conversation. It has been left untouched.")
    table = data.get(TABLE)
    if not isinstance(table, dict) or len(table) != 1:
        count = len(table) if isinstance(table, dict) else 0
        raise ForeignFileError(
            f"{path} is not a conversation's file (it holds {count} conversations, not one). "
            "It has been left untouched.")
    (doc_id, doc), = table.items()
    try:
        conversation = Conversation.from_dict(doc)
    except (ModelError, RecursionError) as exc:
        raise DamagedRecordError(f"{path} holds a conversation coffeechat cannot read: {exc}. "
                                 "It has been left untouched.") from None
    if path.name != f"{file_id(conversation.id)}{SUFFIX}":
        raise MisplacedFileError(
            f"{path} holds conversation {conversation.id}, whose file is "
            f"{file_id(conversation.id)}{SUFFIX} (was it renamed or copied?). It has been left "
            "untouched.")
    meta = dict(meta_of(data) or {})
    others = {name: t for name, t in data.items() if name not in ("meta", TABLE)}
    return conversation, Envelope(meta, others, str(doc_id))


@dataclass(frozen=True)
class FileProblem:
    """A conversation file that cannot be used: where it is and what is wrong with it."""

    path: Path
    kind: str  # damaged | newer | foreign | misplaced | unreadable
    reason: str

    def describe(self) -> str:
        """One line: the path and what is wrong (the caller adds where a backup is)."""
        return f"{self.path}: {self.reason}"


def problem_of(exc: StorageError | OSError, path: Path) -> FileProblem:
    """The :class:`FileProblem` for an error met reading ``path``."""
    if isinstance(exc, OSError) and not isinstance(exc, StorageError):
        return FileProblem(path, "unreadable", f"cannot be read: {exc.strerror or exc}")
    kind = {NewerSchemaError: "newer", DamagedRecordError: "damaged",
            MisplacedFileError: "misplaced", ForeignFileError: "foreign"}.get(type(exc),
                                                                               "damaged")
    text = str(exc).replace(f"{path} ", "", 1).replace(" It has been left untouched.", "")
    return FileProblem(path, kind, text.removeprefix("is ").rstrip("."))
