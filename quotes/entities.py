"""Speaker entities and their names: one canonical entity per person or organisation in an
article, the forms it is written in, and the result of resolving a mention to one.

Plain records and string helpers; the registry (registry.py) makes them from a Doc.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .lexicon import (
    DETERMINERS,
    FEMALE_TITLES,
    GIVEN_NAMES,
    HEADLINE_VERBS,
    LEADING_CUES,
    MALE_TITLES,
    NAME_ROLE_WORDS,
    ORG_NAME_LINKS,
    POSTNOMINALS,
    ROLE_EQUIVALENTS,
    STYLE_TITLES,
    TITLES,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC"}
_WORD = re.compile(r"\w[\w.'’-]*")
# "Federal Security Service (FSB)": a long name of capitalised words (and ORG_NAME_LINKS), then its acronym
_ACRONYM_AFTER_NAME = re.compile(
    r"((?:[A-Z][\w.&’'-]*\s+(?:(?:" + "|".join(ORG_NAME_LINKS) + r")\s+)*){2,})\(([A-Z]{2,})\)")


def _drops_title(words: list[str]) -> bool:
    """Whether the first word is a title to drop: "Dr Ann Lee" -> "Ann Lee", but "Prince
    Harry" keeps its style title, the only thing that makes one word a name."""
    first = words[0].lower().strip(".")
    return first in TITLES and not (len(words) == 2 and first in STYLE_TITLES)


def names_apart_at_verbs(ents: Iterable[Span]) -> Iterator[Span]:
    """'In June, Trump slammed Disney ...' tagged as one organisation "Trump slammed Disney": a
    name never holds a verb written in lower case, so the NER's span splits into the names on
    either side of it (each keeping the span's label); nor does it open with a participle that
    heads a clause of its own ('Asserting Hale was ...', 'Telling Tom Hale to ...')."""
    for ent in ents:
        start = ent.start
        for t in ent:
            if t.pos_ in ("VERB", "AUX") and (t.text[:1].islower() or t.i == ent.start and _heads_the_name(t, ent)):
                if t.i > start:
                    yield type(ent)(ent.doc, start, t.i, label=ent.label)
                start = t.i + 1
        if start == ent.start:
            yield ent
        elif start < ent.end:
            yield type(ent)(ent.doc, start, ent.end, label=ent.label)


def _heads_the_name(first: Token, ent: Span) -> bool:
    """The entity's first word is a participle heading a clause of its own ('Telling Tom Hale to ...'
    with Hale its object, 'Asserting Hale was wrong'), not a word of the name the tagger took for one
    ('Salling Group': a compound of "Group")."""
    return first.tag_ == "VBG" and (first.dep_ in ("ROOT", "csubj", "advcl", "ccomp", "xcomp", "conj", "pcomp", "acl")
                                    or any(t.head.i == first.i for t in ent if t.i != first.i))


def _clean_name(words: list[str], titles: bool = True) -> list[str]:
    """Drop titles at the front (unless ``titles`` is False: "Health" opens "Health Ministry")
    and post-nominals anywhere; and possessive endings."""
    out = [w for w in words]
    while out and out[-1].lower().strip(".,") in POSTNOMINALS:
        out.pop()
    # a headline's verb taken into a name: "Obama Says", "Glenn Beck Blasts Drudge" (the name ends before it)
    cut = next((k for k, w in enumerate(out) if k and w.lower() in HEADLINE_VERBS), None)
    if cut is not None:
        out = out[:cut]
    while len(out) > 1 and out[0].lower() in LEADING_CUES:
        out.pop(0)
    while len(out) > 1 and (titles and _drops_title(out) or out[0].lower() in DETERMINERS
                            or not out[0][:1].isalnum()):  # "’s Clinton": a clitic the NER took
        out.pop(0)
    if out and out[-1] in ("'s", "’s", "'", "’"):
        out.pop()
    if out:
        out[-1] = re.sub(r"['’]s?$", "", out[-1]) or out[-1]
    return [w for w in out if w.strip(",;:")]


def role_word(word: str) -> str:
    """The word a role's class is known by ("secretary" and "minister" are one office)."""
    return ROLE_EQUIVALENTS.get(word, word)


