"""The command line, in-process through ``main([...])`` and as ``python -m tui``."""

from __future__ import annotations

import json
import stat
import subprocess
import sys
import types
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

import tui
from tui import cli, cli_output
from tui.cli import format_table, main, sort_for_listing
from tui.core.models import Contact, Conversation
from tui.core.storage import DATA_FILE, DataFile
from tui.core.store import Store

UTC = timezone.utc


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the CLI in-process: (exit code, stdout, stderr)."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(err: str, *words: str) -> None:
    """A single line on stderr starting 'coffeechat: ', naming what went wrong."""
    assert err.startswith("coffeechat: "), err
    assert err.count("\n") == 1 and err.endswith("\n"), err
    assert "Traceback" not in err
    for word in words:
        assert word in err, (word, err)


def listed(capsys, folder: Path) -> list[dict]:
    """``coffeechat list --json``, parsed."""
    code, out, err = run(capsys, "--data-dir", str(folder), "list", "--json")
    assert (code, err) == (0, "")
    return json.loads(out)


# -- basics ------------------------------------------------------------------------------


def test_version(capsys) -> None:
    code, out, err = run(capsys, "--version")
    assert (code, out, err) == (0, f"coffeechat {tui.__version__}\n", "")


def test_help_lists_the_subcommands(capsys) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for command in ("new", "list", "export", "import", "--data-dir"):
        assert command in out


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["bogus"], "invalid choice: 'bogus'"),
        (["new"], "NAME"),
        (["new", "Ada", "--kind", "job"], "invalid choice: 'job'"),
        (["list", "--yaml"], "unrecognized arguments: --yaml"),
        (["export", "--format", "xml"], "invalid choice: 'xml'"),
        (["import", "xlsx", "x.xlsx"], "invalid choice: 'xlsx'"),
        (["new", "   "], "a contact needs a name"),
    ],
)
def test_usage_errors_are_one_line_exit_2(capsys, data_dir: Path, argv, words) -> None:
    code, out, err = run(capsys, "--data-dir", str(data_dir), *argv)
    assert code == 2
    assert out == ""
    assert_one_line_error(err, words)
    assert not data_dir.exists()


def test_no_subcommand_opens_the_app_lazily(capsys, data_dir: Path, monkeypatch) -> None:
    calls: list[Path] = []
    fake = types.ModuleType("tui.app_run")
    fake.run_app = lambda folder, config=None: calls.append(folder) or 7  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "tui.app_run", fake)
    assert main(["--data-dir", str(data_dir)]) == 7
    assert calls == [data_dir.resolve()]
    assert isinstance(calls[0], Path)


def test_data_dir_from_environment_and_after_subcommand(capsys, tmp_path, monkeypatch) -> None:
    env_dir, flag_dir = tmp_path / "env", tmp_path / "flag"
    monkeypatch.setenv("COFFEECHAT_DATA_DIR", str(env_dir))
    assert run(capsys, "new", "Ada")[0] == 0
    assert run(capsys, "new", "Bob", "--data-dir", str(flag_dir))[0] == 0
    assert [r["contact"] for r in listed(capsys, env_dir)] == ["Ada"]
    assert [r["contact"] for r in listed(capsys, flag_dir)] == ["Bob"]
    # the flag beats the environment; given twice, the one after the subcommand wins
    out = run(capsys, "--data-dir", str(env_dir), "list", "--data-dir", str(flag_dir), "--json")[1]
    assert [r["contact"] for r in json.loads(out)] == ["Bob"]


# -- new and list ------------------------------------------------------------------------


def test_new_then_list_json_round_trip(capsys, data_dir: Path) -> None:
    code, out, err = run(
        capsys, "--data-dir", str(data_dir), "new", "Ada Lovelace", "--company", "Analytical",
        "--role", "Engineer", "--kind", "company", "--when", "2030-01-02 14:30",
        "--minutes", "45", "--goal", "Learn about engines",
    )
    assert (code, err) == (0, "")
    conversation_id = out.strip()
    assert len(out.splitlines()) == 1 and conversation_id
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "new", "Grace Hopper")
    idea_id = out.strip()
    rows = listed(capsys, data_dir)
    assert [r["id"] for r in rows] == [conversation_id, idea_id]  # upcoming, then ideas
    first = rows[0]
    assert first["contact"] == "Ada Lovelace"
    assert first["company"] == "Analytical"
    assert first["role"] == "Engineer"
    assert first["kind"] == "company"
    assert first["status"] == "scheduled"
    assert first["minutes"] == 45
    assert first["goal"] == "Learn about engines"
    scheduled = datetime.fromisoformat(first["scheduled_at"])
    assert scheduled.tzinfo is not None
    assert scheduled.astimezone().replace(tzinfo=None) == datetime(2030, 1, 2, 14, 30)
    second = rows[1]
    assert (second["status"], second["scheduled_at"], second["kind"], second["minutes"]) == (
        "idea", None, "person", 30)
    # and the store agrees
    store = Store.open(data_dir, readonly=True)
    assert store.conversation(conversation_id).contact_id == first["contact_id"]
    store.close()


