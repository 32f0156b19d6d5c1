"""The person page: Enter on a contact, the chain both ways, conversations newest first,
actions, follow-ups; Enter opens people and conversations, e edits the contact."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from tests.review_tools import fill, until
from tests.uitools import make_app, type_text
from tui.screens.home import HomeScreen
from tui.screens.person import PersonScreen
from tui.screens.read import ReadScreen


async def _open_person(app, pilot, contact_id: str) -> PersonScreen:
    await pilot.press("2")
    app.screen.query_one("#contact-list").select_id(contact_id)
    await pilot.press("enter")
    screen = await until(pilot, lambda: isinstance(app.screen, PersonScreen) and app.screen)
    await until(pilot, lambda: screen.history is not None)
    return screen


def _rows(screen: PersonScreen) -> list[tuple[str | None, str]]:
    return [(o.id, str(o.prompt)) for o in screen.query_one("#person-rows", OptionList).options]


async def test_enter_on_a_contact_shows_their_history(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    fill(app.store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_person(app, pilot, "c-marcus")
        details = str(screen.query_one("#person-details").render())
        assert "Marcus Lee" in details and "Data engineer · Tidewater Energy" in details
        assert "stay in touch: every 90 days" in details
        rows = _rows(screen)
        ids = [i for i, _ in rows]
        assert ids.index("p:c-priya") < ids.index("p:c-jonas") < ids.index("c:chat-marcus-2")
        assert ids.index("c:chat-marcus-2") < ids.index("c:chat-marcus")  # newest first
        texts = "\n".join(t for _, t in rows)
        assert "└─ Jonas Berg (Tidewater)" in texts
        assert "Read DDIA ch. 3" in texts and "Send notes" not in texts  # done ones left out
        assert "2026-12-10  Sent the article" in texts
        assert "not a contact yet" not in texts.split("Jonas")[0]


async def test_enter_walks_the_chain_and_opens_conversations(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    fill(app.store)
    async with app.run_test(size=(60, 24)) as pilot:
        marcus = await _open_person(app, pilot, "c-marcus")
        listing = marcus.query_one("#person-rows", OptionList)
        listing.highlighted = [o.id for o in listing.options].index("p:c-priya")
        await pilot.press("enter")
        priya = await until(pilot, lambda: app.screen is not marcus and app.screen)
        await until(pilot, lambda: priya.history is not None)
        assert priya.contact_id == "c-priya"
        assert "p:c-marcus" in [i for i, _ in _rows(priya)]
        await pilot.press("escape")
        assert app.screen is marcus
        listing.highlighted = [o.id for o in listing.options].index("c:chat-marcus")
        await pilot.press("enter")
        reading = await until(pilot, lambda: isinstance(app.screen, ReadScreen) and app.screen)
        assert reading.conversation_id == "chat-marcus"
        await pilot.press("q")
        assert app.screen is marcus
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_e_edits_the_contact_and_the_page_follows(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    fill(app.store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_person(app, pilot, "c-jonas")
        assert "Introduced by" in "\n".join(t for _, t in _rows(screen))
        await pilot.press("e")
        await until(pilot, lambda: app.screen is not screen)
        name = app.screen.query_one("#c-name")
        name.value = ""
        name.focus()
        await type_text(pilot, "Jonas [b]Berg[/b]")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.screen is screen)
        await until(pilot, lambda: screen.history.contact.name == "Jonas [b]Berg[/b]")
        assert "Jonas [b]Berg[/b]" in str(screen.query_one("#person-details").render())
    assert app.store.contact("c-jonas").name == "Jonas [b]Berg[/b]"
