"""brat standoff: a folder with ``<article id>.txt`` (the text exactly) and ``<article id>.ann``.

Each quote is a PolNeAR-style Attribution event: T lines for Source (the speaker mention,
when there is one), Cue and Content (the quote), an Attribution trigger T on the cue (on the
content when there is no cue), and ``E  Attribution:T Source:T Cue:T Content:T``; a span of
one type is written once, however many events share it. A lines on the event carry Kind,
SpeakerKind, Status, Confidence (high, medium or low, as annotation.conf declares) and Human;
an AnnotatorNotes line on the event carries the canonical speaker, one on the Content the
reviewer's note. More notes on the event: ``confidence: 0.91``, the exact number, and for a
joint statement ``speakers: A | B``, listing its speakers.

Reading accepts these folders and PolNeAR's (texts in a sibling ``text/`` folder, annotator
suffixes on .ann names, discontinuous spans, Attribution-no-source events).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from newsread.model import Quote, StoredArticle, StoredQuote
from newsread.text import normalize_mapped

from .clean import normalised_record
from .output import write_text_file
from .records import FormatError, Record, checked_id, cue_end, has_cue, has_mention, one_record, quote_from_fields

WRITES = "folder"
DESCRIPTION = "brat standoff folder: <id>.txt and <id>.ann per article (needs -o)"
OPENING_MARKS = "\"“”‘’'«»„‚‹›"
# A note on the event that lists the speakers of a joint statement: "speakers: A | B".
SPEAKERS_NOTE, SPEAKERS_SEPARATOR = "speakers: ", " | "
# brat attributes take values from a list, so Confidence is a band (its lowest confidence here:
# the reader's "accept confident" starts at 0.8 and shows quotes below 0.5 in red); the exact
# number goes in a note on the event. A band set in brat without a number reads as its middle.
CONFIDENCE_BANDS = (("high", 0.8), ("medium", 0.5))  # below: "low"
BAND_MIDDLES = {"high": 0.9, "medium": 0.65, "low": 0.25}
CONFIDENCE_NOTE = "confidence: "

ANNOTATION_CONF = """\
[entities]
Source
Cue
Content

[relations]
<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>

[events]
Attribution\tSource?:Source, Cue?:Cue, Content:Content

