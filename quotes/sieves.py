"""The extractor's attribution rules by name, and the evidence chain each quote carries.

Attribution is a two-stage sieve (after Muzny et al. 2017, "A two-stage sieve approach for
quote attribution"): stage 1 links a quote to a speaker *mention* (the subject of the speech
verb, a name in the frame, a dash line, the quote before ...); stage 2 links that mention to
an *entity* of the article's registry (a surname to the full name, a pronoun to its
antecedent, a role to its holder ...).

``SIEVES`` names every stage-1 rule, detector by detector in the order they run. Each rule
is a small function of a frozen, read-only context that returns its decision or None (it
passes); each detector lists its rules with their names in an ordered table, the exact order
they are tried in, and ``frames.first_decision`` asks them in turn, skipping those switched
off here: the first that decides wins.

- ``direct.SPEAKER_BEFORE_COLON``, then ``direct.DIRECT_SIEVES``, over a quoted span's
  ``Frame`` (framing.py): the frame's cue, then the paragraph, the dash lines, the colon or
  sentence before, the quote before; each returns an ``Attribution`` (frames.py); last, for quoted
  words none attributes, ``direct.FIRST_PERSON_FRAGMENT``. ``dash.block`` is
  ``direct.find_blocks``.
- ``indirect.REPORT_SIEVES`` over a communication verb's ``Report``, ``indirect.ACCORDING_SIEVES``
  over an 'according to X' phrase: a ``Reported`` (the Attribution and the clauses it covers).
- ``quote_to_mention.SUBJECT_REPAIRS`` over a raw quote (``Speaking``): the mention to take
  instead of the cue's subject when the parse misleads (a ``Repair``); after stage 2, the
  frame's name or description stands in for a mention that names nobody (``cue.frame_name``,
  ``cue.frame_description``).

The raw quote is built once from the decision and names the rule that decided
(``RawQuote.sieve``; ``RawQuote.method`` is its coarse family); the steps after it return a
new raw quote (``dataclasses.replace``), never change one. ``confidence.py`` reads the sieve
and the evidence chain. ``ENTITY_SIEVES`` names the stage-2 links, read off how the Registry
resolved the mention (``Resolved.how``, and ``Resolved.link`` where ``how`` does not say).

A quote's ``evidence`` is the chain from the quote to its speaker, one step per link, each
``{"sieve", "text", "start", "end"}`` with offsets into the article (``text`` is
``article[start:end]``; -1/-1 when the step has no single place in the text):

1. (inherited quotes only) the quote that holds the attribution, named by the inheriting rule;
2. the speaker mention, named by the stage-1 rule that found it;
3. (pronouns resolved through one) the antecedent mention, named by the pronoun rule;
4. the entity's canonical name at its fullest mention, named by the stage-2 link.

Plain Python, no spaCy: it reads raw quotes, their ``Resolved`` and the chunk's text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .entities import Resolved
    from .frames import RawQuote

# Stage 1: quote -> speaker mention, detector by detector (each detector's table gives the exact order).
SIEVES: dict[str, str] = {
    "words_of": "X of 'in the words of X' / 'in X's words' set off right before the quote ('was, in the words of an aide, \"...\"')",
    "speech_noun.possessor": "the possessor of a noun for an act of speech the quoted words hang from ('her remark that \"...\"', 'his call for \"...\"')",
    "cue.opening_participle": "a participle cue opening its sentence without a subject ('Adding, \"...\"'): the speaker of the quote just before",
    "cue.subject": "the subject of the speech verb in the quote's frame (', he said', 'X told reporters: \"...\"')",
    "according_to": "X of 'according to X' / 'as quoted by X' / 'Per X,' beside the quote or the reported clause",
    "colon.statement": "the subject of 'X issued the following statement:' before a colon opening the quote",
    "colon.subject": "the subject of the verb before a colon that opens the quote, one who can speak ('Moss objected: \"...\"')",
    "colon.speaker_before": "a person or organisation named right before the colon that opens the quote ('Strategist Ines Caldera: \"...\"')",
    "colon.label_opening_clause": "a person or organisation named by a short label and a colon opening the sentence the quoted words are in, which no cue frames (headline 'Graham: Trump's \"hateful rhetoric\" hurts the party')",
    "colon.source_from": "the source a label names after 'from' before the colon that opens the quote ('From the report: \"...\"', 'More from Dunmore:')",
    "paragraph.continuation": "a later paragraph of a multi-paragraph quote (the mark re-opened): the speaker of its first paragraph",
    "dash.signature": "the '― Name' signature closing the paragraph after its last quote",
    "dash.after_quote": "a '— Name' line right after the closing mark, in the same paragraph",
    "dash.next_paragraph": "a '— Name' line as the paragraph right after the quote",
    "colon.paragraph_before": "the speech verb's subject in the paragraph before, which ends with a colon",
    "sentence_before.speaker": "the subject of the speech verb heading the sentence just before the quote",
    "floating.previous_quote": "a fully quoted sentence or paragraph right after a quote: the same speaker",
    "fragment.first_person": "quoted words in the first person inside a sentence no speech verb frames: the subject of the verb they hang from ('credited the win to \"a primary I dislike\"')",
    "dash.block": "a block quotation without marks, introduced by a colon and followed by a '– Name' line",
    "report_verb.cited_source": "indirect speech: the source a reporting verb cites ('cited a source that ...', 'quoted X as saying ...')",
    "report_verb.subject": "indirect speech: the subject of the communication verb with the reported clause",
    "cue.climbed_subject": "the subject of the speech verb above a participle, relative-clause or thing-subject cue",
    "cue.inverted_subject": "the name after the verb in an inversion ('\"...,\" tweeted Mayor Sadiq Khan')",
    "cue.apposed_name": "the name set off by commas right before a subjectless cue (', Tom Hale, said'), or the "
                        "noun a relative clause ending there describes ('an official who spoke anonymously said'), "
                        "or the one a participle phrase before the cue describes when the parse gave the cue a "
                        "thing as subject ('the debate stalled when the mayor, asked about it, said')",
    "cue.sentence_subject": "the subject the sentence opened with, for a subjectless participle cue or a cue the parser gave a broken relative clause as complement",
    "cue.frame_name": "a name in the frame right after the quote or the cue, when the parse lost the subject",
    "cue.frame_description": "a description in the frame right after the quote or the cue ('said the 46-year-old')",
    "none": "unattributed: no rule found a speaker",
}

# Stage 2: speaker mention -> entity (the steps after the first in a quote's evidence).
ENTITY_SIEVES: dict[str, str] = {
    "name.exact": "the mention is the entity's canonical name (titles, post-nominals and possessives aside)",
    "name.surname_of": "the mention is part of the fuller name the article uses (a surname, a name with a title)",
    "name.alias": "another form the article uses for the entity",
    "acronym.expansion": "an acronym for the long form ('FSB' -> 'Federal Security Service')",
    "pronoun.reporter": "a pronoun subject of the clause a named person reports ('Trump said he ...')",
    "pronoun.nearest_subject": "he/she -> the most salient compatible person mentioned before (subjects first)",
    "pronoun.group": "they/it -> the nearest group or organisation subject before",
    "role.holder": "a definite role ('the spokesman', 'the ministry', 'the ruling') -> the one the article names with it",
    "role.previous_speaker": "a definite description subject of 'added' ('The Wooster professor added') -> the speaker just before",
    "channel.cited_source": "a channel that relays ('Reuters, citing two sources, reported') -> the source it cites; never a person, who cites as evidence",
    "document.owner": "a document ('the hotel's website', 'a statement released by X') -> its stated author",
    "group.named_pair": "a plural noun ('the officers') -> the group the article named with it",
    "group.joint": "coordinated subjects: a joint statement of every speaker",
    "description.unnamed": "an unnamed source keeps its description",
    "entity.learned": "a person's earlier correction in this database: this mention form is this entity",
}

# The stage-2 links a rule can do without (each asks sieves.on before it links); the other
# links are how a mention names its entity at all.
SWITCHABLE_LINKS = ("role.previous_speaker", "channel.cited_source")

# Sieves switched off (bench/ablation.py measures what each one is worth); a context variable,
# so one thread's ablation never leaks into another's extraction.
_switched_off: ContextVar[frozenset[str]] = ContextVar("newsread_switched_off_sieves", default=frozenset())


def on(name: str) -> bool:
    """Whether the sieve ``name`` may decide (all may, unless ``switched_off`` says otherwise)."""
    return name not in _switched_off.get()


@contextmanager
def switched_off(*names: str) -> Iterator[None]:
    """Extraction inside this block runs as if the named sieves did not exist."""
    unknown = set(names) - set(SIEVES) - set(ENTITY_SIEVES)
    if unknown:
        raise ValueError(f"no sieve named {sorted(unknown)}")
    token = _switched_off.set(_switched_off.get() | frozenset(names))
    try:
        yield
    finally:
        _switched_off.reset(token)


_POSSESSIVE = re.compile(r"['’]s?\b")


def _words(s: str) -> list[str]:
    s = unicodedata.normalize("NFKD", _POSSESSIVE.sub("", s.lower()))
    return re.findall(r"\w+", "".join(c for c in s if not unicodedata.combining(c)))


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def name_link(mention: str, name: str, aliases: Collection[str] = ()) -> str:
    """The stage-2 link from a mention that names (or stands for) the entity ``name``."""
    mw, nw = _words(mention), _words(name)
    if mw == nw:
        return "name.exact"
    bare = mention.strip()
    if bare.isupper() and len(bare) >= 2 and (_initials(name) == bare or bare in aliases) and " " not in bare:
        return "acronym.expansion"
    k = len(nw)
    if nw and any(mw[i : i + k] == nw for i in range(len(mw) - k + 1)):
        return "name.exact"  # with a title or post-nominals: 'Jane Marriott CMG OBE'
    if mw and (mw[-1] in nw or set(mw) <= set(nw)):
        return "name.surname_of"
    if bare in aliases or set(mw) & set(nw):
        return "name.alias"
    if bare.isupper() and " " not in bare:
        return "acronym.expansion"
    return "role.holder"


def _entity_link(mention: str, r: Resolved) -> str:
    if r.how == "role":
        return "role.holder"
    if r.how == "group":
        return "group.named_pair"
    if r.how == "description":
        return "description.unnamed"
    e = r.entity
    if e is not None and e.members:
        return "group.named_pair"  # 'they' for 'the officers' named as a pair
    if e is not None and e.described or e is None and r.how == "pronoun":
        return "description.unnamed"  # 'they' for 'protesters', 'she' for 'the head of ...'
    return name_link(mention, r.name, e.aliases if e is not None else ())


def fullest_mention(text: str, name: str, cache: dict[str, tuple[int, int]]) -> tuple[int, int]:
    """The first whole-word occurrence of the canonical ``name`` in ``text`` (-1, -1: none)."""
    found = cache.get(name)
    if found is None:
        found, n, i = (-1, -1), len(name), text.find(name) if name else -1
        while i >= 0:
            j = i + n
            if (i == 0 or not text[i - 1].isalnum()) and (j >= len(text) or not text[j].isalnum()):
                found = (i, j)
                break
            i = text.find(name, i + 1)
        cache[name] = found
    return found


def _near(text: str, needle: str, start: int, end: int, window: int = 3000) -> tuple[int, int]:
    """The occurrence of ``needle`` nearest the quote [start, end) (a dash or colon name)."""
    after = text.find(needle, end, end + window + len(needle)) if needle else -1
    before = text.rfind(needle, max(0, start - window), start) if needle else -1
    if after < 0 and before < 0:
        return -1, -1
    i = after if before < 0 or (after >= 0 and after - end < start - before) else before
    return i, i + len(needle)


def _step(sieve: str, text: str, start: int, end: int, offset: int, shown: str | None = None) -> dict[str, Any]:
    if 0 <= start <= end:
        return {"sieve": sieve, "text": text[start:end], "start": start + offset, "end": end + offset}
    return {"sieve": sieve, "text": shown or "", "start": -1, "end": -1}


def attribution(q: RawQuote, raws: Sequence[RawQuote], text: str, offset: int,
                names: dict[str, tuple[int, int]]) -> tuple[str, list[dict[str, Any]]]:
    """(sieve, evidence) of the raw quote ``q`` (resolved), ``raws`` all the chunk's raw quotes
    (inherit_from indexes them), ``text`` the chunk's text starting at ``offset`` in the article,
    ``names`` a per-chunk cache for fullest_mention."""
    r = q.resolved
    if r is None or not r.name:
        return "none", []
    steps: list[dict[str, Any]] = []  # {"sieve", "text", "start", "end"} each
    src, seen = q, 0
    while src.inherit_from >= 0 and seen <= len(raws):  # to the quote that holds the attribution
        src, seen = raws[src.inherit_from], seen + 1
    if src is not q:
        steps.append(_step(q.sieve, text, src.start, src.end, offset))
    if r.mention_start >= 0:
        a, b, shown = r.mention_start, r.mention_end, None
    elif src.speaker_text:
        (a, b), shown = _near(text, src.speaker_text, src.start, src.end), src.speaker_text
    else:
        a, b, shown = -1, -1, r.name
    steps.append(_step(src.sieve or "none", text, a, b, offset, shown))
    mention = steps[-1]["text"]
    if r.antecedent_start >= 0:
        steps.append(_step(r.link, text, r.antecedent_start, r.antecedent_end, offset))
        link = _entity_link(steps[-1]["text"], r)
    else:
        link = r.link or _entity_link(mention, r)
    a, b = fullest_mention(text, r.name, names)
    steps.append(_step(link, text, a, b, offset, r.name))
    return q.sieve or "none", steps
