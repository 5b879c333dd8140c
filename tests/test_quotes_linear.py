"""Extraction work grows linearly with the quote count (issue: a text of 2,000 short quotes
took a minute, growing with the square of the count). Measured as the number of Python calls
the rules make on one parsed chunk (deterministic, unlike time; bench/bench_scaling.py times it),
for a text and one four times as long: linear work gives about 4x, quadratic 16x."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import newsread.quotes
from newsread.quotes.extraction import CHUNK_CHARS, doc_quotes

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from bench_scaling import reported_speech, short_quotes  # noqa: E402

pytestmark = pytest.mark.slow

RULES = str(Path(newsread.quotes.__file__).parent)


def rule_calls(nlp, text: str) -> int:
    doc = nlp(text)
    count = 0

    def profile(frame, event, _arg):
        nonlocal count
        if event == "call" and frame.f_code.co_filename.startswith(RULES):
            count += 1

    sys.setprofile(profile)
    try:
        quotes, _ = doc_quotes(doc)
    finally:
        sys.setprofile(None)
    assert quotes
    return count


@pytest.mark.parametrize("make", [short_quotes, reported_speech], ids=["short quotes", "reported speech"])
def test_four_times_the_quotes_is_about_four_times_the_work(nlp, make):
    small, large = make(CHUNK_CHARS // 5), make(4 * CHUNK_CHARS // 5)  # both one chunk: the rules see all at once
    ratio = rule_calls(nlp, large) / rule_calls(nlp, small)
    assert ratio < 5.5, f"4x the quotes cost {ratio:.1f}x the calls (linear: about 4, quadratic: 16)"
