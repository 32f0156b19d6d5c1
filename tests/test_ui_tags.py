"""The Tags view: a #tag typed during a call is counted, listed and opens where it was typed;
search finds it with tag: and #."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList, TabbedContent

from tests.live_tools import live_app, open_live
from tests.review_tools import until
from tests.uitools import type_text
from tui.core.models import Contact
from tui.screens.conversation import ConversationScreen
from tui.screens.home import HomeScreen
from tui.screens.search import SearchScreen
from tui.screens.tags import TagsScreen


async def _tags_view(app, pilot) -> TagsScreen:  # type: ignore[no-untyped-def]
    await pilot.press("t")
    screen = await until(pilot, lambda: isinstance(app.screen, TagsScreen) and app.screen)
    await until(pilot, lambda: screen.counted and screen.places is not None)
    return screen


async def test_a_tag_typed_in_live_is_counted_and_opens_there(tmp_path: Path) -> None:
    app = live_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.upkeep_done.is_set())
        pane = await open_live(pilot)
        await pilot.press("down", "enter")  # the second question's note
        await type_text(pilot, "Ships weekly, #FinTech heavy")
        await pilot.press("escape", "escape")
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert pane.conversation.questions[1].note == "Ships weekly, #FinTech heavy"
        screen = await _tags_view(app, pilot)
        [tag] = screen.counts.tags
        assert (tag.shown, tag.places, tag.conversations, tag.contacts) == (
            "FinTech", 1, 1, 0)
        row = str(screen.query_one("#tag-list", OptionList).get_option_at_index(0).prompt)
        assert "#FinTech" in row and "1" in row
        [hit] = screen.hits
        assert (hit.name, hit.label, hit.conversation_id) == ("Ana Silva", "Q2 note",
                                                               "c0ffee000002")
        start, end = hit.spans[0]
        assert hit.snippet[start:end] == "#FinTech"
        await pilot.press("enter")  # to the places
        assert app.focused is screen.query_one("#tag-places")
        await pilot.press("enter")  # open it
        conv = await until(pilot, lambda: isinstance(app.screen, ConversationScreen)
                           and screen.opened and app.screen)
        assert conv.query_one(TabbedContent).active == "live"
        assert conv.query_one("#live-pane").current_id == "q2"
        await pilot.press("escape", "escape")
        await until(pilot, lambda: app.screen is screen)


async def test_tag_search_finds_the_note_and_marks_the_tag(tmp_path: Path) -> None:
    app = live_app(tmp_path)
    async with app.run_test(size=(60, 24)) as pilot:
        await until(pilot, lambda: app.upkeep_done.is_set())
        await open_live(pilot)
        await pilot.press("enter")
        await type_text(pilot, "Moved from banks #fintech")
        await pilot.press("escape", "escape")
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert app.store.flush()
        for query in ("tag:fintech", "#fin"):
            await pilot.press("ctrl+f")
            search = await until(pilot, lambda: isinstance(app.screen, SearchScreen)
                                 and app.screen)
            await until(pilot, lambda s=search: s._index is not None)
            await type_text(pilot, query)
            await until(pilot, lambda s=search, q=query: s.result is not None
                        and s.result.query.text == q and s.query_one(Input).value == q)
            assert [(h.name, h.label) for h in search.hits] == [("Ana Silva", "Q1 note")]
            [(start, end)] = search.hits[0].spans
            assert search.hits[0].snippet[start:end] == "#fintech"
            await pilot.press("escape")


async def test_filter_keys_narrow_the_results_and_typing_stays_text(tmp_path: Path) -> None:
    from tests import search_data
    from tests.uitools import make_app
    from tui.dialogs.choice import ChoiceScreen

    app = make_app(tmp_path)
    for contact in search_data.contacts():
        app.store.save_contact(contact)
    for conversation in search_data.conversations():
        app.store.save_conversation(conversation)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.upkeep_done.is_set())
        await pilot.press("ctrl+f")
        search = await until(pilot, lambda: isinstance(app.screen, SearchScreen) and app.screen)
        await until(pilot, lambda: search._index is not None)
        box = search.query_one(Input)

        async def results(text: str) -> set[str | None]:
            await until(pilot, lambda: box.value == text and search.result is not None
                        and search.result.query.text == text)
            return {h.conversation_id for h in search.hits}

        await type_text(pilot, "dublin")
        assert await results("dublin") == {"c-jose", "c-ana-1", "c-marcus"}
        await pilot.press("f2")  # status: idea
        assert await results("status:idea dublin") == {"c-marcus"}
        await pilot.press("f2", "f2", "f2")  # reached out, scheduled, done
        assert await results("status:done dublin") == {"c-jose"}
        assert "status done" in str(search.query_one("#search-filters").render())
        await pilot.press("f7")
        await type_text(pilot, " l")  # a letter after a filter key is text
        assert "c-jose" in await results("dublin l")
        await pilot.press("f6")
        picker = await until(pilot, lambda: isinstance(app.screen, ChoiceScreen)
                             and app.screen)
        await type_text(pilot, "fin")
        await pilot.press("enter")
        await until(pilot, lambda: app.screen is search)
        assert await results("tag:fintech dublin l") == {"c-jose"}
        assert picker.choices and app.focused is box
        await pilot.press("f3")  # kind: person leaves José's company chat out
        assert await results("kind:person tag:fintech dublin l") == set()


async def test_counting_and_listing_run_off_the_event_loop(tmp_path: Path,
                                                            monkeypatch) -> None:
    import threading

    from tui.core.search import SearchIndex

    threads: list[str] = []
    for name in ("tag_counts", "tag_places"):
        real = getattr(SearchIndex, name)

        def spy(self, *args, _real=real, **kwargs):  # type: ignore[no-untyped-def]
            threads.append(threading.current_thread().name)
            return _real(self, *args, **kwargs)

        monkeypatch.setattr(SearchIndex, name, spy)
    app = live_app(tmp_path)
    app.store.save_contact(Contact(name="Bo", id="c-bo", tags=["climate tech"]))
    async with app.run_test(size=(60, 24)) as pilot:
        await until(pilot, lambda: app.upkeep_done.is_set())
        screen = await _tags_view(app, pilot)
        assert [t.shown for t in screen.counts.tags] == ["climate tech"]
        assert screen.has_class("-narrow") and not screen.query_one("#tag-side").display
        await pilot.press("enter")  # narrow: the places take the tags' room
        assert screen.query_one("#tag-side").display
        assert not screen.query_one("#tag-list").display
        await pilot.press("escape")
        assert screen.query_one("#tag-list").display and app.screen is screen
        await pilot.press("right")
        assert app.focused is screen.query_one("#tag-places")
        await pilot.press("left")
        assert app.focused is screen.query_one("#tag-list")
    main = threading.main_thread().name
    assert threads and main not in threads
