"""extract never raises, and always returns in-bounds, sorted, non-overlapping quotes."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsread.quotes import EXTRACTOR_VERSION, PipelineNotFound, extract, extract_many, load_pipeline


def check(text, ex):
    qs = ex.quotes
    assert all(0 <= q.start < q.end <= len(text) for q in qs)
    assert all(a.end <= b.start for a, b in zip(qs, qs[1:]))
    assert all(text[q.start : q.end] == q.text for q in qs)
    names = {s.name for s in ex.speakers}
    assert all(q.speaker == "" or q.speaker in names for q in qs)


def test_import_does_not_load_spacy():
    code = "import sys, newsread.quotes; assert 'spacy' not in sys.modules, 'spacy imported'; print('ok')"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert EXTRACTOR_VERSION


def test_unknown_pipeline_raises_clear_error():
    with pytest.raises(PipelineNotFound) as err:
        load_pipeline("no_such_pipeline_xyz")
    assert "no_such_pipeline_xyz" in str(err.value) and "\n" not in str(err.value)


MARKY = st.text(alphabet=st.sampled_from(list("\"“”‘’'«» \n.,:—–-aZ said he Peskov")) , max_size=200)


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.text(max_size=300), MARKY))
def test_fuzz_never_raises(nlp, text):
    check(text, extract(text, nlp))


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    ["", " ", "\n\n\n", '"', '""""""', "“““”", "«»«", "'’‘", 'He said: "', '"A," he said, "B', "\u200d\u2009", "😀 “é” ‘ü’"],
)
def test_edge_texts(nlp, text):
    check(text, extract(text, nlp))


def test_chunks_cover_a_5mb_text_in_bounded_pieces():
    from newsread.quotes.extraction import CHUNK_CHARS, chunks

    for text in ("word " * 1_000_000, "x" * 5_000_000, ("para one.\n" * 500_000)):
        pieces = chunks(text)
        assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
        assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:]))
        assert all(0 < e - s <= CHUNK_CHARS for s, e in pieces)


@pytest.mark.slow
def test_long_single_line_is_chunked(nlp):
    sentence = 'Officials said the bridge would reopen. "We are working hard," the mayor said. '
    text = sentence * 1_500  # ~120 kB on one line: several chunks (1 MB works the same, slower)
    ex = extract(text, nlp)
    check(text, ex)
    assert len(ex.quotes) > 2000


@pytest.mark.slow
def test_extract_many_matches_extract_and_reports_progress(nlp, gold_articles):
    texts = [a["text"] for a in gold_articles[:4]] + ["", "x"]
    seen = []
    many = list(extract_many(texts, nlp, progress=seen.append))
    assert seen == list(range(1, len(texts) + 1))
    for t, ex in zip(texts, many):
        assert [(q.start, q.end, q.speaker) for q in ex.quotes] == [(q.start, q.end, q.speaker) for q in extract(t, nlp).quotes]


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "The figures rose, according", "Tom Hale spoke. Continued Hale", "Per", "It was fine, per",
    "Moss objected:", "He was quoted as saying", "Police said Tuesday",
])
def test_a_text_ending_inside_a_cue_trips_no_rule(nlp, text, caplog):
    # a rule that raises loses its whole chunk (extraction logs it and goes on): none may
    with caplog.at_level("ERROR", logger="newsread"):
        check(text, extract(text, nlp))
    assert not [r for r in caplog.records if r.levelname == "ERROR"]
