"""What each attribution sieve is worth: the gold scored with each stage-1 sieve switched off.

    python bench/ablation.py [--gold DIR ...]   (default: the shared set without its aside part)

Each article is parsed once; then the rules run once with every sieve on (the baseline)
and once per sieve with that sieve switched off (``quotes.sieves.switched_off``), so a
quote the sieve attributed falls through to the rules after it, or goes unattributed, or
is not found at all, as the extractor would do without it. Printed per sieve: how many
quotes it attributes in the baseline, and what switching it off costs in found quotes,
right attributions and F1 (negative = the sieve pays; positive = it does harm).
Stage-2 links (ENTITY_SIEVES) are steps of the evidence chain, not switchable here.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from splits import add_gold_argument, gold_articles  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_gold_argument(parser)
    args = parser.parse_args()

    from newsread.evaluate import score
    from newsread.quotes import load_pipeline
    from newsread.quotes.extraction import _assemble, chunks
    from newsread.quotes.sieves import SIEVES, SWITCHABLE_LINKS, switched_off

    nlp = load_pipeline()
    gold = gold_articles(args.gold)
    parsed = []
    for article in gold:  # parse once: the rules are what changes between runs
        spans = chunks(article["text"])
        docs = list(nlp.pipe(article["text"][s:e] for s, e in spans))
        parsed.append((article["text"], [(s, doc) for (s, _), doc in zip(spans, docs)]))

    def run() -> tuple[dict, Counter]:
        predicted = [_assemble(text, parts).quotes for text, parts in parsed]
        used = Counter(q.sieve for quotes in predicted for q in quotes)
        used.update(step["sieve"] for quotes in predicted for q in quotes for step in q.evidence[1:])
        return score(gold, predicted), used

    base, used = run()
    print(f"{len(gold)} gold articles, {sum(len(a.get('quotes', [])) for a in gold)} gold quotes")
    print(f"all sieves on: quote F1 {base['quotes']['f1']:.3f}, attribution F1 {base['attribution']['f1']:.3f}")
    print()
    print(f"{'sieve off':<26} {'attributes':>10} {'found':>7} {'right':>7} {'quote F1':>9} {'attr F1':>8}")
    # every stage-1 sieve, and the stage-2 links that can be switched off (the others are how a
    # mention names its entity at all)
    for name in [*SIEVES, *SWITCHABLE_LINKS]:
        if name == "none":
            continue
        with switched_off(name):
            report, _ = run()
        found = report["quotes"]["tp_gold"] - base["quotes"]["tp_gold"]
        right = report["attribution"]["tp_gold"] - base["attribution"]["tp_gold"]
        print(f"{name:<26} {used.get(name, 0):>10} {found:>+7} {right:>+7} "
              f"{report['quotes']['f1'] - base['quotes']['f1']:>+9.3f} {report['attribution']['f1'] - base['attribution']['f1']:>+8.3f}")


if __name__ == "__main__":
    main()
