"""The profile in the data folder of one file per conversation: it lives in the main file with
the contacts, a save of it writes no conversation file, and it travels through the move from
one file, imports of a folder or a recovery file, and the all-or-nothing rule of imports."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from tests.layout_tools import conversation_files, main_file
from tui.core.dataformat import StorageError
from tui.core.models import Contact, Conversation
from tui.core.profile import Profile
from tui.core.storage import DATA_FILE
from tui.core.store import Store


def _store_with_chat(folder: Path) -> tuple[Store, Conversation]:
    store = Store.open(folder)
    ana = store.save_contact(Contact(name="Ana"))
    chat = store.save_conversation(Conversation(contact_id=ana.id, goal="payments"))
    return store, chat


def test_a_profile_save_writes_the_main_file_only(tmp_path: Path) -> None:
    store, _ = _store_with_chat(tmp_path)
    before = {p.name: p.stat().st_ino for p in (tmp_path / "conversations").iterdir()}
    store.save_profile(Profile(name="Sam", intro="a backend engineer"))
    assert store.flush()
    after = {p.name: p.stat().st_ino for p in (tmp_path / "conversations").iterdir()}
    assert after == before  # every conversation file untouched (a save replaces the inode)
    [doc] = main_file(tmp_path)["profile"].values()
    assert (doc["name"], doc["intro"]) == ("Sam", "a backend engineer")
    assert stat.S_IMODE(os.stat(tmp_path / DATA_FILE).st_mode) == 0o600
    store.save_profile(Profile(name="Sam Rivera", intro="a backend engineer"))
    store.close()
    assert len(main_file(tmp_path)["profile"]) == 1  # one profile, changed in place
    reopened = Store.open(tmp_path, readonly=True)
    assert reopened.profile().name == "Sam Rivera"
    reopened.close()


def test_fields_a_newer_version_wrote_into_the_profile_are_kept(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    store.save_profile(Profile(name="Sam"))
    store.close()
    data = main_file(tmp_path)
    [doc] = data["profile"].values()
    doc["pronouns"] = "they/them"
    (tmp_path / DATA_FILE).write_text(json.dumps(data), encoding="utf-8")
    store = Store.open(tmp_path)
    store.save_profile(Profile.from_dict({**store.profile().to_dict(), "intro": "hello"}))
    store.close()
    [doc] = main_file(tmp_path)["profile"].values()
    assert (doc["intro"], doc["pronouns"]) == ("hello", "they/them")


def test_the_move_from_one_file_keeps_the_profile(tmp_path: Path) -> None:
    single = {
        "meta": {"1": {"app": "coffeechat", "schema": 1}},
        "contacts": {"1": {"id": "a1", "name": "Ana"}},
        "conversations": {"1": {"id": "c1", "contact_id": "a1", "goal": "payments"}},
        "profile": {"1": {"id": "me", "name": "Sam", "intro": "a designer"}},
    }
    tmp_path.mkdir(exist_ok=True)
    (tmp_path / DATA_FILE).write_text(json.dumps(single), encoding="utf-8")
    readonly = Store.open(tmp_path, readonly=True)  # read without moving anything
    assert readonly.profile().name == "Sam"
    readonly.close()
    store = Store.open(tmp_path)
    assert (store.profile().name, store.profile().intro) == ("Sam", "a designer")
    store.close()
    assert "profile" in main_file(tmp_path) and "c1.json" in conversation_files(tmp_path)


def test_a_folder_snapshot_and_a_recovery_file_carry_the_profile(tmp_path: Path) -> None:
    source, _ = _store_with_chat(tmp_path / "a")
    source.save_profile(Profile(name="Sam", intro="a designer"))
    recovery = source.write_recovery()
    source.close()
    for given in (tmp_path / "a", recovery):  # a copy of a data folder, a recovery file
        target = Store.open(tmp_path / f"to-{given.name}")
        if given.is_dir():
            from tui.core.folder_import import read_folder

            result = target.import_data(read_folder(given))
        else:
            result = target.import_data(json.loads(given.read_text(encoding="utf-8")))
        assert result.profile_updated
        assert target.profile().name == "Sam"
        target.close()
        [doc] = main_file(tmp_path / f"to-{given.name}")["profile"].values()
        assert doc["intro"] == "a designer"


def test_a_profile_alone_is_imported_and_an_empty_one_erases_nothing(tmp_path: Path) -> None:
    store, _ = _store_with_chat(tmp_path)
    export = store.export_data()
    export["profile"] = {"name": "Sam", "intro": ""}
    result = store.import_data(export)  # every record unchanged: only the profile is new
    assert result.profile_updated and not result.added and not result.updated
    store.close()
    store = Store.open(tmp_path)
    assert store.profile().name == "Sam"
    export["profile"] = {"name": "", "intro": ""}
    assert not store.import_data(export).profile_updated
    assert store.profile().name == "Sam"
    store.close()


def test_an_import_that_fails_leaves_the_profile_as_it_was(tmp_path: Path) -> None:
    store, chat = _store_with_chat(tmp_path)
    store.save_profile(Profile(name="Mine"))
    store.flush()
    export = store.export_data()
    export["profile"] = {"name": "Theirs"}
    (tmp_path / "conversations" / f"{chat.id}.json").write_bytes(b"{damaged")
    store.close()
    store = Store.open(tmp_path)
    with pytest.raises(StorageError, match="nothing was imported"):
        store.import_data(export)
    assert store.profile().name == "Mine"
    store.close()
    [doc] = main_file(tmp_path)["profile"].values()
    assert doc["name"] == "Mine"
