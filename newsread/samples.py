"""The sample articles bundled with newsread, with their attribution."""

from __future__ import annotations

import json
from importlib import resources

from newsread.model import Article
from newsread.text import normalize


def sample_articles() -> list[Article]:
    folder = resources.files("newsread") / "samples"
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    articles = []
    for entry in index:
        text = normalize((folder / f"{entry['id']}.txt").read_text(encoding="utf-8"))
        articles.append(Article(
            text=text, title=entry["title"], source=entry["source"], url=entry["url"], date=entry["date"],
            licence=entry["licence"], path=f"sample:{entry['id']}",
        ))
    return articles
