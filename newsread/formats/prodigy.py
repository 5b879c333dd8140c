"""Prodigy JSONL tasks for relation annotation (rel.manual style): QUOTE, SPEAKER and CUE spans
with relations from each quote to its speaker mention and its cue.

One task per article holds every quote that is not rejected, answer "accept". Each rejected quote
is its own task with answer "reject", as Prodigy records binary feedback. Spans carry token
indices (token_end inclusive) from the spaCy blank English tokenizer, and a relation's
head/child is the index of the last token of its span.
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
    spans: dict[tuple[int, int, str], dict] = {}
    relations = []

    def span(start: int, end: int, label: str) -> dict | None:
        aligned = doc.char_span(start, end, alignment_mode="expand")
        if aligned is None:
            return None
        key = (aligned.start, aligned.end, label)
        if key not in spans:
            spans[key] = {
                "start": aligned.start_char,
                "end": aligned.end_char,
                "token_start": aligned.start,
                "token_end": aligned.end - 1,
                "label": label,
            }
        return spans[key]

    for quote in sorted(quotes, key=lambda q: (q.start, q.end)):
        quote_span = span(quote.start, quote.end, "QUOTE")
        if quote_span is None:
            continue
        links = []
        if has_mention(quote):
            links.append((span(quote.mention_start, quote.mention_end, "SPEAKER"), "SPEAKER"))
        if has_cue(quote):
            links.append((span(quote.cue_start, cue_end(quote), "CUE"), "CUE"))
        for child, label in links:
            if child is not None:
                relations.append({
                    "head": quote_span["token_end"],
                    "child": child["token_end"],
                    "head_span": quote_span,
                    "child_span": child,
                    "label": label,
                })
    return {
        "text": doc.text,
        "tokens": [
            {"text": t.text, "start": t.idx, "end": t.idx + len(t.text), "id": t.i, "ws": bool(t.whitespace_)}
            for t in doc
        ],
        "spans": sorted(spans.values(), key=lambda s: (s["start"], s["end"], s["label"])),
        "relations": relations,
        "meta": {
            "article_id": getattr(article, "id", 0),
            "title": article.title,
            "source": article.source,
            "url": article.url,
            "quotes": [
                {"start": q.start, "end": q.end, "kind": q.kind, "speaker": q.speaker, "speakers": q.speaker_names(),
                 "speaker_kind": q.speaker_kind, "status": getattr(q, "status", "unreviewed"), **attribution_fields(q)}
                for q in sorted(quotes, key=lambda q: (q.start, q.end))
            ],
        },
        "answer": answer,
    }
