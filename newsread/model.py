"""The plain domain types every part of newsread shares.

No imports beyond the standard library: the store, the extractor, the exporters
and the reader all speak these types, so they must stay cheap and dependency-free.

Offsets are Python ``str`` indices into the article's stored (normalised) text,
half-open ``[start, end)``, as fixed in DESIGN.md.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

QUOTE_KINDS = ("direct", "indirect", "mixed")
SPEAKER_KINDS = ("PERSON", "ORG", "OTHER")

# Review status of a stored quote. "unreviewed" is model output nobody has
# looked at; the other three are human decisions.
STATUSES = ("unreviewed", "accepted", "corrected", "rejected")


def joined_name(names: list[str]) -> str:
    """The display name of several speakers: "A", "A and B", "A, B and C"."""
    names = [n for n in names if n]
    if len(names) < 2:
        return names[0] if names else ""
    return ", ".join(names[:-1]) + " and " + names[-1]


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass
class Speaker:
    """A canonical entity: the fullest name the article uses, and its other forms."""

    name: str
    kind: str = "PERSON"
    aliases: list[str] = field(default_factory=list)
    # "global": a name, one entity across the whole database ("Dmitry Peskov" in every article).
    # "article": a description ("police", "a spokesperson", "one of the victims"), an entity of
    # its own article only: two articles' "police" are usually two different forces.
    scope: str = "global"


@dataclass
class Quote:
    """One quote as the extractor found it or a person corrected it.

    ``speaker`` is the resolved canonical name ("" when unknown);
    ``mention_*`` is the speaker's mention nearest the cue (may be a pronoun),
    -1 when there is none. ``cue_start`` is -1 when there is no cue.

    ``speakers`` holds every speaker's canonical name, in order: a joint statement has
    several, and ``speaker`` is then their joined name ("Kimberly-Clark and Solaris Paper").
    Give either one; a ``speaker`` that disagrees with ``speakers`` wins (code that only
    knows ``speaker``, e.g. ``dataclasses.replace(q, speaker=...)``, keeps working).
    ``speaker_kind`` is the first speaker's kind.
    """

    start: int
    end: int
    text: str
    kind: str = "direct"
    speaker: str = ""
    speaker_kind: str = "PERSON"
    cue: str = ""
    cue_start: int = -1
    mention_start: int = -1
    mention_end: int = -1
    confidence: float = 1.0
    speakers: list[str] = field(default_factory=list)
    # How the extractor attributed it: the stage-1 rule's name (newsread.quotes.sieves.SIEVES,
    # "" for quotes from elsewhere) and the chain from the quote to the speaker, one step
    # per link: {"sieve", "text", "start", "end"}, offsets into the article (-1 when none).
    sieve: str = ""
    evidence: list[dict] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.speakers = self.speaker_names()
        self.speaker = joined_name(self.speakers)

    def speaker_names(self) -> list[str]:
        """``speakers``, or ``[speaker]`` when only ``speaker`` was given or it was changed since."""
        names = [n for n in self.speakers if n and n.strip()]
        if not self.speaker or (names and joined_name(names) == self.speaker):
            return names
        return [self.speaker]

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Article:
    """An article as ingested: ``text`` is already normalised (see newsread.text)."""

    text: str
    title: str = ""
    source: str = ""
    url: str = ""
    date: str = ""
    author: str = ""
    path: str = ""
    licence: str = ""


@dataclass
class Extraction:
    """What the extractor returns for one text."""

    quotes: list[Quote]
    speakers: list[Speaker]


@dataclass
class StoredArticle(Article):
    """An article as the store holds it."""

    id: int = 0
    added_at: str = ""


@dataclass
class StoredQuote(Quote):
    """A quote as the store holds it, with its review state.

    ``human`` is True when a person added or changed the quote (accepting it
    unchanged leaves it False): exports use it to tell corrections from model output.
    """

    id: int = 0
    article_id: int = 0
    status: str = "unreviewed"
    human: bool = False
    note: str = ""
    # Grows with every write to the quote: a writer holding an older one knows it is stale.
    version: int = 1
