"""The review flow a first real review asked for, driven with Pilot on a real database file:
speakers refreshed at once, the library filter, small terminals, accepting in bulk, and the
palette's export and web page."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from test_tui_review import drive, open_article_with_quotes, status
from test_tui_support import db_path  # noqa: F401  (fixture)
from textual.widgets import Input

from newsread.config import Config
from newsread.store import Store
from newsread.tui.app import NewsreadApp
from newsread.tui.reader_screen import ReaderScreen


def legend(screen: ReaderScreen) -> str:
    return str(screen.query_one("#legend").render())


def test_a_new_speaker_is_a_candidate_marked_at_once(db_path):
    async def scenario(app, pilot, screen):
        await open_article_with_quotes(pilot, screen)
        before = list(screen.candidates)
        quote = screen.selected
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one(Input).value = "Nadia Newname"
        await pilot.press("enter")
        await pilot.pause()
        return before, quote, screen.candidates, legend(screen), screen.speaker_colors, screen.view._name_styles

    before, quote, after, shown, colours, name_styles = drive(db_path, scenario)
    assert ("Nadia Newname", "PERSON") in after and ("Nadia Newname", "PERSON") not in before
    number = [name for name, _ in after].index("Nadia Newname") + 1
    assert f" {number}  ■ Nadia Newname ×1" in shown  # its pick key, apart from its count
    assert "Nadia Newname" in colours and "Nadia Newname" in name_styles  # its mentions are marked
    for old_name, _ in before:  # everyone else keeps their colour
        assert old_name in colours


def test_the_legend_gives_each_candidate_its_pick_key(db_path):
    async def scenario(app, pilot, screen):
        await open_article_with_quotes(pilot, screen)
        return screen.candidates, screen.quotes, legend(screen)

    candidates, quotes, shown = drive(db_path, scenario)
    for number, (name, _) in enumerate(candidates[:9], 1):
        count = sum(q.speaker == name for q in quotes)
        assert f" {number}  ■ {name} ×{count}" in shown


def test_enter_in_the_filter_opens_the_match_and_esc_clears_it(db_path):
    async def scenario(app, pilot, screen):
        await pilot.press("f", *"Cornwall", "enter")
        opened, focused = screen.article.title, app.focused
        await pilot.press("f", *"xyzzy", "enter")
        nothing = status(screen)
        await pilot.press("escape")
        return opened, focused, nothing, screen.library_filter, len(screen.visible_ids), app.focused

    opened, focused, nothing, left, listed, focus_after = drive(db_path, scenario)
    assert opened == "Fish washed up on Cornwall beach" and type(focused).__name__ == "ArticleView"
    assert nothing == "no article matches the filter — Esc clears it"
    assert left == "" and listed == 30 and type(focus_after).__name__ == "ArticleView"


def test_r_keeps_the_selected_quote_in_view(db_path):
    async def scenario(app, pilot, screen):
        while len(screen.quotes) < 8:
            await pilot.press("J")
        await pilot.press(*"j" * 7)
        chosen = screen.selected
        await pilot.press("R")
        view = screen.view
        top, height = round(view.scroll_y), view.scrollable_content_region.height
        return chosen, screen.selected, view._line_of(chosen.start), top, height

    chosen, after, line, top, height = drive(db_path, scenario)
    assert after.id == chosen.id and top <= line < top + height


def run_small(path: Path, scenario, size=(80, 24)):
    async def main():
        app = NewsreadApp(path, Config(user="tester"))
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            return await scenario(app, pilot, app.screen)

    return asyncio.run(main())


def test_at_80_by_24_the_article_keeps_its_room(db_path):
    async def scenario(app, pilot, screen):
        await open_article_with_quotes(pilot, screen)
        small = (screen.library.display, screen.query_one("#legend").size.height, screen.view.size.height)
        await pilot.press("L")
        await pilot.pause()
        shown = (screen.library.display, screen.query_one("#article-list").render_line(1).text)
        await pilot.press("L")
        return small, shown

    (library, legend_height, article_height), (library_after, second_row) = run_small(db_path, scenario)
    assert library is False and legend_height == 1 and article_height >= 10
    assert library_after is True and second_row.lstrip().startswith("#1 ")  # ids in the library


def test_accepting_every_confident_quote_is_one_undoable_step(db_path):
    async def scenario(app, pilot, screen):
        while len(screen.quotes) < 6:
            await pilot.press("J")
        article_id = screen.article.id
        await pilot.press("Y")
        await pilot.pause()
        app.screen.query_one(Input).value = "0.6"
        await pilot.press("enter")
        await pilot.pause()
        accepted = status(screen)
        await pilot.press("u")
        return article_id, accepted, status(screen)

    article_id, accepted, undone = drive(db_path, scenario)
    with Store(db_path) as store:
        quotes = store.quotes(article_id)
        confident = [q for q in quotes if q.confidence >= 0.6]
        assert confident and len(confident) < len(quotes)
        assert accepted.startswith(f"saved ✓ accepted {len(confident)} quote(s) with confidence ≥ 0.60")
        assert undone == "saved ✓ undo: accept many" and {q.status for q in quotes} == {"unreviewed"}
        log = store.history()
        assert [c.action for c in log] == ["accept_many", "undo"]
        assert sorted(q["id"] for q in log[0].after["quotes"]) == sorted(q.id for q in confident)


def test_the_palette_exports_and_opens_the_web_page(db_path, tmp_path):
    from newsread.tui.commands import ReaderCommands

    out = tmp_path / "from-the-reader.jsonl"

    async def scenario(app, pilot, screen):
        titles = {title for title, _, _ in ReaderCommands(screen)._commands()}
        await screen.run_action("export")
        await pilot.pause()
        app.screen.query_one(Input).value = "jsonl"
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one(Input).value = str(out)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        return titles, status(screen)

    titles, said = drive(db_path, scenario)
    assert "Open the article's web page" in titles and any(t.startswith("Export annotations") for t in titles)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert said == f"exported {len(lines)} quote(s) to {out} ✓" and len(lines) > 200


def test_jumping_from_the_speakers_screen_clears_a_filter_that_hides_the_target(db_path):
    with Store(db_path) as store:
        top = store.speakers()[0]
        target_article = store.speaker_quotes(top.id)[1][0].article_id  # its second quote's article
        hidden_by = next(s.title for s in store.article_summaries() if s.id != target_article and s.title)

    async def scenario(app, pilot, screen):
        screen.query_one("#library-filter", Input).value = hidden_by
        await pilot.pause()
        hidden = target_article not in screen.visible_ids
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("enter", "down", "enter")  # the top speaker's quotes, one of them
        await pilot.pause()
        return hidden, screen.library_filter, target_article in screen.visible_ids, screen.article.id

    hidden, left, listed, opened = drive(db_path, scenario)
    assert hidden and left == "" and listed and opened == target_article


def test_a_mouse_drag_still_selects_whole_words(db_path):
    async def scenario(app, pilot, screen):
        await open_article_with_quotes(pilot, screen)
        view = screen.view
        row = view._line_of(screen.selected.start) - round(view.scroll_y)  # a line of text, not a blank
        await pilot.mouse_down(view, offset=(4, row))
        await pilot.hover(view, offset=(20, row))
        span = view.selection_span()
        await pilot.mouse_up(view, offset=(20, row))
        return view.text, span, view.selecting

    text, span, selecting = drive(db_path, scenario)
    assert selecting and span is not None and span[1] - span[0] >= 10
    assert span[0] == 0 or not text[span[0] - 1].isalnum()  # snapped to a word's start
    assert span[1] == len(text) or not text[span[1]].isalnum()  # and to a word's end


def test_a_candidate_past_nine_is_picked_by_typing(db_path):
    async def scenario(app, pilot, screen):
        while len(screen.candidates) <= 9:
            await pilot.press("J")
        tenth = screen.candidates[9][0]
        quote = next(q for q in screen.quotes if q.speaker != tenth)
        screen.select(quote)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press(*tenth, "enter")
        await pilot.pause()
        return tenth, quote, legend(screen)

    tenth, quote, shown = drive(db_path, scenario)
    assert "+1 more: e, then type" in shown or "more: e, then type" in shown
    with Store(db_path) as store:
        assert store.quote(quote.id).speaker == tenth
