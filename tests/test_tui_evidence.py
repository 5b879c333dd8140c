"""The editor pane shows why the extractor attributed the quote: its evidence chain on one line,
with the paragraph of each mention elsewhere in the article. Driven with Pilot on a real database."""

from __future__ import annotations

from pathlib import Path

from test_store_sieve_evidence import TEXT, model_quote
from test_tui_injection import screen_text
from test_tui_review import drive

from newsread.model import Article, Extraction, Quote, Speaker
from newsread.store import Store
from newsread.tui.quote_editor import QuoteEditor, paragraph_starts, why_line


def build(path: Path, quotes: list[Quote]) -> Path:
    with Store(path, user="test") as store:
        article_id, _ = store.add_article(Article(text=TEXT, title="Peskov in Minsk"), "hash")
        store.store_extraction(article_id, Extraction(quotes, [Speaker("Dmitry Peskov")]), "test")
    return path


def test_the_editor_shows_the_chain_with_paragraph_numbers(tmp_path):
    path = build(tmp_path / "n.db", [model_quote()])

    async def scenario(app, pilot, screen):
        assert screen.query_one(QuoteEditor).quote == screen.selected
        return screen.selected, screen_text(app)

    selected, shown = drive(path, scenario)
    assert selected.evidence == model_quote().evidence
    lines = [line for line in shown.split("\n") if "Why" in line]
    assert len(lines) == 1  # one line
    assert "Why      cue.subject: he → Peskov ¶2 → Dmitry Peskov" in lines[0]


def test_a_long_chain_stays_on_one_line(tmp_path):
    quote = model_quote()
    long_name = "Peskov " + "and his very long list of titles and offices " * 4
    quote.evidence = [quote.evidence[0], {"sieve": "pronoun.nearest_subject", "text": long_name, "start": -1, "end": -1},
                      {"sieve": "name.surname_of", "text": "Dmitry Peskov " * 8, "start": -1, "end": -1}]
    path = build(tmp_path / "n.db", [quote])

    async def scenario(app, pilot, screen):
        return screen_text(app)

    shown = drive(path, scenario)
    lines = [line for line in shown.split("\n") if "Why " in line]
    assert len(lines) == 1 and "…" in lines[0]
    assert "cue.subject: he → Peskov and his very long" in lines[0]


def test_a_quote_without_evidence_has_no_why_line(tmp_path):
    quote = model_quote()
    quote.sieve, quote.evidence = "", []
    path = build(tmp_path / "n.db", [quote])

    async def scenario(app, pilot, screen):
        return screen.selected, screen_text(app)

    selected, shown = drive(path, scenario)
    assert selected is not None and selected.speaker == "Dmitry Peskov"
    assert "Speaker" in shown and "Why " not in shown


def test_why_line_collapses_a_repeated_name_and_numbers_paragraphs_by_blank_lines():
    text = "A said.\n\nB went.\n  \nC: “x”\nD said."
    starts = paragraph_starts(text)
    assert starts == [0, text.index("B"), text.index("C")]  # a single newline does not start one
    quote = model_quote()
    quote.start, quote.end = text.index("x"), text.index("x") + 1
    quote.evidence = [{"sieve": "cue.subject", "text": "D", "start": text.index("D"), "end": text.index("D") + 1},
                      {"sieve": "name.exact", "text": "D", "start": text.index("D"), "end": text.index("D") + 1}]
    assert why_line(quote, starts) == "cue.subject: D"
    quote.evidence = [{"sieve": "paragraph.continuation", "text": "A said.", "start": 0, "end": 7},
                      {"sieve": "cue.subject", "text": "A", "start": 0, "end": 1},
                      {"sieve": "name.exact", "text": "A", "start": 0, "end": 1}]
    assert why_line(quote, starts) == "paragraph.continuation: A said. ¶1 → A ¶1"
