"""The speakers screen: type to filter, change a speaker's kind, long alias lists wrapped."""

from __future__ import annotations

import pytest
from test_tui_review import drive
from test_tui_support import db_path  # noqa: F401  (fixture)

from newsread.cli import main as newsread_main
from newsread.store import Store
from newsread.tui.reader_screen import ReaderScreen
from newsread.tui.speakers_screen import SpeakersScreen

KHAN_ALIASES = [
    "the Mayor of London", "Mr Khan", "Sadiq Aman Khan", "London's mayor", "the Labour mayor",
    "Mayor Khan", "the former Tooting MP", "the Mayor of the capital", "Khan",
]


def add_aliases(path, name: str, aliases: list[str]) -> None:
    with Store(path, user="test") as store:
        store.speaker_id(name, aliases=aliases)


def rendered_lines(widget) -> list[str]:
    """The widget's lines as drawn now, trailing blanks removed."""
    return [widget.render_line(y).text.rstrip() for y in range(widget.size.height)]


async def open_speakers(pilot, app) -> SpeakersScreen:
    await pilot.press("s")
    await pilot.pause()
    assert isinstance(app.screen, SpeakersScreen)
    return app.screen


def test_typing_filters_by_name_or_alias_ignoring_case_and_accents(db_path):
    add_aliases(db_path, "Sadiq Khan", ["the Mayor of London"])

    async def scenario(app, pilot, screen):
        speakers = await open_speakers(pilot, app)
        everyone = len(speakers.speakers)
        await pilot.press("slash", *"erdogan")  # no accent typed, "Erdoğan" stored
        await pilot.pause()
        by_name = [s.name for s in speakers.speakers]
        await pilot.press("escape", "slash", *"MAYOR of")  # an alias, in other case
        await pilot.pause()
        by_alias = [s.name for s in speakers.speakers]
        await pilot.press("enter")  # to the first match, its quotes beside it
        await pilot.pause()
        focused, current = app.focused.id, speakers.current.name
        title = str(speakers.query_one("#speaker-quotes-title").render())
        await pilot.press("slash", *"zzqx")
        await pilot.pause()
        return everyone, by_name, by_alias, focused, current, title, speakers.speakers, \
            rendered_lines(speakers.query_one("#speaker-list"))

    everyone, by_name, by_alias, focused, current, title, none, lines = drive(db_path, scenario)
    assert everyone > 20
    assert by_name == ["Recep Tayyip Erdoğan"]
    assert by_alias == ["Sadiq Khan"]
    assert (focused, current) == ("speaker-list", "Sadiq Khan")
    assert title.startswith("Sadiq Khan: 5 quotes")
    assert none == []
    assert lines[0].strip() == "no speaker matches “zzqx”"
    assert not any(lines[1:])


def test_escape_clears_the_filter_then_leaves(db_path):
    async def scenario(app, pilot, screen):
        speakers = await open_speakers(pilot, app)
        everyone = len(speakers.speakers)
        await pilot.press("slash", *"iq")  # "q" goes into the filter, it does not leave
        await pilot.pause()
        filtered = ([s.name for s in speakers.speakers], app.screen is speakers)
        await pilot.press("escape")
        await pilot.pause()
        cleared = (speakers.query_one("#speaker-filter").value, len(speakers.speakers), app.screen is speakers,
                   app.focused.id)
        await pilot.press("escape")
        await pilot.pause()
        return everyone, filtered, cleared, app.screen

    everyone, filtered, cleared, after = drive(db_path, scenario)
    assert filtered == (["Sadiq Khan"], True)
    assert cleared == ("", everyone, True, "speaker-list")
    assert isinstance(after, ReaderScreen)


def test_t_changes_the_kind_saved_logged_and_undone_in_the_reader(db_path):
    async def scenario(app, pilot, screen):
        speakers = await open_speakers(pilot, app)
        await pilot.press("slash", *"sadiq", "enter", "t")
        await pilot.pause()
        message = str(speakers.query_one("#speakers-status").render())
        shown = speakers.current.kind
        with Store(db_path) as fresh:
            saved = fresh.speaker_by_name("Sadiq Khan").kind
        await pilot.press("escape", "escape")  # clear the filter, leave
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        return message, shown, saved, str(screen.query_one("#status").render())

    message, shown, saved, undone = drive(db_path, scenario)
    assert message == "saved ✓ Sadiq Khan is now ORG (was PERSON)"
    assert shown == saved == "ORG"
    assert undone.startswith("saved ✓ undo: speaker kind")
    with Store(db_path) as store:
        assert store.speaker_by_name("Sadiq Khan").kind == "PERSON"
        change, undo = store.history()[-2:]
    assert change.action == "speaker_kind" and change.user == "tester"
    assert [s["kind"] for s in change.before["speakers"]] == ["PERSON"]
    assert [s["kind"] for s in change.after["speakers"]] == ["ORG"]
    assert (undo.action, undo.reverts) == ("undo", change.id)


