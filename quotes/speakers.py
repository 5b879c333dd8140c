"""Speakers: from a mention (name, surname, pronoun, role, description) to one
canonical entity per person or organisation in the article.

The registry is built once per document from spaCy's named entities, in text order,
so a surname joins the full name used before or after it ("Peskov" → "Dmitry
Peskov"), an acronym joins its long form, and roles ("the Kremlin spokesman") join
the person they were attached to. Pronouns take the nearest compatible antecedent,
preferring subjects.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field

from .frames import follows_comma, past_dateline, restrictive_relative, subject_of, trailing_participle
from .lexicon import (
    AGENT_SUFFIXES,
    AUTHORED_DOC_NOUNS,
    COLLECTIVE_NOUNS,
    COURT_DOCS,
    COURT_WORDS,
    DETERMINERS,
    FEMALE_NAMES,
    FEMALE_TITLES,
    FEMALE_WORDS,
    FIRST_PERSON_PRONOUNS,
    GENDERED_PRONOUNS,
    GIVEN_NAMES,
    GROUP_DETERMINERS,
    GROUP_NOUNS,
    HEADLINE_VERBS,
    LEADING_CUES,
    MAKER_NOUNS,
    MALE_NAMES,
    MALE_TITLES,
    MALE_WORDS,
    ORG_GROUP_NOUNS,
    ORG_NAME_LINKS,
    ORG_NAME_WORDS,
    ORG_NOUNS,
    ORG_SUFFIXES,
    PERSON_DESCRIPTORS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    PERSON_ROLES,
    PLURAL_PRONOUNS,
    POSTNOMINALS,
    QUOTE_VERBS,
    REPORT_VERBS,
    ROLE_QUALIFIERS,
    SIDE_GROUP_NOUNS,
    THING_PRONOUNS,
    THING_SOURCE_NOUNS,
    TITLES,
    VOICE_NOUNS,
    WEAK_CUE_VERBS,
)

_NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC"}
_WORD = re.compile(r"\w[\w.'’-]*")
# "Federal Security Service (FSB)": a long name of capitalised words (and ORG_NAME_LINKS), then its acronym
_ACRONYM_AFTER_NAME = re.compile(
    r"((?:[A-Z][\w.&’'-]*\s+(?:(?:" + "|".join(ORG_NAME_LINKS) + r")\s+)*){2,})\(([A-Z]{2,})\)")


def _clean_name(words: list[str]) -> list[str]:
    """Drop titles at the front and post-nominals anywhere; and possessive endings."""
    out = [w for w in words]
    while out and out[-1].lower().strip(".,") in POSTNOMINALS:
        out.pop()
    while len(out) > 1 and out[-1].lower() in HEADLINE_VERBS:
        out.pop()  # a headline's "Obama Says" taken for a name
    while len(out) > 1 and out[0].lower() in LEADING_CUES:
        out.pop(0)
    while len(out) > 1 and (out[0].lower().strip(".") in TITLES or out[0].lower() in DETERMINERS
                            or not out[0][:1].isalnum()):  # "’s Clinton": a clitic the NER took
        out.pop(0)
    if out and out[-1] in ("'s", "’s", "'", "’"):
        out.pop()
    if out:
        out[-1] = re.sub(r"['’]s?$", "", out[-1]) or out[-1]
    return [w for w in out if w.strip(",;:")]


def _written(ent) -> str:
    """The entity's words as written, without punctuation or a quoted nickname
    ('Marcia "Cia" Price' -> 'Marcia Price')."""
    out, nickname = [], False
    for t in ent:
        if t.is_quote:
            nickname = not nickname
        elif not nickname and (not t.is_punct or t.text in ".-&"):
            out.append(t.text)
        out.append(t.whitespace_)
    return "".join(out)


def _acronym_name(form: str) -> bool:
    """"TVN24", "CNN", "AFP": one word in capitals or with digits names a broadcaster or an
    agency, not a person."""
    return bool(re.fullmatch(r"[A-Z][A-Z0-9&-]+|[A-Za-z]+\d[\w-]*", form))


def fold(s: str) -> str:
    """Lower case without accents, so "Erdoğan" and "Erdogan" are one name."""
    return "".join(c for c in unicodedata.normalize("NFKD", s.lower()) if not unicodedata.combining(c))


def _name_chain(tok) -> list[str]:
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
    votes: dict = field(default_factory=dict)  # pronoun evidence: {"m": n, "f": n}
    described: bool = False  # an unnamed source ("the head of the investigators")
    name_quoted: bool = False  # the name was read inside quotation marks
    place: bool = False  # a city or country: "it" may stand for it, "they" never does

    def vote(self, g: str, weight: int = 1) -> None:
        self.votes[g] = self.votes.get(g, 0) + weight
        ranked = sorted(self.votes.values(), reverse=True)
        # a tie is no evidence either way (the first vote used to win it)
        self.gender = max(self.votes, key=self.votes.get) if len(ranked) == 1 or ranked[0] > ranked[1] else ""

    def add_form(self, form: str) -> None:
        if form and form != self.name and form not in self.aliases:
            self.aliases.append(form)

    def offer_name(self, form: str, quoted: bool = False) -> None:
        """The canonical name is the fullest form seen, except that words a quote puts before
        a full name ('"... working Crooked Hillary Clinton"') are the speaker's, not a name."""
        fuller = len(form.split()) > len(self.name.split()) or (
            len(form.split()) == len(self.name.split()) and len(form) > len(self.name))
        if fuller and quoted and _nicknamed(form, self.name):
            fuller = False
        elif not fuller and not quoted and self.name_quoted and _nicknamed(self.name, form):
            fuller = True
        if fuller:
            old = self.name
            self.name, self.name_quoted = form, quoted
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


