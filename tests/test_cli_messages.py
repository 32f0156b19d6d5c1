"""Small command-line messages: JSON errors, counts, empty listings, the import help, a
UTF-16 file without a byte-order mark, the size cap of a JSON import."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

from tests.test_cli import assert_one_line_error, run
from tui.cli import common
from tui.core.models import Contact, Conversation
from tui.core.storage import DATA_FILE
from tui.core.store import Store


def test_an_unterminated_string_is_not_said_at_at(capsys, data_dir: Path,
                                                  tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "coffeechat-export", "x": "no end')
    code, _, err = run(capsys, "--data-dir", str(data_dir), "import", "json", str(broken))
    assert code == 2
    assert_one_line_error(err, "Unterminated string starting at line 1, column 38")
    Store.open(data_dir).close()
    (data_dir / DATA_FILE).write_text('{"meta": "no end')
    code, _, err = run(capsys, "--data-dir", str(data_dir), "list")
    assert code == 1
    assert_one_line_error(err, "Unterminated string starting at line 1, column 10")
    assert " at at " not in err


def test_stats_counts_one_conversation_in_the_singular(capsys, data_dir: Path) -> None:
    store = Store.open(data_dir)
    store.save_contact(Contact(name="Ana", id="a1"))
    store.save_conversation(Conversation(contact_id="a1", id="c1"))
    store.close()
    _, out, _ = run(capsys, "--data-dir", str(data_dir), "stats")
    assert "(1 conversation)\n" in out.splitlines(keepends=True)[0]
    store = Store.open(data_dir)
    store.save_conversation(Conversation(contact_id="a1", id="c2"))
    store.close()
    _, out, _ = run(capsys, "--data-dir", str(data_dir), "stats")
    assert "(2 conversations)\n" in out.splitlines(keepends=True)[0]


def test_empty_listings_say_so_in_text_and_stay_empty_in_json(capsys, data_dir: Path) -> None:
    for command, line, empty in (("list", "No conversations yet.\n", "[]\n"),
                                 ("due", "Nothing is due.\n", "[]\n"),
                                 ("tags", "No tags yet.\n", None)):
        assert run(capsys, "--data-dir", str(data_dir), command) == (0, line, "")
        code, out, err = run(capsys, "--data-dir", str(data_dir), command, "--json")
        assert (code, err) == (0, "") and json.loads(out) == []
        if empty is not None:
            assert out == empty


def test_import_help_says_only_json_reads_stdin(capsys) -> None:
    _, out, _ = run(capsys, "import", "--help")
    words = " ".join(out.split())
    assert "for json also '-' for stdin" in words
    assert "('-' for stdin)" not in words


def test_utf16_without_a_byte_order_mark_is_named(capsys, data_dir: Path,
                                                  tmp_path: Path) -> None:
    text = "Name,Company\nAna Silva,Acme\n"
    for encoding in ("utf-16-le", "utf-16-be"):
        path = tmp_path / f"{encoding}.csv"
        path.write_bytes(text.encode(encoding))
        code, out, err = run(capsys, "--data-dir", str(data_dir), "import", "csv", str(path))
        assert (code, out) == (2, "")
        assert_one_line_error(err, "looks like UTF-16 text without a byte-order mark",
                              "save it as UTF-8")
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"Name,Company\n\x00\x01\x02\x03\xff\x00\x00\x00ab\n")
    _, _, err = run(capsys, "--data-dir", str(data_dir), "import", "csv", str(binary))
    assert "binary file" in err and "UTF-16" not in err


def test_a_json_import_over_the_cap_is_refused_before_reading(capsys, data_dir: Path,
                                                              tmp_path: Path,
                                                              monkeypatch) -> None:
    assert common.MAX_JSON_BYTES >= 500_000_000  # well above a real export (110 MB / 10,000)
    monkeypatch.setattr(common, "MAX_JSON_BYTES", 1_000_000)
    big = tmp_path / "big.json"
    big.write_text(json.dumps({"format": "coffeechat-export", "schema": 1,
                               "contacts": [{"id": f"p{i}", "name": "x" * 50}
                                            for i in range(30_000)]}))
    code, out, err = run(capsys, "--data-dir", str(data_dir), "import", "json", str(big))
    assert (code, out) == (2, "")
    assert_one_line_error(err, f"{big} is 2 MB; coffeechat reads JSON files of up to 1 MB")
    assert not data_dir.exists()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(big.read_bytes())))
    code, _, err = run(capsys, "--data-dir", str(data_dir), "import", "json", "-")
    assert code == 2
    assert_one_line_error(err, "stdin holds more than 1 MB;")
