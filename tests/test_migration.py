"""The first open of a schema-1 data file moves it to one file per conversation: at once, all
of it, the old file kept, one line said; read-only commands read it without changing it."""

from __future__ import annotations

import json
from pathlib import Path

from tests.layout_tools import conversation_files, main_file
from tests.test_cli import run
from tui.core.storage import DATA_FILE

SINGLE = {
    "meta": {"1": {"app": "coffeechat", "schema": 1, "created_at": "2025-01-02T10:00:00+01:00"}},
    "contacts": {"1": {"id": "a1", "name": "Ana Silva", "company": "Acme"},
                 "2": {"id": "b2", "name": "Bo", "future_field": [1, 2]}},
    "conversations": {
        "1": {"id": "c1", "contact_id": "a1", "goal": "payments", "status": "done",
              "scheduled_at": "2025-03-04T14:00:00+01:00"},
        "2": {"id": "Odd Id/2", "contact_id": "b2", "goal": "an id that is no file name"},
    },
    "profile": {"1": {"name": "Me"}},
}


def _write(folder: Path) -> bytes:
    folder.mkdir()
    raw = json.dumps(SINGLE).encode()
    (folder / DATA_FILE).write_bytes(raw)
    return raw


def test_read_only_commands_read_a_single_file_without_changing_it(capsys,
                                                                   data_dir: Path) -> None:
    raw = _write(data_dir)
    code, out, err = run(capsys, "--data-dir", str(data_dir), "list", "--json")
    assert (code, err) == (0, "")
    assert sorted(r["id"] for r in json.loads(out)) == ["Odd Id/2", "c1"]
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "search", "payments", "--json")
    assert code == 0 and json.loads(out)["hits"][0]["conversation_id"] == "c1"
    assert (data_dir / DATA_FILE).read_bytes() == raw
    assert sorted(p.name for p in data_dir.iterdir()) == [DATA_FILE]


def test_the_first_open_for_writing_moves_everything(capsys, data_dir: Path) -> None:
    raw = _write(data_dir)
    code, out, err = run(capsys, "--data-dir", str(data_dir), "new", "Carla")
    assert code == 0
    assert err.count("\n") == 1 and "one file per conversation" in err  # the one-line notice
    [kept] = (data_dir / "backups").glob("coffeechat-schema1-*.json")
    assert kept.read_bytes() == raw and str(kept) in err
    main = main_file(data_dir)
    assert main["meta"]["1"]["schema"] == 2 and "conversations" not in main
    assert main["profile"] == {"1": {"name": "Me"}}  # tables this version does not know stay
    assert main["contacts"]["2"]["future_field"] == [1, 2]
    files = conversation_files(data_dir)
    assert {d["id"] for d in files.values()} == {"c1", "Odd Id/2", out.strip()}
    assert files["c1.json"]["goal"] == "payments"
    assert any(name.startswith("x-") for name in files)  # an unsafe id gets a hashed name
    code, out, err = run(capsys, "--data-dir", str(data_dir), "list", "--json")
    assert (code, err) == (0, "") and len(json.loads(out)) == 3  # said once, not again


def test_a_single_file_with_a_bad_record_is_refused_untouched(capsys, data_dir: Path) -> None:
    data_dir.mkdir()
    bad = json.loads(json.dumps(SINGLE))
    bad["conversations"]["1"]["kind"] = "job"
    raw = json.dumps(bad).encode()
    (data_dir / DATA_FILE).write_bytes(raw)
    code, _, err = run(capsys, "--data-dir", str(data_dir), "new", "Carla")
    assert code == 1 and "'kind' is 'job'" in err
    assert (data_dir / DATA_FILE).read_bytes() == raw
    assert not (data_dir / "conversations").exists()


def test_an_interrupted_move_keeps_one_copy_of_the_old_file(tmp_path: Path) -> None:
    from datetime import datetime

    from tui.core.layout import Layout
    from tui.core.migrate import keep_original

    layout = Layout(tmp_path / DATA_FILE)
    raw = json.dumps(SINGLE).encode()
    when = datetime(2026, 11, 29, 10, 0)
    first = keep_original(layout, raw, when)
    assert keep_original(layout, raw, when) == first  # the next attempt reuses the copy
    first.write_bytes(raw[:40])  # a half-written copy from an older version is not the file
    (first.parent / ".coffeechat-abc.tmp").write_bytes(raw[:10])
    second = keep_original(layout, raw, when)
    assert second != first and second.read_bytes() == raw
    assert {p.name for p in first.parent.iterdir()} == {first.name, second.name}
