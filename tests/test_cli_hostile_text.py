"""The command line never hands a control character, a bidi override or a non-UTF-8 byte
from the data to the terminal (as a real process, with the terminal's encoding)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from tui.core.models import ActionItem, Contact, Conversation
from tui.core.store import Store

EVIL = "\x1b]52;c;SGFja2Vk\x07\x1b]0;TITLE\x07\x1b[31m\x08\x9b\u202eevil\x7f\udcff"
RAW = [b"\x1b", b"\x07", b"\x08", "\u202e".encode(), b"\xc2\x9b", b"\x7f"]


def _fill(folder: Path) -> None:
    store = Store.open(folder)
    contact = store.save_contact(Contact(name="Eve " + EVIL, company="Co " + EVIL))
    soon = (datetime.now(timezone.utc) + timedelta(days=2)).isoformat(timespec="seconds")
    store.save_conversation(Conversation(
        contact_id=contact.id, goal=EVIL, status="done", scheduled_at=soon,
        actions=[ActionItem(text="do " + EVIL, due=datetime.now().date().isoformat())]))
    store.close()


def _run(env: dict[str, str], *argv: str) -> subprocess.CompletedProcess[bytes]:
    env = dict(env, PYTHONIOENCODING="utf-8:surrogateescape")
    return subprocess.run([sys.executable, "-m", "tui", *argv], capture_output=True, env=env,
                          timeout=60)


def _assert_terminal_safe(raw: bytes) -> str:
    for bad in RAW:
        assert bad not in raw, (bad, raw)
    return raw.decode("utf-8")  # strict: no stray non-UTF-8 byte either


def test_list_and_due_tables_show_control_characters_as_symbols(
        data_dir: Path, subprocess_env: dict[str, str]) -> None:
    _fill(data_dir)
    listed = _run(subprocess_env, "--data-dir", str(data_dir), "list")
    assert listed.returncode == 0, listed.stderr
    text = _assert_terminal_safe(listed.stdout)
    assert "Eve ␛]52;c;SGFja2Vk␇" in text
    due = _run(subprocess_env, "--data-dir", str(data_dir), "due")
    assert due.returncode == 0, due.stderr
    assert "do ␛]52" in _assert_terminal_safe(due.stdout)


def test_json_output_escapes_what_a_terminal_would_obey(
        data_dir: Path, subprocess_env: dict[str, str]) -> None:
    _fill(data_dir)
    for command in ("list", "export"):
        result = _run(subprocess_env, "--data-dir", str(data_dir), command,
                      *(["--json"] if command == "list" else []))
        assert result.returncode == 0, result.stderr
        text = _assert_terminal_safe(result.stdout)
        data = json.loads(text)
        rows = data if command == "list" else data["contacts"]
        name = rows[0]["contact"] if command == "list" else rows[0]["name"]
        assert name == "Eve " + EVIL  # the data itself is unchanged, escapes and all


def test_an_error_naming_a_hostile_record_is_safe(
        tmp_path: Path, data_dir: Path, subprocess_env: dict[str, str]) -> None:
    bad = tmp_path / "bad\x1b]0;TITLE\x07.json"  # the file name is shown in the message
    bad.write_text(json.dumps({"format": "coffeechat-export", "schema": 1, "contacts": [
        {"id": "x\x1b]0;TITLE\x07", "name": 5}]}))
    result = _run(subprocess_env, "--data-dir", str(data_dir), "import", "json", str(bad))
    assert result.returncode == 2
    err = _assert_terminal_safe(result.stderr)
    assert err.startswith("coffeechat: ") and err.count("\n") == 1
    assert "bad␛]0;TITLE␇.json" in err
    assert "contact x]0;TITLE: 'name' must be text" in err  # an import strips them
