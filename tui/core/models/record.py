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
import typing
import uuid
from collections.abc import Callable, Mapping
from dataclasses import MISSING, Field, fields
from datetime import date, datetime
from typing import Any, ClassVar, TypeVar, Union

R = TypeVar("R", bound="Record")
Reader = Callable[[dict[str, Any], str], Any]

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
        """Build and validate a record from its stored form (raises :class:`ModelError`)."""
        d = as_object(data, cls.WHAT)
        where = f"{cls.WHAT} {d.get('id', '?')}" if cls.NAMED_BY_ID else cls.WHAT
        layout = _layout(cls)
        values = {name: read(d, where) for name, read in layout.readers}
        strangers = d.keys() - layout.known
        values[UNKNOWN] = {k: plain(d[k]) for k in d if k in strangers} if strangers else {}
        record = cls(**values)
        record.validate(where)
        return record

    def validate(self, where: str) -> None:
        """Rules that tie values together, checked after every field was read (records
        override; raise :class:`ModelError` starting with ``where``)."""

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready copy of this record, with the keys this version does not know."""
        doc: dict[str, Any] = {}
        omit = self.OMIT_UNSET
        for name, write in _layout(type(self)).writers:
            value = getattr(self, name)
            if omit and not value and name in omit:
                continue
            doc[name] = value if write is None else write(value)
        for key, value in self.unknown_fields.items():
            doc.setdefault(key, plain(value))
        return doc

    def copy(self: R) -> R:
        """A deep copy, so that callers can edit without touching the original."""
        return type(self).from_dict(self.to_dict())


def field_names(cls: type[Record]) -> list[str]:
    """The stored field names of a record class, in order."""
    return [name for name, _ in _layout(cls).readers]


class _Layout:
    """How one record class is read and written, worked out once from its fields."""

    def __init__(self, cls: type[Record]) -> None:
        hints = typing.get_type_hints(cls)
        specs = [f for f in fields(cls) if f.name != UNKNOWN]  # type: ignore[arg-type]
        self.readers = [(f.name, _reader(f, hints[f.name])) for f in specs]
        self.writers = [(f.name, _writer(hints[f.name])) for f in specs]
        self.known = frozenset(f.name for f in specs)
        # Fields holding records (True: a list of them), for walks through nested records.
        self.nested = [(f.name, many) for f in specs
                       for many in [_holds_records(hints[f.name])] if many is not None]


_LAYOUTS: dict[type[Record], _Layout] = {}


def _layout(cls: type[Record]) -> _Layout:
    layout = _LAYOUTS.get(cls)
    if layout is None:
        layout = _LAYOUTS[cls] = _Layout(cls)
    return layout


def _holds_records(hint: Any) -> bool | None:
    """True for a list of records, False for one record, None for anything else."""
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    kind = args[0] if typing.get_origin(hint) in (Union, types.UnionType) else hint
    if typing.get_origin(kind) is list:
        kind, many = typing.get_args(kind)[0], True
    else:
        many = False
    return many if isinstance(kind, type) and issubclass(kind, Record) else None


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


def _writer(hint: Any) -> Callable[[Any], Any] | None:
    """How a field's value is copied into the stored form (None: as it is, a leaf)."""
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    kind = args[0] if typing.get_origin(hint) in (Union, types.UnionType) else hint
    origin = typing.get_origin(kind)
    if origin is list:
        item = typing.get_args(kind)[0]
        if isinstance(item, type) and issubclass(item, Record):
            return lambda records: [plain(r) for r in records]
        return list
    if origin is dict:
        return dict
    if isinstance(kind, type) and issubclass(kind, Record):
        return plain
    return None


# -- one reader per field ------------------------------------------------------------------


