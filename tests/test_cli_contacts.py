"""The command line's contact rule and the demo's isolation from the user's own folders."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

from tests.test_cli import assert_one_line_error, listed, run
from tui.cli import main
from tui.core.store import Store


def test_new_without_a_company_reuses_the_only_contact_of_that_name(capsys, data_dir: Path
                                                                      ) -> None:
    base = ("--data-dir", str(data_dir), "new")
    run(capsys, *base, "Priya Raman", "--company", "Northwind")
    run(capsys, *base, "priya raman")  # one Priya Raman: she is meant
    assert {r["company"] for r in listed(capsys, data_dir)} == {"Northwind"}
    run(capsys, *base, "Priya Raman", "--company", "Globex")  # another Priya Raman
    run(capsys, *base, "Priya Raman")  # two now: a new contact, the company is unknown
    store = Store.open(data_dir, readonly=True)
    assert sorted(c.company for c in store.contacts()) == ["", "Globex", "Northwind"]
    store.close()
    _, top, _ = run(capsys, "--help")
    _, new, _ = run(capsys, "new", "--help")
    assert "see new --help" in top and "exactly one contact has that name" in " ".join(
        new.split())


@pytest.mark.parametrize("name", ["\u200b", "\ufeff", "\u0301\u0301", "\x7f", "\u200d \u2060"])
def test_new_refuses_a_name_that_shows_nothing(capsys, data_dir: Path, name: str) -> None:
    code, out, err = run(capsys, "--data-dir", str(data_dir), "new", name)
    assert (code, out) == (2, "")
    assert_one_line_error(err, "a contact needs a name", "invisible characters", "U+")
    code, out, err = run(capsys, "--data-dir", str(data_dir), "new", "Ana", "--company", name)
    assert (code, out) == (2, "")
    assert_one_line_error(err, "--company needs a name", "leave --company out")
    assert listed(capsys, data_dir) == []


def test_new_keeps_names_whose_joiners_sit_between_visible_characters(capsys, data_dir: Path
                                                                       ) -> None:
    names = ["👩\u200d💻", "\u0645\u0647\u200c\u0633\u0627", "Jose\u0301"]
    for name in names:
        code, _, err = run(capsys, "--data-dir", str(data_dir), "new", name, "--company",
                           "Acme\u200d")
        assert (code, err) == (0, "")
    assert sorted(r["contact"] for r in listed(capsys, data_dir)) == sorted(names)


def test_demo_never_touches_the_users_data_or_settings(capsys, tmp_path, monkeypatch) -> None:
    mine, config = tmp_path / "mine", tmp_path / "config"
    config.mkdir()
    (config / "settings.json").write_text('{"my_name": "Me", "theme": "nord"}')
    monkeypatch.setenv("COFFEECHAT_DATA_DIR", str(mine))
    monkeypatch.setenv("COFFEECHAT_CONFIG_DIR", str(config))
    seen: list[tuple[Path, Path | None, str]] = []

    def fake_run(folder: Path, config_folder: Path | None = None) -> int:
        store = Store.open(folder, readonly=True)
        seen.append((folder, config_folder, store.profile().name))
        store.close()
        return 0

    fake = types.ModuleType("tui.app_run")
    fake.run_app = fake_run  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "tui.app_run", fake)
    assert main(["demo"]) == 0
    [(folder, config_folder, name)] = seen
    assert config_folder is not None and config_folder.parent == folder.parent
    assert config not in (config_folder, *config_folder.parents) and name == "Sam Rivera"
    assert not folder.exists() and not mine.exists()
    assert (config / "settings.json").read_text() == '{"my_name": "Me", "theme": "nord"}'