def role_prefix(words: list[str]) -> int:
    """How many words at the front of a person's name are the role it is written after: a
    capitalised run ending in a role word ("District Attorney", "Minority Whip", "Broadcaster").
    A known given name is never a role ("Dean Smith"); one word is always left."""
    last = -1
    for k, w in enumerate(words[:-1]):
        if not w[:1].isupper():
            break
        if fold(w).strip(".") in NAME_ROLE_WORDS:
            last = k
    if last < 0 or not words[last + 1][:1].isupper():
        return 0
    if last == 0 and fold(words[0]) in GIVEN_NAMES:
        return 0
    if len(words) - (last + 1) == 1 and fold(words[last]).strip(".") in STYLE_TITLES:
        return 0
    return last + 1


def strip_roles(words: list[str]) -> list[str]:
    """A person's name without the role written before it ("Attorney Bash" -> "Bash")."""
    return words[role_prefix(words):]


def entity_end(doc: Doc, i: int) -> int:
    """The last token of the named entity that starts (or runs on) at token ``i``."""
    while i + 1 < len(doc) and doc[i + 1].ent_iob_ == "I":
        i += 1
    return i


def _written(ent: Span) -> str:
    """The entity's words as written, without punctuation, a spaced dash or a quoted nickname
    ('Marcia "Cia" Price' -> 'Marcia Price'; "Ros-Lehtinen" keeps its hyphen)."""
    out: list[str] = []
    nickname = False
    for t in ent:
        if t.text in ("(", ":"):
            # "The World Health Organization (WHO": the acronym is a form of its own; a name
            # never runs over a colon ("Ann Ruiz: Saying to voters ...", a transcript's label)
            break
        if t.is_quote:
            nickname = not nickname
        elif t.text == "-" and (t.whitespace_ or t.i == ent.end - 1 or t.nbor(-1).whitespace_):
            # a dash set off by spaces ends the name the NER ran on ("Budget Research Office - half a
            # point"), or a dateline before it ("WASHINGTON - President Obama") is dropped
            if not "".join(out).isupper():
                break
            out = []
        elif not nickname and (not t.is_punct or t.text in ".-&"):
            out.append(t.text)
        out.append(t.whitespace_)
    return "".join(out)


def _acronym_name(form: str) -> bool:
    """"TVN24", "CNN", "AFP": one word in capitals or with digits names a broadcaster or an
    agency, not a person."""
    return bool(re.fullmatch(r"[A-Z][A-Z0-9&-]+|[A-Za-z]+\d[\w-]*", form))


@functools.lru_cache(maxsize=1 << 16)
def fold(s: str) -> str:
    """Lower case without accents, so "Erdoğan" and "Erdogan" are one name (remembered: the
    registry folds the same few names for every lookup)."""
    return "".join(c for c in unicodedata.normalize("NFKD", s.lower()) if not unicodedata.combining(c))


def _name_chain(tok: Token) -> list[str]:
    """The words of a proper name: the token and its compound/flat children, recursively."""
    toks = [tok]
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN":
                toks.append(c)
                stack.append(c)
    return [t.text for t in sorted(toks, key=lambda t: t.i)]


def _nicknamed(longer: str, name: str) -> bool:
    """``longer`` is the full name ``name`` with words other than given names put in front."""
    if len(name.split()) < 2 or not longer.endswith(" " + name):
        return False
    return not any(fold(w) in GIVEN_NAMES for w in longer[: -len(name)].split())


def _verb_after(longer: str, name: str) -> bool:
    """``longer`` is the full name ``name`` (two words or more) with one word after it."""
    return len(name.split()) >= 2 and longer.startswith(name + " ") and len(longer.split()) == len(name.split()) + 1


