"""Several speakers for one quote (a joint statement), chosen in the reader's picker with Pilot.

Each scenario presses keys in the real app on a real database, then reads what was
committed with a fresh Store.
"""

from __future__ import annotations

from test_tui_injection import screen_text
from test_tui_review import drive, open_article_with_quotes, status, stored
from test_tui_support import db_path  # noqa: F401  (fixture)
from textual.widgets import Label, OptionList

from newsread.store import Store
from newsread.tui.speaker_picker import SpeakerPicker


def two_other_candidates(screen) -> list[int]:
    """The numbers (1–9) of two candidates that are not the selected quote's speaker."""
    numbers = [n for n, (name, _) in enumerate(screen.candidates[:9], 1) if name not in screen.selected.speakers]
    assert len(numbers) >= 2
    return numbers[:2]


async def open_quote_with_candidates(pilot, screen) -> None:
    await open_article_with_quotes(pilot, screen)
    while len([c for c in screen.candidates[:9] if c[0] not in screen.selected.speakers]) < 2:
        await pilot.press("J")


def test_plus_then_two_digits_saves_both_candidates(db_path):
    async def scenario(app, pilot, screen):
        await open_quote_with_candidates(pilot, screen)
        quote = screen.selected
        first, second = two_other_candidates(screen)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, SpeakerPicker)
        await pilot.press("plus", str(first), str(second))
        await pilot.pause()
        assert isinstance(app.screen, SpeakerPicker)  # a digit toggles now, it does not save
        shown = str(app.screen.query_one("#picker-selection", Label).render())
        await pilot.press("enter")
        await pilot.pause()
        editor = screen_text(app)
        names = [screen.candidates[first - 1][0], screen.candidates[second - 1][0]]
        return quote, names, shown, status(screen), editor

    quote, names, shown, message, editor = drive(db_path, scenario)
    assert f"{names[0]} + {names[1]}" in shown
    after = stored(db_path, quote.id)
    assert after.speakers == names
    assert after.speaker == f"{names[0]} and {names[1]}"
    assert (after.status, after.human) == ("corrected", True)
    assert message == f"saved ✓ speakers of quote {quote.id} are {names[0]} and {names[1]}"
    assert "Speakers" in editor and f"{names[0]} + {names[1]}" in editor  # the editor pane shows both


def test_typed_names_are_added_with_plus_and_enter_saves_the_set(db_path):
    async def scenario(app, pilot, screen):
        await open_article_with_quotes(pilot, screen)
        quote = screen.selected
        await pilot.press("e")
        await pilot.pause()
        await pilot.press(*"Kimberly-Clark")
        await pilot.press("plus")
        await pilot.press(*"Solaris Paper")
        await pilot.press("enter")  # the name still in the input is one of them
        await pilot.pause()
        return quote

    quote = drive(db_path, scenario)
    assert stored(db_path, quote.id).speakers == ["Kimberly-Clark", "Solaris Paper"]
    with Store(db_path) as store:
        counts = {s.name: s.quotes for s in store.speakers()}
    assert counts["Kimberly-Clark"] == 1 and counts["Solaris Paper"] == 1


def test_a_digit_again_takes_its_candidate_out_and_one_left_is_a_single_speaker(db_path):
    async def scenario(app, pilot, screen):
        await open_quote_with_candidates(pilot, screen)
        quote = screen.selected
        first, second = two_other_candidates(screen)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("plus", str(first), str(second), str(first))
        await pilot.press("enter")
        await pilot.pause()
        return quote, screen.candidates[second - 1], status(screen)

    quote, (name, kind), message = drive(db_path, scenario)
    after = stored(db_path, quote.id)
    assert (after.speakers, after.speaker_kind) == ([name], kind)
    assert message == f"saved ✓ speaker of quote {quote.id} is {name}"


def test_undo_gives_back_the_single_speaker_and_the_picker_marks_every_current_one(db_path):
    async def scenario(app, pilot, screen):
        await open_quote_with_candidates(pilot, screen)
        quote = screen.selected
        first, second = two_other_candidates(screen)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("plus", str(first), str(second), "enter")
        await pilot.pause()
        joint = stored(screen.store.path, quote.id)
        await pilot.press("e")  # the picker of a joint quote marks each of its speakers as current
        await pilot.pause()
        options = app.screen.query_one("#picker-candidates", OptionList)
        marked = [str(options.get_option_at_index(n - 1).prompt) for n in (first, second)]
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        return quote, joint, marked

    quote, joint, marked = drive(db_path, scenario)
    assert len(joint.speakers) == 2
    assert all("← current" in prompt for prompt in marked)
    after = stored(db_path, quote.id)
    assert (after.speakers, after.status) == (quote.speakers, quote.status)


def test_enter_on_a_typed_name_still_sets_exactly_one(db_path):
    async def scenario(app, pilot, screen):
        await open_article_with_quotes(pilot, screen)
        quote = screen.selected
        await pilot.press("e")
        await pilot.pause()
        await pilot.press(*"Ann Example", "enter")
        await pilot.pause()
        return quote, app.screen

    quote, top = drive(db_path, scenario)
    assert not isinstance(top, SpeakerPicker)
    assert stored(db_path, quote.id).speakers == ["Ann Example"]
