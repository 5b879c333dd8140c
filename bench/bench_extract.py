"""Benchmark: what newsread's quote extraction costs on top of bare spaCy.

Runs, over the same texts (the gold articles, repeated for stable timings):
  1. bare spaCy: nlp.pipe(texts)
  2. newsread: extract_many(texts, nlp)            → ratio to (1), goal ≤ 1.10
     and, steadier on a noisy machine, the rules alone on the parsed Docs added to (1)
  3. textacy's direct_quotations, if installed      → speed and score reference
  4. extract_many with n_process=2 vs 1             → speed-up, goal ≥ 1.7× on 2 cores
Prints ratios; never asserts timings.

Usage: python bench/bench_extract.py [--repeat N] [--gold DIR]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "gold"


def timed(fn):
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def textacy_reference(texts_gold, nlp):
    """textacy.extract.triples.direct_quotations per article; exceptions counted, not raised."""
    try:
        from textacy.extract.triples import direct_quotations
    except Exception:
        print("textacy: not installed, reference skipped")
        return
    from newsread.evaluate import format_report, score
    from newsread.model import Quote

    preds, errors = [], 0

    def run():
        nonlocal errors
        for doc in nlp.pipe([a["text"] for a in texts_gold]):
            qs = []
            try:
                for dq in direct_quotations(doc):
                    content = dq.content
                    s, e = content.start_char, content.end_char
                    text = doc.text
                    # textacy's content includes the marks; score the words inside them
                    if s < e and text[s] in "\"“‘'«":
                        s += 1
                    if e > s and text[e - 1] in "\"”’'»":
                        e -= 1
                    speaker = " ".join(t.text for t in dq.speaker)
                    qs.append(Quote(s, e, text[s:e], "direct", speaker))
            except Exception:
                errors += 1
            qs.sort(key=lambda q: q.start)
            preds.append(qs)

    t, _ = timed(run)
    print(f"textacy direct_quotations: {t:.2f}s over {len(texts_gold)} articles (incl. parsing), "
          f"{errors} articles raised")
    print(format_report(score(texts_gold, preds), by_kind=True))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--gold", type=Path, default=GOLD)
    args = ap.parse_args()

    import spacy

    from newsread.evaluate import format_report, load_gold, score
    from newsread.quotes import extract_many, load_pipeline
    from newsread.quotes.extraction import doc_quotes

    nlp = load_pipeline()
    # the baseline is the installed package as spaCy loads it, without newsread's tokenizer
    # rule and sentence-break component, so their cost counts as extraction
    bare = spacy.load(f"{nlp.meta['lang']}_{nlp.meta['name']}")
    gold = load_gold(args.gold)
    texts = [a["text"] for a in gold] * args.repeat
    nchars = sum(map(len, texts))
    print(f"{len(texts)} texts, {nchars / 1000:.0f}k characters, pipeline {nlp.meta.get('name')}")

    list(bare.pipe(texts[:4]))  # warm up
    list(nlp.pipe(texts[:4]))
    # alternate the two and keep the best of each: other load on the machine hits both
    t_bare = t_ours = float("inf")
    for _ in range(2):
        t_bare = min(t_bare, timed(lambda: list(bare.pipe(texts, batch_size=16)))[0])
        t_ours = min(t_ours, timed(lambda: list(extract_many(texts, nlp)))[0])
    print(f"bare spaCy nlp.pipe:        {t_bare:.2f}s")
    print(f"newsread extract_many:      {t_ours:.2f}s")
    print(f"ratio extraction/bare:      {t_ours / t_bare:.3f}  (goal ≤ 1.10)")
    # the two runs above differ by the machine's noise as much as by the rules; timing the
    # rules on Docs parsed once measures their own cost (not the sentence-break component's)
    docs = list(nlp.pipe(texts, batch_size=16))
    t_rules = min(timed(lambda: [doc_quotes(d) for d in docs])[0] for _ in range(2))
    print(f"rules alone on parsed Docs: {t_rules:.2f}s  -> (bare + rules)/bare {(t_bare + t_rules) / t_bare:.3f}")

    preds = [x.quotes for x in extract_many([a["text"] for a in gold], nlp)]
    print("newsread on this gold:")
    print(format_report(score(gold, preds), by_kind=True))

    textacy_reference(gold, nlp)

    t1, _ = timed(lambda: list(extract_many(texts, nlp, n_process=1)))
    t2, _ = timed(lambda: list(extract_many(texts, nlp, n_process=2)))
    print(f"extract_many n_process=1:   {t1:.2f}s")
    print(f"extract_many n_process=2:   {t2:.2f}s")
    print(f"speed-up 2 vs 1 processes:  {t1 / t2:.2f}x  (goal ≥ 1.7 on 2 cores)")


if __name__ == "__main__":
    main()