[attributes]
Kind\tArg:Attribution, Value:direct|indirect|mixed
SpeakerKind\tArg:Attribution, Value:PERSON|ORG|OTHER
Status\tArg:Attribution, Value:unreviewed|accepted|corrected|rejected
Confidence\tArg:Attribution, Value:high|medium|low
Human\tArg:Attribution
"""


# ---- writing ---------------------------------------------------------------------------


def write(records: Iterable[Record], out: Path) -> int:
    if out.exists() and not out.is_dir():
        raise ValueError(f"{out}: not a folder (the brat format writes a folder of .txt and .ann files)")
    from newsread.ingest.brat_metadata import METADATA_FILE, TEXT_KEYS

    out.mkdir(parents=True, exist_ok=True)
    count = 0
    metadata: list[str] = []  # what file names cannot carry: ids, titles, dates (import reads it back)
    for number, (article, quotes) in enumerate(records, start=1):
        article_id = getattr(article, "id", 0)
        stem = str(article_id) if article_id else f"article-{number}"
        write_text_file(out / f"{stem}.txt", article.text)
        write_text_file(out / f"{stem}.ann", ann_text(article.text, quotes))
        entry = {"file": stem, "id": article_id or None, **{key: getattr(article, key, "") for key in TEXT_KEYS}}
        metadata.append(json.dumps(entry, ensure_ascii=False))
        count += len(quotes)
    write_text_file(out / "annotation.conf", ANNOTATION_CONF)  # lets brat itself open the folder
    write_text_file(out / METADATA_FILE, "".join(line + "\n" for line in metadata))
    return count


def ann_text(text: str, quotes: list[Quote]) -> str:
    lines: list[str] = []
    counters = {"T": 0, "E": 0, "A": 0, "#": 0}

    def next_id(kind: str) -> str:
        counters[kind] += 1
        return f"{kind}{counters[kind]}"

    written: dict[tuple[str, str], str] = {}  # (type, offsets) -> T id: brat's verifier warns of duplicates

    def text_bound(label: str, start: int, end: int) -> str:
        fragments = _fragments(text, start, end)
        offsets = ";".join(f"{a} {b}" for a, b in fragments)
        if (label, offsets) not in written:
            written[label, offsets] = next_id("T")
            shown = " ".join(text[a:b] for a, b in fragments)
            lines.append(f"{written[label, offsets]}\t{label} {offsets}\t{shown}")
        return written[label, offsets]

    for quote in sorted(quotes, key=lambda q: (q.start, q.end)):
        arguments = []
        if has_mention(quote):
            arguments.append(f"Source:{text_bound('Source', quote.mention_start, quote.mention_end)}")
        if has_cue(quote):
            arguments.append(f"Cue:{text_bound('Cue', quote.cue_start, cue_end(quote))}")
        content = text_bound("Content", quote.start, quote.end)
        arguments.append(f"Content:{content}")
        trigger_span = (quote.cue_start, cue_end(quote)) if has_cue(quote) else (quote.start, quote.end)
        trigger = text_bound("Attribution", *trigger_span)
        event = next_id("E")
        lines.append(f"{event}\tAttribution:{trigger} {' '.join(arguments)}")
        for name, value in (
            ("Kind", quote.kind),
            ("SpeakerKind", quote.speaker_kind),
            ("Status", getattr(quote, "status", "unreviewed")),
            ("Confidence", confidence_band(quote.confidence)),
        ):
            lines.append(f"{next_id('A')}\t{name} {event} {value}")
        if getattr(quote, "human", False):
            lines.append(f"{next_id('A')}\tHuman {event}")
        if quote.speaker:
            lines.append(f"{next_id('#')}\tAnnotatorNotes {event}\t{_one_line(quote.speaker)}")
        if len(quote.speaker_names()) > 1:
            names = SPEAKERS_SEPARATOR.join(_one_line(name) for name in quote.speaker_names())
            lines.append(f"{next_id('#')}\tAnnotatorNotes {event}\t{SPEAKERS_NOTE}{names}")
        lines.append(f"{next_id('#')}\tAnnotatorNotes {event}\t{CONFIDENCE_NOTE}{float(quote.confidence)!r}")
        if getattr(quote, "note", ""):
            lines.append(f"{next_id('#')}\tAnnotatorNotes {content}\t{_one_line(quote.note)}")
    return "".join(line + "\n" for line in lines)


def confidence_band(confidence: float) -> str:
    return next((band for band, lowest in CONFIDENCE_BANDS if confidence >= lowest), "low")


def _fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """brat cannot show a span across a line break: split it into fragments at newlines."""
    fragments, position = [], start
    for piece in text[start:end].split("\n"):
        if piece:
            fragments.append((position, position + len(piece)))
        position += len(piece) + 1
    return fragments or [(start, end)]


def _one_line(value: str) -> str:
    return " ".join(value.split())


# ---- reading ---------------------------------------------------------------------------


@dataclass
class Annotations:
    """The parts of one .ann file newsread uses; every other line type is ignored."""

    spans: dict[str, tuple[str, int, int]] = field(default_factory=dict)  # T id -> (type, start, end)
    events: list[tuple[str, dict[str, str]]] = field(default_factory=list)  # (E id, role -> T id)
    attributes: dict[str, dict[str, str]] = field(default_factory=dict)  # target -> name -> value
    notes: dict[str, str] = field(default_factory=dict)  # target -> note
    speakers: dict[str, list[str]] = field(default_factory=dict)  # event -> speakers of a joint statement
    confidences: dict[str, str] = field(default_factory=dict)  # event -> the exact confidence, as written
    problems: dict[str, str] = field(default_factory=dict)  # T id -> why its offsets cannot make a quote


def read(path: Path) -> Iterator[tuple[StoredArticle, list[Quote]] | FormatError]:
    """Every .ann under a folder (or one .ann file) with its text, as articles and quotes; an .ann
    that cannot be read is a FormatError naming it, yielded in its place: the others are read."""
    ann_files = sorted(path.rglob("*.ann")) if path.is_dir() else [path]
    if not ann_files:
        raise FormatError(f"{path}: no .ann files in the folder")
    for ann_file in ann_files:
        yield one_record(str(ann_file), partial(read_one, ann_file))


def read_one(ann_file: Path) -> tuple[StoredArticle, list[Quote]]:
    text_file = matching_text(ann_file)
    if text_file is None:
        raise FormatError(f"{ann_file}: no matching .txt file")
    for file in (ann_file, text_file):
        if not file.is_file():  # a FIFO or a device would hang the read
            raise FormatError(f"{file}: not a regular file")
    with text_file.open(encoding="utf-8", newline="") as handle:  # offsets count every character, \r too
        raw_text = handle.read()
    annotations = parse_ann(ann_file.read_text(encoding="utf-8"))
    # Stored as ingest stores text (NFC, \n, no control characters), the offsets carried along.
    text = normalised_spans(annotations, raw_text, str(ann_file))
    stem = ann_file.stem
    article_id = checked_id(int(stem), str(ann_file)) if stem.isascii() and stem.isdigit() else 0
    article = StoredArticle(text=text, id=article_id, path=str(text_file))
    quotes = quotes_from(annotations, text, str(ann_file))
    for quote in quotes:
        if isinstance(quote, StoredQuote):
            quote.article_id = article.id
    return normalised_record(article, quotes, str(ann_file))


def matching_text(ann_file: Path) -> Path | None:
    """``name.txt`` beside the .ann, or PolNeAR's ``../text/name.txt`` (without the annotator suffix)."""
    beside = ann_file.with_suffix(".txt")
    if beside.is_file():
        return beside
    polnear = ann_file.parent.parent / "text" / (re.sub(r"_[0-9a-f]{4}$", "", ann_file.stem) + ".txt")
    return polnear if polnear.is_file() else None