def _reader(spec: Field[Any], hint: Any) -> Reader:
    """The function that reads and checks one field, chosen by its type and metadata."""
    key = spec.name
    args = typing.get_args(hint)
    optional = typing.get_origin(hint) in (Union, types.UnionType) and type(None) in args
    kind = next((a for a in args if a is not type(None)), hint) if optional else hint
    origin = typing.get_origin(kind)
    default = _default(spec)
    meta = spec.metadata
    if "choices" in meta:
        return _choice_reader(key, meta["choices"], default)
    if meta.get("kind") in ("date", "moment"):
        return _when_reader(key, meta["kind"], optional, default)
    if kind is str:
        required = spec.default is MISSING and spec.default_factory is MISSING
        return _text_reader(key, optional, (lambda: "") if required else default)
    if kind is bool:
        return _bool_reader(key)
    if kind is int:
        return _int_reader(key, optional, default)
    if origin is list:
        return _list_reader(key, typing.get_args(kind)[0])
    if origin is dict:
        return _mapping_reader(key, meta.get("keys", "keys"))
    if isinstance(kind, type) and issubclass(kind, Record):
        nested = kind
        return lambda d, where: nested.from_dict(d.get(key) or {})
    raise TypeError(f"{key}: no reader for {hint!r}")


def _default(spec: Field[Any]) -> Callable[[], Any]:
    if spec.default_factory is not MISSING:
        return spec.default_factory
    value = None if spec.default is MISSING else spec.default
    return lambda: value


def _text_reader(key: str, optional: bool, default: Callable[[], Any]) -> Reader:
    def read(d: dict[str, Any], where: str) -> Any:
        value = d.get(key)
        if value.__class__ is str and value:  # the usual case, first
            return value
        if optional and value == "":
            return None
        if value is None:
            return default()
        if not isinstance(value, str):
            raise ModelError(f"{where}: '{key}' must be text, not {type(value).__name__}")
        return value or (default() if not optional else value)

    return read


def _bool_reader(key: str) -> Reader:
    def read(d: dict[str, Any], where: str) -> bool:
        value = d.get(key, False)
        if value.__class__ is not bool:
            raise ModelError(f"{where}: '{key}' must be true or false")
        return value

    return read


def _int_reader(key: str, optional: bool, default: Callable[[], Any]) -> Reader:
    def read(d: dict[str, Any], where: str) -> Any:
        value = d[key] if key in d else default()
        if value is None:
            return None if optional else default()
        if isinstance(value, bool) or not isinstance(value, int):
            raise ModelError(f"{where}: '{key}' must be a whole number")
        return value

    return read


def _choice_reader(key: str, options: tuple[str, ...], default: Callable[[], Any]) -> Reader:
    def read(d: dict[str, Any], where: str) -> str:
        value = d[key] if key in d else default()
        if value not in options:
            raise ModelError(f"{where}: '{key}' is {value!r}; expected one of "
                             f"{', '.join(options)}")
        return str(value)

    return read


def _when_reader(key: str, kind: str, optional: bool, default: Callable[[], Any]) -> Reader:
    check: Callable[[str], object] = date.fromisoformat if kind == "date" else \
        datetime.fromisoformat
    shape = "a YYYY-MM-DD date" if kind == "date" else "an ISO 8601 date-time"

    def read(d: dict[str, Any], where: str) -> Any:
        value = d.get(key)
        if value is None or value == "":
            if optional:
                return None
            if kind == "date":
                raise ModelError(f"{where}: '{key}' needs a date")
            return default()
        if not isinstance(value, str):
            raise ModelError(f"{where}: '{key}' must be text, not {type(value).__name__}")
        try:
            check(value)
        except ValueError:
            raise ModelError(f"{where}: '{key}' is {value!r}, not {shape}") from None
        return value

    return read


def _list_reader(key: str, item: Any) -> Reader:
    def items(d: dict[str, Any], where: str) -> list[Any]:
        value = d.get(key, [])
        if value is None:
            return []
        if not isinstance(value, list):
            raise ModelError(f"{where}: '{key}' must be a list")
        return value

    if isinstance(item, type) and issubclass(item, Record):
        record = item
        return lambda d, where: [record.from_dict(x) for x in items(d, where)]

    def read_text(d: dict[str, Any], where: str) -> list[str]:
        values = items(d, where)
        if not all(isinstance(v, str) for v in values):
            raise ModelError(f"{where}: '{key}' must be a list of text")
        return list(values)

    return read_text


def _mapping_reader(key: str, what: str) -> Reader:
    def read(d: dict[str, Any], where: str) -> dict[str, str]:
        value = d.get(key) or {}
        if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in value.items()
        ):
            raise ModelError(f"{where}: '{key}' must map {what} to text")
        return dict(value)

    return read
