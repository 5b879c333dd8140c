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
            cue = text[ev["Cue"][1] : ev["Cue"][2]] if "Cue" in ev else ""
            quotes.append({"start": cs, "end": ce, "text": content, "speaker": text[ss:se], "cue": cue,
                           "kind": "direct" if MARKS & set(content) else "indirect"})
        articles.append({"id": txt.stem, "text": text, "quotes": quotes})
    return articles


def merge_by_cue(quotes: list[Quote], text: str) -> list[Quote]:
    """PolNeAR has one Content per cue: '"A," X said, "B."' is one attribution whose
    content runs over both parts. For that view, our quotes sharing a cue (and speaker)
    inside one paragraph are joined into one span; nothing else changes."""
    out: list[Quote] = []
    for q in sorted(quotes, key=lambda q: q.start):
        last = out[-1] if out else None
        if (last is not None and q.cue_start >= 0 and last.cue_start == q.cue_start and last.speaker == q.speaker
                and "\n" not in text[last.end : q.start]):
            out[-1] = Quote(last.start, q.end, text[last.start : q.end], last.kind, last.speaker, last.speaker_kind,
                            last.cue, last.cue_start, last.mention_start, last.mention_end)
        else:
            out.append(q)
    return out


def speech_cue_filter(arts: list[dict], nlp) -> list[dict]:
    """Gold restricted to attributions whose cue is a communication verb or phrase under
    our rules (say, tell, according to, a colon, ...): PolNeAR also counts beliefs,
    intentions and evidence ("thinks", "wants", "shows") that are not quotes for us."""
    from newsread.quotes.cues import QUOTE_VERBS

    cues = sorted({q["cue"] for a in arts for q in a["quotes"]})
    ok = set()
    for cue, doc in zip(cues, nlp.pipe(cues)):
        lemmas = {t.lemma_.lower() for t in doc}
        if lemmas & QUOTE_VERBS or "according" in lemmas or ":" in cue:
            ok.add(cue)
    return [dict(a, quotes=[q for q in a["quotes"] if q["cue"] in ok]) for a in arts]


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
        return Quote(q.start, q.end, q.text, q.kind, m, q.speaker_kind, q.cue, q.cue_start,
                     q.mention_start, q.mention_end)

    speech = speech_cue_filter(arts, nlp)
    n_all, n_speech = sum(len(a["quotes"]) for a in arts), sum(len(a["quotes"]) for a in speech)
    print(f"PolNeAR dev: {n_all} attributions, {n_speech} with a communication cue")
    for label, speaker_of in (("canonical speaker", lambda q, t: q), ("mention speaker", as_mention)):
        allp = [[speaker_of(q, a["text"]) for q in p.quotes] for a, p in zip(arts, preds)]
        merged = [merge_by_cue(qs, a["text"]) for qs, a in zip(allp, arts)]
        for view, gold, pred in (("speech cues only", speech, allp), ("merged by cue", arts, merged),
                                 ("speech cues only, merged by cue", speech, merged)):
            rep = score(gold, pred)
            full = score(arts, pred)  # precision is judged against every attribution
            for m in ("quotes", "attribution"):
                p_, r_ = full[m]["precision"], rep[m]["recall"]
                f = 2 * p_ * r_ / (p_ + r_) if p_ + r_ else 0.0
                print(f"== {view} ({label}) {m}: P {p_:.3f} R {r_:.3f} F1 {f:.3f}")
        print(f"== all attributions ({label})")
        print(format_report(score(arts, allp), by_kind=False))
        direct_gold = [dict(a, quotes=[q for q in a["quotes"] if q["kind"] == "direct"]) for a in arts]
        direct_pred = [[q for q in qs if q.kind in ("direct", "mixed")] for qs in allp]
        print(f"== direct quotes: content holds a quotation mark ({label})")
        print(format_report(score(direct_gold, direct_pred), by_kind=False))


if __name__ == "__main__":
    main()
