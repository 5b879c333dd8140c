"""Orchestration: text → spaCy docs (bounded chunks) → direct, block, indirect quotes
→ speakers → Extraction. Never raises on any text."""

from __future__ import annotations

import bisect
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from newsread.model import Extraction, Quote

from .confidence import confidence
from .direct import find_blocks, find_direct
from .entities import Entity, Resolved
from .frames import RawQuote
from .indirect import find_indirect
from .line_wrap import unwrapped
from .marks import find_marks, paragraphs
from .quote_to_mention import resolve_quotes
from .registry import Registry
from .sieves import attribution
from .unclosed import close_before_frames

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from newsread.model import Speaker

log = logging.getLogger(__name__)

# spaCy's parser needs about 1 GB per 100k characters at its default limit; news
# articles are far smaller, so big texts are cut at paragraph boundaries into
# chunks of at most this size and processed one by one (memory stays bounded).
CHUNK_CHARS = 20_000


def chunks(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """[start, end) pieces of text, cut after newlines (or whitespace, or anywhere)."""
    out = []
    start, n = 0, len(text)
    while start < n:
        end = min(n, start + limit)
        if end < n:
            cut = text.rfind("\n", start + limit // 2, end)
            if cut < 0:
                cut = text.rfind(" ", start + limit // 2, end)
            end = cut + 1 if cut >= 0 else end
        out.append((start, end))
        start = end
    return out


def parse_form(piece: str) -> str:
    """What the parser reads: a no-break space as a plain one, and a hard-wrapped text's soft
    line breaks as spaces (line_wrap.py). spaCy makes a no-break space a token of its own, which
    the parser then hangs words on ('"a danger"\u00a0whose plan'), and every newline ends a
    paragraph here; the same length keeps every offset, and each quote's text is taken from
    the article itself."""
    return unwrapped(piece).replace("\u00a0", " ")


def _drop_overlaps(raws: list[RawQuote]) -> list[RawQuote]:
    """Quotes never overlap: direct/mixed beat indirect; among indirect the innermost wins."""
    def rank(q: RawQuote) -> tuple[int, int]:
        return (0 if q.kind != "indirect" else 1, q.end - q.start)

    # kept spans never overlap, so sorted by start their ends are sorted too: a new span can
    # only overlap the last kept one starting before its end (linear in the quote count, where
    # comparing with every kept span grew with its square)
    kept: list[RawQuote] = []
    starts: list[int] = []
    for q in sorted(raws, key=rank):
        k = bisect.bisect_left(starts, q.end) - 1
        if k >= 0 and kept[k].end > q.start:
            continue
        kept.insert(k + 1, q)
        starts.insert(k + 1, q.start)
    return kept


def extract_doc(doc: Doc, offset: int = 0) -> tuple[list[Quote], Registry]:
    text = doc.text
    marks = close_before_frames(doc, find_marks(text))
    paras = paragraphs(text)
    direct = find_direct(doc, text, marks, paras)
    blocks = find_blocks(doc, text, marks, paras)
    masked = sorted([(m.start, m.end) for m in marks] + [(b.start, b.end) for b in blocks])
    indirect = find_indirect(doc, text, masked, sorted((q.start, q.end) for q in direct + blocks))
    raws = direct + blocks + indirect
    # names inside quotation marks are not antecedents for the reporter's pronouns
    reg = Registry(doc, quoted=masked, text=text)
    raws = resolve_quotes(raws, reg)
    # a mixed or indirect quote whose cue is in a direct quote's sentence keeps that speaker
    found, raws = raws, _drop_overlaps(raws)
    names: dict[str, tuple[int, int]] = {}  # canonical name -> its fullest mention, for the evidence
    quotes = []
    for q in raws:
        r = q.resolved or Resolved()
        sieve, evidence = attribution(q, found, text, offset, names)
        quotes.append(
            Quote(
                start=q.start + offset,
                end=q.end + offset,
                text=text[q.start : q.end],
                kind=q.kind,
                speaker=r.name,
                speakers=list(r.names),  # a joint statement counts for each of its speakers
                speaker_kind=r.kind if r.kind in ("PERSON", "ORG", "OTHER") else "OTHER",
                cue=q.cue_text,
                cue_start=q.cue_start + offset if q.cue_start >= 0 else -1,
                mention_start=r.mention_start + offset if r.mention_start >= 0 else -1,
                mention_end=r.mention_end + offset if r.mention_end >= 0 else -1,
                confidence=confidence(sieve, evidence, r.name, r.margin),
                sieve=sieve,
                evidence=evidence,
            )
        )
    return quotes, reg


def _speakers(quotes: list[Quote], entity_lists: Iterable[list[Entity]]) -> list[Speaker]:
    from newsread.model import Speaker

    used = {name for q in quotes for name in q.speaker_names()}
    speakers: dict[str, Speaker] = {}
    for entities in entity_lists:
        for e in entities:
            if e.name in used:
                # an entity the registry made from a description ("protesters") is one of this article only
                sp = speakers.setdefault(e.name, Speaker(e.name, e.kind, [], scope="article" if e.described else "global"))
                for a in e.aliases:
                    if a not in sp.aliases and a != sp.name:
                        sp.aliases.append(a)
    for q in quotes:
        if len(q.speaker_names()) > 1:
            # a joint statement's speakers not among the entities ("he and Stephen Mold": the "he")
            for name in q.speaker_names():
                speakers.setdefault(name, Speaker(name, q.speaker_kind, []))
            continue
        if q.speaker and q.speaker not in speakers:
            # an unnamed source ("police", "a spokesperson") names nobody beyond this article
            described = bool(q.evidence) and q.evidence[-1].get("sieve") == "description.unnamed"
            speakers[q.speaker] = Speaker(q.speaker, q.speaker_kind, [], scope="article" if described else "global")
    return list(speakers.values())


def _clean(quotes: list[Quote], length: int) -> list[Quote]:
    """In text order, inside the text, never overlapping."""
    quotes.sort(key=lambda q: q.start)
    clean: list[Quote] = []
    for q in quotes:
        if 0 <= q.start < q.end <= length and (not clean or q.start >= clean[-1].end):
            clean.append(q)
    return clean


def doc_quotes(doc: Doc, offset: int = 0) -> tuple[list[Quote], Registry | None]:
    """The core extract(), extract_many() and the spaCy component (component.py) share: one
    Doc's quotes (offsets moved by ``offset``) and its registry; never raises."""
    try:
        return extract_doc(doc, offset)
    except Exception:  # a rule tripping on a strange parse must not lose the article
        log.exception("quote extraction failed on a chunk; skipping it")
        return [], None


def _assemble(text: str, parts: Iterable[tuple[int, Doc]]) -> Extraction:
    """parts: an iterable of (offset, doc), consumed one at a time so that only one
    chunk's Doc is alive at once (memory stays bounded on multi-megabyte texts)."""
    quotes: list[Quote] = []
    entity_lists: list[list[Entity]] = []
    for offset, doc in parts:
        qs, reg = doc_quotes(doc, offset)
        if reg is None:
            continue
        quotes.extend(qs)
        entity_lists.append(reg.entities)  # plain data; the Doc itself is released
    clean = [replace(q, text=text[q.start : q.end]) for q in _clean(quotes, len(text))]
    return Extraction(clean, _speakers(clean, entity_lists))


def extract(text: str, nlp: Language) -> Extraction:
    """Quotes and speakers of one (normalised) text."""
    if not isinstance(text, str) or not text.strip():
        return Extraction([], [])
    spans = chunks(text)
    docs = nlp.pipe(parse_form(text[s:e]) for s, e in spans)
    return _assemble(text, ((s, d) for (s, _), d in zip(spans, docs)))


def extract_many(
    texts: Iterable[str], nlp: Language, n_process: int = 1, batch_size: int = 16,
    progress: Callable[[int], None] | None = None,
) -> Iterator[Extraction]:
    """Extraction for many texts, parsing with nlp.pipe (n_process > 1 uses more cores).

    Results come back in input order; progress(done_count) is called as each arrives.
    """
    if n_process and n_process > 1:
        from .parallel import can_fork, extract_in_processes

        if can_fork():
            yield from extract_in_processes(texts, nlp, n_process, progress)
            return
    pending: dict[int, str] = {}  # texts stay in this process; only chunks travel

    def pieces() -> Iterator[tuple[str, tuple[int, int, bool]]]:
        for ti, text in enumerate(texts):
            text = text if isinstance(text, str) else ""
            pending[ti] = text
            spans = chunks(text) if text.strip() else []
            for ci, (s, e) in enumerate(spans):
                yield parse_form(text[s:e]), (ti, s, ci == len(spans) - 1)
            if not spans:
                yield "", (ti, 0, True)

    current: list[tuple[int, Doc]] = []
    done = 0
    workers = n_process if n_process and n_process > 1 else 1  # spaCy's default is 1
    for doc, (ti, offset, last) in nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size, n_process=workers):
        current.append((offset, doc))
        if last:
            text = pending.pop(ti)
            yield _assemble(text, current) if text.strip() else Extraction([], [])
            current = []
            done += 1
            if progress is not None:
                try:
                    progress(done)
                except Exception:
                    log.exception("progress callback failed")
