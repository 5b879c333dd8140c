"""The article's text cursor and selections, from the keyboard alone (Pilot on a real database).

The cursor moves freely (h/l, w/b, e, 0/$, sentences, paragraphs, ↑/↓, g/G); `v` anchors a
selection at it; selections snap to whole words; `A` warns before adding over a quote.
"""

from __future__ import annotations

from test_tui_review import drive, open_article_with_quotes, status
from test_tui_support import db_path  # noqa: F401  (fixture)

from newsread.store import Store
from newsread.tui.text_layout import (
    next_paragraph_start,
    next_sentence_start,
    prev_paragraph_start,
    prev_sentence_start,
    snap_to_words,
    word_end,
)

TEXT = 'He said it. "We go," she added! Then more.\n\nA new para here. Last one?\n'


def test_sentence_and_paragraph_steps():
    second = TEXT.index('"We')
    third = TEXT.index("Then")
    para = TEXT.index("A new")
    assert next_sentence_start(TEXT, 0) == second
    assert next_sentence_start(TEXT, second) == third
    assert next_sentence_start(TEXT, third) == para  # a paragraph break ends a sentence too
    assert prev_sentence_start(TEXT, third + 3) == third
    assert prev_sentence_start(TEXT, third) == second  # from a sentence's start: the one before
    assert prev_sentence_start(TEXT, 4) == 0
    assert next_paragraph_start(TEXT, 3) == para
    assert prev_paragraph_start(TEXT, para + 5) == para
    assert prev_paragraph_start(TEXT, para) == 0
    # Not a sentence end: a full stop inside a number or an abbreviation without a space after.
    assert next_sentence_start("It cost 3.5 million.", 0) == len("It cost 3.5 million.") - 1


def test_word_end_and_snapping_to_whole_words():
    assert TEXT[word_end(TEXT, 0)] == "e" and word_end(TEXT, 0) == 1
    assert TEXT[word_end(TEXT, 1)] == "d"  # from a word's end: the next word's
    said = TEXT.index("said")
    assert snap_to_words(TEXT, said + 1, said + 3) == (said, said + 4)
    assert snap_to_words(TEXT, said, said + 4) == (said, said + 4)  # already whole: unchanged
    assert snap_to_words("a well-known don't b", 4, 9) == (2, 12)  # inner hyphens and apostrophes join
    quote = TEXT.index("We")
    assert snap_to_words(TEXT, quote, quote + 2) == (quote, quote + 2)  # the quote mark is not a word


def test_the_cursor_moves_freely_and_v_anchors_there(db_path):
    async def scenario(app, pilot, screen):
        await open_article_with_quotes(pilot, screen)
        view = screen.view
        text = view.text
        start = view.cursor
        seen = {"follows quote": start == screen.selected.start}
        await pilot.press("w")
        seen["w"] = view.cursor == text.index(" ", start) + 1 and not view.selecting
        await pilot.press("l", "l", "h")
        seen["l l h"] = view.cursor == text.index(" ", start) + 2
        await pilot.press("0")
        line_start = view.cursor
        await pilot.press("dollar_sign")
        seen["0 $"] = line_start <= start < view.cursor and not text[line_start:view.cursor].count("\n")
        await pilot.press("right_parenthesis")
        seen[")"] = text[view.cursor - 1].isspace() and view.cursor > start
        await pilot.press("left_parenthesis")
        await pilot.press("ctrl+down")
        seen["ctrl+down"] = text[view.cursor - 1] == "\n"
        await pilot.press("down", "up")
        await pilot.press("b", "l")  # inside a word
        anchor = view.cursor
        await pilot.press("v", "e", "e")
        span = view.selection_span()
        seen["v anchors, snapped"] = span[0] < anchor and text[span[0] - 1].isspace() and text[span[1]] in " \n,.;:!?\"”’"
        await pilot.press("escape")
        seen["esc"] = not view.selecting
        await pilot.press("G")
        seen["G"] = view.cursor >= len(text) - 1
        await pilot.press("g")
        seen["g"] = view.cursor == 0 and view.scroll_y == 0
        return seen

    seen = drive(db_path, scenario)
    assert all(seen.values()), seen


def test_brace_keys_move_by_paragraph_only_while_selecting(db_path):
    async def scenario(app, pilot, screen):
        await open_article_with_quotes(pilot, screen)
        quote = screen.selected
        await pilot.press("v", "right_curly_bracket")
        moved_to = screen.view.cursor
        await pilot.press("escape", "right_curly_bracket")  # now the reader's "quote end one word later"
        return quote, screen.view.text, moved_to, status(screen)

    quote, text, moved_to, said = drive(db_path, scenario)
    assert text[moved_to - 1] == "\n" and moved_to > quote.start
    assert said.startswith(f"saved ✓ span of quote {quote.id}")


def test_adding_over_an_existing_quote_warns_first(db_path):
    async def scenario(app, pilot, screen):
        await open_article_with_quotes(pilot, screen)
        quote = screen.selected
        await pilot.press("v", "w", "w", "A")
        warned = status(screen)
        count = len(screen.quotes)
        await pilot.press("A")
        await pilot.pause()
        return quote, warned, count, app.screen

    quote, warned, count, top = drive(db_path, scenario)
    assert warned.startswith(f"the selection overlaps quote {quote.id} (") and "A again adds it anyway" in warned
    assert type(top).__name__ == "SpeakerPicker"  # added after the second A, so its speaker is asked for
    with Store(db_path) as store:
        assert len(store.quotes(quote.article_id)) == count + 1


def test_a_message_is_cleared_by_the_next_navigation(db_path):
    async def scenario(app, pilot, screen):
        await open_article_with_quotes(pilot, screen)
        await pilot.press("a")
        saved = status(screen)
        await pilot.press("k")
        return saved, status(screen)

    saved, after = drive(db_path, scenario)
    assert saved.startswith("saved ✓ accepted quote") and after == ""
