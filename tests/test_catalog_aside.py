"""Work started on a thread of its own while the caller does its part (the refresh lists the
conversations folder while it reads the list cache)."""

from __future__ import annotations

import threading

import pytest

from tui.core.catalog import aside


def test_the_answer_comes_from_another_thread() -> None:
    where: list[str] = []

    def work() -> int:
        where.append(threading.current_thread().name)
        return 42

    wait = aside(work, "listing the conversations folder")
    assert wait() == 42
    assert where == ["listing the conversations folder"]


def test_an_error_reaches_the_caller_when_it_waits() -> None:
    def work() -> None:
        raise PermissionError("conversations: permission denied")

    wait = aside(work, "listing")
    with pytest.raises(PermissionError, match="permission denied"):
        wait()


def _folder_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "listing the conversations folder"]


def test_a_failing_cache_read_waits_for_the_folder_and_is_the_error_reported(
        tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from tui.core.layout import Layout
    from tui.core.store import Store
    from tui.core.summary_cache import SummaryCache

    Store.open(tmp_path / "data").close()

    def failing_scan(self: Layout) -> None:
        raise PermissionError("conversations: permission denied")

    def failing_listing(self: SummaryCache) -> None:
        raise MemoryError("the cache")

    monkeypatch.setattr(Layout, "scan", failing_scan)
    with pytest.raises(PermissionError, match="permission denied"):
        Store.open(tmp_path / "data", readonly=True)
    assert not _folder_threads()
    monkeypatch.setattr(SummaryCache, "listing", failing_listing)
    with pytest.raises(MemoryError, match="the cache"):  # not hidden by the folder's error
        Store.open(tmp_path / "data", readonly=True)
    assert not _folder_threads()