def test_long_alias_list_wraps_under_the_name_at_80_columns(db_path):
    add_aliases(db_path, "Sadiq Khan", KHAN_ALIASES)

    async def scenario(app, pilot, screen):
        await pilot.resize_terminal(80, 24)
        speakers = await open_speakers(pilot, app)
        await pilot.press("slash", *"sadiq", "enter")
        await pilot.pause()
        return rendered_lines(speakers.query_one("#speaker-list"))

    lines = [line for line in drive(db_path, scenario) if line]
    assert "5 Sadiq Khan  PERSON" in lines[0]
    assert len(lines) >= 3
    name_column = lines[0].index("Sadiq Khan")
    for line in lines[1:]:  # under the name, not under the count
        assert len(line) - len(line.lstrip()) == name_column
    aliases = " ".join(line.strip() for line in lines[1:])
    assert aliases == "aka " + ", ".join(KHAN_ALIASES)


def test_store_set_speaker_kind_is_logged_undone_and_checked(db_path, monkeypatch, capsys):
    with Store(db_path, user="ana") as store:
        khan = store.speaker_by_name("Sadiq Khan")
        logged = len(store.history())
        assert store.set_speaker_kind(khan.id, "ORG").kind == "ORG"
        assert store.speaker(khan.id).kind == "ORG" and store.speaker(khan.id).name == "Sadiq Khan"
        assert all(q.speaker_kind == "ORG" for q, _ in store.speaker_quotes(khan.id))
        with pytest.raises(ValueError, match="unknown speaker kind 'PLACE'"):
            store.set_speaker_kind(khan.id, "PLACE")
        store.set_speaker_kind(khan.id, "ORG")  # already ORG: nothing to log or undo
        assert [c.action for c in store.history()[logged:]] == ["speaker_kind"]

        assert store.undo().action == "speaker_kind"
        assert store.speaker(khan.id).kind == "PERSON"
        assert store.redo().action == "speaker_kind"
        assert store.speaker(khan.id).kind == "ORG"

    monkeypatch.setenv("NEWSREAD_CONFIG", "/nonexistent/newsread.toml")
    assert newsread_main(["--db", str(db_path), "history"]) == 0
    printed = capsys.readouterr().out.splitlines()[-3:]
    assert "speaker_kind" in printed[0] and "'Sadiq Khan (PERSON)' → 'Sadiq Khan (ORG)'" in printed[0]
    assert "undo of #" in printed[1] and "'Sadiq Khan (ORG)' → 'Sadiq Khan (PERSON)'" in printed[1]
    assert "redo of #" in printed[2] and "'Sadiq Khan (PERSON)' → 'Sadiq Khan (ORG)'" in printed[2]


def two_police_articles(path) -> tuple[int, int]:
    """Two articles whose "police" are each their own (a description: a speaker of its article only)."""
    from newsread.library import add_article
    from newsread.model import Article, Extraction, Quote, Speaker

    ids = []
    with Store(path, user="test") as store:
        for town in ("Leeds", "York"):
            text = f"Police said the {town} road was closed."
            article_id, _ = add_article(store, Article(text=text, title=f"{town} road"))
            start = text.index("the")
            quote = Quote(start=start, end=len(text) - 1, text=text[start:-1], kind="indirect", speaker="Police",
                          speaker_kind="ORG", cue="said", cue_start=7, mention_start=0, mention_end=6)
            store.store_extraction(article_id, Extraction([quote], [Speaker("Police", "ORG", scope="article")]), "test")
            ids.append(article_id)
    return ids[0], ids[1]


def test_each_articles_description_is_told_apart_and_a_person_can_merge_them(tmp_path):
    from textual.widgets import Input

    from newsread.tui.speaker_picker import SpeakerPicker

    path = tmp_path / "n.db"
    leeds, york = two_police_articles(path)

    async def scenario(app, pilot, screen):
        await pilot.press("e")  # the picker, on the first article's quote
        await pilot.pause()
        assert isinstance(app.screen, SpeakerPicker)
        candidate = str(app.screen.query_one("#picker-candidates").get_option_at_index(0).prompt)
        await pilot.press("escape")
        speakers = await open_speakers(pilot, app)
        lines = [line.strip() for line in rendered_lines(speakers.query_one("#speaker-list")) if line.strip()]
        speakers.query_one("#speaker-list").highlighted = [s.article_id for s in speakers.speakers].index(leeds)
        await pilot.press("m")
        await pilot.pause()
        app.screen.query_one(Input).value = f"Police (article {york})"
        await pilot.press("enter")
        await pilot.pause()
        message = str(speakers.query_one("#speakers-status").render())
        await pilot.press("escape")
        return candidate, lines, message

    candidate, lines, message = drive(path, scenario)
    assert "Police" in candidate and "this article only" in candidate
    assert lines == [f"1 Police  ORG  article {leeds}: Leeds road", f"1 Police  ORG  article {york}: York road"]
    assert message.startswith(f"saved ✓ merged Police (article {leeds}) into Police (article {york}) (1 quotes)")
    with Store(path) as store:
        [merged] = store.speakers()
        assert (merged.name, merged.article_id, merged.quotes) == ("Police", None, 2)  # one speaker across articles now
