"""Imports: round trips through articles-jsonl and brat, the gold files, PolNeAR-style brat, bad input."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from test_formats_export import sample_records  # the same fixed records the golden files use

from newsread.formats import IMPORT_FORMATS, FormatError, export, read_annotations
from newsread.model import Quote, StoredQuote

GOLD = Path(__file__).parent / "data" / "gold"


def test_articles_jsonl_round_trip_keeps_every_field(tmp_path):
    records = sample_records()
    export("articles-jsonl", records, tmp_path / "a.jsonl")
    back = list(read_annotations("jsonl", tmp_path / "a.jsonl"))
    assert [(a.id, a.title, a.source, a.url, a.date, a.author, a.text) for a, _ in back] == [
        (a.id, a.title, a.source, a.url, a.date, a.author, a.text) for a, _ in records
    ]
    assert [quotes for _, quotes in back] == [quotes for _, quotes in records]


def test_brat_round_trip_keeps_quotes_and_review_state(tmp_path):
    records = sample_records()
    export("brat", records, tmp_path / "brat")
    back = list(read_annotations("brat", tmp_path / "brat"))
    assert [(a.id, a.text) for a, _ in back] == [(a.id, a.text) for a, _ in records]
    def without_ids(quotes):  # brat has no quote ids
        return [dataclasses.replace(q, id=0) for q in quotes]

    assert [quotes for _, quotes in back] == [without_ids(quotes) for _, quotes in records]
    assert all(isinstance(q, StoredQuote) for _, quotes in back for q in quotes)


def test_brat_span_across_a_line_break_is_written_as_fragments(tmp_path):
    article, quotes = sample_records()[0]
    article.text = "Minister said “first line\nsecond line” today."
    start, end = 15, 37
    assert article.text[start:end] == "first line\nsecond line"
    quotes = [StoredQuote(start=start, end=end, text=article.text[start:end], cue="said", cue_start=9,
                          status="accepted")]
    export("brat", [(article, quotes)], tmp_path)
    assert "T2\tContent 15 25;26 37\tfirst line second line\n" in (tmp_path / "1.ann").read_text(encoding="utf-8")
    ((_, (back,)),) = read_annotations("brat", tmp_path)
    assert (back.start, back.end, back.text) == (start, end, "first line\nsecond line")


def test_gold_files_import_as_they_are():
    items = list(read_annotations("jsonl", GOLD))
    assert len(items) == len(list(GOLD.glob("*.jsonl")))
    for article, quotes in items:
        assert "#" in article.path  # the gold id is kept
        for quote in quotes:
            assert type(quote) is Quote  # no review status in gold: the importer decides
            assert article.text[quote.start:quote.end] == quote.text
    gold_line = json.loads((GOLD / "wn-badalona-fire-2019-01-07.jsonl").read_text(encoding="utf-8"))
    badalona = next(quotes for article, quotes in items if article.path.endswith("#wn-badalona-fire-2019-01-07"))
    assert [(q.start, q.end, q.speaker, q.cue_start) for q in badalona] == [
        (q["start"], q["end"], q["speaker"], q["cue_start"]) for q in gold_line["quotes"]
    ]


POLNEAR_TEXT = "Flynn says Trump is right. “We are strong,” Flynn said. “Really strong.”\n"
POLNEAR_ANN = (
    "T1\tSource 0 5\tFlynn\n"
    "T2\tCue 6 10\tsays\n"
    "T3\tContent 11 25\tTrump is right\n"
    "T4\tAttribution 6 10\tsays\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tSource 44 49\tFlynn\n"
    "T6\tCue 50 54\tsaid\n"
    "T7\tContent 27 43;56 72\t“We are strong,” “Really strong.”\n"
    "T8\tAttribution 50 54\tsaid\n"
    "E2\tAttribution:T8 Cue:T6 Source:T5 Content:T7\n"
    "R1\tCoref Arg1:T1 Arg2:T5\n"
    "*\tEquiv T1 T5\n"
    "this line is not brat at all\n"
)


def test_polnear_style_folder_is_tolerated(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "politico_flynn.txt").write_text(POLNEAR_TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "politico_flynn_4b22.ann").write_text(POLNEAR_ANN, encoding="utf-8")
    ((article, quotes),) = read_annotations("brat", tmp_path / "attributions")
    assert article.text == POLNEAR_TEXT
    indirect, direct = quotes
    assert (indirect.text, indirect.kind, indirect.speaker, indirect.cue, indirect.cue_start) == (
        "Trump is right", "indirect", "Flynn", "says", 6)
    assert (direct.start, direct.end, direct.kind) == (27, 72, "direct")  # discontinuous -> covering span
    assert type(direct) is Quote  # PolNeAR carries no review status


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{nope", "not JSON"),
        ('{"title": "x"}', 'no "text" string'),
        ('{"article_id": 1, "start": 0, "end": 2, "text": "ab"}', "per-quote JSONL has no article text"),
        ('{"text": "abc", "quotes": [{"start": 1, "end": 9}]}', "quote 1: quote offsets [1, 9) are outside the text"),
        ('{"text": "abc", "quotes": [{"start": 0, "end": 1, "status": "maybe"}]}', "unknown status 'maybe'"),
        ('{"text": "abc", "quotes": "all of them"}', '"quotes" is not a list of objects'),
    ],
)
def test_bad_jsonl_raises_one_line_format_error(tmp_path, line, message):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "fine", "quotes": []}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(FormatError) as raised:
        list(read_annotations("jsonl", path))
    assert f"{path}:2: " in str(raised.value) and message in str(raised.value)
    assert "\n" not in str(raised.value)


def test_brat_without_text_file_is_a_format_error(tmp_path):
    (tmp_path / "orphan.ann").write_text("T1\tContent 0 3\tabc\n", encoding="utf-8")
    with pytest.raises(FormatError, match="no matching .txt file"):
        list(read_annotations("brat", tmp_path))


def test_missing_path_and_unknown_format_fail_at_once(tmp_path):
    with pytest.raises(ValueError, match="no such file or folder"):
        read_annotations("brat", tmp_path / "absent")
    with pytest.raises(ValueError, match=r"^unknown import format 'csv'"):
        read_annotations("csv", tmp_path)


def test_non_utf8_annotation_file_is_a_format_error(tmp_path):
    (tmp_path / "latin.jsonl").write_bytes('{"text": "café"}\n'.encode("latin-1"))
    with pytest.raises(FormatError, match="not UTF-8 text"):
        list(read_annotations("jsonl", tmp_path / "latin.jsonl"))


def test_import_registry():
    assert set(IMPORT_FORMATS) >= {"brat", "jsonl"}
