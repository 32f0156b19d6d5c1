"""``coffeechat show``, ``contacts`` and ``person``: one conversation or one person's history
on the command line."""

from __future__ import annotations

import json
from pathlib import Path

from export_data import NOW, check_golden, hostile_chat, marcus_chat, people

from tests.test_cli import assert_one_line_error, run
from tui.core.models import Contact, Conversation, FollowUp, Referral
from tui.core.person import person_history, person_text
from tui.core.render import conversation_markdown
from tui.core.store import Store


def _fill(folder: Path) -> None:
    store = Store.open(folder)
    for contact in people().values():
        store.save_contact(contact)
    store.save_conversation(marcus_chat())
    store.save_conversation(hostile_chat())
    store.save_contact(Contact(id="c-jonas", name="Jonas Berg", company="Tidewater",
                               introduced_by="c-marcus"))
    store.save_contact(Contact(id="c-ana", name="Ana Berg", introduced_by="c-jonas"))
    store.save_conversation(Conversation(
        id="chat-marcus-2", contact_id="c-marcus", status="idea", goal="Catch up in spring",
        created_at="2027-01-05T10:00:00+00:00",
        followups=[FollowUp(id="f9", on="2027-01-04", note="Said happy new year")]))
    store.close()


def test_show_prints_the_read_only_markdown(capsys, data_dir: Path) -> None:
    _fill(data_dir)
    code, out, err = run(capsys, "--data-dir", str(data_dir), "show", "chat-marcus")
    assert (code, err) == (0, "")
    known = people()
    assert out == conversation_markdown(marcus_chat(), known["c-marcus"], people=known)
    check_golden("show-marcus.md", out)


def test_show_accepts_a_unique_prefix_and_prints_json(capsys, data_dir: Path) -> None:
    _fill(data_dir)
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "show", "chat-h")
    assert code == 0 and out.startswith("# ")
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "show", "CHAT-HOS", "--json")
    record = json.loads(out)
    assert code == 0 and record["id"] == "chat-hostile" and record["kind"] == "company"


def test_show_hostile_text_stays_inert(capsys, data_dir: Path) -> None:
    _fill(data_dir)
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "show", "chat-hostile")
    assert code == 0
    assert not any(ch in out for ch in "\x1b\x07\u202e\u2066")
    check_golden("show-hostile.md", out)


def test_show_unknown_or_ambiguous_id_is_one_line_and_exit_2(capsys, data_dir: Path) -> None:
    _fill(data_dir)
    code, out, err = run(capsys, "--data-dir", str(data_dir), "show", "nope")
    assert (code, out) == (2, "")
    assert_one_line_error(err, "no conversation", "nope")
    code, out, err = run(capsys, "--data-dir", str(data_dir), "show", "chat-m")
    assert (code, out) == (2, "")
    assert_one_line_error(err, "matches 2 conversations", "chat-marcus", "chat-marcus-2")
    code, _, err = run(capsys, "--data-dir", str(data_dir), "show", " ")
    assert code == 2
    assert_one_line_error(err)


def test_contacts_table_and_json(capsys, data_dir: Path) -> None:
    _fill(data_dir)
    code, out, err = run(capsys, "--data-dir", str(data_dir), "contacts")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split() == ["NAME", "COMPANY", "ROLE", "CHATS", "ID"]
    names = [line.split("  ")[0] for line in lines[1:]]
    assert names[:3] == ["# Zoë [b]x[/b] <script>", "Ana Berg", "Jonas Berg"]
    assert "\u202e" not in out
    marcus = next(line for line in lines if line.startswith("Marcus Lee"))
    assert marcus.split()[-2:] == ["2", "c-marcus"]
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "contacts", "--json")
    rows = {row["id"]: row for row in json.loads(out)}
    assert code == 0 and rows["c-marcus"]["conversations"] == 2
    assert rows["c-jonas"]["introduced_by"] == "c-marcus"


def test_person_history_chain_both_ways(capsys, data_dir: Path) -> None:
    _fill(data_dir)
    code, out, err = run(capsys, "--data-dir", str(data_dir), "person", "marcus", "LEE")
    assert (code, err) == (0, "")
    assert "Introduced by: Priya Raman (Northwind Health)" in out
    tree = out[out.index("Introduced you to:"):out.index("Conversations")]
    # Priya introduced Marcus: her referral back is not drawn again below him
    assert tree.splitlines()[1:] == ["  └─ Jonas Berg (Tidewater)", "     └─ Ana Berg", ""]
    chats = out[out.index("Conversations (2)"):]
    assert chats.index("chat-marcus-2") < chats.index("[chat-marcus]")
    assert "Read DDIA ch. 3 (due 2026-12-05)" in out and "Send notes" not in out
    follow = out[out.index("Follow-ups"):]
    assert follow.index("Said happy new year") < follow.index("Sent the article")
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "person", "c-marcus", "--json")
    data = json.loads(out)
    assert [c["id"] for c in data["conversations"]] == ["chat-marcus-2", "chat-marcus"]
    assert data["introduced_by"][0]["id"] == "c-priya"


def test_person_unknown_or_ambiguous_is_one_line_and_exit_2(capsys, data_dir: Path) -> None:
    _fill(data_dir)
    code, _, err = run(capsys, "--data-dir", str(data_dir), "person", "berg")
    assert code == 2
    assert_one_line_error(err, "matches 2 contacts", "give the id")
    code, _, err = run(capsys, "--data-dir", str(data_dir), "person", "nobody")
    assert code == 2
    assert_one_line_error(err, "no contact")


def test_person_text_is_stable_for_a_fixed_day() -> None:
    known = people()
    jonas = Contact(id="c-jonas", name="Jonas Berg", introduced_by="c-marcus")
    contacts = [*known.values(), jonas]
    chat = marcus_chat()
    chat.referrals.append(Referral(id="r3", name="Lena Ott", company="Grid Co"))
    history = person_history(known["c-marcus"], contacts, [chat], NOW)
    check_golden("person-marcus.txt", person_text(history))
    cycle = [Contact(id="a", name="A", introduced_by="b"), Contact(id="b", name="B",
                                                                  introduced_by="a")]
    looped = person_history(cycle[0], cycle, [], NOW)
    assert [p.id for p in looped.introduced_by] == ["b"]
    assert looped.introduced == []  # B is drawn above A, never again below


def test_show_of_a_damaged_conversation_names_its_file(capsys, data_dir: Path) -> None:
    code, damaged_id, _ = run(capsys, "--data-dir", str(data_dir), "new", "Ana")
    assert code == 0
    damaged_id = damaged_id.strip()
    good_id = run(capsys, "--data-dir", str(data_dir), "new", "Bo")[1].strip()
    path = data_dir / "conversations" / f"{damaged_id}.json"
    path.write_bytes(path.read_bytes()[:50])
    code, out, err = run(capsys, "--data-dir", str(data_dir), "show", damaged_id[:6])
    assert (code, out) == (1, "")
    warning, error = err.splitlines()
    assert warning.startswith("coffeechat: warning: ") and str(path) in warning
    assert error.startswith(f"coffeechat: conversation {damaged_id} cannot be shown: {path}: "
                            "damaged")
    assert "Traceback" not in err
    assert len(path.read_bytes()) == 50  # never written over
    assert run(capsys, "--data-dir", str(data_dir), "show", good_id)[0] == 0
