"""What home says while the data's background work runs."""

from __future__ import annotations

from tui.core.upkeep import DONE, INDEXING, READING, progress_line


def test_reading_and_indexing_say_how_far_they_are() -> None:
    assert progress_line(READING, 1200, 10000) == "Reading your conversations: 1,200 of 10,000…"
    assert progress_line(INDEXING, 0, 16000) == "Building the search index: 0 of 16,000…"


def test_nothing_is_said_once_a_step_is_over_or_has_nothing_to_do() -> None:
    assert progress_line(READING, 10000, 10000) is None
    assert progress_line(INDEXING, 0, 0) is None
    assert progress_line(DONE, 5, 5) is None