class Registry:
    """Entities of one document and the mentions that point at them."""

    def __init__(self, doc, quoted=None, text: str | None = None) -> None:
        self.doc = doc
        self.text = doc.text if text is None else text  # spaCy rebuilds Doc.text on every access
        # character spans inside quotation marks: names there are not antecedents for
        # the reporter's pronouns ("..., he said" never means a person the quote mentions)
        self._quoted = sorted(quoted or [])
        self._quoted_starts = [a for a, _ in self._quoted]
        self.pairs: list[tuple[int, list[Entity]]] = []  # coordinated names: (token i, entities)
        self.group_roles: dict[str, list[Entity]] = {}  # "officers" → the pair named with it
        self.entities: list[Entity] = []
        self.by_mention: dict[int, Entity] = {}  # ent.start (token index) → entity
        self.person_mentions: list[tuple[int, Entity, bool]] = []  # (token i, entity, is_subject)
        self.group_mentions: list[tuple[int, Entity | None, str, bool]] = []  # plural/org antecedents
        self.roles: list[tuple[int, str, Entity]] = []  # (token i, role lemma, entity)
        self.by_token: dict[int, Entity] = {}  # names the NER missed, by head token
        self._build()

    # -- building -------------------------------------------------------------------
    def _kind(self, label: str) -> str:
        return "PERSON" if label == "PERSON" else "ORG"

    def _build(self) -> None:
        doc = self.doc
        text = self.text
        acronyms: dict[str, str] = {}
        # "Federal Security Service (FSB)": the bracketed acronym names the long form
        for m in _ACRONYM_AFTER_NAME.finditer(text):
            acronyms[m.group(2)] = " ".join(_clean_name(m.group(1).split()))
        for ent in doc.ents:
            if ent.label_ not in _NAME_LABELS:
                continue
            # tokens rejoined as written, so "Ros-Lehtinen" stays one word
            words = _clean_name(_written(ent).split())
            words = [w for w in words if w.strip()]
            if not words:
                continue
            if ent.label_ == "PERSON":
                # given names the NER left outside the entity ("London Sadiq [Khan]")
                k = ent.start - 1
                while k >= 0 and ent.start - k <= 2 and doc[k].pos_ == "PROPN" and not doc[k].ent_type_ \
                        and doc[k].text[:1].isupper() and doc[k].lower_.strip(".") not in TITLES and doc[k].dep_ == "compound":
                    words.insert(0, doc[k].text)
                    k -= 1
            kind = self._kind(ent.label_)
            if ent.label_ in ("GPE", "NORP"):
                p = self._find(" ".join(words), "PERSON", ent.start) if len(words) == 1 else None
                if p is not None and p.kind == "PERSON":
                    kind = "PERSON"  # "according to Kidston" tagged as a place
                elif not self._is_subject(ent.root) and self._salience(ent.root) < 4:
                    continue  # places and nationalities matter only as speakers
            # the NER glued a place or organisation to a person's name ("Ukraine Volodymyr
            # Zelenskyy") or took a person for an organisation ("Gáspár Maróth"): a known
            # given name followed by one or two capitalised words is a person
            gi = next((k for k, w in enumerate(words[:-1]) if fold(w) in GIVEN_NAMES and words[k + 1][:1].isupper()), -1)
            if (gi >= 0 and len(words) - gi <= 3 and ent.label_ != "PERSON"
                    and not any(fold(w) in ORG_NAME_WORDS for w in words[gi:])):
                words = words[gi:]
                kind = "PERSON"
            elif kind == "ORG" and ent.label_ == "ORG" and 2 <= len(words) <= 3 and self._person_role_before(ent):
                kind = "PERSON"
            while kind == "PERSON" and len(words) > 1 and fold(words[0]) in PERSON_DESCRIPTORS:
                words = words[1:]  # "Rival Hillary Clinton", "Icon Morton Blackwell"
            form = " ".join(words)
            if kind == "PERSON" and (fold(words[-1]).strip(".") in ORG_SUFFIXES or len(words) > 5):
                kind = "ORG"
            if kind == "PERSON" and _acronym_name(form):
                kind = "ORG"
            if form in acronyms:
                form_long = acronyms[form]
            else:
                form_long = None
            entity = self._find(form, kind, ent.start)
            if entity is None and form_long:
                entity = self._find(form_long, kind, ent.start)
            if entity is None and kind != "PERSON" and len(words) == 1:
                # "Maróth" tagged ORG after "Gáspár Maróth" the person
                p = self._find(form, "PERSON", ent.start)
                if p is not None and p.kind == "PERSON":
                    entity, kind = p, "PERSON"
            if entity is None:
                entity = Entity(form_long or form, kind, words={fold(w) for w in (form_long or form).split()},
                                name_quoted=self.is_quoted(ent.start_char), place=ent.label_ in ("GPE", "LOC", "FAC"))
                self.entities.append(entity)
                if form_long:
                    entity.add_form(form)
            else:
                entity.offer_name(form, self.is_quoted(ent.start_char))
                if entity.kind != "PERSON" and kind == "PERSON" and len(words) > 1:
                    entity.kind = "PERSON"
            entity.last_pos = ent.start
            self.by_mention[ent.start] = entity
            self._learn_gender(ent, entity, words)
            if self.is_quoted(ent.start_char):
                continue
            subj = self._salience(ent.root)
            if entity.kind == "PERSON":
                self.person_mentions.append((ent.start, entity, subj))
            else:
                self.group_mentions.append((ent.start, entity, "", subj))
            self._learn_roles(ent, entity)
        # the passes below look at subjects and gendered pronouns only: collect them once
        # (walking a Doc builds a Token object per word, the Registry's main cost)
        subjects, gendered = [], []
        for t in doc:
            if t.dep_ in ("nsubj", "nsubjpass"):
                subjects.append(t)
            if t.lower_ in GENDERED_PRONOUNS:
                gendered.append(t)
        # proper-noun subjects of speech verbs the NER missed are people ("Maróth said")
        for tok in subjects:
            if (tok.dep_ == "nsubj" and tok.pos_ == "PROPN" and not tok.ent_type_ and tok.lower_ not in TITLES
                    and tok.lower_ not in PERSON_ROLES and tok.head.lemma_.lower() in QUOTE_VERBS
                    and not any(c.dep_ == "appos" and c.ent_type_ for c in tok.children)):
                words = _clean_name(_name_chain(tok))
                if not words or not words[-1][:1].isupper():
                    continue
                form = " ".join(words)
                kind = "ORG" if _acronym_name(form) else "PERSON"
                e = self._find(form, kind, tok.i)
                if e is None:
                    e = Entity(form, kind, words={fold(w) for w in words})
                    self.entities.append(e)
                self.by_token[tok.i] = e
                if kind == "PERSON" and not self.is_quoted(tok.idx):
                    self.person_mentions.append((tok.i, e, self._salience(tok)))
        self._learn_pairs()
        # unnamed people who speak or act as subjects ("The head of the police's internal
        # investigators told the court ... She also said"): antecedents for he/she
        for tok in subjects:
            if tok.ent_type_ not in ("", "CARDINAL") or self.is_quoted(tok.idx):
                continue
            one_of = tok.lower_ == "one" and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
            if not (one_of or (tok.tag_ == "NN" and tok.lemma_.lower() in PERSON_NOUNS)):
                continue
            speech = tok.head.lemma_.lower() in QUOTE_VERBS
            if not (speech or (one_of and tok.head.dep_ == "ROOT")):
                continue  # only unnamed people who speak ("the attacker acting alone" is not one)
            if any(c.dep_ in ("appos", "compound") and c.ent_type_ for c in tok.children):
                continue
            role = self.resolve_role(tok) if not one_of else None
            if role is not None:
                self.person_mentions.append((tok.i, role, self._salience(tok)))
                continue
            e = Entity(self.describe(tok), "PERSON", described=True)
            if tok.lower_ in FEMALE_WORDS:
                e.vote("f", 5)
            elif tok.lower_ in MALE_WORDS:
                e.vote("m", 5)
            self.person_mentions.append((tok.i, e, self._salience(tok)))
        self.person_mentions.sort(key=lambda x: x[0])
        self._mention_keys = [m[0] for m in self.person_mentions]
        self._learn_pronoun_genders(gendered)
        # plural and collective common-noun subjects are antecedents for "they"
        for tok in subjects:
            if (tok.ent_type_ == "" and not self.is_quoted(tok.idx)
                    and (tok.tag_ == "NNS" or tok.tag_ == "NN" and tok.lemma_.lower() in COLLECTIVE_NOUNS)):
                group = self.resolve_group(tok)
                if group is not None:
                    self.group_mentions.append((tok.i, group, "", True))
                else:
                    self.group_mentions.append((tok.i, None, self.describe(tok), True))
        for i, ents in self.pairs:
            if not self.is_quoted(self.doc[i].idx):
                self.group_mentions.append((i, self._pair_entity(ents), "", self._is_subject(self.doc[i])))
        self.group_mentions.sort(key=lambda x: x[0])
        self._gkeys = [g[0] for g in self.group_mentions]
        self.person_mentions.sort(key=lambda x: x[0])

    def is_quoted(self, char: int) -> bool:
        k = bisect.bisect_right(self._quoted_starts, char) - 1
        return k >= 0 and self._quoted[k][0] <= char < self._quoted[k][1]

    def _person_role_before(self, ent) -> bool:
        """"commissioner Gáspár Maróth": a person's role noun right before the name."""
        if ent.start == 0:
            return False
        prev = self.doc[ent.start - 1]
        return prev.lemma_.lower() in PERSON_ROLES and prev.pos_ in ("NOUN", "PROPN") and not prev.ent_type_

    # -- groups ----------------------------------------------------------------------
    def _learn_pairs(self) -> None:
        """Coordinated names ("officers Antoine Quirin and Nicolas Redouane", "Tesco and
        Salling Group announced") become groups; a plural role noun attached to them
        ("officers") names the group."""
        for start, e in list(self.by_mention.items()):
            root = self.doc[start]
            # the head token of this mention
            span_end = start
            while span_end + 1 < len(self.doc) and self.doc[span_end + 1].ent_iob_ == "I":
                span_end += 1
            head = self.doc[start : span_end + 1].root
            members = [e]
            if head.dep_ == "compound" and head.head.pos_ == "NOUN":
                head = head.head  # "retailer Tesco and Denmark-based retailer Salling Group"
            for c in head.children:
                if c.dep_ == "conj":
                    other, _ = self.entity_at(c)
                    if other is None and c.pos_ == "NOUN":
                        for cc in c.children:
                            if cc.dep_ in ("compound", "appos") and cc.ent_type_:
                                other, _ = self.entity_at(cc)
                    if other is not None and other is not e:
                        members.append(other)
                        for cc in c.children:
                            if cc.dep_ == "conj":
                                third, _ = self.entity_at(cc)
                                if third is not None and third not in members:
                                    members.append(third)
            if len(members) < 2:
                continue
            del root
            self.pairs.append((start, members))
            for c in list(head.children) + ([head.head] if head.dep_ in ("appos", "compound") else []):
                if c.tag_ == "NNS" and c.pos_ == "NOUN":
                    self.group_roles.setdefault(c.lower_, members)
        # the parser often misses the coordination; the surface "X and [modifiers] Y" with
        # two names of one kind is a pair too ("retailer Tesco and Denmark-based retailer
        # Salling Group announced")
        starts = sorted(self.by_mention)
        known = {a for a, _ in self.pairs}
        doc = self.doc
        for a, b in zip(starts, starts[1:]):
            ea, eb = self.by_mention[a], self.by_mention[b]
            if a in known or ea is eb or ea.kind != eb.kind:
                continue
            end = a
            while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
                end += 1
            between = doc[end + 1 : b]
            if (1 <= len(between) <= 6 and between[0].lower_ == "and"
                    and not any(t.is_punct and t.text not in "-–" for t in between)
                    and not any(t.pos_ in ("VERB", "AUX") and t.tag_ != "VBN" for t in between)):
                self.pairs.append((a, [ea, eb]))
        self.pairs.sort(key=lambda x: x[0])

    def _pair_entity(self, members: list[Entity]) -> Entity:
        kinds = {m.kind for m in members}
        kind = kinds.pop() if len(kinds) == 1 else "OTHER"
        e = Entity(" and ".join(m.name for m in members), kind, described=True)
        e.members = members  # type: ignore[attr-defined]
        return e

    def resolve_group(self, tok) -> Entity | None:
        """"The defendants", "Both officers", "The parties": a definite plural noun for
        the group the article named with that noun, or else the last named pair."""
        low = tok.lower_
        if tok.tag_ != "NNS" or low not in GROUP_NOUNS:
            return None
        dets = [c for c in tok.children if c.dep_ in ("det", "predet") and c.lower_ in GROUP_DETERMINERS]
        if not dets or any(c.dep_ in ("prep", "relcl", "acl") for c in tok.children):
            return None
        if any(c.dep_ in ("amod", "compound", "nummod", "poss") for c in tok.children):
            return None  # "German firms", "two officers": not the named group
        if low in self.group_roles:
            return self._pair_entity(self.group_roles[low])
        want = "ORG" if low in ORG_GROUP_NOUNS else None
        before = [(i, m) for i, m in self.pairs if i < tok.i]
        for i, members in reversed(before):
            kinds = {m.kind for m in members}
            if want is None or kinds == {want}:
                if low not in SIDE_GROUP_NOUNS and low not in ORG_GROUP_NOUNS and kinds != {"PERSON"}:
                    continue
                return self._pair_entity(members)
        return None

    def _mentions_between(self, a: int, b: int):
        keys = self._mention_keys
        return self.person_mentions[bisect.bisect_left(keys, a) : bisect.bisect_left(keys, b)]

    def _learn_pronoun_genders(self, gendered) -> None:
        """A he/his or she/her (``gendered``, in document order) right after a sentence naming
        only one person is evidence for that person's gender (used to pick pronoun
        antecedents later)."""
        doc = self.doc
        for tok in gendered:
            g = GENDERED_PRONOUNS[tok.lower_]
            sent = tok.sent
            cands = {id(e): e for i, e, _ in self._mentions_between(sent.start, tok.i)}
            if not cands and sent.start > 0:
                prev = doc[sent.start - 1].sent
                cands = {id(e): e for i, e, _ in self._mentions_between(prev.start, sent.start)}
            if len(cands) == 1:
                next(iter(cands.values())).vote(g)

    @staticmethod
    def _salience(tok) -> int:
        """How likely a later he/she points back here: subjects of the main clause or of a
        speech verb most, "according to X" and "said by X" next, embedded subjects a
        little, objects and other mentions not at all."""
        t = tok
        if t.dep_ in ("appos", "conj", "compound") and t.head.dep_ in ("nsubj", "nsubjpass", "pobj", "agent"):
            if t.dep_ == "compound" and t.head.pos_ == "NOUN":
                return 0  # "the Bush dynasty has ...": the dynasty is the subject, not Bush
            t = t.head
        if t.dep_ in ("nsubj", "nsubjpass"):
            verb = t.head
            speech = verb.lemma_.lower() in QUOTE_VERBS
            main = verb.dep_ == "ROOT" or (verb.dep_ in ("conj", "advcl") and verb.head.dep_ == "ROOT")
            return (3 if main else 1) + (2 if speech else 0)
        if t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.i > 0 and t.doc[t.head.i - 1].lower_ == "according":
            return 4
        if t.dep_ == "pobj" and t.head.dep_ == "agent" and t.head.head.lemma_.lower() in QUOTE_VERBS:
            return 3
        return 0

    @staticmethod
    def _is_subject(tok) -> bool:
        return tok.dep_ in ("nsubj", "nsubjpass") or (tok.dep_ in ("appos", "conj") and tok.head.dep_ in ("nsubj", "nsubjpass"))

    def _find(self, form: str, kind: str, pos: int) -> Entity | None:
        words = [fold(w) for w in form.split()]
        if not words:
            return None
        wset = set(words)
        best = None
        for e in self.entities:
            if kind == "PERSON" and e.kind == "PERSON":
                # surname or full name: one is a whole-word part of the other, same last word
                ew = [fold(w) for w in e.name.split()]
                if not ew:
                    continue
                if (wset <= e.words or e.words <= wset) and (words[-1] in e.words or ew[-1] in wset):
                    if best is None or e.last_pos > best.last_pos:
                        best = e
            else:
                low = form.lower()
                if low == e.name.lower() or low in (a.lower() for a in e.aliases):
                    return e
                if form.isupper() and len(form) >= 2 and _acronym(e.name.split()) == form:
                    return e
                if e.kind == kind == "ORG" and len(words) > 1 and (wset <= e.words) and len(e.words) > len(wset):
                    best = best or e
        return best

    def _learn_gender(self, ent, entity: Entity, words: list[str] | None = None) -> None:
        doc = self.doc
        near = [t.lower_ for t in doc[max(0, ent.start - 3) : ent.start]]
        near += [c.lower_ for c in ent.root.children if c.dep_ in ("appos", "compound")]
        if ent.root.dep_ == "appos":
            near.append(ent.root.head.lower_)
        for w in near:
            if w.strip(".") in MALE_WORDS:
                entity.vote("m", 5)
            elif w.strip(".") in FEMALE_WORDS:
                entity.vote("f", 5)
        if entity.kind != "PERSON":
            return
        # "Mme Spanton", "Mr Johnson": a title right at or before the name
        first = ent[0].lower_.strip(".")
        before = doc[ent.start - 1].lower_.strip(".") if ent.start > 0 else ""
        for w in (first, before):
            if w in FEMALE_TITLES:
                entity.vote("f", 5)
                break
            if w in MALE_TITLES:
                entity.vote("m", 5)
                break
        # a known given name ("Emily Spanton", "Nicolas Redouane")
        if words and len(words) >= 2:
            given = fold(words[0])
            if given in FEMALE_NAMES:
                entity.vote("f", 3)
            elif given in MALE_NAMES:
                entity.vote("m", 3)

    def _learn_roles(self, ent, entity: Entity) -> None:
        if ent.label_ in ("GPE", "NORP"):
            return  # "The Vermont senator" is a person from Vermont, not Vermont
        root = ent.root
        cands = []
        for c in root.children:
            if c.dep_ in ("compound", "appos", "nmod") and c.pos_ == "NOUN":
                cands.append(c)
        if root.dep_ in ("appos", "compound") and root.head.pos_ == "NOUN":
            cands.append(root.head)
        # "Emergencies Minister Yevgeny Zinichev": a role noun just before the name
        if ent.start > 0 and self.doc[ent.start - 1].pos_ in ("NOUN", "PROPN") and self.doc[ent.start - 1].ent_type_ == "":
            cands.append(self.doc[ent.start - 1])
        for c in cands:
            if c.i > 0 and self.doc[c.i - 1].lower_ in ROLE_QUALIFIERS:
                continue  # "Vice President Mike Pence" is not "the President"
            self.roles.append((ent.start, c.lemma_.lower(), entity))
            if c.lower_ in MALE_WORDS:
                entity.vote("m", 5)
            elif c.lower_ in FEMALE_WORDS:
                entity.vote("f", 5)

    # -- resolving ------------------------------------------------------------------
    def entity_at(self, tok):
        if tok.ent_type_ and tok.ent_iob_ != "O":
            i = tok.i
            while i > 0 and self.doc[i].ent_iob_ == "I":
                i -= 1
            return self.by_mention.get(i), self.doc[i : tok.i + 1]
        return None, None

    def describe(self, head) -> str:
        """An unnamed source's description: the noun phrase without articles or clauses."""
        keep = []
        for t in head.subtree:
            if t.i < head.i:
                # left modifiers of the phrase, skipping articles and other clauses
                if t.dep_ in ("det",) and t.lower_ in DETERMINERS:
                    continue
                if t.dep_ == "poss" and t.pos_ == "PRON":
                    continue  # "its anonymous source" → "anonymous source"
                if t.is_punct and t.text not in "'’-":
                    continue
                if any(a.dep_ in ("relcl", "acl", "appos") and a.i > head.i for a in t.ancestors):
                    continue
                keep.append(t)
            elif t.i == head.i:
                keep.append(t)
            else:
                break
        # right: "of"-phrases ("head of the police's internal investigators", "one of the victims")
        for c in head.rights:
            if c.dep_ == "prep" and c.lower_ in ("of", "from") and c.i == head.i + 1:
                sub = list(c.subtree)
                keep.extend(sub)
                break
        keep.sort(key=lambda t: t.i)
        words = [t.text for t in keep]
        while words and words[0].lower() in DETERMINERS:
            words.pop(0)
        s = " ".join(words)
        return re.sub(r"\s+(['’]s?)\b", r"\1", s).replace(" - ", "-")

    def mention_span(self, i: int) -> tuple[int, int]:
        """The character span of the mention at token ``i`` (an antecedent): the whole name
        when one starts there, a name's compound words, or a noun's phrase up to the noun."""
        doc = self.doc
        tok = doc[i]
        end = tok.idx + len(tok)
        if tok.ent_iob_ == "B" and tok.ent_type_ != "CARDINAL":  # not the "One" of 'One of the victims'
            j = i
            while j + 1 < len(doc) and doc[j + 1].ent_iob_ == "I":
                j += 1
            return tok.idx, doc[j].idx + len(doc[j])
        if tok.pos_ == "PROPN":
            words = [c for c in tok.lefts if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN"]
            return (words[0].idx if words else tok.idx), end
        for c in tok.rights:  # 'One of the victims', 'the head of the police's investigators'
            if c.dep_ == "prep" and c.lower_ in ("of", "from") and c.i == i + 1:
                last = c.right_edge
                return tok.left_edge.idx, last.idx + len(last)
        return tok.left_edge.idx, end

    def _gender_ok(self, e: Entity, want: str) -> bool:
        return not want or not e.gender or e.gender == want

    def resolve_pronoun(self, tok) -> Resolved:
        low = tok.lower_
        doc = self.doc
        sent_start = tok.sent.start
        if low in PERSON_PRONOUNS and low not in FIRST_PERSON_PRONOUNS:
            want = PERSON_PRONOUNS[low]
            reporter = self._reporter_of(tok, want)
            if reporter is not None:
                bound = reporter.entity
                return Resolved(bound.name, bound.kind, tok.idx, tok.idx + len(tok), "pronoun", bound,
                                link="pronoun.reporter", antecedent_start=reporter.mention_start,
                                antecedent_end=reporter.mention_end)
            upto = bisect.bisect_left(self._mention_keys, tok.i)
            para = self.text.rfind("\n", 0, tok.idx)
            best_by_entity: dict[int, list] = {}
            order: list[int] = []
            for i, e, sal in reversed(self.person_mentions[max(0, upto - 60) : upto]):
                if i >= tok.i:
                    continue
                if tok.i - i > 250 and best_by_entity:
                    break
                if i >= sent_start and not sal:
                    continue  # "Speaking to Smith, he said": not the object of his own sentence
                if not self._gender_ok(e, want):
                    continue
                key = id(e)
                if key not in best_by_entity:
                    order.append(key)
                    # score: salience, known matching gender, recency rank, paragraph change;
                    # the rank counts only more recent subjects ("the Bush dynasty" in between
                    # does not push the sentence's subject back)
                    crossed = doc[i].idx < para
                    rank = sum(1 for k in order[:-1] if best_by_entity[k][0] > 0)
                    best_by_entity[key] = [sal, e, rank, crossed, i]
                else:
                    best_by_entity[key][0] = max(best_by_entity[key][0], sal)
                if len(order) >= 6:
                    break
            if best_by_entity:
                def score(v):
                    sal, e, rank, crossed, i = v
                    g = 1 if (want and e.gender == want) else 0
                    return sal + g - 1.5 * rank - (1 if crossed else 0)
                ranked = sorted(best_by_entity.values(), key=lambda v: (score(v), v[0]), reverse=True)
                e = ranked[0][1]
                margin = score(ranked[0]) - score(ranked[1]) if len(ranked) > 1 else 9.0
                a, b = self.mention_span(ranked[0][4])
                return Resolved(e.name, e.kind, tok.idx, tok.idx + len(tok), "pronoun", e, margin,
                                link="pronoun.nearest_subject", antecedent_start=a, antecedent_end=b)
            return Resolved("", "PERSON", tok.idx, tok.idx + len(tok), "pronoun")
        if low in PLURAL_PRONOUNS or low == "it":
            gkeys = [g[0] for g in self.group_mentions] if not hasattr(self, "_gkeys") else self._gkeys
            self._gkeys = gkeys
            upto = bisect.bisect_left(gkeys, tok.i)
            for i, e, desc, subj in reversed(self.group_mentions[max(0, upto - 50) : upto]):
                if i >= tok.i or tok.i - i > 120:
                    continue
                if i >= sent_start and not subj:
                    continue  # "according to a report from ABC in which they said": not ABC
                if low == "it" and (e is None or e.kind == "PERSON") or low != "it" and e is not None and e.place:
                    continue
                a, b = self.mention_span(i)
                if e is not None:
                    return Resolved(e.name, e.kind, tok.idx, tok.idx + len(tok), "pronoun", e,
                                    link="pronoun.group", antecedent_start=a, antecedent_end=b)
                return Resolved(desc, "OTHER", tok.idx, tok.idx + len(tok), "pronoun",
                                link="pronoun.group", antecedent_start=a, antecedent_end=b)
        return Resolved("", "PERSON", tok.idx, tok.idx + len(tok), "pronoun")

    def _reporter_of(self, tok, want: str) -> Resolved | None:
        """'Trump said he'd asked his "people"', 'Blumenthal said that he has "no idea"': a
        pronoun subject of the clause a person reports is, nearly always, that person."""
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            return None
        clause = tok.head
        for _ in range(2):
            if clause.dep_ not in ("ccomp", "conj") or clause.head.i == clause.i:
                return None
            verb = clause.head
            if verb.pos_ == "VERB" and verb.lemma_.lower() in QUOTE_VERBS:
                subj = _own_subject(verb)
                if subj is None or subj.i > tok.i or subj.pos_ == "PRON":
                    return None
                r = self.resolve(subj, coordinated=False)
                e = r.entity
                return r if e is not None and e.kind == "PERSON" and self._gender_ok(e, want) else None
            clause = verb
        return None

    def resolve_role(self, tok) -> Entity | None:
        """A definite role ("the spokesman", "The President", "Chelyabinsk's governor") is
        the person the article names with that role (the last before, else the first after)."""
        lemma = tok.lemma_.lower()
        if lemma not in PERSON_ROLES and tok.lower_ not in PERSON_ROLES:
            return None
        if not any(c.dep_ in ("det", "poss") and (c.dep_ == "poss" or c.lower_ == "the") for c in tok.children):
            return None
        if any(c.dep_ in ("prep", "amod") for c in tok.children):
            return None  # "the head of X", "the former minister": another person
        if any(c.dep_ in ("appos", "compound") and c.ent_type_ == "PERSON" for c in tok.children):
            return None
        before = [r for r in self.roles if r[1] in (lemma, tok.lower_) and r[0] < tok.i]
        if before:
            return before[-1][2]
        after = [r for r in self.roles if r[1] in (lemma, tok.lower_) and r[0] > tok.i]
        return after[0][2] if after else None

    def _court_before(self, i: int):
        for start in sorted((k for k in self.by_mention if k < i), reverse=True)[:40]:
            e = self.by_mention[start]
            if e.kind == "ORG" and e.words & COURT_WORDS:
                return e
        return None

    def resolve(self, tok, coordinated: bool = True) -> Resolved:
        """The speaker for a subject token."""
        if tok is None:
            return Resolved()
        # coordinated subjects: "Tesco and Salling Group said", "Both he and Stephen Mold urged"
        conj = [c for c in tok.children if c.dep_ == "conj" and not _apposed_description(c)]
        if conj and coordinated:
            parts = [self.resolve(t, coordinated=False) for t in [tok, *conj]]
            names = [p.name for p in parts if p.name]
            if len(names) == len(parts):
                start = min(p.mention_start for p in parts)
                end = max(p.mention_end for p in parts)
                kinds = {p.kind for p in parts}
                how = "pronoun" if any(p.how == "pronoun" for p in parts) else "name"
                kind = kinds.pop() if len(kinds) == 1 else "OTHER"
                return Resolved(" and ".join(names), kind, start, end, how, link="group.joint")
        if tok.pos_ == "PRON" or tok.lower_ in PERSON_PRONOUNS or tok.lower_ in PLURAL_PRONOUNS:
            if tok.lower_ == "one" and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
                return Resolved(self.describe(tok), "PERSON", tok.idx, tok.idx + len(tok), "description")
            return self.resolve_pronoun(tok)
        if tok.lower_ == "one" and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            # "One of the victims said"
            return Resolved(self.describe(tok), "PERSON", tok.idx, tok.idx + len(tok), "description")
        ent, span = self.entity_at(tok)
        if ent is not None:
            return Resolved(ent.name, ent.kind, span.start_char, span.end_char, "name", ent)
        # a name inside the phrase: "Kremlin spokesman Dmitry Peskov", "High Commissioner, Jane
        # Marriott"; a person in apposition beats an organisation in the compound ("The Senate
        # Minority Leader, Chuck Schumer"); a document keeps its own description ("a UN report")
        doc_noun = tok.lemma_.lower() in AUTHORED_DOC_NOUNS
        for c in sorted(tok.children, key=lambda c: (c.ent_type_ != "PERSON", c.dep_ != "appos")):
            if doc_noun and c.dep_ != "appos":
                continue
            if c.dep_ in ("appos", "compound", "nmod") and c.ent_type_ in ("PERSON", "ORG"):
                ent, span = self.entity_at(c)
                if ent is not None:
                    if c.dep_ == "appos" and any(x.dep_ == "conj" for x in c.children):
                        # "Two members, Ileana Ros-Lehtinen and Carlos Curbelo, said": all of them
                        both = self.resolve(c)
                        if " and " in both.name:
                            return both
                    return Resolved(ent.name, ent.kind, span.start_char, span.end_char, "name", ent)
        if tok.i in self.by_token:
            e = self.by_token[tok.i]
            return Resolved(e.name, e.kind, tok.idx, tok.idx + len(tok), "name", e)
        if tok.pos_ == "NOUN":
            # "Recycled toilet paper producer Who Gives a Crap said": a name the parser read
            # as a relative clause (its capitalised first word sits mid-sentence)
            for c in tok.children:
                first = c.left_edge
                if (c.dep_ == "relcl" and first.i == tok.i + 1 and first.i > tok.sent.start
                        and first.text[:1].isupper() and first.tag_ in ("WP", "WDT")
                        and c.right_edge.i - first.i <= 6
                        and all(t.text[:1].isupper() or t.is_lower and t.tag_ in ("DT", "IN", "CC")
                                for t in tok.doc[first.i : c.right_edge.i + 1])):
                    name = tok.doc[first.i : c.right_edge.i + 1].text
                    kind = "ORG" if tok.lemma_.lower() in ORG_NOUNS or tok.lemma_.lower() in MAKER_NOUNS else "PERSON"
                    return Resolved(name, kind, first.idx, c.right_edge.idx + len(c.right_edge), "name")
        if tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.lower_ in TITLES):
            # "US Ambassador to Germany Richard Grenell", "Mayor of London Sadiq Khan":
            # the name closes the phrase
            sub = [t for t in tok.subtree if not t.is_punct and not _in_parentheses(t)]  # "(R-WI)"
            last = sub[-1] if sub else tok
            if last.i > tok.i and not any(a.dep_ in ("relcl", "acl") for a in last.ancestors if a.i > tok.i):
                ent, span = self.entity_at(last)
                if ent is not None and ent.kind == "PERSON":
                    return Resolved(ent.name, ent.kind, span.start_char, span.end_char, "name", ent)
                if last.pos_ == "PROPN" and last.ent_type_ in ("", "PERSON") and tok.lower_ in TITLES:
                    return self.resolve(last, coordinated=False)
            # a definite role: "The President insists" → the person named as president
            role = self.resolve_role(tok)
            if role is not None and tok.tag_ in ("NN", "NNP"):
                return Resolved(role.name, role.kind, tok.idx, tok.idx + len(tok), "role", role)
            group = self.resolve_group(tok)
            if group is not None:
                left = min(t.idx for t in tok.subtree if t.i <= tok.i)
                return Resolved(group.name, group.kind, left, tok.idx + len(tok), "group", group)
            # a statement speaks for its author: "X's statement", "a statement by X", "X released a statement"
            if tok.lemma_.lower() in AUTHORED_DOC_NOUNS:
                for c in tok.children:
                    if c.dep_ == "poss" and c.pos_ != "PRON":
                        return self.resolve(c)
                    if c.dep_ == "prep" and c.lower_ in ("by", "from"):
                        for p in c.children:
                            if p.dep_ == "pobj" and (p.ent_type_ or p.pos_ == "PROPN"):
                                return self.resolve(p)
                if tok.dep_ == "dobj":
                    for c in tok.head.children:
                        if c.dep_ == "nsubj":
                            return self.resolve(c)
                # "According to the ruling": a court's decision speaks for the court last named
                if tok.lemma_.lower() in COURT_DOCS and any(c.lower_ == "the" for c in tok.children):
                    court = self._court_before(tok.i)
                    if court is not None:
                        return Resolved(court.name, court.kind, tok.idx, tok.idx + len(tok), "role", court)
        if tok.pos_ == "PROPN":
            words = _clean_name(_name_chain(tok))
            form = " ".join(words)
            e = self._find(form, "PERSON", tok.i) or self._find(form, "ORG", tok.i)
            if e is not None:
                return Resolved(e.name, e.kind, tok.idx, tok.idx + len(tok), "surname", e)
            kind = "ORG" if form.isupper() or len(words) == 1 else "PERSON"
            return Resolved(form, kind, tok.idx, tok.idx + len(tok), "name")
        if tok.pos_ == "NOUN":
            desc = self.describe(tok)
            lemma = tok.lemma_.lower()
            if lemma in ORG_NOUNS and tok.tag_ == "NN" or tok.lower_ == "police":
                kind = "ORG"
            elif tok.tag_ == "NNS" or lemma in THING_SOURCE_NOUNS:
                kind = "OTHER"
            else:
                kind = "PERSON"
            left = min(t.idx for t in tok.subtree if t.i <= tok.i)
            return Resolved(desc, kind, left, tok.idx + len(tok), "description")
        return Resolved()

    def speakers(self, used: set[str]):
        """The Speaker list: every canonical entity used by a quote, once, with its aliases."""
        from newsread.model import Speaker

        out = []
        seen = set()
        for e in self.entities:
            if e.name in used and e.name not in seen:
                seen.add(e.name)
                out.append(Speaker(e.name, e.kind, list(e.aliases)))
        return out, seen


