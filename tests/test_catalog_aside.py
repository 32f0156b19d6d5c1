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
