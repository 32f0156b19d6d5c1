"""CSV records with the line each starts on, and finding the header row."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Iterator

from tui.core.importing.rows import ImportFileError

SHOWN_COLUMNS = 12  # columns named in the report; the rest are counted
HEADER_SEARCH = 20  # records looked at for the header row (LinkedIn puts notes first)
DELIMITERS = (",", ";", "\t")
Record = tuple[int, list[str]]


def header_key(cell: str) -> str:
    """``E-mail 1 - Value`` -> ``email1value``: case, spaces and punctuation ignored."""
    return re.sub(r"[^0-9a-z]", "", cell.casefold())


def records(text: str, name: str, delimiter: str = ",") -> Iterator[Record]:
    """(start line, cells) for every record; a malformed record raises ImportFileError."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    while True:
        start = reader.line_num + 1
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            if "unexpected end of data" in str(exc):
                raise ImportFileError(f"{name}:{start}: a quoted field that starts in this "
                                      "record is never closed (a missing \")") from None
            raise ImportFileError(f"{name}:{start}: not valid CSV ({exc})") from None
        yield start, record


def find_header(rows: Iterator[Record], accept: Callable[[list[str]], bool]) -> Record | None:
    """The first of the first :data:`HEADER_SEARCH` records that ``accept`` takes (given the
    header keys); the iterator is left just after it."""
    for count, (line, cells) in enumerate(rows):
        if count >= HEADER_SEARCH:
            return None
        if accept([header_key(c) for c in cells]):
            return line, cells
    return None


def named_width(header: list[str]) -> int:
    """How many cells of ``header`` reach its last named column: a row shorter than that
    lacks a field the header names (trailing blank header cells do not count)."""
    return max((i + 1 for i, c in enumerate(header) if c.strip()), default=0)


def cell(cells: list[str], index: int | None) -> str:
    """The stripped cell at ``index`` ('' when there is no such column or cell)."""
    if index is None or index >= len(cells):
        return ""
    return cells[index].strip()


class DroppedColumns:
    """The header's columns that no field is read from, and which of them held something in
    a row that was imported: what the user would lose without being told."""

    def __init__(self, header: list[str], read: Iterable[int | None]) -> None:
        kept = set(read)
        self.header = header
        self.unread = [i for i in range(len(header)) if i not in kept]
        self.found: set[int] = set()

    def check(self, values: list[str]) -> None:
        """Note each unread column that holds something in ``values`` (an imported row)."""
        hits = [i for i in self.unread if i < len(values) and values[i].strip()]
        if hits:
            self.found.update(hits)
            self.unread = [i for i in self.unread if i not in self.found]

    def note(self, partly: dict[int, str] | None = None) -> str | None:
        """``columns not kept: Phone, Birthday`` in the header's order, or None when nothing
        was dropped; ``partly``: columns read only in part, with what was not kept."""
        partly = partly or {}
        names = [(self.header[i].strip() or f"column {i + 1}") + partly.get(i, "")
                 for i in sorted(self.found | set(partly))]
        if not names:
            return None
        more = len(names) - SHOWN_COLUMNS
        shown = ", ".join(names[:SHOWN_COLUMNS]) + (f" and {more:,} more" if more > 0 else "")
        return f"column{'s' if len(names) > 1 else ''} not kept: {shown}"
