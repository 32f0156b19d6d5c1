"""Models: validation messages that name the field, the live timer, note stamps."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tui.core.models import (
    ActionItem,
    Contact,
    Conversation,
    FollowUp,
    LiveNote,
    LiveSession,
    ModelError,
    Question,
    Reflection,
    field_names,
)

UTC = timezone.utc
START = datetime(2026, 3, 4, 14, 0, 0, tzinfo=UTC)


def _conversation(**changes: object) -> dict:
    return {"id": "c1", "contact_id": "p1", **changes}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"kind": "job"}, "conversation c1: 'kind' is 'job'; expected one of person, industry"),
        ({"status": "hired"}, "'status' is 'hired'; expected one of idea, reached_out"),
        ({"medium": "fax"}, "'medium' is 'fax'"),
        ({"minutes": 601}, "'minutes' must be from 1 to 600"),
        ({"minutes": "30"}, "'minutes' must be a whole number"),
        ({"minutes": True}, "'minutes' must be a whole number"),
        ({"scheduled_at": "next tuesday"}, "'scheduled_at' is 'next tuesday', not an ISO 8601"),
        ({"goal": 5}, "'goal' must be text, not int"),
        ({"questions": "all of them"}, "'questions' must be a list"),
        ({"contact_id": ""}, "'contact_id' is missing"),
        ({"reflection": {"rating": 6}}, "'rating' must be from 1 to 5"),
        ({"reflection": {"rating": 0}}, "'rating' must be from 1 to 5"),
        ({"reflection": {"answers": {"k": 1}}}, "'answers' must map prompts to text"),
        ({"actions": [{"text": "x", "due": "2026-02-30"}]}, "'due' is '2026-02-30', not a YYYY"),
        ({"actions": [{"text": "x", "done": "yes"}]}, "'done' must be true or false"),
        ({"followups": [{"note": "x"}]}, "'on' needs a date"),
        ({"questions": [{"text": "q", "state": "maybe"}]}, "'state' is 'maybe'"),
        ({"live": {"started_at": "14:00"}}, "'started_at' is '14:00'"),
        ({"thank_you": {"sent_on": "yesterday"}}, "'sent_on' is 'yesterday'"),
    ],
)
def test_conversation_validation_messages(changes: dict, message: str) -> None:
    with pytest.raises(ModelError) as caught:
        Conversation.from_dict(_conversation(**changes))
    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"id": "p1", "name": "  "}, "contact p1: a contact needs a name"),
        ({"id": "p1", "name": "A", "tags": "x"}, "'tags' must be a list"),
        ({"id": "p1", "name": "A", "tags": [1]}, "'tags' must be a list of text"),
        ({"id": "p1", "name": "A", "cadence_days": 0}, "'cadence_days' must be a positive"),
        ({"id": "p1", "name": "A", "last_contacted": "03/04/2026"}, "not a YYYY-MM-DD date"),
        ({"id": "p1", "name": "A", "created_at": "2026-13-01T00:00"}, "'created_at'"),
        ("Ada", "contact must be an object, not str"),
        ({"id": 7, "name": "A"}, "'id' must be text"),
    ],
)
def test_contact_validation_messages(data: object, message: str) -> None:
    with pytest.raises(ModelError) as caught:
        Contact.from_dict(data)
    assert message in str(caught.value)


def test_defaults_and_normalisation() -> None:
    contact = Contact.from_dict({"name": "  Ada  "})
    assert contact.name == "Ada"
    assert contact.id  # a fresh id was given
    assert contact.cadence_days == 90
    assert Contact.from_dict({"name": "A", "cadence_days": None}).cadence_days is None
    conversation = Conversation.from_dict({"contact_id": "p1", "introduced_by": None})
    assert (conversation.kind, conversation.status, conversation.minutes) == ("person", "idea", 30)
    assert conversation.live == LiveSession()
    assert Contact(name="Ada", company="X").label == "Ada (X)"
    assert Contact(name="Ada").label == "Ada"


def test_valid_nested_records_are_accepted() -> None:
    conversation = Conversation.from_dict(
        _conversation(
            reflection={"answers": {"key-insights": "a lot"}, "rating": 5},
            actions=[{"text": "send article", "due": "2026-03-10"}],
            followups=[{"on": "2026-04-01", "note": "shared news"}],
            questions=[{"text": "q1", "state": "asked"}, {"text": "q2", "id": "q2"}],
        )
    )
    assert conversation.reflection == Reflection(answers={"key-insights": "a lot"}, rating=5)
    assert conversation.actions[0].due == "2026-03-10"
    assert isinstance(conversation.actions[0], ActionItem)
    assert isinstance(conversation.followups[0], FollowUp)
    assert conversation.question("q2") == Question(text="q2", id="q2")
    assert conversation.question("missing") is None


def test_checklist_progress_and_scheduled() -> None:
    conversation = Conversation.from_dict(
        _conversation(
            checklist=[{"text": "a", "done": True}, {"text": "b"}, {"text": "c", "done": True}],
            scheduled_at="2026-03-04T14:00:00+00:00",
        )
    )
    assert conversation.checklist_progress == (2, 3)
    assert conversation.scheduled == START
    assert Conversation(contact_id="p").scheduled is None


# -- the live session --------------------------------------------------------------------


def _iso(moment: datetime) -> str:
    return moment.isoformat()


def test_elapsed_before_start_is_zero() -> None:
    assert LiveSession().elapsed_seconds(START) == 0
    assert not LiveSession().running


def test_elapsed_running_and_ended() -> None:
    session = LiveSession(started_at=_iso(START))
    assert session.running
    assert session.elapsed_seconds(START + timedelta(minutes=12, seconds=5)) == 725
    session.ended_at = _iso(START + timedelta(minutes=31))
    assert not session.running
    # once ended, the clock stops whatever "now" is
    assert session.elapsed_seconds(START + timedelta(hours=5)) == 31 * 60


def test_elapsed_leaves_out_pauses() -> None:
    # ran 10 min, paused 3 min (already counted), ran again, now paused at minute 20
    session = LiveSession(
        started_at=_iso(START),
        paused_seconds=180,
        paused_at=_iso(START + timedelta(minutes=20)),
    )
    assert session.running  # paused still counts as running
    assert session.elapsed_seconds(START + timedelta(minutes=45)) == 17 * 60
    session.paused_at = None  # resumed at minute 45: the 25 min pause is now counted
    session.paused_seconds = 180 + 25 * 60
    assert session.elapsed_seconds(START + timedelta(minutes=50)) == 22 * 60


def test_elapsed_never_negative_and_across_zones() -> None:
    session = LiveSession(started_at=_iso(START), paused_seconds=10_000)
    assert session.elapsed_seconds(START + timedelta(minutes=1)) == 0
    other_zone = START.astimezone(timezone(timedelta(hours=-5)))
    assert LiveSession(started_at=_iso(START)).elapsed_seconds(
        other_zone + timedelta(seconds=90)
    ) == 90


@pytest.mark.parametrize(
    ("seconds", "stamp"),
    [(0, "00:00"), (5, "00:05"), (65, "01:05"), (600, "10:00"), (3725, "62:05"), (-3, "00:00")],
)
def test_live_note_stamp(seconds: int, stamp: str) -> None:
    assert LiveNote(text="x", at_seconds=seconds).stamp == stamp


def test_field_names_lists_stored_fields() -> None:
    names = field_names(Contact)
    assert names[0] == "name"
    assert {"id", "company", "introduced_by", "cadence_days"} <= set(names)
    assert set(Contact(name="A").to_dict()) == set(names)


def test_zero_minutes_is_rejected_not_silently_defaulted() -> None:
    import pytest

    from tui.core.models import Conversation, ModelError

    with pytest.raises(ModelError, match="minutes"):
        Conversation.from_dict({"contact_id": "c1", "minutes": 0})


def test_fields_this_version_does_not_know_are_kept_at_every_level() -> None:
    stored = {
        "id": "c1", "contact_id": "p1", "mood": "curious",
        "live": {"notes": [{"text": "n", "id": "n1", "tone": "warm"}], "camera": "on"},
        "questions": [{"text": "q", "id": "q1", "asked_by": "me"}],
        "reflection": {"answers": {"key-insights": "x"}, "energy": 4},
        "thank_you": {"draft": "", "channel": "email"},
        "actions": [{"text": "a", "id": "a1", "priority": 2}],
    }
    conversation = Conversation.from_dict(stored)
    assert conversation.unknown_fields == {"mood": "curious"}
    again = conversation.copy()
    again.goal = "edited"
    out = again.to_dict()
    assert out["mood"] == "curious" and out["live"]["camera"] == "on"
    assert out["live"]["notes"][0]["tone"] == "warm"
    assert out["questions"][0]["asked_by"] == "me" and out["reflection"]["energy"] == 4
    assert out["thank_you"]["channel"] == "email" and out["actions"][0]["priority"] == 2
    assert Conversation.from_dict(out).to_dict() == out
    contact = Contact.from_dict({"id": "p1", "name": "Ana", "pronouns": "she/her"})
    assert contact.to_dict()["pronouns"] == "she/her"
    assert "unknown_fields" not in contact.to_dict()
    assert "unknown_fields" not in field_names(Contact)
