"""The reader's review actions, driven with Pilot on a real database file.

Each test presses keys in the real app and then reads the database with a
fresh Store, so what is checked is what was committed.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from test_tui_support import db_path  # noqa: F401  (fixture)
from textual.widgets import Input

from newsread.config import Config
from newsread.store import Store
from newsread.tui.app import NewsreadApp
from newsread.tui.reader_screen import ReaderScreen

SIZE = (120, 36)


def drive(path: Path, scenario, config: Config | None = None):
    """Run ``scenario(app, pilot, screen)`` in the real app on ``path``; return its result."""

    async def main():
        app = NewsreadApp(path, config or Config(user="tester"))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, ReaderScreen)
            result = await scenario(app, pilot, screen)
            await pilot.pause()
            return result

    return asyncio.run(main())


def status(screen: ReaderScreen) -> str:
    return str(screen.query_one("#status").render())


async def open_article_with_quotes(pilot, screen: ReaderScreen, minimum: int = 3) -> None:
    """Move with J to the first article that has at least ``minimum`` quotes."""
    while len(screen.quotes) < minimum:
        await pilot.press("J")


def stored(path: Path, quote_id: int):
    with Store(path) as store:
        return store.quote(quote_id)


def test_accept_saves_and_moves_to_the_next_quote(db_path):
    async def scenario(app, pilot, screen):
        await open_article_with_quotes(pilot, screen)
        first = screen.selected
        await pilot.press("a")
        return first, screen.selected, status(screen)

    first, now, message = drive(db_path, scenario)
    assert stored(db_path, first.id).status == "accepted"
    assert message == f"saved ✓ accepted quote {first.id}"
    assert now.id != first.id and now.article_id == first.article_id


def test_reject_saves_and_moves_on(db_path):
    async def scenario(app, pilot, screen):
        await open_article_with_quotes(pilot, screen)
        first = screen.selected
        await pilot.press("x")
        return first, screen.selected

    first, now = drive(db_path, scenario)
    assert stored(db_path, first.id).status == "rejected"
    assert now.id != first.id


def test_digit_picks_a_speaker_candidate(db_path):
    async def scenario(app, pilot, screen):
        await open_article_with_quotes(pilot, screen)
        quote = screen.selected
        candidate = next(c for c in screen.candidates if c[0] != quote.speaker)
        await pilot.press(str(screen.candidates.index(candidate) + 1))
        return quote, candidate

    quote, (name, kind) = drive(db_path, scenario)
    after = stored(db_path, quote.id)
    assert (after.speaker, after.speaker_kind, after.status, after.human) == (name, kind, "corrected", True)


def test_picking_the_current_speaker_accepts(db_path):
    async def scenario(app, pilot, screen):
        await open_article_with_quotes(pilot, screen)
        quote = screen.selected
        current = (quote.speaker, quote.speaker_kind)
        await pilot.press(str(screen.candidates.index(current) + 1))
        return quote, status(screen)

    quote, message = drive(db_path, scenario)
    after = stored(db_path, quote.id)
    assert (after.speaker, after.status, after.human) == (quote.speaker, "accepted", False)
    assert message == f"saved ✓ accepted quote {quote.id} (speaker confirmed)"


def test_speaker_picker_by_number_and_by_typing(db_path):
    async def scenario(app, pilot, screen):
        await open_article_with_quotes(pilot, screen)
        first = screen.selected
        await pilot.press("e")
        await pilot.press("2")  # the digit typed into the empty input picks candidate 2
        await pilot.pause()
        second_candidate = screen.candidates[1][0]
        await pilot.press("j")
        typed = screen.selected
        await pilot.press("enter")
        await pilot.press(*"Ann Example")
        await pilot.press("enter")
        await pilot.pause()
        return first, second_candidate, typed, status(screen)

    first, second_candidate, typed, message = drive(db_path, scenario)
    assert stored(db_path, first.id).speaker == second_candidate
    assert stored(db_path, typed.id).speaker == "Ann Example"
    assert message == f"saved ✓ speaker of quote {typed.id} is Ann Example"


def test_cycle_kind_cue_and_note(db_path):
    async def scenario(app, pilot, screen):
        await open_article_with_quotes(pilot, screen)
        quote = screen.selected
        await pilot.press("t")
        await pilot.press("c")
        await pilot.pause()
        app.screen.query_one(Input).value = "announced"
        await pilot.press("enter")
        await pilot.press("N")
        await pilot.pause()
        app.screen.query_one(Input).value = "check the recording"
        await pilot.press("enter")
        await pilot.pause()
        return quote

    quote = drive(db_path, scenario)
    after = stored(db_path, quote.id)
    kinds = ("direct", "indirect", "mixed")
    assert after.kind == kinds[(kinds.index(quote.kind) + 1) % 3]
    assert after.cue == "announced"
    assert after.note == "check the recording"


def test_span_adjust_by_a_word_at_each_end(db_path):
    async def scenario(app, pilot, screen):
        await open_article_with_quotes(pilot, screen)
        quote = screen.selected
        text = screen.article.text
        await pilot.press("]")  # start one word later
        await pilot.press("}")  # end one word later
        return quote, text

    quote, text = drive(db_path, scenario)
    after = stored(db_path, quote.id)
    assert after.start > quote.start and text[after.start - 1].isspace()
    assert after.end > quote.end
    assert after.text == text[after.start:after.end]
    assert after.status == "corrected"


def test_add_a_selected_span_as_a_quote_then_delete_it(db_path):
    async def scenario(app, pilot, screen):
        await pilot.press("J")
        screen.select(None)
        await pilot.press("g", "v")  # from the top of the article, clear of its quotes
        await pilot.press("w", "w", "w", "b", "l")
        span = screen.view.selection_span()
        await pilot.press("A")
        await pilot.pause()
        await pilot.press("1")  # the speaker picker opened: candidate 1
        await pilot.pause()
        added = screen.selected
        deleted_message = None
        await pilot.press("D")
        deleted_message = status(screen)
        return span, added, deleted_message, screen.candidates[0][0]

    span, added, message, candidate = drive(db_path, scenario)
    assert (added.start, added.end) == span
    assert added.human and added.status == "corrected"
    assert message == f"saved ✓ deleted quote {added.id}"
    with Store(db_path) as store:
        actions = [c.action for c in store.history()]
        assert actions == ["add", "edit", "delete"]
        assert store.history()[1].after["speaker"] == candidate
        assert all(q.id != added.id for q in store.quotes(added.article_id))


def test_model_quotes_cannot_be_deleted(db_path):
    async def scenario(app, pilot, screen):
        await open_article_with_quotes(pilot, screen)
        await pilot.press("D")
        return screen.selected, status(screen)

    quote, said = drive(db_path, scenario)
    assert stored(db_path, quote.id).id == quote.id
    assert said == f"quote {quote.id} was found by the extractor, so it stays on record: reject it with x instead"


def test_undo_and_redo(db_path):
    async def scenario(app, pilot, screen):
        await open_article_with_quotes(pilot, screen)
        quote = screen.selected
        await pilot.press("a")
        await pilot.press("u")
        undone = stored(db_path, quote.id).status
        back_on = screen.selected.id
        await pilot.press("U")
        redone = stored(db_path, quote.id).status
        await pilot.press("u")
        await pilot.press("ctrl+r")
        return quote, undone, back_on, redone

    quote, undone, back_on, redone = drive(db_path, scenario)
    assert (undone, redone) == ("unreviewed", "accepted")
    assert back_on == quote.id  # undo shows the quote it changed
    assert stored(db_path, quote.id).status == "accepted"


def test_accept_and_next_unreviewed_cross_articles(db_path):
    async def scenario(app, pilot, screen):
        first_article = screen.article.id
        for _ in screen.quotes:  # accept the whole first article
            await pilot.press("a")
        after_accepts = (screen.article.id, screen.selected.id)
        await pilot.press("n")
        after_n = screen.selected.id
        await pilot.press("p")
        after_p = screen.selected.id
        await pilot.press("p")
        return first_article, after_accepts, after_n, after_p, screen.selected.id, status(screen)

    first_article, after_accepts, after_n, after_p, after_pp, message = drive(db_path, scenario)
    with Store(db_path) as store:
        following = store.next_unreviewed((first_article, 10**9))
        assert after_accepts == (following.article_id, following.id)
        assert after_n == store.next_unreviewed((following.article_id, following.start)).id
    assert after_p == following.id
    assert after_pp == following.id and message.startswith("no more unreviewed")


def test_article_navigation_and_quote_navigation(db_path):
    async def scenario(app, pilot, screen):
        ids = [screen.article.id]
        await pilot.press("J")
        ids.append(screen.article.id)
        await pilot.press("J")
        ids.append(screen.article.id)
        await pilot.press("K")
        ids.append(screen.article.id)
        await open_article_with_quotes(pilot, screen)
        starts = [screen.selected.start]
        for _ in range(2):
            await pilot.press("j")
            starts.append(screen.selected.start)
        await pilot.press("k")
        starts.append(screen.selected.start)
        return ids, starts, list(screen.visible_ids)

    ids, starts, visible = drive(db_path, scenario)
    assert ids == [visible[0], visible[1], visible[2], visible[1]]
    assert starts[0] < starts[1] < starts[2] and starts[3] == starts[1]


def test_ordering_doubtful_first(db_path):
    async def scenario(app, pilot, screen):
        await open_article_with_quotes(pilot, screen, minimum=5)
        await pilot.press("o")
        await pilot.press("k", "k", "k", "k", "k", "k")
        await pilot.press("j")
        return screen.order, screen.selected, screen.quotes

    order, selected, quotes = drive(db_path, scenario)
    assert order == "doubtful first"
    second = sorted(quotes, key=lambda q: (q.confidence, q.start))[1]
    assert selected.id == second.id


def test_search_jumps_to_a_quote(db_path):
    async def scenario(app, pilot, screen):
        await pilot.press("slash")
        await pilot.press(*"Brilliantly British captures")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        return screen.selected

    quote = drive(db_path, scenario)
    assert quote is not None and quote.text.startswith("Brilliantly British captures")


def test_library_filter_by_title_and_speaker(db_path):
    async def scenario(app, pilot, screen):
        await pilot.press("f")
        await pilot.press(*"Cornwall")
        by_title = list(screen.visible_ids)
        app.screen.query_one("#library-filter", Input).value = "@Sadiq"
        await pilot.pause()
        by_speaker = list(screen.visible_ids)
        await pilot.press("escape")
        await pilot.press("S")
        return by_title, by_speaker, screen.library_sort

    by_title, by_speaker, sort = drive(db_path, scenario)
    with Store(db_path) as store:
        titles = {s.id: s.title for s in store.article_summaries()}
    assert [titles[i] for i in by_title] == ["Fish washed up on Cornwall beach"]
    assert len(by_speaker) == 2  # Sadiq Khan is quoted in two articles
    assert sort == "unreviewed first"


def test_speakers_rename_and_merge(db_path):
    async def scenario(app, pilot, screen):
        await pilot.press("s")
        await pilot.pause()
        speakers = app.screen
        names = [s.name for s in speakers.speakers]
        index = names.index("Sadiq Khan")
        speakers.query_one("#speaker-list").highlighted = index
        await pilot.press("r")
        await pilot.pause()
        app.screen.query_one(Input).value = "Mayor Sadiq Khan"
        await pilot.press("enter")
        await pilot.pause()
        names = [s.name for s in speakers.speakers]
        speakers.query_one("#speaker-list").highlighted = names.index("Boris Johnson")
        await pilot.press("m")
        await pilot.pause()
        app.screen.query_one(Input).value = "Mayor Sadiq Khan"
        await pilot.press("enter")
        await pilot.pause()
        message = str(speakers.query_one("#speakers-status").render())
        await pilot.press("escape")
        return message

    message = drive(db_path, scenario)
    assert message.startswith("saved ✓ merged Boris Johnson into Mayor Sadiq Khan")
    with Store(db_path) as store:
        speakers = {s.name: s for s in store.speakers()}
        assert "Sadiq Khan" not in speakers and "Boris Johnson" not in speakers
        merged = speakers["Mayor Sadiq Khan"]
        assert {"Sadiq Khan", "Boris Johnson"} <= set(merged.aliases)
        assert merged.quotes == 5 + 7


def test_speakers_screen_jumps_to_a_quote(db_path):
    async def scenario(app, pilot, screen):
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("enter")  # open the top speaker's quotes
        await pilot.press("down")
        await pilot.press("enter")  # jump to the second
        await pilot.pause()
        return screen.selected

    quote = drive(db_path, scenario)
    with Store(db_path) as store:
        top = store.speakers()[0]
    assert quote.speaker == top.name


def test_state_and_undo_survive_a_restart(db_path):
    async def first_session(app, pilot, screen):
        await open_article_with_quotes(pilot, screen)
        quote = screen.selected
        await pilot.press("a")
        await pilot.press("q")
        return quote

    quote = drive(db_path, first_session)

    async def second_session(app, pilot, screen):
        resumed = (screen.article.id, screen.selected.id)
        accepted = screen.selected.status if screen.selected.id == quote.id else None
        await pilot.press("u")
        return resumed, accepted

    resumed, accepted = drive(db_path, second_session)
    assert resumed == (quote.article_id, quote.id)  # reopens where the last change was made
    assert accepted == "accepted"
    assert stored(db_path, quote.id).status == "unreviewed"


def test_keymap_from_config_rebinds_and_help_shows_it(db_path):
    async def scenario(app, pilot, screen):
        await open_article_with_quotes(pilot, screen)
        first = screen.selected.id
        await pilot.press("ctrl+n")
        moved = screen.selected.id != first
        await pilot.press("question_mark")
        await pilot.pause()
        rows = app.screen.rows
        return moved, rows

    config = Config(user="tester", keys={"quote.next": "ctrl+n"})
    moved, rows = drive(db_path, scenario, config)
    assert moved
    assert ("ctrl+n", "Next quote", "quote.next") in rows


def test_command_palette_offers_only_what_fits(db_path):
    from newsread.tui.commands import ReaderCommands

    async def scenario(app, pilot, screen):
        provider = ReaderCommands(screen)
        with_quote = {title for title, _, _ in provider._commands()}
        screen.select(None)
        without_quote = {title for title, _, _ in provider._commands()}
        return with_quote, without_quote

    with_quote, without_quote = drive(db_path, scenario)
    assert "Accept" in with_quote and "Accept" not in without_quote
    assert "Add selection as quote" not in with_quote
    assert "Search" in without_quote


def test_single_quote_changes_restyle_as_a_full_reload_would(db_path):
    """Accept, reject, kind and span changes swap one quote's spans in place; the result must
    equal restyling every quote from the store."""
    from collections import Counter

    from newsread.tui.article_view import ArticleView

    async def scenario(app, pilot, screen):
        await app.workers.wait_for_complete()
        await open_article_with_quotes(pilot, screen)
        await pilot.press("x", "k", "t", "j", "a", "k", "]")
        await pilot.pause()
        view = screen.query_one(ArticleView)
        incremental = (Counter(view._spans), view._span_starts == sorted(view._span_starts))
        with Store(app.db_path) as store:
            fresh = {q.id: q for q in store.quotes(screen.article.id)}
        assert {q.id: q for q in screen.quotes} == fresh
        view._restyle()
        return incremental, Counter(view._spans)

    (incremental, ordered_starts), full = drive(db_path, scenario)
    assert ordered_starts and incremental == full