def test_new_reuses_contact_with_same_name_and_company(capsys, data_dir: Path) -> None:
    base = ("--data-dir", str(data_dir), "new")
    run(capsys, *base, "Ada Lovelace", "--company", "Analytical")
    run(capsys, *base, "  ada   LOVELACE ", "--company", "ANALYTICAL", "--role", "Countess")
    run(capsys, *base, "Ada Lovelace", "--company", "Elsewhere")
    rows = listed(capsys, data_dir)
    assert len(rows) == 3
    by_company: dict[str, set[str]] = {}
    for row in rows:
        by_company.setdefault(row["company"], set()).add(row["contact_id"])
    assert len(by_company["Analytical"]) == 1
    assert by_company["Analytical"] != by_company["Elsewhere"]
    store = Store.open(data_dir, readonly=True)
    contacts = store.contacts()
    store.close()
    assert len(contacts) == 2
    reused = next(c for c in contacts if c.company == "Analytical")
    assert reused.name == "Ada Lovelace"  # the original spelling is kept
    assert reused.role == "Countess"  # an empty role was filled in


@pytest.mark.parametrize(
    ("when", "words"),
    [
        ("2026-02-30 10:00", "'2026-02-30 10:00' is not a real date: February 2026 has 28 days"),
        ("2026-12-03", "has no time: add one"),
        ("someday", "not a date and time coffeechat understands"),
        ("tomorrow 25:00", "not a valid time of day"),
    ],
)
def test_new_with_bad_when(capsys, data_dir: Path, when: str, words: str) -> None:
    code, out, err = run(capsys, "--data-dir", str(data_dir), "new", "Ada", "--when", when)
    assert (code, out) == (2, "")
    assert_one_line_error(err, words)
    assert not (data_dir / DATA_FILE).exists()


@pytest.mark.parametrize(
    ("minutes", "words"),
    [("0", "from 1 to 600, not 0"), ("601", "not 601"), ("-5", "not -5"),
     ("half", "'half' is not a whole number")],
)
def test_new_with_bad_minutes(capsys, data_dir: Path, minutes: str, words: str) -> None:
    code, out, err = run(capsys, "--data-dir", str(data_dir), "new", "Ada", f"--minutes={minutes}")
    assert (code, out) == (2, "")
    assert_one_line_error(err, "--minutes", words)
    assert not data_dir.exists()


@pytest.mark.parametrize("minutes", ["1", "600"])
def test_new_minutes_bounds_accepted(capsys, data_dir: Path, minutes: str) -> None:
    assert run(capsys, "--data-dir", str(data_dir), "new", "Ada", "--minutes", minutes)[0] == 0
    assert listed(capsys, data_dir)[0]["minutes"] == int(minutes)


def _seed(folder: Path, now: datetime) -> dict[str, str]:
    """Conversations of every sort; returns label -> id."""
    store = Store.open(folder)
    ada = Contact(name="Ada", company="Analytical")
    ids = {}

    def add(label: str, **fields) -> None:
        ids[label] = store.new_conversation(ada, **fields).id

    hours = timedelta(hours=1)
    add("later", status="scheduled", scheduled_at=(now + 48 * hours).isoformat())
    add("old-done", status="done", scheduled_at=(now - 480 * hours).isoformat())
    add("soon", status="scheduled", scheduled_at=(now + 2 * hours).isoformat())
    add("idea-old", created_at=(now - 100 * hours).isoformat())
    add("recent-done", status="thanked", scheduled_at=(now - 24 * hours).isoformat())
    add("idea-new", status="reached_out", created_at=(now - 1 * hours).isoformat())
    add("missed", status="scheduled", scheduled_at=(now - 3 * hours).isoformat())
    store.close()
    return ids


def test_sort_for_listing(data_dir: Path) -> None:
    now = datetime(2026, 3, 4, 10, 0, tzinfo=UTC)
    ids = _seed(data_dir, now)
    store = Store.open(data_dir, readonly=True)
    ordered = sort_for_listing(store.conversations(), now=now)
    store.close()
    label = {v: k for k, v in ids.items()}
    assert [label[c.id] for c in ordered] == [
        "soon", "later", "idea-new", "idea-old", "missed", "recent-done", "old-done",
    ]


