"""What every stored record shares: ids, timestamps, and ``from_dict``/``to_dict`` driven by the
dataclass fields.

A record class declares its fields once; :meth:`Record.from_dict` reads and validates each one
from its type (text, a whole number, true/false, a list, a nested record, a map of text) and
its metadata (:data:`DATE`, :data:`MOMENT`, :func:`choices`), then calls the class's
:meth:`Record.validate` for the rules that tie values together. Every error is a
:class:`ModelError` that names the record and the field. Keys this version does not know are
kept in ``unknown_fields`` and written back by :meth:`Record.to_dict`, so a file written by a
newer coffeechat loses nothing when this one saves it.
"""

from __future__ import annotations

import math
import types
import uuid
from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

if TYPE_CHECKING:
    from tui.core.models.fields import Layout

R = TypeVar("R", bound="Record")

#: Field metadata: a calendar date, ``YYYY-MM-DD``.
DATE: Mapping[str, str] = types.MappingProxyType({"kind": "date"})
#: Field metadata: a moment, ISO 8601 with its UTC offset.
MOMENT: Mapping[str, str] = types.MappingProxyType({"kind": "moment"})
#: The name of the field that keeps the keys this version does not know.
UNKNOWN = "unknown_fields"


def choices(options: tuple[str, ...]) -> Mapping[str, tuple[str, ...]]:
    """Field metadata: one of ``options`` (a missing value is the field's default)."""
    return types.MappingProxyType({"choices": options})


def mapping_of_text(what: str) -> Mapping[str, str]:
    """Field metadata for a ``dict[str, str]``: ``what`` names the keys in error messages."""
    return types.MappingProxyType({"keys": what})


class ModelError(ValueError):
    """A document does not have the shape or values a coffeechat record needs."""


def new_id() -> str:
    """A fresh, stable, URL-safe record id."""
    return uuid.uuid4().hex[:12]


def now_iso() -> str:
    """The current moment as an ISO 8601 string with the local UTC offset."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


def as_object(data: Any, what: str) -> dict[str, Any]:
    """``data`` if it is a JSON object, else a :class:`ModelError` naming ``what``."""
    if not isinstance(data, dict):
        raise ModelError(f"{what} must be an object, not {type(data).__name__}")
    return data


def plain(value: Any) -> Any:
    """A JSON-ready copy of ``value``: records become objects, containers are copied.

    The leaves are immutable (text, numbers, true/false, null), so copying the containers is
    enough (and several times faster than ``dataclasses.asdict``).
    """
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


class Record:
    """Base of the stored dataclasses.

    ``WHAT`` names the record in error messages (``"action item"``); with ``NAMED_BY_ID`` the
    message also gives the record's id (``"conversation 3f2a…"``).
    """

    WHAT: ClassVar[str] = "record"
    NAMED_BY_ID: ClassVar[bool] = False
    #: Fields left out of the stored form while unset (empty or None), so that records which
    #: never use them keep the shape they were stored with.
    OMIT_UNSET: ClassVar[frozenset[str]] = frozenset()

    #: Keys this version does not know, kept as they were (each dataclass declares it, last).
    unknown_fields: dict[str, Any]

    @classmethod
    def from_dict(cls: type[R], data: Any) -> R:
        """Build and validate a record from its stored form (raises :class:`ModelError`):
        each field is read and checked by its type and metadata (see
        :mod:`tui.core.models.fields`), then :meth:`validate` checks the whole."""
        layout = _LAYOUTS.get(cls) or _layout(cls)
        record: R = layout.build(data)
        return record

    def validate(self, where: str) -> None:
        """Rules that tie values together, checked after every field was read (records
        override; raise :class:`ModelError` starting with ``where``)."""

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready copy of this record, with the keys this version does not know."""
        cls = type(self)
        return (_LAYOUTS.get(cls) or _layout(cls)).write(self)

    def copy(self: R) -> R:
        """A deep copy, so that callers can edit without touching the original."""
        return type(self).from_dict(self.to_dict())


def field_names(cls: type[Record]) -> list[str]:
    """The stored field names of a record class, in order."""
    return [name for name, _ in _layout(cls).readers]


_LAYOUTS: dict[type[Record], Layout] = {}


def _layout(cls: type[Record]) -> Layout:
    """How ``cls`` is read and written (worked out at its first use)."""
    layout = _LAYOUTS.get(cls)
    if layout is None:
        from tui.core.models.fields import Layout

        layout = _LAYOUTS[cls] = Layout(cls)
    return layout


def finite_numbers(value: Any) -> bool:
    """True when no number in ``value`` (a record or a JSON value) is NaN or infinite. A
    record's fields hold no fractions at all, so only keys this version does not know (at any
    depth) are looked at: cheap, as most records have none."""
    if isinstance(value, Record):
        return _finite_record(value)
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dict):
        return all(finite_numbers(inner) for inner in value.values())
    if isinstance(value, (list, tuple)):
        return all(finite_numbers(inner) for inner in value)
    return True


def _finite_record(record: Record) -> bool:
    if record.unknown_fields and not finite_numbers(record.unknown_fields):
        return False
    for name, many in _layout(type(record)).nested:
        inner = getattr(record, name)
        for item in inner if many else (inner,):
            if not isinstance(item, Record):
                if not finite_numbers(item):
                    return False
            elif (item.unknown_fields or _layout(type(item)).nested) and \
                    not _finite_record(item):
                return False
    return True
