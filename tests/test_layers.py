"""The layers hold: import-linter checks the contracts in pyproject.toml (the same check CI
runs as ``lint-imports``), and the check notices an import that runs back up."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ["tui.cli", "tui.app_run", "tui.app", "tui.screens", "tui.panes", "tui.dialogs",
          "tui.widgets", "tui.services", "tui.core"]


def lint_imports(folder: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    command = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert command, "import-linter is part of the test extra"
    return subprocess.run([command, "--no-cache"], cwd=folder, capture_output=True, text=True,
                          env=env, timeout=120)


def contracts() -> list[dict[str, object]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    found: list[dict[str, object]] = config["tool"]["importlinter"]["contracts"]
    return found


def test_the_contracts_name_every_layer_in_order() -> None:
    by_id = {c["id"]: c for c in contracts()}
    assert by_id["layers"]["layers"] == LAYERS
    assert set(by_id["ui-free"]["forbidden_modules"]) >= {"textual", "rich"}
    assert by_id["one-store"]["forbidden_modules"] == ["tinydb"]


def test_the_code_keeps_every_contract(subprocess_env) -> None:
    result = lint_imports(ROOT, subprocess_env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_an_upward_import_breaks_the_layers(tmp_path, subprocess_env) -> None:
    """A widget that imports a screen, in a copy of the package's shape (named ``shape`` so
    that the installed package is not read instead), fails the check."""
    package = tmp_path / "shape"
    for layer in LAYERS:
        folder = package.joinpath(*layer.split(".")[1:])
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "__init__.py").write_text("")
    (package / "cli_output.py").write_text("")
    (package / "core" / "store.py").write_text("import tinydb\n")
    (package / "core" / "store_contacts.py").write_text("import tinydb\n")
    (package / "core" / "maindb.py").write_text("import tinydb\n")
    (package / "widgets" / "lists.py").write_text("import shape.screens\n")
    config = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    start, end = config.index("\n[tool.importlinter]"), config.index("\n[tool.mypy]")
    shape = config[start:end].replace('"tui.', '"shape.').replace('"tui"', '"shape"')
    (tmp_path / "pyproject.toml").write_text(shape)
    result = lint_imports(tmp_path, {**subprocess_env, "PYTHONPATH": str(tmp_path)})
    assert result.returncode != 0
    assert "shape.widgets.lists -> shape.screens" in result.stdout
