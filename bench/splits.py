"""The shared gold set in three parts, so that rules are judged on articles they were not written from.

- ``batch1``: the first 31 articles, the ones the rules were first tuned on.
- ``batch2``: 17 of the 25 articles added since, open to error analysis.
- ``aside``: the other 8 of the second batch (every third in the order of data/SOURCES.md),
  chosen before any of their errors were read. Their scores are printed; their errors are read
  once, at the end of a piece of work, never to write a rule from.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"
FIRST_OF_BATCH2 = "wn-el-paso-walmart-shooting-2019-08-08"
SEED = "sibal-lavrov-peskov-2025-10-29"


def _ids_in_sources_order() -> list[str]:
    table = (SHARED_DATA / "SOURCES.md").read_text(encoding="utf-8")
    return re.findall(r"^\| ((?:wn|govuk|voa)-[^ |]+) \|", table, flags=re.M)


def split_ids() -> dict[str, list[str]]:
    ids = _ids_in_sources_order()
    cut = ids.index(FIRST_OF_BATCH2)
    batch2 = ids[cut:]
    aside = batch2[2::3]
    return {
        "batch1": [SEED, *ids[:cut]],
        "batch2": [i for i in batch2 if i not in aside],
        "aside": aside,
    }


def load_split(name: str) -> list[dict]:
    from newsread.evaluate import load_gold

    gold_dir = SHARED_DATA / "gold"
    out = []
    for article_id in split_ids()[name]:
        path = gold_dir / f"{article_id}.jsonl"
        if path.exists():
            for article in load_gold(path):
                article.setdefault("id", article_id)
                out.append(article)
    return out


def add_gold_argument(parser) -> None:
    """--gold DIR ...: gold folders to read instead of the open parts of the shared set."""
    parser.add_argument("--gold", type=Path, nargs="+", default=None,
                        help="gold .jsonl files or folders (default: the shared set's batch1 and batch2 "
                             "parts, never the aside one; else the gold bundled in tests/data/gold)")


def gold_articles(paths: list[Path] | None) -> list[dict]:
    """The articles of ``paths``, or by default the open parts of the shared set."""
    from newsread.evaluate import load_gold

    if paths:
        return [article for path in paths for article in load_gold(path)]
    if (SHARED_DATA / "gold").exists():
        return load_split("batch1") + load_split("batch2")
    return load_gold(ROOT / "tests" / "data" / "gold")
