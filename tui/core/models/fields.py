"""How a record class is read and written, worked out once from its dataclass fields.

Each field gets a reader, chosen by its type and metadata, that checks one value and raises a
:class:`~tui.core.models.record.ModelError` naming the record and the field. From the readers
a :class:`Layout` compiles two functions per class, the way :mod:`dataclasses` writes
``__init__``: ``build`` (a document to a record) and ``write`` (a record to a document). Each
field is one inline test for the usual case (a non-empty text, a whole number, a list of
records...); anything else goes to the field's reader, which returns the same value the
reader alone would have or raises its error. So the rules, the messages and the order in
which fields are checked are the readers', while a file of 10,000 conversations is read and
written several times faster than by calling a reader per field.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from dataclasses import MISSING, Field, fields
from datetime import date, datetime
from typing import Any, Union

from tui.core.models.record import UNKNOWN, ModelError, Record, _layout, as_object, plain

Reader = Callable[[dict[str, Any], str], Any]
_UNDER_WAY: set[type[Record]] = set()  # classes whose layout is being worked out


class Layout:
    """How one record class is read and written (see the module docstring)."""

    def __init__(self, cls: type[Record]) -> None:
        hints = typing.get_type_hints(cls)
        specs = [f for f in fields(cls) if f.name != UNKNOWN]  # type: ignore[arg-type]
        self.readers = [(f.name, _reader(f, hints[f.name])) for f in specs]
        self.writers = [(f.name, _writer(hints[f.name])) for f in specs]
        self.known = frozenset(f.name for f in specs)
        # Fields holding records: (name, True for a list of them, their class).
        self.records = [(f.name, *held) for f in specs
                        for held in [_records_held(hints[f.name])] if held is not None]
        # The same without the class, for walks through nested records.
        self.nested = [(name, many) for name, many, _ in self.records]
        _UNDER_WAY.add(cls)
        try:
            self.build: Callable[[Any], Any] = _compile_build(cls, specs, hints, self)
            self.write: Callable[[Any], dict[str, Any]] = _compile_write(cls, self)
        finally:
            _UNDER_WAY.discard(cls)


# -- the compiled functions ----------------------------------------------------------------


def _compile_build(cls: type[Record], specs: list[Field[Any]], hints: dict[str, Any],
                   layout: Layout) -> Callable[[Any], Any]:
    """``build(data)``: the record read from ``data``, as ``Record.from_dict`` specifies."""
    scope: dict[str, Any] = {"cls": cls, "as_object": as_object, "plain": plain,
                             "known": layout.known, "WHAT": cls.WHAT, "dict": dict}
    lines = ["def build(data):",
             "    d = data if data.__class__ is dict else as_object(data, WHAT)"]
    if cls.NAMED_BY_ID:
        lines.append("    where = f\"{WHAT} {d.get('id', '?')}\"")
    else:
        lines.append("    where = WHAT")
    positional: list[tuple[str, str]] = []
    keywords: list[tuple[str, str]] = []
    for index, (spec, (name, read)) in enumerate(zip(specs, layout.readers, strict=True)):
        value, reader = f"v{index}", f"read{index}"
        scope[reader] = read
        lines += [f"    {line}" for line in _fast_read(spec, hints[spec.name], value, reader,
                                                      scope)]
        (keywords if spec.kw_only is True else positional).append((name, value))
    lines += [
        "    if d.keys() <= known:",
        "        unknown = {}",
        "    else:",
        "        strangers = d.keys() - known",
        "        unknown = {k: plain(d[k]) for k in d if k in strangers}",
    ]
    if _plain_init(cls):  # setting the attributes is what __init__ does, at twice the speed
        scope["new"] = object.__new__
        lines.append("    record = new(cls)")
        lines += [f"    record.{name} = {value}" for name, value in positional + keywords]
        lines.append(f"    record.{UNKNOWN} = unknown")
    else:
        lines.append("    record = cls(" + ", ".join(
            [value for _, value in positional]
            + [f"{name}={value}" for name, value in keywords]
            + [f"{UNKNOWN}=unknown"]) + ")")
    if cls.validate is not Record.validate:
        lines.append("    record.validate(where)")
    lines.append("    return record")
    return _compiled("build", lines, scope, cls)


def _plain_init(cls: type[Record]) -> bool:
    """True when ``cls.__init__`` only stores its arguments: the one dataclasses wrote, with
    no ``__post_init__``, not frozen, no slots, and no class in between that changes that."""
    params = getattr(cls, "__dataclass_params__", None)
    return (params is not None and params.init and not params.frozen
            and "__slots__" not in cls.__dict__
            and not hasattr(cls, "__post_init__")
            and cls.__init__.__qualname__ == f"{cls.__qualname__}.__init__")


def _fast_read(spec: Field[Any], hint: Any, value: str, reader: str,
               scope: dict[str, Any]) -> list[str]:
    """Lines that set ``value`` to the field's value: the usual case inline, anything else
    through the field's reader."""
    key = repr(spec.name)
    optional, kind = _unwrap(hint)
    meta = spec.metadata
    slow = f"    {value} = {reader}(d, where)"
    if "choices" in meta:
        scope[f"options_{value}"] = frozenset(meta["choices"])
        return [f"{value} = d.get({key})",
                f"if {value}.__class__ is not str or {value} not in options_{value}:", slow]
    if meta.get("kind") in ("date", "moment"):
        scope[f"check_{value}"] = date.fromisoformat if meta["kind"] == "date" \
            else datetime.fromisoformat
        return [f"{value} = d.get({key})",
                f"if {value}.__class__ is str and {value}:",
                "    try:", f"        check_{value}({value})",
                "    except ValueError:", f"    {slow}",
                # None is None for an optional field, in the reader too
                f"elif {value} is not None:" if optional else "else:", slow]
    if kind is str:
        # An empty text stays empty when the field's default is "" (or it has none: the
        # reader's default is then "" too); an optional one becomes None, in the reader.
        keeps_empty = not optional and (spec.default == "" or (
            spec.default is MISSING and spec.default_factory is MISSING))
        test = f"{value}.__class__ is not str" + ("" if keeps_empty else f" or not {value}")
        if optional and spec.default is None:  # None (or no value) is the default, None
            test = f"{value} is not None and ({test})"
        return [f"{value} = d.get({key})", f"if {test}:", slow]
    if kind is bool:
        return [f"{value} = d.get({key}, False)", f"if {value}.__class__ is not bool:", slow]
    if kind is int:
        return [f"{value} = d.get({key})", f"if {value}.__class__ is not int:", slow]
    held = _records_held(hint)
    if held is not None:
        scope[f"build_{value}"] = _builder(held[1])
        if held[0]:
            return [f"{value} = d.get({key})",
                    f"if {value}.__class__ is list:",
                    f"    {value} = [build_{value}(x) for x in {value}]",
                    "else:", slow]
        return [f"{value} = build_{value}(d.get({key}) or {{}})"]
    return [slow.strip()]