# -- from raw quotes to speakers -------------------------------------------------------
_PARTICIPLE_DEPS = ("advcl", "xcomp", "conj", "dep", "pcomp", "acl", "parataxis")


def _speech_head(tok, limit: int = 5):
    """The nearest speech verb above tok (not tok itself), or None."""
    for _ in range(limit):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in QUOTE_VERBS and tok.lemma_.lower() not in WEAK_CUE_VERBS:
            return tok
    return None


def _verb_before(q, reg: Registry):
    """A speech verb in the reporter's words just before the quote's opening mark."""
    doc = reg.doc
    mark = q.start - 1
    lo, hi = 0, len(doc)
    while lo < hi:  # first token starting at or after the mark
        mid = (lo + hi) // 2
        if doc[mid].idx < mark:
            lo = mid + 1
        else:
            hi = mid
    k = lo
    for t in reversed(doc[max(0, k - 25) : k]):
        if reg.is_quoted(t.idx) or t.is_quote or t.text in (".", "!", "?", ";") or "\n" in t.text:
            return None
        if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in QUOTE_VERBS and t.lemma_.lower() not in WEAK_CUE_VERBS:
            return t
        if t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBN", "VBG"):
            return None  # another clause sits between
    return None


def _own_subject(verb):
    subs = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subs:
        return None
    named = [c for c in subs if c.ent_type_ in ("PERSON", "ORG")]
    return past_dateline(named[-1] if named else subs[0])


