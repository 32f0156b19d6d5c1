"""JSON read (and written) quickly where size makes it matter: the data file and the summary
cache, read at every start, and the command line's listings of thousands of records.

orjson parses about three times faster than the standard library at 10,000 conversations.
Whatever it refuses (a syntax error, bytes that are not UTF-8, NaN, integers over 64 bits,
lone surrogates) goes to the standard library, which then reads it exactly as before, or
raises the error callers already report. Without orjson installed, everything is the
standard library's.
"""

from __future__ import annotations

import json
from typing import Any

try:
    import orjson
except ImportError:  # pragma: no cover - orjson is a dependency; this keeps odd builds working
    orjson = None  # type: ignore[assignment]


def loads(raw: bytes | str) -> Any:
    """Parse JSON text or UTF-8 bytes (``json.loads``'s errors for what cannot be read)."""
    if orjson is not None:
        try:
            return orjson.loads(raw)
        except orjson.JSONDecodeError:
            pass  # the standard library reads it, or says precisely why not
    return json.loads(raw)


def dumps_indented(value: Any) -> bytes | None:
    """``value`` as UTF-8 JSON indented by two spaces (orjson's layout: ``": "`` after keys,
    one item a line), or None when orjson is missing or refuses it (lone surrogates, integers
    over 64 bits, types it does not know): the caller then uses the standard library."""
    try:
        return orjson.dumps(value, option=orjson.OPT_INDENT_2)
    except (TypeError, AttributeError):  # orjson.JSONEncodeError is a TypeError; no orjson
        return None
