"""Fields this version does not know survive reading and writing, at every level of a record,
so a file written by a newer coffeechat loses nothing when this one saves it."""

from __future__ import annotations

from typing import Any

from tui.core.models import Contact, Conversation, field_names
from tui.core.profile import Profile
from tui.core.store import Store

NEWER = {"mood": "curious", "scores": [1, {"deep": True}], "meta": {"source": "v9"}}


def _conversation() -> dict[str, Any]:
    return {
        "id": "c1", "contact_id": "p1", "future_field": {"nested": [1, 2]},
        "outreach": {"draft": "Hi", "channel": "email"},
        "thank_you": {"draft": "Thanks", "tone": "warm"},
        "checklist": [{"text": "read", "id": "k1", "weight": 3}],
        "questions": [{"text": "Why?", "id": "q1", "asked_by": "me", "tags": ["a"]}],
        "live": {"started_at": "2026-12-03T14:30:00+00:00", "recording": "off",
                 "current_question_id": "q1",
                 "notes": [{"text": "n", "id": "n1", "speaker": "them"}]},
        "reflection": {"rating": 4, "energy": "high", "answers": {"k": "v"}},
        "actions": [{"text": "send", "id": "a1", "priority": 1}],
        "referrals": [{"name": "Bo", "id": "r1", "linkedin": "bo"}],
        "followups": [{"on": "2026-12-10", "id": "f1", "channel": "mail"}],
    }


def test_every_record_keeps_unknown_keys_through_from_dict_and_to_dict() -> None:
    source = _conversation()
    written = Conversation.from_dict(source).to_dict()
    assert written["future_field"] == {"nested": [1, 2]}
    assert written["outreach"]["channel"] == "email"
    assert written["thank_you"]["tone"] == "warm"
    assert written["checklist"][0]["weight"] == 3
    assert written["questions"][0]["asked_by"] == "me"
    assert written["questions"][0]["tags"] == ["a"]
    assert written["live"]["recording"] == "off"
    assert written["live"]["current_question_id"] == "q1"
    assert Conversation.from_dict(written).to_dict() == written
    assert written["live"]["notes"][0]["speaker"] == "them"
    assert written["reflection"]["energy"] == "high"
    assert written["actions"][0]["priority"] == 1
    assert written["referrals"][0]["linkedin"] == "bo"
    assert written["followups"][0]["channel"] == "mail"
    # and a second round trip changes nothing
    assert Conversation.from_dict(written).to_dict() == written


def test_contact_and_profile_keep_unknown_keys_and_copies_are_deep() -> None:
    contact = Contact.from_dict({"name": "Ana", "id": "p1", **NEWER})
    copy = contact.copy()
    copy.unknown_fields["scores"][1]["deep"] = False
    assert contact.to_dict()["scores"] == [1, {"deep": True}]
    assert Profile.from_dict({"name": "Me", "pronouns": "they"}).to_dict()["pronouns"] == "they"


def test_known_fields_win_and_fresh_records_have_only_their_fields() -> None:
    contact = Contact.from_dict({"name": "Ana", "id": "p1"})
    contact.unknown_fields["name"] = "shadow"  # never overrides a field of this version
    assert contact.to_dict()["name"] == "Ana"
    assert list(Contact(name="A").to_dict()) == field_names(Contact)


def test_unknown_keys_reach_the_file_after_an_edit(store: Store) -> None:
    store.save_contact(Contact.from_dict({"name": "Ana", "id": "p1", **NEWER}))
    store.save_conversation(Conversation.from_dict(_conversation()))
    conversation = store.conversation("c1")
    conversation.goal = "edited by this version"
    store.save_conversation(conversation)
    again = store.conversation("c1").to_dict()
    assert again["goal"] == "edited by this version"
    assert again["questions"][0]["asked_by"] == "me"
    assert again["live"]["notes"][0]["speaker"] == "them"
    assert store.contact("p1").to_dict()["meta"] == {"source": "v9"}


def _odd_numbers() -> dict[str, Any]:
    """A conversation whose unknown keys hold what the quick encoder cannot write as it is."""
    doc = _conversation()
    doc["future_field"] = {"scores": [float("nan"), float("inf")], "big": 2 ** 70}
    doc["questions"][0]["weight"] = float("-inf")
    return doc


def test_numbers_json_cannot_spell_survive_an_import_and_a_save(tmp_path) -> None:
    import json
    import math

    store = Store.open(tmp_path / "data")
    store.import_data({"format": "coffeechat-export", "schema": 1,
                       "contacts": [{"id": "p1", "name": "Ana"}],
                       "conversations": [_odd_numbers(), {**_conversation(), "id": "c2"}]})
    for round_ in ("imported", "saved"):
        doc = json.loads((tmp_path / "data" / "conversations" / "c1.json").read_text())
        stored = doc["conversations"]["1"]
        nan, inf = stored["future_field"]["scores"]
        assert math.isnan(nan) and inf == math.inf, round_
        assert stored["future_field"]["big"] == 2 ** 70
        assert stored["questions"][0]["weight"] == -math.inf
        plain = json.loads((tmp_path / "data" / "conversations" / "c2.json").read_text())
        assert plain["conversations"]["1"]["future_field"] == {"nested": [1, 2]}
        conversation = store.conversation("c1")
        conversation.goal = "edited"
        store.save_conversation(conversation)
        store.flush()
    store.close()


def test_the_quick_and_the_standard_encoding_hold_the_same_data() -> None:
    import json

    from tui.core.convfile import Envelope, encode_conversation
    from tui.core.dataformat import encode_json

    conversation = Conversation.from_dict({**_conversation(), "goal": "é “q” \x7f \u2028 \\"})
    envelope = Envelope({"app": "coffeechat", "schema": 2, "written_by": "v9"},
                        {"hypotheses": {"1": {"statement": "fintech"}}})
    quick = encode_conversation(conversation, envelope=envelope)
    standard = encode_json({"meta": {"1": envelope.meta},
                            "conversations": {"1": conversation.to_dict()},
                            "hypotheses": {"1": {"statement": "fintech"}}})
    assert quick != standard and json.loads(quick) == json.loads(standard)
    surrogate = Conversation.from_dict({**_conversation(), "goal": "half \ud83d a smile"})
    assert json.loads(encode_conversation(surrogate))["conversations"]["1"]["goal"] == \
        "half \ud83d a smile"


def test_finite_numbers_looks_at_every_depth() -> None:
    from tui.core.models import finite_numbers

    assert finite_numbers(Conversation.from_dict(_conversation()))
    assert not finite_numbers(Conversation.from_dict(_odd_numbers()))
    deep = _conversation()
    deep["live"]["notes"][0]["volume"] = [{"db": float("nan")}]
    assert not finite_numbers(Conversation.from_dict(deep))
    assert not finite_numbers(Contact.from_dict({"name": "A", "score": float("inf")}))
    assert finite_numbers({"a": [1, 2.5, "NaN"]}) and not finite_numbers((float("nan"),))
