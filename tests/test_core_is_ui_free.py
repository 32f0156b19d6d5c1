"""The core and the CLI never import Textual: they stay fast, scriptable and testable."""

from __future__ import annotations

import subprocess
import sys

PROBE = r"""
import importlib, pkgutil, sys
import tui.core
names = [m.name for m in pkgutil.walk_packages(tui.core.__path__, "tui.core.")]
for name in names:
    importlib.import_module(name)
import tui.cli
assert "textual" not in sys.modules, "imported textual: " + ", ".join(names)
# running commands that do not open the app must not import it either
import os
from tui.cli import main
folder = sys.argv[1]
assert main(["--data-dir", folder, "new", "Ada", "--when", "2030-01-02 10:00"]) == 0
assert main(["--data-dir", folder, "list", "--json"]) == 0
assert main(["--data-dir", folder, "export"]) == 0
leaked = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
assert not leaked, leaked
print("MODULES", " ".join(names))
"""


def test_core_and_cli_do_not_import_textual(tmp_path, subprocess_env) -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        env=subprocess_env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    modules = result.stdout.split("MODULES", 1)[1].split()
    # the probe really walked the core
    assert {"tui.core.models", "tui.core.storage", "tui.core.store"} <= set(modules)


def test_probe_notices_textual(tmp_path, subprocess_env) -> None:
    """The probe itself works: a core that imported Textual would fail it."""
    leaky = PROBE.replace("import tui.core\n", "import tui.core\nimport textual\n", 1)
    assert leaky != PROBE
    result = subprocess.run(
        [sys.executable, "-c", leaky, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        env=subprocess_env,
        timeout=60,
    )
    assert result.returncode != 0
    assert "imported textual" in result.stderr
