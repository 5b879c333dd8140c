"""Generate a large newsread database for benchmarks: 10,000 articles, 100,000 quotes by default
(``--articles 100000``: 1,000,000 quotes, 1.2 GB, about three minutes; the reader's figures in
bench/README.md are measured on that one).

The text is real (the bundled samples' paragraphs, recombined) and so are the
quotes and speakers (the hand-checked gold quotes, moved with their paragraphs).
Article 1 is a single 10,000+ word article, for the j/k benchmark. ``--huge-mb N``
adds one more article of N megabytes (the gold texts one after another, with
their quotes), for the time-to-open benchmark.

    python bench/make_large_db.py OUT.db [--articles 10000] [--quotes-per-article 10] [--huge-mb 5]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import time
from pathlib import Path

from newsread.store import Store

GOLD = Path(__file__).resolve().parent.parent / "tests" / "data" / "gold"
LONG_ARTICLE_WORDS = 10_500


def load_gold() -> list[dict]:
    return [json.loads(line) for path in sorted(GOLD.glob("*.jsonl")) for line in path.open(encoding="utf-8") if line.strip()]


def combine(parts: list[dict], header: str, max_quotes: int | None) -> tuple[str, list[dict]]:
    """One text from several gold articles, with their quotes' offsets moved along."""
    text, quotes = header + "\n\n", []
    for part in parts:
        base = len(text)
        for q in part["quotes"]:
            if max_quotes is not None and len(quotes) >= max_quotes:
                break
            quotes.append({**q, "start": q["start"] + base, "end": q["end"] + base,
                           "cue_start": q["cue_start"] + base if q.get("cue_start", -1) >= 0 else -1})
        text += part["text"] + "\n\n"
    return text.rstrip("\n"), quotes


def build(path: Path, articles: int, per_article: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    gold = [g for g in load_gold() if g["quotes"]]
    started = time.perf_counter()
    with Store(path, user="bench") as store:
        db = store.db
        db.execute("PRAGMA synchronous = OFF")
        speaker_ids: dict[str, int] = {}
        with db.atomic():
            for number in range(1, articles + 1):
                if number == 1:
                    parts, words = [], 0
                    while words < LONG_ARTICLE_WORDS:
                        part = rng.choice(gold)
                        parts.append(part)
                        words += len(part["text"].split())
                    text, quotes = combine(parts, "A very long article, made of many.", None)
                    title = f"Long read: {len(text.split()):,} words"
                else:
                    parts = []
                    while sum(len(p["quotes"]) for p in parts) < per_article:
                        parts.append(rng.choice(gold))
                    text, quotes = combine(parts, f"Synthetic article {number}.", per_article)
                    title = f"{parts[0]['id'].split('-', 1)[1].replace('-', ' ').capitalize()} (#{number})"
                source = rng.choice(["Wikinews", "GOV.UK", "Voice of America"])
                db["articles"].insert({
                    "id": number, "title": title, "source": source, "url": "", "date": f"20{rng.randint(10, 24)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
                    "author": "", "path": f"bench:{number}", "licence": "CC BY 2.5 (Wikinews) / OGL v3", "text": text,
                    "content_hash": hashlib.sha256(text.encode()).hexdigest(), "added_at": "2026-01-01T00:00:00Z",
                    "extractor": "bench", "extracted_at": "2026-01-01T00:00:00Z",
                })
                names = []
                for q in quotes:
                    name = q["speaker"]
                    if name and name not in speaker_ids:
                        # (db["speakers"] is a new Table each time: last_pk of the one that inserted.)
                        speaker_ids[name] = db["speakers"].insert({"name": name, "kind": q["speaker_kind"], "aliases": "[]"}).last_pk
                    if name and name not in names:
                        names.append(name)
                db["article_speakers"].insert_all(
                    [{"article_id": number, "speaker_id": speaker_ids[n], "position": i} for i, n in enumerate(names)])
                db["quotes"].insert_all([{
                    "article_id": number, "start": q["start"], "end": q["end"], "text": q["text"], "kind": q["kind"],
                    "speaker_id": speaker_ids.get(q["speaker"]), "cue": q.get("cue", ""), "cue_start": q["cue_start"],
                    "mention_start": -1, "mention_end": -1, "confidence": round(rng.uniform(0.2, 1.0), 2),
                    "status": "unreviewed", "human": 0, "note": "", "extractor": "bench",
                    "updated_at": "2026-01-01T00:00:00Z",
                } for q in quotes])
                if number % 1000 == 0:
                    print(f"\r{number}/{articles} articles", end="", flush=True)
            # Each quote's one speaker, as the store writes it (the speakers list counts these rows).
            db.execute("INSERT INTO quote_speakers (quote_id, speaker_id, position) "
                       "SELECT id, speaker_id, 0 FROM quotes WHERE speaker_id IS NOT NULL")
        print()
        count = db["quotes"].count
    print(f"{path}: {articles} articles, {count} quotes in {time.perf_counter() - started:.1f} s")


def add_huge_article(path: Path, megabytes: float = 5.0) -> int:
    """Append one ``megabytes`` article made of the gold texts and their quotes; its id."""
    from newsread.model import Article, Extraction, Quote, Speaker

    parts, quotes, speakers, size, index = [], [], {}, 0, 0
    gold = [g for g in load_gold() if g["quotes"]]
    while size < megabytes * 1_000_000:
        record = gold[index % len(gold)]
        index += 1
        for q in record["quotes"]:
            quotes.append(Quote(
                start=q["start"] + size, end=q["end"] + size, text=q["text"], kind=q["kind"], speaker=q["speaker"],
                speaker_kind=q["speaker_kind"], cue=q.get("cue", ""),
                cue_start=q["cue_start"] + size if q.get("cue_start", -1) >= 0 else -1, confidence=0.8))
            if q["speaker"]:
                speakers.setdefault(q["speaker"], Speaker(q["speaker"], q["speaker_kind"]))
        parts.append(record["text"] + "\n\n")
        size += len(parts[-1])
    text = "".join(parts)
    with Store(path, user="bench") as store:
        article = Article(text=text, title=f"Huge article: {len(text) / 1e6:.1f} million characters", source="bench")
        article_id, _ = store.add_article(article, hashlib.sha256(text.encode()).hexdigest())
        store.store_extraction(article_id, Extraction(quotes, list(speakers.values())), "bench")
    return article_id


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--quotes-per-article", type=int, default=10)
    parser.add_argument("--huge-mb", type=float, default=0, help="add one article of this many megabytes")
    args = parser.parse_args()
    if args.out.exists():
        raise SystemExit(f"{args.out} exists; choose a new path")
    build(args.out, args.articles, args.quotes_per_article)
    if args.huge_mb:
        print(f"huge article: id {add_huge_article(args.out, args.huge_mb)}")


if __name__ == "__main__":
    main()
