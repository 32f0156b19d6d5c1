"""Arguments given empty or huge: refused or quoted in one short line, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_cli import assert_one_line_error, run
from tui.core import paths


@pytest.mark.parametrize("blank", ["", "   "])
@pytest.mark.parametrize("where", ["before", "after"])
def test_empty_data_dir_is_refused(capsys, tmp_path: Path, monkeypatch, blank: str,
                                   where: str) -> None:
    fallback = tmp_path / "from-environment"
    monkeypatch.setenv("COFFEECHAT_DATA_DIR", str(fallback))
    monkeypatch.chdir(tmp_path)
    argv = (["--data-dir", blank, "new", "Empty Dir"] if where == "before"
            else ["new", "Empty Dir", "--data-dir", blank])
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert_one_line_error(err, "--data-dir is empty")
    assert list(tmp_path.iterdir()) == []  # neither the fallback nor a folder named "   "


def test_blank_environment_variable_counts_as_unset(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    for blank in ("", "  "):
        monkeypatch.setenv("COFFEECHAT_DATA_DIR", blank)
        assert paths.data_dir() == (tmp_path / "xdg" / "coffeechat").resolve()
    with pytest.raises(paths.EmptyPathError):
        paths.data_dir(" ")


@pytest.mark.parametrize("blank", ["", " "])
def test_empty_export_target_is_refused(capsys, data_dir: Path, monkeypatch,
                                        blank: str) -> None:
    monkeypatch.chdir(data_dir.parent)
    assert run(capsys, "--data-dir", str(data_dir), "new", "Ana")[0] == 0
    code, out, err = run(capsys, "--data-dir", str(data_dir), "export", "--out", blank)
    assert (code, out) == (2, "")
    assert_one_line_error(err, "--out is empty")
    assert sorted(p.name for p in data_dir.parent.iterdir()) == ["data"]


HUGE = "x" * 120_000


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["show", HUGE], "no conversation has an id starting with 'xxx"),
        (["new", "W", "--when", HUGE], "is not a date and time coffeechat understands"),
        (["person", HUGE], "no contact is named"),
        (["export", "--format", HUGE], "invalid choice: 'xxx"),
        (["search", "x", "--limit", HUGE], "is not a whole number"),
        (["list", "--sort", HUGE], "unrecognized arguments: --sort xxx"),
        (["import", "json", HUGE], "File name too long"),
        (["restore", HUGE], "File name too long"),
    ],
)
def test_huge_values_are_quoted_short(capsys, data_dir: Path, argv: list[str],
                                      words: str) -> None:
    assert run(capsys, "--data-dir", str(data_dir), "new", "Ana")[0] == 0
    code, out, err = run(capsys, "--data-dir", str(data_dir), *argv)
    assert code in (1, 2) and out == ""
    assert_one_line_error(err, words, "…")
    assert len(err) < 600, len(err)
    assert "x" * 240 not in err