class TitleCaseLines:
    """Whether the line holding a position is a headline in title case: most of its words of four
    letters or more are capitalised, and it has at least four words. Lines are found by bisection
    and judged once each, so asking for every name of a one-line megabyte text stays linear."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.newlines = [m.start() for m in re.finditer("\n", text)]
        self.judged: dict[int, bool] = {}

    def __call__(self, pos: int) -> bool:
        k = bisect.bisect_left(self.newlines, pos)
        start = self.newlines[k - 1] + 1 if k else 0
        if start not in self.judged:
            end = self.newlines[k] if k < len(self.newlines) else len(self.text)
            words = re.findall(r"[^\W\d_][\w’'-]*", self.text[start:end])
            long_words = [w for w in words if len(w) >= 4]
            self.judged[start] = (len(words) >= 4 and bool(long_words)
                                  and sum(w[0].isupper() for w in long_words) >= 0.8 * len(long_words))
        return self.judged[start]


def spelling_variant(entities: list[Entity], word: str) -> Entity | None:
    """"Saree" for "Yahya Sarea", "Zelensky" for "Volodymyr Zelenskyy": a surname written
    one letter apart (transliterations vary) is the only person whose surname it could be.
    Short names are left alone: "Rand" and "Ryan" are different people."""
    if len(word) < 5:
        return None
    near = [e for e in entities
            if e.kind == "PERSON" and len(e.name.split()) > 1 and _one_edit_apart(word, fold(e.name.split()[-1]))]
    return near[0] if len(near) == 1 else None


def _one_edit_apart(a: str, b: str) -> bool:
    """One letter changed, added, dropped or two swapped, the first letter kept."""
    if a == b or a[:1] != b[:1] or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _acronym(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper())


@dataclass
class Entity:
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    words: set[str] = field(default_factory=set)
    gender: str = ""  # "m", "f" or unknown
    last_pos: int = -1
    votes: dict[str, int] = field(default_factory=dict)  # pronoun evidence: {"m": n, "f": n}
    described: bool = False  # an unnamed source ("the head of the investigators")
    name_quoted: bool = False  # the name was read inside quotation marks
    name_in_headline: bool = False  # the name was read in a title-case line, which capitalises verbs too
    place: bool = False  # a city or country: "it" may stand for it, "they" never does
    # A pair named together ("the officers, A and B"): its members (registry._pair_entity).
    members: list[Entity] = field(default_factory=list, compare=False, repr=False)

    def vote(self, g: str, weight: int = 1) -> None:
        self.votes[g] = self.votes.get(g, 0) + weight
        ranked = sorted(self.votes.values(), reverse=True)
        # a tie is no evidence either way (the first vote used to win it)
        self.gender = max(self.votes, key=self.votes.__getitem__) if len(ranked) == 1 or ranked[0] > ranked[1] else ""

    def add_form(self, form: str) -> None:
        if form and form != self.name and form not in self.aliases:
            self.aliases.append(form)

    def offer_name(self, form: str, quoted: bool = False, headline: bool = False) -> None:
        """The canonical name is the fullest form seen, except that words a quote puts before
        a full name ('"... helping Sleepy Tom Marsh"') are the speaker's, not a name, and a word a
        title-case headline puts after one ('Ann Lowe Trounces Tom Hale ...') is its verb."""
        fuller = len(form.split()) > len(self.name.split()) or (
            len(form.split()) == len(self.name.split()) and len(form) > len(self.name))
        if fuller and (quoted and _nicknamed(form, self.name) or headline and _verb_after(form, self.name)):
            fuller = False
        elif not fuller and (not quoted and self.name_quoted and _nicknamed(self.name, form)
                             or not headline and self.name_in_headline and _verb_after(self.name, form)):
            fuller = True
        if fuller:
            old = self.name
            self.name, self.name_quoted, self.name_in_headline = form, quoted, headline
            if old in self.aliases:
                self.aliases.remove(old)
            self.add_form(old)
        else:
            self.add_form(form)
        self.words |= {fold(w) for w in form.split()}


@dataclass
class Resolved:
    name: str = ""
    kind: str = "PERSON"
    mention_start: int = -1
    mention_end: int = -1
    how: str = "none"  # name | surname | pronoun | role | group | description | climbed | none
    entity: Entity | None = None
    margin: float = 9.0  # for pronouns: how far the chosen antecedent beat the next one
    # The evidence (quotes/sieves.py): which stage-2 rule linked the mention where ``how``
    # alone does not say (pronoun.reporter, pronoun.nearest_subject, pronoun.group, group.joint),
    # and for a pronoun the character span of the antecedent mention it was resolved through.
    link: str = ""
    antecedent_start: int = -1
    antecedent_end: int = -1
    # a joint statement's speakers, each an entity's canonical name ("Tesco", "Salling Group");
    # ``name`` then joins them ("Tesco and Salling Group")
    names: tuple[str, ...] = ()


def title_gender(ent: Span) -> str:
    """"f" or "m" when a gendered title stands at or right before the name ("Mrs. Lowe",
    "Mr Johnson", "Mme Spanton"), else ""."""
    doc = ent.doc
    for w in (ent[0].lower_.strip("."), doc[ent.start - 1].lower_.strip(".") if ent.start > 0 else ""):
        if w in FEMALE_TITLES:
            return "f"
        if w in MALE_TITLES:
            return "m"
    return ""
