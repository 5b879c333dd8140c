"""The speaker picker gives a brand-new speaker a kind: guessed, shown, Tab cycles it."""

from __future__ import annotations

import asyncio

from test_tui_support import db_path  # noqa: F401  (fixture)
from textual.widgets import Input, Label

from newsread.config import Config
from newsread.store import Store
from newsread.tui.app import NewsreadApp
from newsread.tui.speaker_picker import SpeakerPicker, guess_kind


def test_guess_kind():
    assert guess_kind("Ministry of Health") == "ORG"
    assert guess_kind("Thames Valley Police") == "ORG"
    assert guess_kind("Acme Widgets Inc.") == "ORG"
    assert guess_kind("Reuters News") == "ORG"
    assert guess_kind("NATO") == "ORG"
    assert guess_kind("Dmitry Peskov") == "PERSON"
    assert guess_kind("Jane O'Neill") == "PERSON"


def kind_label(app) -> str:
    return str(app.screen.query_one("#picker-kind", Label).render())


def pick_new_speaker(path, typed: str, tabs: int):
    async def main():
        app = NewsreadApp(path, Config(user="tester"))
        async with app.run_test(size=(120, 36)) as pilot:
            screen = app.screen
            await app.workers.wait_for_complete()
            await pilot.pause()
            quote_id = screen.selected.id
            await pilot.press("e")
            await pilot.pause()
            assert isinstance(app.screen, SpeakerPicker)
            await pilot.press(*typed)
            await pilot.pause()
            shown = [kind_label(app)]
            for _ in range(tabs):
                await pilot.press("tab")
                shown.append(kind_label(app))
            assert isinstance(app.focused, Input)  # Tab changed the kind, not the focus
            await pilot.press("enter")
            await pilot.pause()
            return quote_id, shown

    return asyncio.run(main())


def test_a_new_organisation_is_guessed_as_org(db_path):
    quote_id, shown = pick_new_speaker(db_path, "Ministry of Funny Walks", 0)
    assert "new ORG" in shown[0]
    with Store(db_path) as store:
        quote = store.quote(quote_id)
    assert (quote.speaker, quote.speaker_kind) == ("Ministry of Funny Walks", "ORG")


def test_tab_cycles_the_kind_of_a_new_person(db_path):
    quote_id, shown = pick_new_speaker(db_path, "Zebediah Quux", 2)
    assert ["new PERSON" in shown[0], "new ORG" in shown[1], "new OTHER" in shown[2]] == [True, True, True]
    with Store(db_path) as store:
        quote = store.quote(quote_id)
    assert (quote.speaker, quote.speaker_kind) == ("Zebediah Quux", "OTHER")


def test_a_known_name_keeps_its_kind(db_path):
    with Store(db_path) as store:
        name, kind = next((n, k) for n, k in store.known_speaker_names().items() if k == "ORG")

    async def main():
        app = NewsreadApp(db_path, Config(user="tester"))
        async with app.run_test(size=(120, 36)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.press("e")
            await pilot.pause()
            await pilot.press(*name)
            await pilot.pause()
            label = kind_label(app)
            await pilot.press("tab")  # not a new name: Tab moves the focus
            return label, app.focused

    label, focused = asyncio.run(main())
    assert "known" in label and kind in label
    assert not isinstance(focused, Input)