def parse_ann(content: str) -> Annotations:
    found = Annotations()
    for line in content.splitlines():
        ann_id, _, rest = line.partition("\t")
        kind = ann_id[:1]
        try:
            if kind == "T":
                label_and_offsets = rest.split("\t", 1)[0]
                label, _, offsets = label_and_offsets.partition(" ")
                fragments = [[int(n) for n in part.split()] for part in offsets.split(";") if part.strip()]
                if any(len(fragment) != 2 for fragment in fragments):
                    continue  # malformed: skipped like an unknown line
                for start, end in fragments:
                    if start >= end:  # refused when a quote uses it (see quotes_from)
                        found.problems[ann_id] = f"reversed offsets {start} {end}" if start > end else f"zero-length span at {start}"
                numbers = [n for fragment in fragments for n in fragment]
                found.spans[ann_id] = (label, min(numbers), max(numbers))  # discontinuous: the covering span
            elif kind == "E":
                trigger, *arguments = rest.split()
                roles = dict(argument.split(":", 1) for argument in arguments)
                roles = {re.sub(r"\d+$", "", role): target for role, target in roles.items()}  # Content2 -> Content
                roles["trigger"] = trigger.split(":", 1)[1]
                found.events.append((ann_id, roles))
            elif kind in "AM":
                name, target, *value = rest.split()
                found.attributes.setdefault(target, {})[name] = value[0] if value else "true"
            elif kind == "#":
                head, _, note = rest.partition("\t")
                if note.startswith(SPEAKERS_NOTE):
                    found.speakers[head.split()[1]] = note[len(SPEAKERS_NOTE):].split(SPEAKERS_SEPARATOR)
                elif note.startswith(CONFIDENCE_NOTE):
                    found.confidences[head.split()[1]] = note[len(CONFIDENCE_NOTE):]
                else:
                    found.notes[head.split()[1]] = note
        except (ValueError, IndexError):
            continue  # a malformed line is skipped like an unknown one
    return found