class _Checker:
    def __init__(self, reg: Registry, q) -> None:
        self.reg, self.q = reg, q

    def bad(self, tok) -> bool:
        """A speaker token inside the quote itself or inside any quotation marks."""
        return tok is None or (self.q.start <= tok.idx < self.q.end) or self.reg.is_quoted(tok.idx)


def choose_subject(q, reg: Registry):
    """The speaker token for a raw quote: the detector's subject, checked.

    - a subject inside the quote or inside quotation marks is not the speaker ("Coles ...
      reported that ..., "many stores are ..."" has no speaker "many stores");
    - a participle cue hanging off a verb inside someone's reported clause speaks for
      that someone ("X acknowledged Y had done Z, blaming W"; "..., while noting ...");
    - a cue without a subject may have it after the verb (""...," tweeted Mayor Sadiq
      Khan") or inherit the subject of a speech verb above it.
    """
    chk = _Checker(reg, q)
    subj, cue = q.subj_tok, q.cue_tok
    if q.kind == "direct" and cue is not None and hasattr(cue, "head"):
        v = None
        if cue.idx >= q.end and reg.text[q.start : q.end].rstrip().endswith((".", "!", "?")):
            # 'X tweeted "... prayers." Y remarked, "..."': a finished quote right after a
            # speech verb belongs to that verb, not to the next sentence's
            v, via = _verb_before(q, reg), "cue.verb_before"
        elif cue.idx < q.start and (cue.dep_ == "relcl" or any(
                c.tag_ in ("WDT", "WP") and c.dep_ in ("dobj", "nsubj", "nsubjpass") for c in cue.children)):
            # 'X commented on the matter — which the BBC noted as unusual — "..."'
            v, via = _speech_head(cue), "cue.climbed_subject"
        if v is not None:
            s = _own_subject(v)
            if s is not None and not chk.bad(s):
                q.cue_tok, q.cue_text, q.cue_start = v, v.text, v.idx
                q.sieve = via
                return s, "climbed"
    if cue is None or not hasattr(cue, "head"):
        return subj, "" if not chk.bad(subj) or subj is None else "bad"
    own = _own_subject(cue) if cue.pos_ in ("VERB", "AUX") else None
    weak_cue = cue.lemma_.lower() == "go" and not any(c.lemma_.lower() == "say" for c in cue.children)
    if (own is None and cue.tag_ == "VBG" and cue.dep_ in _PARTICIPLE_DEPS) or weak_cue:
        v = _speech_head(cue)
        if v is not None and v.dep_ == "relcl" and restrictive_relative(v) and follows_comma(cue):
            v = None  # 'an architect who said he was stiffed, saying ...': see subject_of
        if v is not None and v.i != cue.i:
            s = _own_subject(v)
            if s is not None and not chk.bad(s) and (subj is None or s.i != subj.i):
                q.sieve = "cue.climbed_subject"
                return s, "climbed"
    if (subj is not None and not chk.bad(subj) and (q.kind == "direct" or cue.idx < q.start)
            and (_not_a_speaker(subj) or subj.lower_ in THING_PRONOUNS)):
        # 'said that her campaign would continue "to break barriers"', 'said that fact speaks
        # volumes about "..."': a thing doing the inner verb inside someone's report; the
        # fragment is the reporter's source's words
        v = _speech_head(cue)
        s = _own_subject(v) if v is not None and v.lemma_.lower() in REPORT_VERBS else None
        if s is None and v is not None:
            s = subject_of(v)
        if s is not None and not chk.bad(s):
            q.cue_tok, q.cue_text, q.cue_start = v, v.text, v.idx
            q.sieve = "cue.climbed_subject"
            return s, "climbed"
    cue_inside = q.start <= cue.idx < q.end
    direct_subject = subj is not None and subj.head.i == cue.i  # a span that overshoots onto "X said"
    if subj is not None and (reg.is_quoted(subj.idx) or (not cue_inside and not direct_subject and chk.bad(subj))):
        s, via = _climbed_subject(cue, chk), "cue.climbed_subject"
        if s is None:
            s, via = _sentence_subject(cue, chk), "cue.sentence_subject"
        if s is not None:
            q.sieve = via
        return (s, "climbed") if s is not None else (None, "bad")
    if subj is None and cue.pos_ in ("VERB", "AUX"):
        # inversion after a closing mark: '"...", tweeted Mayor of London Sadiq Khan'
        doc = cue.doc
        prev = doc[cue.i - 1] if cue.i > 0 else None
        if prev is not None and (prev.is_quote or prev.is_punct):
            for t in doc[cue.i + 1 : min(len(doc), cue.i + 10)]:
                if t.is_punct or t.is_quote or t.is_sent_start:
                    break
                if t.ent_type_ in ("PERSON", "ORG"):
                    ent, span = reg.entity_at(t)
                    j = t.i
                    while j + 1 < len(doc) and doc[j + 1].ent_iob_ == "I":
                        j += 1
                    q.sieve = "cue.inverted_subject"
                    return doc[j], "inverted"
        s = _climbed_subject(cue, chk)
        if s is not None:
            q.sieve = "cue.climbed_subject"
            return s, "climbed"
        # '"...," Bozell answers.' with the name misparsed (as a compound of the verb)
        names = [t for t in doc[max(0, cue.i - 4) : cue.i] if t.pos_ == "PROPN" and not chk.bad(t)]
        if names and names[-1].i == cue.i - 1 and (doc[names[0].i - 1].is_quote or doc[names[0].i - 1].is_punct):
            q.sieve = "cue.inverted_subject"
            return names[-1], "inverted"
        # 'In a statement, her adviser, Jake Sullivan, said: "..."' with the name hung elsewhere
        name = _apposed_name_before(cue)
        if name is not None and not chk.bad(name):
            q.sieve = "cue.apposed_name"
            return name, "inverted"
        s = _sentence_subject(cue, chk)
        if s is not None:
            q.sieve = "cue.sentence_subject"
            return s, "climbed"
    return subj, ""


