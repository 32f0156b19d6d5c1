"""Listing the conversations folder: each conversation file with its stamp, temp files left
out, conflict copies and strangers told apart, whether the system lists through an open
descriptor or through the path."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from tui.core.dataformat import TEMP_PREFIX, TEMP_SUFFIX
from tui.core.layout import Layout, stamp_of


def _folder(root: Path) -> Layout:
    layout = Layout(root / "coffeechat.json")
    folder = layout.conversations
    folder.mkdir()
    (folder / "c1.json").write_text("{}")
    (folder / "c2.json").write_text("{}")
    (folder / "c1.sync-conflict-20261129-101010-ABCDEFG.json").write_text("{}")
    (folder / f"{TEMP_PREFIX}c3{TEMP_SUFFIX}").write_text("{}")
    (folder / "notes.txt").write_text("mine")
    (root / "elsewhere.json").write_text("{}")
    (folder / "c4.json").symlink_to(root / "elsewhere.json")
    (folder / "c5.json").symlink_to(root / "missing.json")  # cannot be stamped
    return layout


@pytest.mark.parametrize("through_descriptor", [
    pytest.param(True, marks=pytest.mark.skipif(os.scandir not in os.supports_fd,
                                                reason="no listing through a descriptor")),
    False])
def test_the_scan_sorts_what_the_folder_holds(tmp_path: Path, through_descriptor: bool,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    layout = _folder(tmp_path)
    listed_from = []
    scandir = os.scandir

    def spying(target: Any) -> Any:
        listed_from.append(type(target))
        return scandir(target)

    monkeypatch.setattr(os, "scandir", spying)
    monkeypatch.setattr(os, "supports_fd", {*os.supports_fd, spying} if through_descriptor
                        else set())
    found = layout.scan()
    assert listed_from == [int if through_descriptor else type(layout.conversations)]
    folder = layout.conversations
    assert found.files == {
        "c1.json": stamp_of(os.stat(folder / "c1.json")),
        "c2.json": stamp_of(os.stat(folder / "c2.json")),
        "c4.json": stamp_of(os.stat(tmp_path / "elsewhere.json")),  # through the link
    }
    assert [(c.copy, c.original) for c in found.conflicts] == [
        (folder / "c1.sync-conflict-20261129-101010-ABCDEFG.json", folder / "c1.json")]
    assert sorted(found.strangers) == [folder / "c5.json", folder / "notes.txt"]


def test_a_missing_folder_is_an_empty_one(tmp_path: Path) -> None:
    found = Layout(tmp_path / "coffeechat.json").scan()
    assert (found.files, found.conflicts, found.strangers) == ({}, [], [])


def test_a_file_where_the_folder_should_be_is_an_error(tmp_path: Path) -> None:
    layout = Layout(tmp_path / "coffeechat.json")
    layout.conversations.write_text("not a folder")
    with pytest.raises(NotADirectoryError):
        layout.scan()


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="no /proc to count descriptors")
def test_the_folder_is_closed_after_each_scan(tmp_path: Path) -> None:
    layout = _folder(tmp_path)
    before = len(list(Path("/proc/self/fd").iterdir()))
    for _ in range(20):
        layout.scan()
    assert len(list(Path("/proc/self/fd").iterdir())) == before