def normalised_spans(found: Annotations, raw_text: str, where: str) -> str:
    """``raw_text`` normalised as ingest does it, with every span's offsets carried into it."""
    try:
        text, mapping = normalize_mapped(raw_text)
    except ValueError:
        raise FormatError(f"{where}: the offsets cannot be carried through text normalisation") from None
    if mapping is not None:
        for t_id, (label, start, end) in found.spans.items():
            new_start, new_end = mapping(start), mapping(end, end=True)
            if start < end and new_start == new_end and t_id not in found.problems:
                found.problems[t_id] = "nothing left of the span once control characters are removed"
            found.spans[t_id] = (label, new_start, new_end)
    return text


def quotes_from(found: Annotations, text: str, where: str) -> list[Quote]:
    """A quote per event with a Content (and per Content no event uses). A Content, Cue or Source
    span with reversed or zero-length offsets is a FormatError naming the file and the T id;
    overlapping quotes are kept, as brat allows them."""
    quotes = []
    used_contents = set()
    for event_id, roles in found.events:
        content = found.spans.get(roles.get("Content", ""))
        if content is None:
            continue
        for role in ("Content", "Cue", "Source"):
            if roles.get(role) in found.problems:
                raise FormatError(f"{where}: {roles[role]}: {found.problems[roles[role]]} ({role} of {event_id})")
        used_contents.add(roles["Content"])
        quotes.append(quote_for(found, text, where, roles, event_id))
    for t_id, (label, _, _) in found.spans.items():
        if label == "Content" and t_id not in used_contents:  # a quote nobody is said to have said
            if t_id in found.problems:
                raise FormatError(f"{where}: {t_id}: {found.problems[t_id]}")
            quotes.append(quote_for(found, text, where, {"Content": t_id}, ""))
    return sorted(quotes, key=lambda q: (q.start, q.end))


def quote_for(found: Annotations, text: str, where: str, roles: dict[str, str], event_id: str) -> Quote:
    _, start, end = found.spans[roles["Content"]]
    fields: dict = {"start": start, "end": end}
    if "Cue" in roles and roles["Cue"] in found.spans:
        _, cue_start, cue_stop = found.spans[roles["Cue"]]
        fields.update(cue=text[cue_start:cue_stop], cue_start=cue_start)
    if "Source" in roles and roles["Source"] in found.spans:
        _, mention_start, mention_end = found.spans[roles["Source"]]
        fields.update(mention_start=mention_start, mention_end=mention_end)
        fields["speaker"] = _one_line(text[mention_start:mention_end])
    attributes = found.attributes.get(event_id, {})
    if event_id in found.notes:
        fields["speaker"] = found.notes[event_id]
    if event_id in found.speakers:
        fields["speakers"] = found.speakers[event_id]
    fields["kind"] = attributes.get("Kind") or _guess_kind(text[start:end])
    for key, name in (("speaker_kind", "SpeakerKind"), ("status", "Status")):
        if name in attributes:
            fields[key] = attributes[name]
    confidence = confidence_from(attributes.get("Confidence"), found.confidences.get(event_id), f"{where}: {event_id}")
    if confidence is not None:
        fields["confidence"] = confidence
    if "Status" in attributes:  # a newsread export: the review fields are all there
        fields["human"] = "Human" in attributes
        fields["note"] = found.notes.get(roles["Content"], "")
    return quote_from_fields(fields, text, f"{where}: {event_id or roles['Content']}")


def confidence_from(band: str | None, exact: str | None, where: str) -> float | None:
    """The number of the ``confidence:`` note when it lies in the Confidence band (a band changed in
    brat wins over the note, as its middle); a number as the attribute (older exports) as it is."""
    number = _number(exact) if exact is not None else None
    if exact is not None and number is None:
        raise FormatError(f"{where}: confidence note {exact!r} is not a number")
    if band is None:
        return number
    if band in BAND_MIDDLES:
        return number if number is not None and confidence_band(number) == band else BAND_MIDDLES[band]
    if _number(band) is None:
        raise FormatError(f"{where}: Confidence {band!r} is neither high, medium, low nor a number")
    return _number(band)


def _number(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None


def _guess_kind(span_text: str) -> str:
    """Files without a Kind attribute (PolNeAR): content in quotation marks reads as direct."""
    stripped = span_text.strip()
    return "direct" if stripped[:1] in OPENING_MARKS else "indirect"
