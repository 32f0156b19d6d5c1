"""The main file in memory for TinyDB: contacts, the profile and tables this version does not
know, encoded cheaply for each save.

:class:`CoffeechatStorage` is the TinyDB storage: reads come from memory; writes are encoded
re-using the JSON of unchanged documents (:class:`DocumentCache`) and handed to ``sink``,
which writes them at once or on the writer thread (:mod:`tui.core.persist`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from tinydb.storages import Storage

from tui.core.dataformat import StorageError, encode_json

READ_ONLY = "coffeechat opened this data read-only; nothing was changed."


class DocumentCache:
    """Encodes a database re-using the JSON of documents that did not change.

    The output is byte-for-byte what :func:`~tui.core.dataformat.encode_json` gives; saving one
    edited contact then costs the encoding of that contact, not of the whole file. Documents
    named in ``dirty`` (and new ones) are encoded afresh; documents no longer present are
    dropped.
    """

    def __init__(self) -> None:
        self.parts: dict[str, dict[str, bytes]] = {}
        self.dirty: set[tuple[str, str]] = set()

    def encode(self, data: dict[str, Any]) -> bytes:
        """The whole database as JSON bytes."""
        dumps = encode_json
        chunks: list[bytes] = [b"{"]
        for position, (name, table) in enumerate(data.items()):
            cache = self.parts.setdefault(name, {})
            for gone in cache.keys() - table.keys():
                del cache[gone]
            chunks.append(b"%s%s: {" % (b", " if position else b"", dumps(name)))
            for index, (doc_id, doc) in enumerate(table.items()):
                entry = cache.get(doc_id)
                if entry is None or (name, doc_id) in self.dirty:
                    entry = cache[doc_id] = b"%s: %s" % (dumps(doc_id), dumps(doc))
                if index:
                    chunks.append(b", ")
                chunks.append(entry)
            chunks.append(b"}")
        chunks.append(b"}")
        for gone in self.parts.keys() - data.keys():
            del self.parts[gone]
        self.dirty.clear()
        return b"".join(chunks)


class CoffeechatStorage(Storage):
    """A TinyDB storage that keeps the main file in memory and hands each new version of it
    to ``sink`` (the store's writer). ``readonly`` refuses every write."""

    def __init__(self, data: dict[str, Any], sink: Callable[[bytes], None] | None,
                 readonly: bool = False) -> None:
        self._data = data
        self.sink = sink
        self.readonly = readonly or sink is None
        self._batch_depth = 0
        self._batch_dirty = False
        self._encoded = DocumentCache()

    def read(self) -> dict[str, Any] | None:
        """The in-memory database (TinyDB treats ``None`` as empty)."""
        return self._data or None

    @property
    def data(self) -> dict[str, Any]:
        """The tables as they are in memory."""
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        """Keep ``data`` and persist it."""
        if self.readonly:
            raise StorageError(READ_ONLY)
        self._data = data
        if self._batch_depth:
            self._batch_dirty = True
            return
        self._persist()

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Many changes, one write: inside the block changes stay in memory; the file is
        written once when the outermost block ends (also after an error, so nothing already
        applied is lost)."""
        self._batch_depth += 1
        try:
            yield
        finally:
            self._batch_depth -= 1
            if not self._batch_depth and self._batch_dirty:
                self._batch_dirty = False
                self._persist()

    def encoded(self, data: dict[str, Any], changed: Iterable[tuple[str, str]] = ()) -> bytes:
        """The bytes of ``data`` as the file would hold it (``changed``: documents edited in
        place). If the caller does not then :meth:`adopt` it, call :meth:`forget_encoding`."""
        self._encoded.dirty.update(changed)
        try:
            return self._encoded.encode(data)
        except BaseException:
            self.forget_encoding()
            raise

    def adopt(self, data: dict[str, Any]) -> None:
        """Take ``data`` (already on disk, written by a transaction) as the tables."""
        self._data = data

    def forget_encoding(self) -> None:
        """Start the encoder afresh (it saw data that did not become the file's)."""
        self._encoded = DocumentCache()

    def changed(self, table: str, doc_id: int | str) -> None:
        """Tell the encoder that a document was edited in place (the store calls this)."""
        self._encoded.dirty.add((table, str(doc_id)))

    def _persist(self) -> None:
        assert self.sink is not None
        self.sink(self._encoded.encode(self._data))

    def close(self) -> None:
        """As a last safety net, encode the whole database afresh and write it if it differs
        from what the document cache produced."""
        if not self.readonly and self._data and self.sink is not None:
            fresh = encode_json(self._data)
            if fresh != self._encoded.encode(self._data):
                self._encoded = DocumentCache()
                self.sink(fresh)