def test_list_table_is_aligned_and_ordered(capsys, data_dir: Path) -> None:
    now = datetime.now(UTC)
    ids = _seed(data_dir, now)
    store = Store.open(data_dir)
    wide = Contact(name="王小明 \x1b[31mred", company="[bold]Markup[/]")
    five_minutes_ago = (now - timedelta(minutes=5)).isoformat()
    ids["wide"] = store.new_conversation(wide, created_at=five_minutes_ago).id
    store.close()
    code, out, err = run(capsys, "--data-dir", str(data_dir), "list")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split() == ["WHEN", "CONTACT", "COMPANY", "KIND", "STATUS", "ID"]
    assert len(lines) == 1 + len(ids)
    assert [line.split()[-1] for line in lines[1:]] == [
        ids[k] for k in
        ("soon", "later", "wide", "idea-new", "idea-old", "missed", "recent-done", "old-done")
    ]
    assert "\x1b" not in out  # no terminal escapes from the data
    assert "[bold]Markup[/]" in out  # printed as typed, not interpreted
    # every ID starts in the same terminal column (CJK characters are two columns wide)
    columns = {cli_output.width(line[: line.rindex(" ") + 1]) for line in lines}
    assert len(columns) == 1
    assert "scheduled" in lines[1] and "reached out" in out


def test_format_table() -> None:
    lines = format_table(("A", "BB"), [("xxx", "y"), ("", "zzzz")])
    assert lines == ["A    BB", "xxx  y", "     zzzz"]


def test_list_of_missing_folder_is_empty_and_creates_nothing(capsys, tmp_path: Path) -> None:
    folder = tmp_path / "never-made"
    assert run(capsys, "--data-dir", str(folder), "list") == (0, "No conversations yet.\n", "")
    assert run(capsys, "--data-dir", str(folder), "list", "--json") == (0, "[]\n", "")
    code, out, _ = run(capsys, "--data-dir", str(folder), "export")
    assert code == 0
    assert json.loads(out)["contacts"] == []
    assert not folder.exists()


# -- export and import -------------------------------------------------------------------


def _filled(capsys, folder: Path) -> None:
    for args in (["Ada", "--company", "Analytical", "--when", "2030-01-02 10:00"],
                 ["Ada", "--company", "Analytical"],
                 ["Bob «Ünïcode» 🚀", "--kind", "industry"]):
        assert run(capsys, "--data-dir", str(folder), "new", *args)[0] == 0


def test_export_import_round_trip_and_idempotent(capsys, tmp_path: Path) -> None:
    source, target = tmp_path / "a", tmp_path / "b"
    _filled(capsys, source)
    export_file = tmp_path / "export.json"
    code, out, err = run(capsys, "--data-dir", str(source), "export", "--format", "json",
                         "--out", str(export_file))
    assert (code, err) == (0, "")
    assert str(export_file) in out
    assert stat.S_IMODE(export_file.stat().st_mode) == 0o600
    exported = json.loads(export_file.read_text(encoding="utf-8"))
    assert "🚀" in export_file.read_text(encoding="utf-8")  # readable, not \\u-escaped

    code, out, err = run(capsys, "--data-dir", str(target), "import", "json", str(export_file))
    assert (code, err) == (0, "")
    assert "contacts: 2 added, 0 updated; conversations: 3 added" in out
    code, out, _ = run(capsys, "--data-dir", str(target), "import", "json", str(export_file))
    assert code == 0
    assert "contacts: 0 added, 0 updated; conversations: 0 added, 0 updated; 5 already" in out

    assert listed(capsys, target) == listed(capsys, source)
    code, out, _ = run(capsys, "--data-dir", str(target), "export")
    again = json.loads(out)
    assert again["contacts"] == exported["contacts"]
    assert again["conversations"] == exported["conversations"]


def test_export_to_stdout_is_pretty_json(capsys, data_dir: Path) -> None:
    _filled(capsys, data_dir)
    code, out, err = run(capsys, "--data-dir", str(data_dir), "export")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["format"] == "coffeechat-export"
    assert len(data["conversations"]) == 3
    assert out.startswith('{\n  "format"')


