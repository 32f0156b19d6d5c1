"""As an ordinary user (nobody), a folder that user may not write in is refused with a clear
message and left exactly as it was; reading it still works."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.disk_tools import as_nobody
from tui.core.models import Contact
from tui.core.storage import DATA_FILE
from tui.core.store import Store

NOBODY = 65534


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A folder nobody can reach (pytest's own tmp folders are private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="coffeechat-nobody-"))
    os.chmod(folder, 0o711)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def _nobody_owns(path: Path) -> None:
    for item in [path, *path.rglob("*")]:
        os.chown(item, NOBODY, NOBODY)


def test_a_read_only_folder_as_an_ordinary_user(shared_tmp: Path,
                                                subprocess_env: dict[str, str]) -> None:
    prefix = as_nobody(subprocess_env)
    folder = shared_tmp / "data"
    store = Store.open(folder)
    store.save_contact(Contact(name="Ana"))
    store.close()
    _nobody_owns(folder)
    os.chmod(folder, 0o500)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    cache = shared_tmp / "cache"  # the user's own cache folder, as ~/.cache would be
    cache.mkdir()
    _nobody_owns(cache)
    subprocess_env = {**subprocess_env, "COFFEECHAT_CACHE_DIR": str(cache)}

    def coffeechat(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*prefix, "-m", "tui", "--data-dir", str(folder), *argv],
                              capture_output=True, text=True, env=subprocess_env, cwd="/",
                              timeout=60)

    added = coffeechat("new", "Bob")
    assert added.returncode == 1
    assert added.stderr == (f"coffeechat: cannot write in {folder} (mode 0500, owned by "
                            "nobody): make it writable for you, or use another folder with "
                            "--data-dir; nothing was changed.\n")
    exported = coffeechat("export")
    assert (exported.returncode, exported.stderr) == (0, "")
    assert '"name": "Ana"' in exported.stdout
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert stat.S_IMODE(folder.stat().st_mode) == 0o500
    inside = subprocess.run([*prefix, "-m", "tui", "--data-dir", str(folder / "sub"), "new",
                             "Bob"], capture_output=True, text=True, env=subprocess_env,
                            cwd="/", timeout=60)
    assert inside.returncode == 1 and f"cannot write in {folder} " in inside.stderr
    assert not (folder / "sub").exists() and (folder / DATA_FILE).exists()
