"""Score newsread's extractor on PolNeAR's *dev* split (never the test split).

Usage: python bench/polnear_dev.py PATH/TO/PolNeAR/data/dev [--limit N]

PolNeAR (networkdynamics/PolNeAR) is brat standoff with Source/Cue/Content. Its
Source spans are mentions (pronouns unresolved) and it counts beliefs as
attributions, so speakers are compared with our mention text as well as with our
canonical name. Nothing from PolNeAR is committed; this script reads a local copy.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsread.evaluate import format_report, score
from newsread.model import Quote

MARKS = set("\"“”«»")


def read_ann(path: Path) -> list[dict]:
    spans, events = {}, []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            tid, info, _text = line.split("\t", 2)
            label, rest = info.split(" ", 1)
            parts = [tuple(map(int, p.split())) for p in rest.split(";")]
            spans[tid] = (label, min(a for a, _ in parts), max(b for _, b in parts))
        elif line.startswith("E"):
            _eid, info = line.split("\t", 1)
            roles = dict(r.split(":") for r in info.split())
            events.append(roles)
    return [
        {k: spans[v] for k, v in ev.items() if v in spans} for ev in events
    ]


def load_dev(root: Path) -> list[dict]:
    if "test" in root.parts:
        sys.exit("refusing to read PolNeAR's test split")
    articles = []
    for txt in sorted((root / "text").glob("*.txt")):
        anns = sorted((root / "attributions").glob(txt.stem + "_*.ann"))
        if not anns:
            continue
        text = txt.read_text(encoding="utf-8")
        quotes = []
        for ev in read_ann(anns[0]):  # one annotator per article
            if "Content" not in ev or "Source" not in ev:
                continue
            _, cs, ce = ev["Content"]
            _, ss, se = ev["Source"]
            content = text[cs:ce]
            quotes.append({"start": cs, "end": ce, "text": content, "speaker": text[ss:se],
                           "kind": "direct" if MARKS & set(content) else "indirect"})
        articles.append({"id": txt.stem, "text": text, "quotes": quotes})
    return articles


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dev_dir", type=Path)
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    from newsread.quotes import extract_many, load_pipeline

    nlp = load_pipeline()
    arts = load_dev(args.dev_dir)
    if args.limit:
        arts = arts[: args.limit]
    preds = list(extract_many([a["text"] for a in arts], nlp))

    def as_mention(q: Quote, text: str) -> Quote:
        m = text[q.mention_start : q.mention_end] if q.mention_start >= 0 else q.speaker
        return Quote(q.start, q.end, q.text, q.kind, m, q.speaker_kind)

    for label, speaker_of in (("canonical speaker", lambda q, t: q), ("mention speaker", as_mention)):
        allp = [[speaker_of(q, a["text"]) for q in p.quotes] for a, p in zip(arts, preds)]
        print(f"== all attributions ({label})")
        print(format_report(score(arts, allp), by_kind=False))
        direct_gold = [dict(a, quotes=[q for q in a["quotes"] if q["kind"] == "direct"]) for a in arts]
        direct_pred = [[q for q in qs if q.kind in ("direct", "mixed")] for qs in allp]
        print(f"== direct quotes: content holds a quotation mark ({label})")
        print(format_report(score(direct_gold, direct_pred), by_kind=False))


if __name__ == "__main__":
    main()
