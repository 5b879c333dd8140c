"""Adding articles to the store and running the extractor over them.

The one place that joins ingest, extraction and store, shared by the CLI and the
reader's workers. spaCy is imported only inside ``extract_articles``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from newsread.ingest import content_hash
from newsread.model import Article, Extraction
from newsread.store import ReextractReport, Store, open_store_count

Progress = Callable[[int, int], None]


@dataclass
class ExtractionSummary:
    articles: int = 0
    quotes: int = 0
    kept_reviewed: int = 0
    overlapping: int = 0
    reports: dict[int, ReextractReport] = field(default_factory=dict)


def add_article(store: Store, article: Article) -> tuple[int, bool]:
    """Store ``article`` unless the same text is stored already; (its id, whether it is new)."""
    return store.add_article(article, content_hash(article.text))


def not_yet_extracted(store: Store, article_ids: Iterable[int]) -> list[int]:
    """Of ``article_ids``, those never run through the extractor and holding no quotes:
    stored by an add that was stopped (or run with ``--no-extract``) before extraction."""
    waiting = set(store.articles_needing_extraction())
    return [article_id for article_id in dict.fromkeys(article_ids) if article_id in waiting]


def add_articles(store: Store, articles: Iterable[Article]) -> tuple[list[int], int]:
    """Store each article; return (ids of the new ones, number of duplicates skipped)."""
    new, duplicates = [], 0
    for article in articles:
        article_id, created = add_article(store, article)
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


def extract_articles(db_path: Path | str, article_ids: list[int], *, user: str | None = None,
                     pipeline: str | None = None, n_process: int = 1,
                     progress: Progress | None = None) -> ExtractionSummary:
    """Run the extractor over the given articles and store its quotes.

    Reviewed quotes are kept (see ``Store.store_extraction``); the new model quotes get what
    corrections taught (``Store.with_learned``). With several processes the
    workers are forked first and this process opens its connection after: a SQLite
    connection is never carried across ``fork()``, and the workers never see the database.
    """
    from newsread.quotes import load_pipeline

    summary = ExtractionSummary()
    if not article_ids:
        return summary
    nlp = load_pipeline(pipeline)
    if total_too_small_for_processes(len(article_ids), n_process):
        n_process = 1
    name = extractor_name(nlp)
    total = len(article_ids)
    with _extractor(nlp, n_process) as extract, Store(db_path, user=user) as store:
        texts = (store.article(article_id).text for article_id in article_ids)
        if progress:
            progress(0, total)
        for done, (article_id, extraction) in enumerate(zip(article_ids, extract(texts)), 1):
            # What people's corrections taught ("Saree" is Yahya Sarea) goes into the new model quotes.
            report = store.store_extraction(article_id, store.with_learned(article_id, extraction), name)
            summary.articles += 1
            summary.quotes += report.added
            summary.kept_reviewed += report.kept_reviewed
            summary.overlapping += len(report.overlapping)
            if report.overlapping:
                summary.reports[article_id] = report
            if progress:
                progress(done, total)
    return summary


@contextmanager
def _extractor(nlp, n_process: int) -> Iterator[Callable[[Iterable[str]], Iterator[Extraction]]]:
    """A function from texts to extractions: forked workers when several processes are
    asked for and this process may fork, else this process alone."""
    from newsread.quotes import extract_many
    from newsread.quotes.parallel import WorkerPool, can_fork

    if n_process > 1 and can_fork():
        if open_store_count():
            raise RuntimeError("a database connection is open in this process; workers cannot be forked safely")
        with WorkerPool(nlp, n_process) as pool:
            yield pool.extract
    else:
        yield lambda texts: extract_many(texts, nlp)


def import_annotated(store: Store, items) -> tuple[int, int, int]:
    """Store annotated articles with their quotes as reviewed (human) quotes.

    ``items`` yields (Article, [Quote]); a quote that carries a ``status`` keeps it,
    others become 'accepted'. An article keeps its id (a StoredArticle's, as exports write
    it) and a quote its id when this database has not used them: a round trip keeps identity.
    Returns (articles, quotes, duplicates skipped).
    """
    articles = quotes = duplicates = 0
    keep_ids = store.quote_ids_to_keep()
    for article, article_quotes in items:
        article_id, created = store.add_article(article, content_hash(article.text), wanted_id=getattr(article, "id", None))
        if not created:
            duplicates += 1
            continue
        articles += 1
        quotes += store.import_quotes(article_id, article_quotes, keep_ids=keep_ids)
    return articles, quotes, duplicates
