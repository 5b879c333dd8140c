"""Adding articles to the store and running the extractor over them.

The one place that joins ingest, extraction and store, shared by the CLI and the
reader's workers. spaCy is imported only inside ``extract_articles``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from newsread.ingest import content_hash
from newsread.model import Article
from newsread.store import ReextractReport, Store

Progress = Callable[[int, int], None]


@dataclass
class ExtractionSummary:
    articles: int = 0
    quotes: int = 0
    kept_reviewed: int = 0
    overlapping: int = 0
    reports: dict[int, ReextractReport] = field(default_factory=dict)


def add_articles(store: Store, articles: Iterable[Article]) -> tuple[list[int], int]:
    """Store each article; return (ids of the new ones, number of duplicates skipped)."""
    new, duplicates = [], 0
    for article in articles:
        article_id, created = store.add_article(article, content_hash(article.text))
        if created:
            new.append(article_id)
        else:
            duplicates += 1
    return new, duplicates


def total_too_small_for_processes(articles: int, n_process: int) -> bool:
    # Each extra process loads its own copy of the pipeline (about a second):
    # worth it only when there is enough text to share out.
    return n_process > 1 and articles < 8 * n_process


def extractor_name(nlp) -> str:
    """What produced a quote: the pipeline, its version and the extractor's version."""
    from newsread.quotes import EXTRACTOR_VERSION

    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}+newsread-{EXTRACTOR_VERSION}"


def extract_articles(store: Store, article_ids: list[int], *, pipeline: str | None = None,
                     n_process: int = 1, progress: Progress | None = None) -> ExtractionSummary:
    """Run the extractor over the given articles and store its quotes.

    Reviewed quotes are kept (see ``Store.store_extraction``).
    """
    from newsread.quotes import extract_many, load_pipeline

    summary = ExtractionSummary()
    if not article_ids:
        return summary
    nlp = load_pipeline(pipeline)
    if total_too_small_for_processes(len(article_ids), n_process):
        n_process = 1
    name = extractor_name(nlp)
    texts = (store.article(article_id).text for article_id in article_ids)
    total = len(article_ids)
    if progress:
        progress(0, total)
    for done, (article_id, extraction) in enumerate(zip(article_ids, extract_many(texts, nlp, n_process=n_process)), 1):
        report = store.store_extraction(article_id, extraction, name)
        summary.articles += 1
        summary.quotes += report.added
        summary.kept_reviewed += report.kept_reviewed
        summary.overlapping += len(report.overlapping)
        if report.overlapping:
            summary.reports[article_id] = report
        if progress:
            progress(done, total)
    return summary


def import_annotated(store: Store, items) -> tuple[int, int, int]:
    """Store annotated articles with their quotes as reviewed (human) quotes.

    ``items`` yields (Article, [Quote]); a quote that carries a ``status`` keeps it,
    others become 'accepted'. Returns (articles, quotes, duplicates skipped).
    """
    articles = quotes = duplicates = 0
    for article, article_quotes in items:
        article_id, created = store.add_article(article, content_hash(article.text))
        if not created:
            duplicates += 1
            continue
        articles += 1
        quotes += store.import_quotes(article_id, article_quotes)
    return articles, quotes, duplicates
