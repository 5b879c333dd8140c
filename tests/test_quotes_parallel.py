"""Extraction on several processes gives exactly what one process gives, in order."""

from pathlib import Path

from newsread.quotes import extract, extract_many

SAMPLES = sorted((Path(__file__).parent.parent / "newsread" / "samples").glob("wn-*.txt"))[:6]


def test_two_processes_match_one(nlp):
    texts = [p.read_text(encoding="utf-8") for p in SAMPLES] + ["", "No quotes here."]
    done: list[int] = []
    parallel = list(extract_many(texts, nlp, n_process=2, progress=done.append))
    assert parallel == [extract(text, nlp) for text in texts]
    assert done == list(range(1, len(texts) + 1))
