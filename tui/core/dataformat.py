"""The data's format: names, the errors that say why a file cannot be used, and the check
that parsed JSON is a coffeechat TinyDB database of a schema this version reads.

Schema 1 was one file holding everything. Schema 2 (this version) is a folder: the main file
``coffeechat.json`` (contacts, the profile and any table this version does not know) and one
file per conversation in ``conversations/``; every file is a TinyDB database with a ``meta``
record naming its schema, so a file written by a newer coffeechat is recognised on its own.

Nothing here touches the disk; :mod:`tui.core.storage` reads and writes, and
:mod:`tui.core.integrity` checks every record through the models.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tui.core import fastjson

try:
    import orjson
except ImportError:  # pragma: no cover - orjson is a dependency; this keeps odd builds working
    orjson = None  # type: ignore[assignment]

EXPORT_FORMAT = "coffeechat-export"
# The export's own format version: unchanged by the move of the data to one file per
# conversation (schema 2 of the data folder), so older coffeechats still read new exports.
EXPORT_SCHEMA = 1

APP_ID = "coffeechat"
SCHEMA_VERSION = 2
SINGLE_FILE_SCHEMA = 1  # everything in one file: migrated on the first open for writing
DATA_FILE = "coffeechat.json"
CONVERSATIONS_DIR = "conversations"
LOCK_FILE = "coffeechat.lock"
BACKUP_DIR = "backups"
BACKUPS_KEPT = 7
TEMP_PREFIX = ".coffeechat-"
TEMP_SUFFIX = ".tmp"
RECORD_TABLES = ("contacts", "conversations")


class StorageError(Exception):
    """The data file cannot be used; the message says why and what to do."""


class CorruptFileError(StorageError):
    """The data file is empty or is not valid JSON."""


class ForeignFileError(StorageError):
    """The data file is JSON but not a coffeechat file."""


class NewerSchemaError(StorageError):
    """The data file was written by a newer coffeechat."""


class DamagedRecordError(StorageError):
    """The data file parses, but a record in it does not have the shape of one."""


class BadBackupError(StorageError):
    """A backup given to restore does not load or validate."""


class LockedError(StorageError):
    """Another coffeechat holds the data file open for writing."""


class FolderError(StorageError, OSError):
    """The data folder is not a folder, or coffeechat may not write in it."""


def meta_of(data: dict[str, Any]) -> dict[str, Any] | None:
    """The coffeechat ``meta`` record of a database, if it has one."""
    table = data.get("meta")
    if not isinstance(table, dict):
        return None
    for doc in table.values():
        if isinstance(doc, dict) and doc.get("app") == APP_ID:
            return doc
    return None


def schema_problem(version: Any) -> str | None:
    """Why ``version`` is not a schema number any coffeechat writes (None when it is one)."""
    if isinstance(version, bool) or not isinstance(version, int):
        shown = "missing" if version is None else f"{version!r}, not a whole number"
        return f"its schema version is {shown}"
    if version < 1:
        return f"its schema version is {version}; versions start at 1"
    return None


def schema_of(data: Any, path: Path) -> int:
    """The schema of a parsed coffeechat database (0 for an empty one); raises
    :class:`StorageError` for JSON that is not one, or one from a newer coffeechat."""
    if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
        raise ForeignFileError(
            f"{path} is not a coffeechat data file (it is JSON, but not TinyDB tables). "
            "It has been left untouched."
        )
    if not data:
        return 0
    meta = meta_of(data)
    if meta is None:
        raise ForeignFileError(
            f"{path} is not a coffeechat data file (no coffeechat 'meta' record). "
            "It has been left untouched."
        )
    version = meta.get("schema")
    problem = schema_problem(version)
    if problem or not isinstance(version, int):
        raise ForeignFileError(f"{path} cannot be read: {problem}. It has been left untouched.")
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(
            f"{path} was written by a newer coffeechat (schema {version}; this one reads up to "
            f"{SCHEMA_VERSION}). Upgrade coffeechat; the file has been left untouched."
        )
    return version


def validate(data: Any, path: Path) -> dict[str, Any]:
    """Check that parsed JSON is a coffeechat database of a schema this version reads (the
    single file of schema 1, or a main or conversation file of schema 2); returns it."""
    schema_of(data, path)
    result: dict[str, Any] = data
    return result


def json_error_place(exc: json.JSONDecodeError) -> str:
    """What went wrong in a JSON text and where: ``Expecting ',' delimiter at line 3, column
    9``; a message that ends in "at" ("Unterminated string starting at") is not given a second
    one."""
    message = exc.msg.removesuffix(" at")
    return f"{message} at line {exc.lineno}, column {exc.colno}"


def parse_json(raw: bytes, path: Path) -> Any:
    """Parse the bytes of a data file, with a message naming the file for each failure."""
    if not raw.strip():
        raise CorruptFileError(
            f"{path} is empty (0 bytes of data), perhaps from a failed copy or a full disk. "
            "It has been left untouched."
        )
    try:
        return fastjson.loads(raw)
    except UnicodeDecodeError:
        raise CorruptFileError(
            f"{path} is not UTF-8 text. It has been left untouched."
        ) from None
    except json.JSONDecodeError as exc:
        raise CorruptFileError(
            f"{path} is damaged: {json_error_place(exc)}. "
            "It has been left untouched."
        ) from None
    except RecursionError:
        raise CorruptFileError(
            f"{path} is nested too deeply to be a coffeechat file. It has been left untouched."
        ) from None


def parse_bytes(raw: bytes, path: Path) -> dict[str, Any]:
    """Parse and validate the bytes of a data file (its format, not yet its records)."""
    return validate(parse_json(raw, path), path)


def encode_json(value: Any) -> bytes:
    """Serialise a database (or any JSON value) the way coffeechat writes it."""
    # No indent: with one, json falls back to its pure-Python encoder (about 6x slower).
    try:
        return json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate (from a broken paste) cannot be UTF-8; \u escapes keep it as JSON.
        return json.dumps(value, ensure_ascii=True).encode("ascii")


def encode_json_compact(value: Any) -> bytes:
    """The same JSON as :func:`encode_json` without the spaces, about seven times faster
    (orjson), for a value that holds no NaN or infinite number: orjson would write ``null``
    (see :func:`~tui.core.models.finite_numbers`). What orjson refuses (a lone surrogate, an
    integer over 64 bits, a key that is not text, deep nesting) goes to :func:`encode_json`."""
    if orjson is not None:
        try:
            return orjson.dumps(value)
        except orjson.JSONEncodeError:
            pass
    return encode_json(value)

