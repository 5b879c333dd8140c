"""Quote and attribution scores on the shared gold set, per part (bench/splits.py) and per kind.

    python bench/attribution.py                 # scores of the parts open to analysis
    python bench/attribution.py --errors batch2 # and the wrong speakers and missed quotes of one part
    python bench/attribution.py --aside         # the aside part too, and all 56 together

The aside part is scored only when asked (so that no rule or setting is chosen by its score),
and its errors printed only when named in --errors; both are done once, at the end.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from splits import load_split  # noqa: E402


def print_errors(articles: list[dict], extractions: list) -> None:
    from newsread.evaluate import match_article

    for article, extraction in zip(articles, extractions):
        text, gold, predicted = article["text"], article.get("quotes", []), extraction.quotes
        m = match_article(text, gold, predicted)
        for g, r in zip(gold, m["gold"]):
            if r["speaker_right"]:
                continue
            snippet = text[g["start"] : g["end"]].replace("\n", " ")[:90]
            if not r["found"]:
                print(f"[{article['id']}] MISSED {g.get('kind')} gold={g['speaker']!r}: {snippet}")
                continue
            p = predicted[r["partner"]]
            print(f"[{article['id']}] SPEAKER gold={g['speaker']!r} got={p.speaker!r} via {p.sieve} "
                  f"mention={getattr(p, 'mention', '')!r}: {snippet}")
        for p, r in zip(predicted, m["predicted"]):
            if not r["correct"]:
                snippet = text[p.start : p.end].replace("\n", " ")[:90]
                print(f"[{article['id']}] EXTRA {p.kind} {p.speaker!r} via {p.sieve}: {snippet}")


def kind_agreement(articles: list[dict], extractions: list) -> tuple[int, int]:
    """Of the gold quotes whose speaker is right, how many also have the right speaker kind."""
    from newsread.evaluate import match_article

    right = seen = 0
    for article, extraction in zip(articles, extractions):
        m = match_article(article["text"], article.get("quotes", []), extraction.quotes)
        for g, r in zip(article.get("quotes", []), m["gold"]):
            if r["speaker_right"] and g.get("speaker_kind"):
                seen += 1
                right += extraction.quotes[r["partner"]].speaker_kind == g["speaker_kind"]
    return right, seen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", nargs="*", default=[], choices=["batch1", "batch2", "aside"])
    parser.add_argument("--aside", action="store_true", help="score the aside part too (once, at the end)")
    parser.add_argument("--model", default=None, help="spaCy pipeline name (default: newsread's)")
    args = parser.parse_args()

    from newsread.evaluate import format_report, score
    from newsread.quotes import extract_many, load_pipeline

    nlp = load_pipeline(args.model) if args.model else load_pipeline()
    every_article: list[dict] = []
    every_prediction: list[list] = []
    by_part: dict[str, tuple[list, list]] = {}
    parts = ("batch1", "batch2", "aside") if args.aside or "aside" in args.errors else ("batch1", "batch2")
    for part in parts:
        articles = load_split(part)
        extractions = list(extract_many([a["text"] for a in articles], nlp))
        print(f"== {part}: " + format_report(score(articles, [e.quotes for e in extractions]), by_kind=True))
        right, seen = kind_agreement(articles, extractions)
        print(f"speaker kind right on {right}/{seen} rightly attributed quotes")
        if part in args.errors:
            print_errors(articles, extractions)
        by_part[part] = (articles, [e.quotes for e in extractions])
        every_article += articles
        every_prediction += [e.quotes for e in extractions]
    if "aside" in by_part:  # the whole second batch: the 25 articles no rule was tuned on at first
        second = by_part["batch2"][0] + by_part["aside"][0], by_part["batch2"][1] + by_part["aside"][1]
        print("== batch2 + aside (the whole second batch): " + format_report(score(*second), by_kind=True))
    print(f"== {' + '.join(parts)}: " + format_report(score(every_article, every_prediction), by_kind=True))


if __name__ == "__main__":
    main()
