"""Label Studio tasks (a JSON array): model output as predictions, a person's decisions as annotations.

Each quote is a "labels" region (QUOTE) on the text, with per-region results sharing its id:
a "choices" result for the kind and a "textarea" result for the canonical speaker (its value
also lists every speaker of a joint statement under "speakers"). Speaker mentions (SPEAKER)
and cues (CUE) are regions of their own, linked from the quote by "relation" results. The
labeling config these names fit is LABEL_CONFIG (and in docs/formats.md).

Quotes nobody has reviewed go in the task's one prediction (model_version = the extractor,
score = the lowest confidence, so Label Studio's "sort by score" shows the doubtful first);
reviewed and added ones in its one annotation, which Label Studio counts as a person's finished
work. A rejected quote is no region of the annotation (it is not a quote: training on the
annotation must not see it) and is listed in the task's ``meta.rejected_quotes``. Every QUOTE
region carries the quote's status, confidence and human flag in its ``meta``, and the reviewer's
note as ``meta.text``, the note Label Studio shows on a region.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from newsread.quotes import EXTRACTOR_VERSION

from .records import Record, cue_end, has_cue, has_mention, is_rejected

WRITES = "stream"
DESCRIPTION = "Label Studio JSON tasks: unreviewed quotes as predictions, reviewed ones as annotations"
TEXT_NAME, LABELS_NAME, KIND_NAME, SPEAKER_NAME = "text", "label", "kind", "speaker"
MODEL_VERSION = f"newsread-{EXTRACTOR_VERSION}"
# The labeling config the names above fit (docs/formats.md shows it too): paste it into the project.
LABEL_CONFIG = """\
<View>
  <Relations>
    <Relation value="said by"/>
    <Relation value="cue"/>
  </Relations>
  <Labels name="label" toName="text">
    <Label value="QUOTE"/>
    <Label value="SPEAKER"/>
    <Label value="CUE"/>
  </Labels>
  <Text name="text" value="$text"/>
  <Choices name="kind" toName="text" perRegion="true">
    <Choice value="direct"/>
    <Choice value="indirect"/>
    <Choice value="mixed"/>
  </Choices>
  <TextArea name="speaker" toName="text" perRegion="true"/>
</View>
"""


def write(records: Iterable[Record], stream: TextIO) -> int:
    tasks, count = [], 0
    for article, quotes in records:
        tasks.append(task(article, sorted(quotes, key=lambda q: (q.start, q.end))))
        count += sum(not is_rejected(q) for q in quotes)
    stream.write(json.dumps(tasks, ensure_ascii=False, indent=1) + "\n")
    return count


def is_reviewed(quote) -> bool:
    """A person's decision: accepted, corrected, rejected, or added by hand."""
    return getattr(quote, "status", "unreviewed") != "unreviewed" or getattr(quote, "human", False)


def task(article, quotes) -> dict:
    regions = Regions(article.text)
    numbered = [(f"q{n}", quote) for n, quote in enumerate(quotes, start=1)]  # ids in text order
    predicted = [(quote_id, q) for quote_id, q in numbered if not is_reviewed(q)]
    reviewed = [(quote_id, q) for quote_id, q in numbered if is_reviewed(q)]
    item: dict = {
        "data": {
            "text": article.text,
            "article_id": getattr(article, "id", 0),
            "title": article.title,
            "source": article.source,
            "url": article.url,
        },
        "meta": {"rejected_quotes": [rejected_fields(q) for _, q in reviewed if is_rejected(q)]},
    }
    if predicted:
        item["predictions"] = [{
            "model_version": MODEL_VERSION,
            "score": min(q.confidence for _, q in predicted),
            "result": regions.results(predicted, scored=True),
        }]
    if reviewed:
        # Label Studio takes an imported annotation for ground truth unless told: that is the
        # project owner's call, not the exporter's.
        item["annotations"] = [{
            "result": regions.results([(i, q) for i, q in reviewed if not is_rejected(q)], scored=False),
            "ground_truth": False,
            "was_cancelled": False,
        }]
    return item


class Regions:
    """The speaker mention and cue regions of one task (s1, c2, ...): one id per span, however many
    quotes, in the prediction or the annotation, share it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.linked: dict[tuple[int, int, str], str] = {}

    def results(self, quotes: list[tuple[str, object]], *, scored: bool) -> list[dict]:
        """The results for ``(quote id, quote)`` pairs: their regions, and the regions they link to."""
        results: list[dict] = []
        in_this_result: set[str] = set()  # a shared span's region appears once in each result list

        def linked(start: int, end: int, label: str) -> str:
            key = (start, end, label)
            if key not in self.linked:
                self.linked[key] = f"{label[0].lower()}{len(self.linked) + 1}"
            region_id = self.linked[key]
            if region_id not in in_this_result:
                in_this_result.add(region_id)
                results.append(region(region_id, self.text, start, end, "labels", {"labels": [label]}))
            return region_id

        for quote_id, quote in quotes:
            results.extend(quote_results(quote_id, self.text, quote, scored))
            if has_mention(quote):
                results.append(relation(quote_id, linked(quote.mention_start, quote.mention_end, "SPEAKER"), "said by"))
            if has_cue(quote):
                results.append(relation(quote_id, linked(quote.cue_start, cue_end(quote), "CUE"), "cue"))
        return results


def quote_results(quote_id: str, text: str, quote, scored: bool) -> list[dict]:
    """The QUOTE region (in a prediction with the model's score, the region score Label Studio shows),
    its kind and its speaker; the review state is in the QUOTE region's meta."""
    meta: dict = {"status": getattr(quote, "status", "unreviewed"), "confidence": quote.confidence,
                  "human": getattr(quote, "human", False)}
    if getattr(quote, "note", ""):
        meta["text"] = [quote.note]
    score = {"score": quote.confidence} if scored else {}
    quote_region = region(quote_id, text, quote.start, quote.end, "labels", {"labels": ["QUOTE"], **score})
    results = [{**quote_region, "meta": meta},
               region(quote_id, text, quote.start, quote.end, "choices", {"choices": [quote.kind]})]
    if quote.speaker:
        # The answer is the joined name; "speakers" lists each speaker of a joint statement.
        results.append(region(quote_id, text, quote.start, quote.end, "textarea",
                              {"text": [quote.speaker], "speakers": quote.speaker_names()}))
    return results


def rejected_fields(quote) -> dict:
    return {"start": quote.start, "end": quote.end, "text": quote.text, "kind": quote.kind, "speaker": quote.speaker,
            "speakers": quote.speaker_names(), "confidence": quote.confidence, "note": getattr(quote, "note", "")}


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
