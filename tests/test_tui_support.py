"""Shared helpers for the reader's tests: a real database with the gold quotes.

The database holds the bundled sample articles (real text) and, as model output,
the hand-checked gold quotes from tests/data/gold, so no test needs spaCy.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsread.library import content_hash
from newsread.model import Article, Extraction, Quote, Speaker
from newsread.samples import sample_articles
from newsread.store import Store

GOLD_DIR = Path(__file__).parent / "data" / "gold"


def gold_by_id() -> dict[str, dict]:
    records = {}
    for path in sorted(GOLD_DIR.glob("*.jsonl")):
        for line in path.open(encoding="utf-8"):
            if line.strip():
                record = json.loads(line)
                records[record["id"]] = record
    return records


def build_db(path: Path, limit: int | None = None) -> Path:
    """A database of the samples with the gold quotes stored as unreviewed model output."""
    gold = gold_by_id()
    with Store(path, user="test") as store:
        for article in sample_articles()[:limit]:
            record = gold[article.path.removeprefix("sample:")]
            stored = Article(text=record["text"], title=article.title, source=article.source, url=article.url,
                             date=article.date, licence=article.licence, path=article.path)
            article_id, _ = store.add_article(stored, content_hash(stored.text))
            quotes, speakers = [], {}
            for index, q in enumerate(record["quotes"]):
                mention = record["text"].find(q["speaker"].split()[-1]) if q["speaker"] else -1
                quotes.append(Quote(
                    start=q["start"], end=q["end"], text=q["text"], kind=q["kind"], speaker=q["speaker"],
                    speaker_kind=q["speaker_kind"], cue=q.get("cue", ""), cue_start=q.get("cue_start", -1),
                    mention_start=mention, mention_end=mention + len(q["speaker"].split()[-1]) if mention >= 0 else -1,
                    confidence=round(0.35 + (index * 7 % 10) / 16, 2),
                ))
                if q["speaker"]:
                    speakers.setdefault(q["speaker"], Speaker(q["speaker"], q["speaker_kind"]))
            store.store_extraction(article_id, Extraction(quotes, list(speakers.values())), "test")
    return path


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return build_db(tmp_path / "newsread.db")


def test_build_db_holds_the_samples_and_gold_quotes(db_path: Path) -> None:
    with Store(db_path) as store:
        assert store.count_articles() == len(sample_articles())
        summaries = store.article_summaries()
        assert sum(s.quotes for s in summaries) > 200
        assert all(s.reviewed == 0 for s in summaries)


# Escape sequences another tool might have left in a database: an OSC 52 clipboard
# write, clear screen, a one-byte CSI, a window-title OSC, BEL, backspace, NUL, DEL.
OSC52 = "\x1b]52;c;ZXZpbA==\x07"
HOSTILE_TITLE = f"Hostile{OSC52} title\x1b[2J here"
HOSTILE_TEXT = (
    "Hostile text opens the article.\n\n"
    f"The minister said: “We will act\x1b[2J now{OSC52}, \x9b31mtoday\x08\x08 and\x00 then\x7f.” "
    "Then the report goes on.\n"
)
HOSTILE_SPEAKER = "Evil\x1b]0;pwned\x07 Speaker"


def insert_hostile_article(path: Path) -> tuple[int, int]:
    """Write an article, speaker, quote and note full of control sequences straight into the file.

    Plain sqlite3, as another tool would, bypassing newsread's ingest. Returns (article id, quote id).
    """
    import sqlite3

    with Store(path, user="test"):
        pass  # the schema
    conn = sqlite3.connect(path)
    with conn:
        article_id = conn.execute(
            "INSERT INTO articles (title, source, url, date, author, licence, text, content_hash, added_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [HOSTILE_TITLE, f"Source{OSC52}", "https://example.org/\x1b[2J", "2024\x9b-01-01", f"Au\x1bthor{OSC52}",
             "CC\x07 BY", HOSTILE_TEXT, "hostile-hash", "2024-01-01T00:00:00"]).lastrowid
        speaker_id = conn.execute("INSERT INTO speakers (name, kind, aliases) VALUES (?, 'PERSON', ?)",
                                  [HOSTILE_SPEAKER, json.dumps([f"Evil{OSC52}"])]).lastrowid
        start = HOSTILE_TEXT.index("We will")
        end = HOSTILE_TEXT.index(".”")
        cue_start = HOSTILE_TEXT.index("said")
        quote_id = conn.execute(
            "INSERT INTO quotes (article_id, start, [end], text, kind, speaker_id, cue, cue_start, mention_start,"
            " mention_end, confidence, status, note, extractor) VALUES (?, ?, ?, ?, 'direct', ?, ?, ?, -1, -1, 0.9,"
            " 'unreviewed', ?, 'test')",
            [article_id, start, end, HOSTILE_TEXT[start:end], speaker_id, "said\x9b", cue_start,
             f"note{OSC52}\x1b[31m red"]).lastrowid
    conn.close()
    return article_id, quote_id


def insert_huge_article(path: Path, megabytes: float = 5.0) -> int:
    """A ``megabytes`` article of the gold texts one after another, with their quotes moved along."""
    records = [r for r in gold_by_id().values() if r["quotes"]]
    parts, quotes, speakers, size, index = [], [], {}, 0, 0
    while size < megabytes * 1_000_000:
        record = records[index % len(records)]
        index += 1
        base = size
        for q in record["quotes"]:
            quotes.append(Quote(
                start=q["start"] + base, end=q["end"] + base, text=q["text"], kind=q["kind"], speaker=q["speaker"],
                speaker_kind=q["speaker_kind"], cue=q.get("cue", ""),
                cue_start=q["cue_start"] + base if q.get("cue_start", -1) >= 0 else -1, confidence=0.8))
            if q["speaker"]:
                speakers.setdefault(q["speaker"], Speaker(q["speaker"], q["speaker_kind"]))
        parts.append(record["text"] + "\n\n")
        size += len(parts[-1])
    text = "".join(parts)
    with Store(path, user="test") as store:
        article = Article(text=text, title=f"Huge article: {len(text) / 1e6:.1f} million characters", source="bench")
        article_id, _ = store.add_article(article, content_hash(text))
        store.store_extraction(article_id, Extraction(quotes, list(speakers.values())), "test")
    return article_id