def _apposed_description(conj) -> bool:
    """'China, Pyongyang's only ally and its lifeline, said': a common noun after a bare
    comma is an apposition the parser took for a coordination, not a second speaker."""
    return conj.pos_ == "NOUN" and not conj.ent_type_ and follows_comma(conj.left_edge)


def _apposed_name_before(cue):
    """The name set off by commas right before a subjectless cue (', Jake Sullivan, said'),
    or before the description that follows it (', Col. Steven Warren, a spokesman, said')."""
    doc = cue.doc
    k = cue.i - 1
    if k < 2 or doc[k].text != ",":
        return None
    name = _name_ending_at(doc, k - 1)
    if name is not None:
        return name
    j = k - 1  # a description: no verb, no name, at most eight words
    while j > 0 and doc[j].text != "," and k - j <= 9 and doc[j].pos_ not in ("VERB", "AUX") \
            and doc[j].ent_type_ != "PERSON":
        j -= 1
    return _name_ending_at(doc, j - 1) if j < k - 1 and doc[j].text == "," else None


def _name_ending_at(doc, i: int):
    """doc[i] when it ends a person's name (titles and initials allowed) set off by a comma."""
    if i < 1 or doc[i].ent_type_ != "PERSON":
        return None
    j = i
    while j >= 0 and (doc[j].ent_type_ == "PERSON" or doc[j].pos_ == "PROPN" or doc[j].text == "."):
        j -= 1
    return doc[i] if j >= 0 and doc[j].text == "," else None


