"""The benchmark's data generator: valid, deterministic, realistic enough to search."""

from __future__ import annotations

import json
import statistics
from pathlib import Path

from bench import synthetic
from tui.core.models import Contact, Conversation
from tui.core.store import Store, parse_export


def test_records_are_valid_and_round_trip_through_the_models() -> None:
    document = synthetic.export_document(60, seed=3)
    contacts, conversations = parse_export(document)
    assert len(conversations) == 60 and len(contacts) == synthetic.contacts_for(60)
    for raw, model in zip(document["conversations"], conversations, strict=True):
        assert model.to_dict() == raw
        assert Conversation.from_dict(raw) == model
    for raw in document["contacts"]:
        assert Contact.from_dict(raw).to_dict() == raw
    known = {c.id for c in contacts}
    assert all(c.contact_id in known for c in conversations)


def test_the_same_seed_gives_the_same_data_and_another_seed_other_data() -> None:
    assert synthetic.export_document(20, seed=5) == synthetic.export_document(20, seed=5)
    assert synthetic.export_document(20, seed=5) != synthetic.export_document(20, seed=6)


def test_streamed_export_equals_the_document_and_imports(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    size = synthetic.write_export(path, 30, seed=9)
    assert size == path.stat().st_size
    assert json.loads(path.read_text(encoding="utf-8")) == synthetic.export_document(30, seed=9)
    store = Store.open(tmp_path / "data")
    result = store.import_data(json.loads(path.read_text(encoding="utf-8")))
    assert result.conversations_added == 30
    store.close()


def test_held_conversations_look_like_real_ones() -> None:
    conversations = [c for c, _ in synthetic.iter_records(200, seed=7)]
    held = [c for c in conversations if c["live"]["started_at"]]
    assert len(held) > 120
    sizes = [len(json.dumps(c)) for c in held]
    assert 8_000 < statistics.median(sizes) < 13_000
    sample = held[0]
    assert 8 <= len(sample["questions"]) <= 10
    assert len(sample["reflection"]["answers"]) >= 3 and sample["live"]["notes"]
    assert any(not name.isascii() for c in conversations
               for name in [c["outreach"]["draft"]])  # accented names appear
    statuses = {c["status"] for c in conversations}
    assert {"done", "thanked", "scheduled"} <= statuses


def test_vocabulary_is_skewed_like_real_text() -> None:
    words: dict[str, int] = {}
    for conversation, _ in synthetic.iter_records(100, seed=7):
        for word in conversation["research_notes"].lower().split():
            words[word] = words.get(word, 0) + 1
    counts = sorted(words.values(), reverse=True)
    assert counts[0] > 20 * statistics.median(counts)  # a few words common, most rare
