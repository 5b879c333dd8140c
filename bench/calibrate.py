"""How often each sieve's attribution is right on the gold: the table behind quotes/confidence.py.

    python bench/calibrate.py [--gold DIR ...]   (default: the shared set without its aside part)

For every predicted quote that matches a gold quote, the speaker is right or wrong; grouped by
the stage-1 sieve that attributed it (and, apart, by the stage-2 link of its mention), the
share right, smoothed towards the rate an earlier, larger calibration gave that kind of
attribution (confidence.PRIOR_RIGHT; so a sieve seen four times does not get 1.00),
is what `confidence.SIEVE_RIGHT`, `LINK_RIGHT` and `PRONOUN_RIGHT` hold. Rerun it after a change of rules and
copy the printed dicts over.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from splits import add_gold_argument, gold_articles  # noqa: E402

PRIOR = 10  # pseudo-observations at the earlier calibration's rate (confidence.PRIOR_RIGHT)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_gold_argument(parser)
    args = parser.parse_args()

    from newsread.evaluate import match_article
    from newsread.quotes import extract_many, load_pipeline
    from newsread.quotes.confidence import prior_right

    nlp = load_pipeline()
    gold = gold_articles(args.gold)
    by_sieve: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_link: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_pronoun: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for article, extraction in zip(gold, extract_many([a["text"] for a in gold], nlp)):
        matched = match_article(article["text"], article.get("quotes", []), extraction.quotes)["predicted"]
        for quote, result in zip(extraction.quotes, matched):
            if not result["correct"] or not quote.speaker:
                continue
            link = quote.evidence[-1]["sieve"] if quote.evidence else "none"
            pronoun = next((step["sieve"] for step in quote.evidence if step["sieve"].startswith("pronoun.")), "no pronoun")
            for table, key in ((by_sieve, quote.sieve), (by_link, link), (by_pronoun, pronoun)):
                table[key][0] += result["speaker_right"]
                table[key][1] += 1
    right = sum(r for r, _ in by_sieve.values())
    seen = sum(n for _, n in by_sieve.values())
    overall = right / seen
    print(f"{len(gold)} articles, {seen} attributed quotes matched, {overall:.3f} right overall")
    for title, table in (("SIEVE_RIGHT", by_sieve), ("LINK_RIGHT", by_link), ("PRONOUN_RIGHT", by_pronoun)):
        print(f"\n{title} = {{")
        for key, (r, n) in sorted(table.items(), key=lambda item: -item[1][1]):
            smoothed = (r + PRIOR * prior_right(key, overall)) / (n + PRIOR)
            print(f'    "{key}": {smoothed:.2f},  # {r}/{n} right')
        print("}")


if __name__ == "__main__":
    main()
