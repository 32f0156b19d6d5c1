"""The user's profile lives in the data: saved, exported, imported, one per data folder; an
older version's copy in settings.json moves into the data once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.uitools import make_app, stored, type_text
from tui.core.models import ModelError
from tui.core.profile import Profile, move_from_settings
from tui.core.settings import load_settings, save_setting
from tui.core.store import Store


def test_profile_round_trip_export_and_import(tmp_path: Path) -> None:
    first = Store.open(tmp_path / "a")
    assert first.profile().empty
    first.save_profile(Profile(name="Sam Rivera", intro="Backend engineer"))
    exported = first.export_data()
    first.close()
    assert exported["profile"]["name"] == "Sam Rivera"
    second = Store.open(tmp_path / "b")
    result = second.import_data(exported)
    assert result.profile_updated and "your profile updated" in result.summary()
    assert (second.profile().name, second.profile().intro) == ("Sam Rivera", "Backend engineer")
    assert not second.import_data(exported).profile_updated  # the same again: nothing new
    older = {k: v for k, v in exported.items() if k != "profile"}
    assert not second.import_data(older).profile_updated  # an export from before profiles
    second.close()
    other = Store.open(tmp_path / "c")  # another data folder has its own (empty) profile
    assert other.profile().empty
    other.close()


def test_a_bad_profile_in_an_import_changes_nothing(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    data = store.export_data()
    data["profile"] = {"name": 42}
    with pytest.raises(ModelError, match="profile"):
        store.import_data(data)
    assert store.profile().empty
    store.close()


def test_an_older_settings_profile_moves_into_the_data_once(tmp_path: Path) -> None:
    config = tmp_path / "config"
    save_setting("my_name", "Jo", config)
    save_setting("who_i_am", "a designer", config)
    save_setting("theme", "nord", config)
    store = Store.open(tmp_path / "data")
    assert move_from_settings(store, config)
    assert (store.profile().name, store.profile().intro) == ("Jo", "a designer")
    assert load_settings(config) == {"theme": "nord"}  # the theme stays a preference
    assert not move_from_settings(store, config)
    store.close()
    other = Store.open(tmp_path / "other")  # a second data folder does not take it too
    assert not move_from_settings(other, config) and other.profile().empty
    other.close()


async def test_the_name_typed_in_outreach_is_saved_in_the_data(tmp_path: Path) -> None:
    config = tmp_path / "config"
    save_setting("my_name", "Old Name", config)
    app = make_app(tmp_path, config)
    app.store.new_conversation(app.store.contact_for("Priya Raman", "Northwind"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.store.profile().name == "Old Name"  # moved from the settings at start
        await pilot.press("enter", "f3", "f3", "f3")
        assert app.focused.id == "outreach-draft"  # a name is known: straight to the draft
        app.screen.query_one("#who-i-am").focus()
        await pilot.pause()
        await type_text(pilot, "I build payment systems")
        await pilot.press("enter")
        await pilot.pause()
        draft = app.screen.query_one("#outreach-draft").text
        assert "I build payment systems" in draft and "Old Name" in draft
    assert app.store.flush()
    assert stored(tmp_path, "profile")[0]["intro"] == "I build payment systems"
    assert "my_name" not in json.loads((config / "settings.json").read_text())