def _in_parentheses(tok) -> bool:
    """The token sits inside a short parenthesis ("Paul Ryan (R-WI)")."""
    doc = tok.doc
    left = doc[max(0, tok.i - 5) : tok.i]
    opened = [t.i for t in left if t.text == "("]
    closed = [t.i for t in left if t.text == ")"]
    return bool(opened) and (not closed or max(closed) < max(opened))


def _not_a_speaker(tok) -> bool:
    """A common noun for a thing ("the turmoil", "the tone", "her campaign"), not a person,
    a group of people or an organisation."""
    lemma = tok.lemma_.lower()
    return (tok.pos_ == "NOUN" and not tok.ent_type_ and lemma not in PERSON_NOUNS and lemma not in GROUP_NOUNS
            and lemma not in ORG_NOUNS and lemma not in AUTHORED_DOC_NOUNS and lemma not in MAKER_NOUNS
            and lemma not in VOICE_NOUNS and not lemma.endswith(AGENT_SUFFIXES)
            and not any(c.ent_type_ in ("PERSON", "ORG") for c in tok.children if c.dep_ in ("compound", "appos")))


# People and media the role lists leave out: a reporter, an activist, a historian, the
# crowd, the press. (-er/-or also catch some things, "the number"; those stay speakers,
# as they were before this test existed.)


