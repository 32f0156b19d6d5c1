"""Catching the index up with the data: a rebuild when needed, otherwise only what changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import search_data
from tui.core.search import SearchIndex, records, synchronise


def _data() -> tuple[list[dict], list[dict]]:
    return ([c.to_dict() for c in search_data.contacts()],
            [c.to_dict() for c in search_data.conversations()])


def test_records_pair_conversations_with_their_people_then_the_rest() -> None:
    contacts, conversations = _data()
    pairs = list(records(contacts, conversations))
    assert [(c and c["id"], p and p["id"]) for c, p in pairs] == [
        ("c-jose", "jose"), ("c-ana-1", "ana"), ("c-ana-2", "ana"), ("c-marcus", "marcus"),
        (None, "zoe")]


@pytest.mark.parametrize("memory", [False, True])
def test_synchronise_rebuilds_then_catches_up(tmp_path: Path, memory: bool) -> None:
    index = SearchIndex.open(tmp_path / "data", cache_folder=tmp_path / "cache", memory=memory)
    contacts, conversations = _data()
    reports: list[tuple[int, int | None]] = []
    assert synchronise(index, contacts, conversations,
                       progress=lambda done, total: reports.append((done, total))).rebuilt
    assert reports[-1] == (8, 8)
    assert synchronise(index, contacts, conversations).fresh

    conversations[3]["goal"] = "Offshore wind"
    conversations[3]["updated_at"] = "2026-09-01T10:00:00+01:00"
    del conversations[1]  # c-ana-1 deleted
    contacts[0]["name"] = "Joseph Grant"  # contacts carry no updated_at: their fields count
    contacts.append({"id": "new", "name": "Nadia Haddad", "company": "Kiln"})
    done = synchronise(index, contacts, conversations)
    assert (set(done.conversations), done.removed_conversations) == ({"c-marcus"},
                                                                      ("c-ana-1",))
    assert set(done.contacts) == {"jose", "new"} and not done.rebuilt

    def found(query: str) -> set[str]:
        return {h.conversation_id or h.contact_id
                for h in index.search(query, limit=50, per_record=1).hits}

    assert found("offshore ") == {"c-marcus"}
    assert found("joseph ") == {"c-jose", "jose"}
    assert found("nadia ") == {"new"}
    assert "c-ana-1" not in found("dublin ")
    assert synchronise(index, contacts, conversations).fresh
    index.close()