def test_export_refuses_to_overwrite_without_force(capsys, data_dir, tmp_path) -> None:
    _filled(capsys, data_dir)
    target = tmp_path / "keep.json"
    target.write_text("precious")
    code, out, err = run(capsys, "--data-dir", str(data_dir), "export", "--out", str(target))
    assert (code, out) == (2, "")
    assert_one_line_error(err, str(target), "--force")
    assert target.read_text() == "precious"
    code, _, _ = run(capsys, "--data-dir", str(data_dir), "export", "--out", str(target),
                     "--force")
    assert code == 0
    assert json.loads(target.read_text())["format"] == "coffeechat-export"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_export_to_missing_folder(capsys, data_dir, tmp_path) -> None:
    target = tmp_path / "no" / "such" / "x.json"
    code, _, err = run(capsys, "--data-dir", str(data_dir), "export", "--out", str(target))
    assert code == 2
    assert_one_line_error(err, "does not exist")


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (None, "no such file"),
        (b"", "is empty"),
        (b'{\n  "format": "coffeechat-export",\n  "schema": 1,,\n}', "line 3, column"),
        (b"\xff\xfe\x00garbage", "not"),
        (b"[1, 2]", "not a coffeechat export"),
        (b'{"format": "coffeechat-export", "schema": 1, "contacts": [{"name": ""}]}',
         "a contact needs a name"),
        (b'{"format": "coffeechat-export", "schema": 1, "conversations": '
         b'[{"id": "c", "contact_id": "ghost"}]}', "ghost"),
        (b"[" * 100_000, "nested too deeply"),
    ],
    ids=["missing", "empty", "bad-json", "not-utf8", "not-export", "invalid-record",
         "unknown-contact", "deep"],
)
def test_import_errors(capsys, data_dir, tmp_path, content, words) -> None:
    Store.open(data_dir).close()
    before = (data_dir / DATA_FILE).read_bytes()
    source = tmp_path / "in.json"
    if content is not None:
        source.write_bytes(content)
    code, out, err = run(capsys, "--data-dir", str(data_dir), "import", "json", str(source))
    assert (code, out) == (2, "")
    assert_one_line_error(err, words)
    assert (data_dir / DATA_FILE).read_bytes() == before


def test_import_from_a_folder(capsys, data_dir, tmp_path) -> None:
    code, _, err = run(capsys, "--data-dir", str(data_dir), "import", "json", str(tmp_path))
    assert code == 2
    assert_one_line_error(err, "is a folder")


# -- storage trouble ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [["list"], ["list", "--json"], ["export"], ["new", "Ada"], ["import", "json", "EXPORT"]],
)
def test_corrupt_data_file_exit_1_untouched(capsys, data_dir, tmp_path, argv) -> None:
    export_file = tmp_path / "export.json"
    export_file.write_text('{"format": "coffeechat-export", "schema": 1}')
    argv = [str(export_file) if a == "EXPORT" else a for a in argv]
    data_dir.mkdir()
    path = data_dir / DATA_FILE
    damaged = b'{"meta": {"1": {"app": "coffeechat", "schema": 1}}, "contacts": {'
    path.write_bytes(damaged)
    code, out, err = run(capsys, "--data-dir", str(data_dir), *argv)
    assert (code, out) == (1, "")
    assert_one_line_error(err, str(path), "left untouched", "line 1")
    assert path.read_bytes() == damaged
    left = sorted(p.name for p in data_dir.iterdir())
    assert left in ([DATA_FILE], [DATA_FILE, "coffeechat.lock"])  # no temp, no backup


def test_invalid_record_in_data_file_exit_1(capsys, data_dir) -> None:
    Store.open(data_dir).close()
    path = data_dir / DATA_FILE
    data = json.loads(path.read_bytes())
    data["conversations"] = {"1": {"id": "c1", "contact_id": "p", "kind": "gossip"}}
    path.write_text(json.dumps(data))
    code, out, err = run(capsys, "--data-dir", str(data_dir), "list")
    assert (code, out) == (1, "")
    assert_one_line_error(err, str(path), "'kind' is 'gossip'")


def test_locked_folder(capsys, data_dir) -> None:
    _filled(capsys, data_dir)
    holder = Store.open(data_dir)  # as if the app were open
    try:
        before = (data_dir / DATA_FILE).read_bytes()
        code, out, err = run(capsys, "--data-dir", str(data_dir), "new", "Zed")
        assert (code, out) == (3, "")
        assert_one_line_error(err, "already open", "nothing was changed")
        export_file = data_dir.parent / "x.json"
        export_file.write_text('{"format": "coffeechat-export", "schema": 1}')
        code, _, err = run(capsys, "--data-dir", str(data_dir), "import", "json", str(export_file))
        assert code == 3
        assert (data_dir / DATA_FILE).read_bytes() == before
        # reading still works beside the running app
        assert len(listed(capsys, data_dir)) == 3
        assert run(capsys, "--data-dir", str(data_dir), "export")[0] == 0
    finally:
        holder.close()
    assert run(capsys, "--data-dir", str(data_dir), "new", "Zed")[0] == 0


