"""A record class's reading function, written out once from its fields.

Reading thousands of records (every contact at every start) spends most of its time calling
one small reader per field. :func:`compile_reading` writes a function per record class that
checks the usual values inline: text that is a non-empty string, a whole number, true or false,
one of the allowed choices, a date or moment that parses. Any other value goes to that field's
reader (:mod:`tui.core.models.record`), which stays the one definition of what a field accepts
and of every error message, so a record reads exactly as it did field by field: the same
values, the same first error.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

Reader = Callable[[dict[str, Any], str], Any]

#: How the usual value of each kind of field is checked inline (``v`` holds ``d.get(key)``).
#: A value the check passes is exactly what the field's reader would return. Besides these:
#: ``"when"`` and ``"when or none"`` (the parameter parses the text), ``"text or blank"``
#: (missing or empty text reads as the parameter).
_CHECKS = {
    "text": "v.__class__ is str and v",
    "int": "v.__class__ is int",
    "bool": "v.__class__ is bool",
    "choice": "v.__class__ is str and v in {param}",
}


def compile_reading(cls: type, fields: Sequence[tuple[str, str | None, Any, Reader]],
                    unknown: str, known: frozenset[str], plain: Callable[[Any], Any]
                    ) -> Callable[[dict[str, Any], str], Any]:
    """``read(d, where)``: the record of class ``cls`` built from the object ``d`` (before
    its ``validate``). ``fields``: (name, inline kind or None, its parameter, reader) in field
    order (kinds: see ``_CHECKS``); ``unknown`` is the field that keeps keys not in
    ``known``."""
    names: dict[str, Any] = {"cls": cls, "known": known, "plain": plain}
    lines = ["def read(d, where):", "    get = d.get"]
    for i, (name, kind, param, reader) in enumerate(fields):
        names[f"r{i}"] = reader
        names[f"p{i}"] = param
        default = ", False" if kind == "bool" else ""
        lines.append(f"    v = get({name!r}{default})")
        if kind in ("when", "when or none"):
            lines += ["    if v.__class__ is str and v:",
                      "        try:",
                      f"            p{i}(v)",
                      "        except ValueError:",
                      f"            v = r{i}(d, where)"]
            if kind == "when or none":  # an optional date or moment: missing or empty is None
                lines += ["    elif v is None or v.__class__ is str:",
                          "        v = None"]
            lines += ["    else:",
                      f"        v = r{i}(d, where)"]
        elif kind == "text or blank":  # missing or empty text reads as the parameter
            lines += ["    if v.__class__ is str and v:",
                      "        pass",
                      "    elif v is None or v.__class__ is str:",
                      f"        v = p{i}",
                      "    else:",
                      f"        v = r{i}(d, where)"]
        elif kind is not None:
            lines += [f"    if not ({_CHECKS[kind].format(param=f'p{i}')}):",
                      f"        v = r{i}(d, where)"]
        else:
            lines.append(f"    v = r{i}(d, where)")
        lines.append(f"    f{i} = v")
    lines += ["    if known.issuperset(d):",  # the usual case: no key from a newer version
              "        extra = {}",
              "    else:",
              "        strangers = d.keys() - known",
              "        extra = {k: plain(d[k]) for k in d if k in strangers}"]
    if _plain_init(cls):
        # What the dataclass __init__ does, without its call: set each field in order.
        names["new"] = object.__new__
        values = ", ".join(f"{name!r}: f{i}" for i, (name, *_) in enumerate(fields))
        lines += ["    record = new(cls)",
                  f"    record.__dict__ = {{{values}, {unknown!r}: extra}}",
                  "    return record"]
    else:
        arguments = ", ".join(f"{name}=f{i}" for i, (name, *_) in enumerate(fields))
        lines.append(f"    return cls({arguments}, {unknown}=extra)")
    exec(compile("\n".join(lines), f"<{cls.__name__} reading>", "exec"), names)
    read: Callable[[dict[str, Any], str], Any] = names["read"]
    return read


def _plain_init(cls: type) -> bool:
    """True when the class's ``__init__`` only stores each field (a dataclass without
    ``__post_init__``, slots, fields left out of ``__init__`` or a ``__setattr__`` of its
    own)."""
    specs = getattr(cls, "__dataclass_fields__", None)
    own = [vars(c) for c in cls.__mro__ if c is not object]
    return (specs is not None and not hasattr(cls, "__post_init__")
            and all(f.init for f in specs.values())
            and not any("__slots__" in names or "__setattr__" in names for names in own)
            and getattr(vars(cls).get("__init__"), "__qualname__", "")
            == f"{cls.__qualname__}.__init__")
