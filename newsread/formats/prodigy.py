"""Prodigy JSONL tasks for relation annotation (rel.manual style): QUOTE, SPEAKER and CUE spans
with relations from each quote to its speaker mention and its cue.

One task per article holds every quote that is not rejected, answer "accept". Each rejected quote
is its own task with answer "reject", as Prodigy records binary feedback. Spans carry token
indices (token_end inclusive) from the spaCy blank English tokenizer, and a relation's
head/child is the index of the last token of its span.

No task holds overlapping spans (Prodigy's span and relation interfaces cannot show them): quotes
are placed first, in text order, then speaker mentions, then cues, and a span whose tokens overlap
one already placed is left out, with its relation. ``meta.quotes`` keeps every quote's exact
offsets, its cue's and its mention's, and names what was left out in ``not_in_spans``: a mixed
quote holding its own "according to" cue keeps its QUOTE span and loses the CUE.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from .records import Record, attribution_fields, cue_end, has_cue, has_mention, is_rejected

WRITES = "stream"
DESCRIPTION = "Prodigy JSONL tasks with QUOTE/SPEAKER/CUE spans and relations"


def write(records: Iterable[Record], stream: TextIO) -> int:
    import spacy  # lazy: over a second to import

    nlp = spacy.blank("en")
    count = 0
    for article, quotes in records:
        doc = nlp.make_doc(article.text)
        kept = [q for q in quotes if not is_rejected(q)]
        tasks = [task(doc, article, kept, "accept")] if kept or not quotes else []
        tasks += [task(doc, article, [q], "reject") for q in quotes if is_rejected(q)]
        for item in tasks:
            stream.write(json.dumps(item, ensure_ascii=False) + "\n")
        count += len(quotes)
    return count


def task(doc, article, quotes, answer: str) -> dict:
    quotes = sorted(quotes, key=lambda q: (q.start, q.end))
    spans = Spans(doc)
    quote_spans = [spans.place(q.start, q.end, "QUOTE") for q in quotes]  # quotes first: they matter most
    links: list[list[tuple[dict | None, str]]] = [[] for _ in quotes]  # per quote: (span or None, label)
    for label, has_it, offsets in (("SPEAKER", has_mention, lambda q: (q.mention_start, q.mention_end)),
                                   ("CUE", has_cue, lambda q: (q.cue_start, cue_end(q)))):
        for quote, quote_span, quote_links in zip(quotes, quote_spans, links):
            if has_it(quote):
                quote_links.append((spans.place(*offsets(quote), label) if quote_span else None, label))
    relations = [
        {"head": head["token_end"], "child": child["token_end"], "head_span": head, "child_span": child, "label": label}
        for head, quote_links in zip(quote_spans, links) if head is not None
        for child, label in quote_links if child is not None
    ]
    return {
        "text": doc.text,
        "tokens": [
            {"text": t.text, "start": t.idx, "end": t.idx + len(t.text), "id": t.i, "ws": bool(t.whitespace_)}
            for t in doc
        ],
        "spans": sorted(spans.placed.values(), key=lambda s: (s["start"], s["end"], s["label"])),
        "relations": relations,
        "meta": {
            "article_id": getattr(article, "id", 0),
            "title": article.title,
            "source": article.source,
            "url": article.url,
            "quotes": [quote_meta(*item) for item in zip(quotes, quote_spans, links)],
        },
        "answer": answer,
    }


def quote_meta(quote, quote_span: dict | None, links: list[tuple[dict | None, str]]) -> dict:
    """The quote's fields and exact offsets, with the spans it has that the task could not hold."""
    left_out = (["QUOTE"] if quote_span is None else []) + [label for span, label in links if span is None]
    return {
        "start": quote.start, "end": quote.end, "kind": quote.kind, "speaker": quote.speaker,
        "speakers": quote.speaker_names(), "speaker_kind": quote.speaker_kind,
        "status": getattr(quote, "status", "unreviewed"), **attribution_fields(quote),
        "cue": quote.cue, "cue_start": quote.cue_start,
        "mention_start": quote.mention_start, "mention_end": quote.mention_end,
        "not_in_spans": left_out,
    }


class Spans:
    """The spans of one task, widened to whole tokens; a span is placed once, and never over another."""

    def __init__(self, doc) -> None:
        self.doc = doc
        self.placed: dict[tuple[int, int, str], dict] = {}

    def place(self, start: int, end: int, label: str) -> dict | None:
        """The span (the one already placed, when a quote shares it), or None when it overlaps another."""
        aligned = self.doc.char_span(start, end, alignment_mode="expand")
        if aligned is None:  # an empty span holds no token
            return None
        key = (aligned.start, aligned.end, label)
        if key in self.placed:
            return self.placed[key]
        if any(aligned.start < other_end and other_start < aligned.end for other_start, other_end, _ in self.placed):
            return None
        self.placed[key] = {"start": aligned.start_char, "end": aligned.end_char, "token_start": aligned.start,
                            "token_end": aligned.end - 1, "label": label}
        return self.placed[key]