def test_keyboard_interrupt_is_quiet_130(capsys, data_dir, monkeypatch) -> None:
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(Store, "open", interrupted)
    assert run(capsys, "--data-dir", str(data_dir), "list") == (130, "", "")


def test_broken_pipe_is_quiet(capsys, data_dir, monkeypatch) -> None:
    _filled(capsys, data_dir)

    class ClosedPipe:
        encoding = "utf-8"

        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

        def flush(self) -> None:
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    code = main(["--data-dir", str(data_dir), "list"])
    monkeypatch.undo()
    assert code == 0
    assert capsys.readouterr().err == ""


def test_unexpected_error_is_one_line(capsys, data_dir, monkeypatch) -> None:
    def boom(*args, **kwargs):
        raise RuntimeError("kaboom")

    monkeypatch.setattr(cli.records, "sort_for_listing", boom)
    code, _, err = run(capsys, "--data-dir", str(data_dir), "list")
    assert code == 1
    assert_one_line_error(err, "unexpected error: RuntimeError: kaboom", "COFFEECHAT_DEBUG")


def test_disk_error_is_one_line(capsys, data_dir, monkeypatch) -> None:
    def full(self, payload: bytes) -> None:
        raise OSError(28, "No space left on device", str(self.path))

    monkeypatch.setattr(DataFile, "write", full)
    code, out, err = run(capsys, "--data-dir", str(data_dir), "new", "Ada")
    assert (code, out) == (1, "")
    assert_one_line_error(err, "No space left on device", str(data_dir / DATA_FILE))


# -- as a real process -------------------------------------------------------------------


def cc(env: dict[str, str], *argv: str, **kwargs) -> subprocess.CompletedProcess[str]:
    """``python -m tui ARGV``."""
    return subprocess.run(
        [sys.executable, "-m", "tui", *argv], capture_output=True, text=True, env=env,
        timeout=60, **kwargs,
    )


def test_subprocess_version_new_list(subprocess_env, data_dir: Path) -> None:
    assert cc(subprocess_env, "--version").stdout == f"coffeechat {tui.__version__}\n"
    made = cc(subprocess_env, "--data-dir", str(data_dir), "new", "Ada", "--when", "tomorrow 9am")
    assert made.returncode == 0, made.stderr
    rows = json.loads(cc(subprocess_env, "--data-dir", str(data_dir), "list", "--json").stdout)
    assert [(r["id"], r["status"]) for r in rows] == [(made.stdout.strip(), "scheduled")]
    bad = cc(subprocess_env, "--data-dir", str(data_dir), "new", "Bob", "--when", "2026-02-30 9:00")
    assert bad.returncode == 2
    assert_one_line_error(bad.stderr, "February 2026 has 28 days")


def test_subprocess_corrupt_file_and_lock(subprocess_env, data_dir: Path) -> None:
    data_dir.mkdir()
    path = data_dir / DATA_FILE
    path.write_bytes(b"\x00\x01garbage")
    result = cc(subprocess_env, "--data-dir", str(data_dir), "list")
    assert result.returncode == 1
    assert_one_line_error(result.stderr, str(path))
    assert path.read_bytes() == b"\x00\x01garbage"
    path.unlink()

    holder = DataFile(data_dir)
    holder.open_for_writing()
    try:
        locked = cc(subprocess_env, "--data-dir", str(data_dir), "new", "Ada")
        assert locked.returncode == 3
        assert_one_line_error(locked.stderr, "already open")
        readable = cc(subprocess_env, "--data-dir", str(data_dir), "list", "--json")
        assert (readable.returncode, readable.stdout) == (0, "[]\n")
    finally:
        holder.close()


def test_subprocess_closed_stdout_pipe_is_quiet(subprocess_env, data_dir: Path) -> None:
    store = Store.open(data_dir)
    contact = store.save_contact(Contact(name="Ada"))
    for i in range(40):  # ~200 KB of export: more than a pipe holds
        store.save_conversation(Conversation(contact_id=contact.id, goal=f"{i} " + "x" * 5000))
    store.close()
    proc = subprocess.Popen(
        [sys.executable, "-m", "tui", "--data-dir", str(data_dir), "export"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=subprocess_env,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(10)  # like `| head -c 10`
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0
    assert err == ""
    # and a small output into a pipe that was closed before anything was written
    proc = subprocess.Popen(
        [sys.executable, "-m", "tui", "--data-dir", str(data_dir), "list"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=subprocess_env,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    assert proc.wait(timeout=60) == 0
    assert proc.stderr.read() == b""