def _climbed_subject(cue, chk):
    """The first usable subject of the speech verbs above ``cue``, or None."""
    v = _speech_head(cue)
    while v is not None:
        s = _own_subject(v)
        if s is not None and not chk.bad(s):
            return s
        v = _speech_head(v)
    return None


def _sentence_subject(cue, chk):
    """'Mr. Trump hardly clarified the matter, treating ... -- "A" -- and asserting, "B"': a
    subjectless participle the parser hung inside a quote (or nowhere) speaks for the
    subject its sentence opened with."""
    if cue.tag_ != "VBG" or _own_subject(cue) is not None:
        return None
    for t in cue.sent:
        if t.i >= cue.i:
            break
        if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("PROPN", "PRON", "NOUN") and not chk.bad(t):
            return t
    # 'Trump defended eminent domain, calling it "..."' with no subject in the parse: the
    # person named at the start of the sentence, when the participle trails a comma
    first = cue.sent[0]
    known = first.ent_type_ == "PERSON" or first.text[:1].isupper() and chk.reg._find(first.text, "PERSON", first.i)
    if known and trailing_participle(cue) and not chk.bad(first):
        last = first
        while last.i + 1 < cue.i and cue.doc[last.i + 1].ent_iob_ == "I":
            last = cue.doc[last.i + 1]
        return last
    return None


