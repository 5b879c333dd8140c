"""Label Studio tasks (a JSON array) with the quotes as annotation results.

Each quote is a "labels" region (QUOTE) on the text, with per-region results sharing its id:
a "choices" result for the kind and a "textarea" result for the canonical speaker (its value
also lists every speaker of a joint statement under "speakers"). Speaker
mentions (SPEAKER) and cues (CUE) are regions of their own, linked from the quote by
"relation" results. Rejected quotes are left out: they are not quotes. The labeling
config these names fit is in docs/formats.md.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from .records import Record, cue_end, has_cue, has_mention, is_rejected

WRITES = "stream"
DESCRIPTION = "Label Studio JSON tasks with labels, per-region kind/speaker and relations"
TEXT_NAME, LABELS_NAME, KIND_NAME, SPEAKER_NAME = "text", "label", "kind", "speaker"


def write(records: Iterable[Record], stream: TextIO) -> int:
    tasks, count = [], 0
    for article, quotes in records:
        kept = sorted((q for q in quotes if not is_rejected(q)), key=lambda q: (q.start, q.end))
        tasks.append(task(article, kept))
        count += len(kept)
    stream.write(json.dumps(tasks, ensure_ascii=False, indent=1) + "\n")
    return count


def task(article, quotes) -> dict:
    results = []
    linked_regions: dict[tuple[int, int, str], str] = {}  # one region per span, however many quotes share it

    def linked(start: int, end: int, label: str) -> str:
        key = (start, end, label)
        if key not in linked_regions:
            linked_regions[key] = f"{label[0].lower()}{len(linked_regions) + 1}"
            results.append(region(linked_regions[key], article.text, start, end, "labels", {"labels": [label]}))
        return linked_regions[key]

    for n, quote in enumerate(quotes, start=1):
        quote_id = f"q{n}"
        results.append(region(quote_id, article.text, quote.start, quote.end, "labels", {"labels": ["QUOTE"]}))
        results.append(region(quote_id, article.text, quote.start, quote.end, "choices", {"choices": [quote.kind]}))
        if quote.speaker:
            # The answer is the joined name; "speakers" lists each speaker of a joint statement.
            results.append(region(quote_id, article.text, quote.start, quote.end, "textarea",
                                  {"text": [quote.speaker], "speakers": quote.speaker_names()}))
        if has_mention(quote):
            results.append(relation(quote_id, linked(quote.mention_start, quote.mention_end, "SPEAKER"), "said by"))
        if has_cue(quote):
            results.append(relation(quote_id, linked(quote.cue_start, cue_end(quote), "CUE"), "cue"))
    return {
        "data": {
            "text": article.text,
            "article_id": getattr(article, "id", 0),
            "title": article.title,
            "source": article.source,
            "url": article.url,
        },
        "annotations": [{"result": results}],
    }


def region(region_id: str, text: str, start: int, end: int, kind: str, value: dict) -> dict:
    from_name = {"labels": LABELS_NAME, "choices": KIND_NAME, "textarea": SPEAKER_NAME}[kind]
    return {
        "id": region_id,
        "from_name": from_name,
        "to_name": TEXT_NAME,
        "type": kind,
        "value": {"start": start, "end": end, "text": text[start:end], **value},
    }


def relation(from_id: str, to_id: str, label: str) -> dict:
    return {"type": "relation", "from_id": from_id, "to_id": to_id, "direction": "right", "labels": [label]}
