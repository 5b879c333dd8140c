"""spaCy DocBin: one Doc per article, quotes as a span group, ready to train a spancat on "quotes".

Span groups: "quotes" (label = kind), "speakers" (label SPEAKER) and "cues" (label CUE).
Rejected quotes go to "rejected_quotes" so they never train as positives.
Per-quote fields that a Span cannot hold live in ``doc.user_data``, one list per quote group
in span order ("newsread_quotes", "newsread_rejected_quotes"; each with "speaker" and the list
"speakers"), and the article's own fields in
"newsread_article"; DocBin(store_user_data=True) keeps them through serialisation.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .output import atomic_write
from .records import Record, article_fields, attribution_fields, cue_end, has_cue, has_mention, is_rejected, quote_fields

WRITES = "file"
DESCRIPTION = "spaCy DocBin (.spacy) with span groups quotes/speakers/cues (needs -o)"


def write(records: Iterable[Record], out: Path) -> int:
    import spacy  # lazy: over a second to import
    from spacy.tokens import DocBin

    nlp = spacy.blank("en")  # tokenizer only: no model needed to read or write training data
    doc_bin = DocBin(store_user_data=True)
    count = 0
    for article, quotes in records:
        doc_bin.add(article_doc(nlp, article, quotes))
        count += len(quotes)
    atomic_write(out, lambda handle: handle.write(doc_bin.to_bytes()), binary=True)
    return count


def article_doc(nlp, article, quotes):
    doc = nlp.make_doc(article.text)
    groups = {"quotes": [], "rejected_quotes": [], "speakers": [], "cues": []}
    details = {"quotes": [], "rejected_quotes": []}
    for quote in sorted(quotes, key=lambda q: (q.start, q.end)):
        span = doc.char_span(quote.start, quote.end, label=quote.kind, alignment_mode="expand")
        if span is None:  # an empty span cannot be a token span
            continue
        group = "rejected_quotes" if is_rejected(quote) else "quotes"
        groups[group].append(span)
        details[group].append({"id": getattr(quote, "id", 0), **quote_fields(quote), **attribution_fields(quote)})
        if group == "quotes":
            _add_span(groups["speakers"], doc, quote.mention_start, quote.mention_end, "SPEAKER", has_mention(quote))
            _add_span(groups["cues"], doc, quote.cue_start, cue_end(quote), "CUE", has_cue(quote))
    for name, spans in groups.items():
        doc.spans[name] = spans
    doc.user_data["newsread_article"] = article_fields(article)
    doc.user_data["newsread_quotes"] = details["quotes"]
    doc.user_data["newsread_rejected_quotes"] = details["rejected_quotes"]
    return doc


def _add_span(spans: list, doc, start: int, end: int, label: str, present: bool) -> None:
    """Add a span once: several quotes often share one speaker mention or cue."""
    if not present:
        return
    span = doc.char_span(start, end, label=label, alignment_mode="expand")
    if span is not None and not any(s.start == span.start and s.end == span.end for s in spans):
        spans.append(span)