_FRAME_STOP = {",", ".", ";", ":", "(", "—", "–"}


def _frame_phrase(tokens) -> list:
    """The words of a speaker phrase up to its first comma or stop ('Gene Sperling, a
    top adviser, ...' -> Gene Sperling), at most eight, never holding a verb or pronoun."""
    out = []
    for t in tokens:
        if t.text in _FRAME_STOP or t.is_quote or t.is_space or len(out) >= 8:
            break
        if t.pos_ in ("VERB", "AUX", "ADP", "PRON", "SCONJ", "CCONJ") and t.text[:1].islower():
            break
        out.append(t)
    return out


def _frame_speaker(q, reg: Registry) -> Resolved | None:
    """The speaker of '"...," Gene Sperling, a top adviser, said' or '"...," said Skelly,
    explaining ...' read off the words around the cue when the parse lost the subject:
    the name phrase right after the closing mark, or right after the cue."""
    cue, doc = q.cue_tok, reg.doc
    if cue is None or not hasattr(cue, "i") or cue.idx <= q.end:
        return None
    span = doc.char_span(q.end, cue.idx, alignment_mode="expand")
    between = [t for t in span if t.i < cue.i and t.idx >= q.end] if span is not None else []
    lead = [t for t in between if not (t.is_punct or t.is_quote or t.is_space)]
    if lead and len(lead) <= 6 and lead[-1].i == cue.i - 1 and lead[-1].pos_ == "PROPN" \
            and not any(t.is_punct or t.is_quote for t in between if t.i > lead[0].i):
        # '"...," screenwriter Cole Haddon wrote': the words between mark and cue are the
        # speaker, whatever tags the parser gave them ('screenwriter' as a verb)
        phrase = lead
    elif lead:
        phrase = _frame_phrase(between[between.index(lead[0]) :])
    else:
        phrase = _frame_phrase(doc[cue.i + 1 : cue.i + 10])
    if not phrase or any(reg.is_quoted(t.idx) for t in phrase):
        return None
    name = []
    for t in reversed(phrase):  # the capitalised run closing the phrase is the name
        if not t.text[:1].isupper():
            break
        name.insert(0, t)
    start, end = phrase[0].idx, phrase[-1].idx + len(phrase[-1])
    if name:
        form = " ".join(_clean_name("".join(t.text_with_ws for t in name).split()))
        e = reg._find(form, "PERSON", name[0].i) or reg._find(form, "ORG", name[0].i)
        if e is not None:
            return Resolved(e.name, e.kind, start, end, "surname", e)
        return Resolved(form, "PERSON", start, end, "name") if form else None
    desc = "".join(t.text_with_ws for t in phrase if t.lower_ not in DETERMINERS).strip()
    return Resolved(desc, "PERSON", start, end, "description") if desc else None


def _framed_sieve(framed: Resolved) -> str:
    return "cue.frame_description" if framed.how == "description" else "cue.frame_name"


def resolve_quotes(raws, reg: Registry) -> None:
    """Set q.resolved on every raw quote (inherited quotes take their source's)."""
    order = sorted(range(len(raws)), key=lambda k: raws[k].start)
    prev_of = {}
    for a, b in zip(order, order[1:]):
        prev_of[b] = a
    for i, q in enumerate(raws):
        if q.inherit_from >= 0:
            continue
        if q.speaker_text:
            e = reg._find(q.speaker_text, "PERSON", 0) or reg._find(q.speaker_text, "ORG", 0)
            if e is not None:
                q.resolved = Resolved(e.name, e.kind, -1, -1, "name", e)
            else:
                words = q.speaker_text.split()
                kind = "PERSON" if words and words[0][:1].islower() or len(words) <= 3 else "ORG"
                q.resolved = Resolved(q.speaker_text, kind, -1, -1, "description")
            continue
        subj, why = choose_subject(q, reg)
        if subj is None:
            framed = _frame_speaker(q, reg)
            if framed is not None:
                q.resolved, q.sieve = framed, _framed_sieve(framed)
                continue
        if subj is None and why == "bad":
            # '"A," X said, "B," also observing, "C"': the quote just before speaks on
            p = prev_of.get(i)
            if p is not None and raws[p].end <= q.start and q.start - raws[p].end < 200 \
                    and "\n" not in reg.text[raws[p].end : q.start]:
                q.inherit_from = p
                q.method, q.sieve = "continued", "continued.quote_before"
                continue
        q.resolved = reg.resolve(subj) if subj is not None else Resolved()
        if not q.resolved.name and q.resolved.how != "pronoun":
            framed = _frame_speaker(q, reg)  # 'said the 46-year-old.'
            if framed is not None:
                q.resolved, q.sieve = framed, _framed_sieve(framed)
        if why in ("climbed", "inverted") and q.resolved.how == "name":
            q.resolved.how = "climbed"
    for q in raws:
        if q.inherit_from >= 0:
            src = raws[q.inherit_from]
            seen = 0
            while src.inherit_from >= 0 and src.resolved is None and seen < len(raws):
                src = raws[src.inherit_from]
                seen += 1
            q.resolved = src.resolved or Resolved()
            if not q.cue_text:
                q.cue_tok, q.cue_text, q.cue_start = src.cue_tok, src.cue_text, src.cue_start