def _builder(cls: type[Record]) -> Callable[[Any], Any]:
    """``cls.from_dict``, or straight its compiled ``build`` when that is what it calls."""
    if cls.from_dict.__func__ is Record.from_dict.__func__ and cls not in _UNDER_WAY:  # type: ignore[attr-defined]
        return _layout(cls).build
    return cls.from_dict


def _compile_write(cls: type[Record], layout: Layout) -> Callable[[Any], dict[str, Any]]:
    """``write(record)``: its stored form, as ``Record.to_dict`` specifies."""
    scope: dict[str, Any] = {"plain": plain, "list": list, "dict": dict}
    omit = cls.OMIT_UNSET
    lines = ["def write(self):", "    doc = {}"]
    records = {name: (many, held) for name, many, held in layout.records}
    for name, write in layout.writers:
        key = repr(name)
        writer = _record_writer(records[name][1]) if name in records else None
        if writer is not None:  # the nested class's own write, for a record of that class
            many = records[name][0]
            scope[f"class_{name}"], scope[f"write_{name}"] = records[name][1], writer
            one = "write_{0}({1}) if {1}.__class__ is class_{0} else plain({1})"
            copy = f"[{one.format(name, 'x')} for x in value]" if many else \
                one.format(name, "value")
        elif write is None:
            copy = "value"
        elif write is list or write is dict or write is plain:
            copy = f"{write.__name__}(value)"
        else:
            scope[f"write_{name}"] = write
            copy = f"write_{name}(value)"
        lines.append(f"    value = self.{name}")
        if name in omit:
            lines.append(f"    if value:\n        doc[{key}] = {copy}")
        else:
            lines.append(f"    doc[{key}] = {copy}")
    lines += ["    unknown = self.unknown_fields",
              "    if unknown:",
              "        for key, value in unknown.items():",
              "            doc.setdefault(key, plain(value))",
              "    return doc"]
    return _compiled("write", lines, scope, cls)


def _record_writer(cls: type[Record]) -> Callable[[Any], dict[str, Any]] | None:
    """The compiled ``write`` of ``cls``, when its ``to_dict`` is the one that calls it."""
    if cls.to_dict is Record.to_dict and cls not in _UNDER_WAY:
        return _layout(cls).write
    return None


def _compiled(name: str, lines: list[str], scope: dict[str, Any],
              cls: type[Record]) -> Callable[..., Any]:
    code = compile("\n".join(lines), f"<{cls.__qualname__}.{name}>", "exec")
    exec(code, scope)  # code made here from the class's own field names, as dataclasses does
    function: Callable[..., Any] = scope[name]
    return function


# -- one reader per field ------------------------------------------------------------------


def _unwrap(hint: Any) -> tuple[bool, Any]:
    """(optional, the type inside ``X | None``)."""
    args = typing.get_args(hint)
    optional = typing.get_origin(hint) in (Union, types.UnionType) and type(None) in args
    return optional, next((a for a in args if a is not type(None)), hint) if optional else hint


def _records_held(hint: Any) -> tuple[bool, type[Record]] | None:
    """(True for a list of them, the record class) for a field holding records, else None."""
    kind = _unwrap(hint)[1]
    many = typing.get_origin(kind) is list
    if many:
        kind = typing.get_args(kind)[0]
    return (many, kind) if isinstance(kind, type) and issubclass(kind, Record) else None


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


def _reader(spec: Field[Any], hint: Any) -> Reader:
    """The function that reads and checks one field, chosen by its type and metadata."""
    key = spec.name
    optional, kind = _unwrap(hint)
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
