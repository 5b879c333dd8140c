"""Stage 2's candidates: the registry of one document's speaker entities and mentions.

Built once per document from spaCy's named entities, in text order, so a surname joins
the full name used before or after it ("Peskov" → "Dmitry Peskov"), an acronym joins its
long form, and roles ("the Kremlin spokesman") join the person they were attached to.
Resolving a mention to one of these entities is mention_to_entity.py's job.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .entities import (
    _ACRONYM_AFTER_NAME,
    _NAME_LABELS,
    Entity,
    TitleCaseLines,
    _acronym,
    _acronym_name,
    _clean_name,
    _name_chain,
    _written,
    entity_end,
    fold,
    names_apart_at_verbs,
    spelling_variant,
    strip_roles,
    title_gender,
)
from .frames import cue_read_as_modifier
from .lexicon import (
    AUTHORED_DOC_NOUNS,
    COLLECTIVE_NOUNS,
    CORRELATIVES,
    DETERMINERS,
    FEMALE_NAMES,
    FEMALE_WORDS,
    GENDERED_PRONOUNS,
    GIVEN_NAMES,
    MALE_NAMES,
    MALE_WORDS,
    NAME_ROLE_WORDS,
    ORG_NAME_WORDS,
    ORG_ROLE_NOUNS,
    ORG_SUFFIXES,
    PERSON_DESCRIPTORS,
    PERSON_NOUNS,
    PERSON_ONLY_TITLES,
    PERSON_ROLES,
    PLACE_HEAD_WORDS,
    QUOTE_VERBS,
    TITLES,
)
from .mention_to_entity import EntityResolution
from .roles import RoleLearning

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from newsread.model import Speaker


class Registry(RoleLearning, EntityResolution):
    """Entities of one document and the mentions that point at them."""

    def __init__(self, doc: Doc, quoted: Iterable[tuple[int, int]] | None = None, text: str | None = None) -> None:
        self.doc = doc
        self.text = doc.text if text is None else text  # spaCy rebuilds Doc.text on every access
        self.in_headline = TitleCaseLines(self.text)  # names in a headline may hold its verbs
        # character spans inside quotation marks: names there are not antecedents for
        # the reporter's pronouns ("..., he said" never means a person the quote mentions)
        self._quoted = sorted(quoted or [])
        self._quoted_starts = [a for a, _ in self._quoted]
        self.pairs: list[tuple[int, list[Entity]]] = []  # coordinated names: (token i, entities)
        self.group_roles: dict[str, list[Entity]] = {}  # "officers" → the pair named with it
        self.entities: list[Entity] = []
        self.by_mention: dict[int, Entity] = {}  # ent.start (token index) → entity
        self.person_mentions: list[tuple[int, Entity, int]] = []  # (token i, entity, salience; 0: not a subject)
        self.group_mentions: list[tuple[int, Entity | None, str, int]] = []  # plural/org antecedents: (i, e, description, salience)
        # (token i, role word, entity, the role's modifiers: 'foreign' of 'Foreign Secretary')
        self.roles: list[tuple[int, str, Entity, frozenset[str]]] = []
        self.by_token: dict[int, Entity] = {}  # names the NER missed, by head token
        self.document_mentions: list[int] = []  # token i of each document noun ("statement"), in order
        self._build()

    # -- building -------------------------------------------------------------------
    def _kind(self, label: str) -> str:
        return "PERSON" if label == "PERSON" else "ORG"

    def _build(self) -> None:
        doc = self.doc
        acronyms: dict[str, str] = {}
        # "Federal Security Service (FSB)": the bracketed acronym names the long form
        for m in _ACRONYM_AFTER_NAME.finditer(self.text):
            acronyms[m.group(2)] = " ".join(_clean_name(m.group(1).split()))
        for ent in names_apart_at_verbs(doc.ents):
            if ent.label_ not in _NAME_LABELS:
                continue
            ent = self._title_taken_for_a_name(ent)
            # tokens rejoined as written, so "Ros-Lehtinen" stays one word
            # an organisation's name keeps its first word ("Health Ministry"); a person's
            # loses titles here and any other role word once its kind is settled (strip_roles)
            words = _clean_name(_written(ent).split(), titles=ent.label_ == "PERSON")
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
                words = words[1:]  # "Veteran Helen Marsh", "Icon Tom Hale"
            if kind == "PERSON":
                words = strip_roles(words)  # "Attorney Bash", "Minority Whip Dick Durbin"
            form = " ".join(words)
            place = ent.label_ in ("GPE", "LOC", "FAC")
            if kind == "PERSON" and (fold(words[-1]).strip(".") in ORG_SUFFIXES or len(words) > 5):
                kind = "ORG"
            elif kind == "PERSON" and len(words) > 1 and fold(words[-1]) in PLACE_HEAD_WORDS and fold(words[0]) not in GIVEN_NAMES:
                kind, place = "ORG", True  # "Baxter Tower", not "John Tower" the senator
            if kind == "PERSON" and _acronym_name(form):
                kind = "ORG"
            if form in acronyms:
                form_long = acronyms[form]
            else:
                form_long = None
            # "Mrs. Lowe" is not the Tom Lowe named before her
            entity = self._find(form, kind, ent.start, title_gender(ent) if kind == "PERSON" else "")
            if entity is None and form_long:
                entity = self._find(form_long, kind, ent.start)
            if entity is None and kind != "PERSON" and len(words) == 1:
                # "Maróth" tagged ORG after "Gáspár Maróth" the person
                p = self._find(form, "PERSON", ent.start)
                if p is not None and p.kind == "PERSON":
                    entity, kind = p, "PERSON"
            if entity is None:
                entity = Entity(form_long or form, kind, words={fold(w) for w in (form_long or form).split()},
                                name_quoted=self.is_quoted(ent.start_char), place=place,
                                name_in_headline=self.in_headline(ent.start_char))
                self.entities.append(entity)
                if form_long:
                    entity.add_form(form)
            else:
                entity.offer_name(form, self.is_quoted(ent.start_char), self.in_headline(ent.start_char))
                if entity.kind != "PERSON" and kind == "PERSON" and (len(words) > 1 or self._titled(ent)):
                    entity.kind = "PERSON"
            entity.last_pos = ent.start
            self.by_mention[ent.start] = entity
            for i in range(ent.start, ent.end):
                if not doc[i].ent_type_:
                    self.by_token[i] = entity  # words of the name the NER left out
            self._learn_gender(ent, entity, words)
            if self.is_quoted(ent.start_char):
                continue
            subj = self._salience(ent.root)
            if entity.kind == "PERSON":
                self.person_mentions.append((ent.start, entity, subj))
            else:
                self.group_mentions.append((ent.start, entity, "", subj))
            self._learn_roles(ent, entity)
            if entity.kind == "PERSON":
                self._learn_title_role(ent, entity)
        # the passes below look at subjects and gendered pronouns only: collect them once
        # (walking a Doc builds a Token object per word, the Registry's main cost)
        subjects: list[Token] = []
        gendered: list[Token] = []
        apposed: list[Token] = []
        for t in doc:
            if t.dep_ in ("nsubj", "nsubjpass"):
                subjects.append(t)
            elif t.dep_ == "appos":
                apposed.append(t)
            if t.pos_ == "NOUN" and t.lemma_.lower() in AUTHORED_DOC_NOUNS:
                self.document_mentions.append(t.i)
            if t.lower_ in GENDERED_PRONOUNS:
                gendered.append(t)
        # proper-noun subjects of speech verbs the NER missed are people ("Maróth said")
        for tok in subjects:
            if (tok.dep_ == "nsubj" and tok.pos_ == "PROPN" and not tok.ent_type_ and tok.lower_ not in TITLES
                    and tok.lower_ not in PERSON_ROLES and tok.head.lemma_.lower() in QUOTE_VERBS
                    and not any(c.dep_ == "appos" and c.ent_type_ for c in tok.children)):
                words = strip_roles(_clean_name(_name_chain(tok)))
                if not words or not words[-1][:1].isupper():
                    continue
                kind = "ORG" if _acronym_name(" ".join(words)) else "PERSON"
                e = self._missed_name(tok, words, kind)
                if kind == "PERSON" and not self.is_quoted(tok.idx):
                    self.person_mentions.append((tok.i, e, self._salience(tok)))
                    self._learn_roles(doc[tok.left_edge.i if tok.left_edge.dep_ == "compound" else tok.i : tok.i + 1], e)
        for appos in apposed:
            self._name_set_beside_a_role(appos)
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
        self._learn_organisations()
        # plural and collective common-noun subjects are antecedents for "they"
        for tok in subjects:
            if (tok.ent_type_ == "" and not self.is_quoted(tok.idx)
                    and (tok.tag_ == "NNS" or tok.tag_ == "NN" and tok.lemma_.lower() in COLLECTIVE_NOUNS)):
                group = self.resolve_group(tok)
                if group is not None:
                    self.group_mentions.append((tok.i, group, "", self._salience(tok) or 1))
                else:
                    self.group_mentions.append((tok.i, None, self.describe(tok), self._salience(tok) or 1))
        for i, ents in self.pairs:
            if not self.is_quoted(self.doc[i].idx):
                self.group_mentions.append((i, self._pair_entity(ents), "", self._is_subject(self.doc[i])))
        self.group_mentions.sort(key=lambda x: x[0])
        self._gkeys = [g[0] for g in self.group_mentions]
        self.person_mentions.sort(key=lambda x: x[0])

    def _title_taken_for_a_name(self, ent: Span) -> Span:
        """"Bishop Ana Ruiz" read as the organisation "Bishop" and two untagged words: a
        title or role the NER took for a name, right before capitalised proper nouns it left
        out, is a person's name written after its role (the role is learnt from it)."""
        doc = self.doc
        if ent.label_ == "PERSON" or not all(fold(t.text).strip(".") in NAME_ROLE_WORDS for t in ent):
            return ent
        k = ent.end
        while k < len(doc) and k - ent.end < 3 and doc[k].pos_ == "PROPN" and not doc[k].ent_type_ \
                and doc[k].text[:1].isupper() and fold(doc[k].text).strip(".") not in NAME_ROLE_WORDS:
            k += 1
        if k == ent.end:
            return ent
        from spacy.tokens import Span  # at run time only here: the module imports without spaCy

        return Span(doc, ent.start, k, label="PERSON")

    def _missed_name(self, head: Token, words: list[str], kind: str) -> Entity:
        """The entity of a name the NER missed, headed by ``head`` and written ``words``: the
        one the article already knows by that form, else a new one."""
        form = " ".join(words)
        e = self._find(form, kind, head.i)
        if e is None:
            e = Entity(form, kind, words={fold(w) for w in words})
            self.entities.append(e)
        self.by_token[head.i] = e
        return e

    def _name_set_beside_a_role(self, role: Token) -> None:
        """"Variety, the trade publication,", "Okafor, the club's coach,": a proper noun the NER
        missed, with a role noun in apposition, is a name; the role says its kind."""
        head = role.head
        if (head.pos_ != "PROPN" or head.ent_type_ or head.i in self.by_token or not head.text[:1].isupper()
                or fold(head.text).strip(".") in NAME_ROLE_WORDS or self.is_quoted(head.idx)):
            return
        lemma = role.lemma_.lower()
        kind = "PERSON" if lemma in PERSON_ROLES else "ORG" if lemma in ORG_ROLE_NOUNS else ""
        words = _clean_name(_name_chain(head))
        if not kind or not words or not words[-1][:1].isupper():
            return
        e = self._missed_name(head, words, kind)
        if kind == "PERSON":
            self.person_mentions.append((head.i, e, self._salience(head)))
        else:
            self.group_mentions.append((head.i, e, "", self._salience(head)))
        self._learn_roles(self.doc[head.i : head.i + 1], e)

    def _titled(self, ent: Span) -> bool:
        """"Mr. Whitlock", "Dr Ruiz": a name right after a title only people have."""
        return ent.start > 0 and self.doc[ent.start - 1].lower_.strip(".") in PERSON_ONLY_TITLES

    def is_quoted(self, char: int) -> bool:
        k = bisect.bisect_right(self._quoted_starts, char) - 1
        return k >= 0 and self._quoted[k][0] <= char < self._quoted[k][1]

    def _person_role_before(self, ent: Span) -> bool:
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
            head = self._mention_head(start)
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
            between = doc[entity_end(doc, a) + 1 : b]
            if (1 <= len(between) <= 6 and between[0].lower_ == "and"
                    and not any(t.is_punct and t.text not in "-–" for t in between)
                    and not any(t.pos_ in ("VERB", "AUX") and t.tag_ != "VBN" for t in between)):
                self.pairs.append((a, [ea, eb]))
        self.pairs.sort(key=lambda x: x[0])

    def _pair_entity(self, members: list[Entity]) -> Entity:
        kinds = {m.kind for m in members}
        kind = kinds.pop() if len(kinds) == 1 else "OTHER"
        e = Entity(" and ".join(m.name for m in members), kind, described=True)
        e.members = members
        return e


    def _mentions_between(self, a: int, b: int) -> list[tuple[int, Entity, int]]:
        keys = self._mention_keys
        return self.person_mentions[bisect.bisect_left(keys, a) : bisect.bisect_left(keys, b)]

    def _learn_pronoun_genders(self, gendered: list[Token]) -> None:
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

    def _mention_head(self, start: int) -> Token:
        """The syntactic head of the named mention starting at token ``start``."""
        return self.doc[start : entity_end(self.doc, start) + 1].root

    def _learn_organisations(self) -> None:
        """"Coles said its stores ...", "Facebook, which removed the post, said": a one-word name
        the NER took for a person, referred to by "its" in its own clause or by the relative
        "which", is an organisation, unless something says person (a given name, a title, a
        he or she: any gender vote)."""
        mentions = [(self._mention_head(start), e) for start, e in self.by_mention.items()]
        mentions += [(self.doc[i], e) for i, e in self.by_token.items()]
        for name, e in mentions:
            if e.votes or len(e.name.split()) != 1:
                continue
            relatives = {x.lower_ for c in name.children if c.dep_ == "relcl" for x in c.children}
            if e.kind == "PERSON":
                own_its = name.dep_ == "nsubj" and any(t.lower_ == "its" and t.i > name.i for t in name.head.subtree)
                if "which" in relatives or own_its:
                    e.kind = "ORG"
            elif e.kind == "ORG" and not e.place and "who" in relatives:
                e.kind = "PERSON"  # "Smith, who removed the post, said"

    @staticmethod
    def _salience(tok: Token) -> int:
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
    def _is_subject(tok: Token) -> bool:
        return tok.dep_ in ("nsubj", "nsubjpass") or (tok.dep_ in ("appos", "conj") and tok.head.dep_ in ("nsubj", "nsubjpass"))

    def _find(self, form: str, kind: str, pos: int, gender: str = "") -> Entity | None:
        words = [fold(w) for w in form.split()]
        if not words:
            return None
        wset = set(words)
        best = exact = None
        best_rank = (False, -1)
        for e in self.entities:
            if kind == "PERSON" and e.kind == "PERSON":
                # surname or full name: one is a whole-word part of the other, same last word
                ew = [fold(w) for w in e.name.split()]
                if not ew or gender and e.gender and e.gender != gender:
                    continue
                if (wset <= e.words or e.words <= wset) and (words[-1] in e.words or ew[-1] in wset):
                    # the one whose surname is the form's last word ("Hale" is Tom Hale, not
                    # the NER's "Hale Harbour"), then the latest
                    rank = (ew[-1] == words[-1], e.last_pos)
                    if best is None or rank > best_rank:
                        best, best_rank = e, rank
            else:
                low = form.lower()
                if low == e.name.lower() or low in (a.lower() for a in e.aliases):
                    if kind != "PERSON":
                        return e
                    exact = exact or e  # a person of that name, if any, before an organisation
                if form.isupper() and len(form) >= 2 and _acronym(e.name.split()) == form:
                    return e
                if e.kind == kind == "ORG" and len(words) > 1 and (wset <= e.words) and len(e.words) > len(wset):
                    best = best or e
                if (e.kind == kind == "ORG" and len(words) == 1 and fold(e.name.split()[0]) == words[0]
                        and len(e.words) > 1 and words[0] not in ORG_NAME_WORDS and not e.place):
                    best = best or e  # "Salling" for "Salling Group"
        best = best or exact
        if best is None and kind == "PERSON" and len(words) == 1:
            best = spelling_variant(self.entities, words[0])
        return best

    def _learn_gender(self, ent: Span, entity: Entity, words: list[str] | None = None) -> None:
        doc = self.doc
        near = [t.lower_ for t in doc[max(0, ent.start - 3) : ent.start]]
        # not a word after the name's possessive the parse hung on it ('Rogers’ son, Tom'): the son is not her
        near += [c.lower_ for c in ent.root.children if c.dep_ in ("appos", "compound")
                 and not any(t.tag_ == "POS" or t.text in ("’", "'") for t in doc[ent.end : c.i])]
        if ent.root.dep_ == "appos":
            near.append(ent.root.head.lower_)
        for w in near:
            if w.strip(".") in MALE_WORDS:
                entity.vote("m", 5)
            elif w.strip(".") in FEMALE_WORDS:
                entity.vote("f", 5)
        if entity.kind != "PERSON":
            return
        titled = title_gender(ent)  # "Mme Spanton", "Mr Johnson"
        if titled:
            entity.vote(titled, 5)
        # a known given name ("Emily Spanton", "Nicolas Redouane")
        if words and len(words) >= 2:
            given = fold(words[0])
            if given in FEMALE_NAMES:
                entity.vote("f", 3)
            elif given in MALE_NAMES:
                entity.vote("m", 3)

    # -- resolving ------------------------------------------------------------------
    def entity_at(self, tok: Token) -> tuple[Entity | None, Span] | tuple[None, None]:
        """The entity of the named mention ``tok`` is part of, with the mention's tokens;
        (None, None) when tok is not in a named entity."""
        if tok.ent_type_ and tok.ent_iob_ != "O":
            i = tok.i
            while i > 0 and self.doc[i].ent_iob_ == "I":
                i -= 1
            return self.by_mention.get(i), self.doc[i : tok.i + 1]
        return None, None

    def describe(self, head: Token) -> str:
        """An unnamed source's description: the noun phrase without articles or clauses."""
        keep: list[Token] = []
        owners: dict[int, str] = {}  # a named possessor's head token -> the entity's canonical name
        named_words: set[int] = set()  # the possessor's other words, which that name replaces
        for t in head.subtree:
            if t.i < head.i:
                # left modifiers of the phrase, skipping articles and other clauses
                if t.dep_ in ("det",) and t.lower_ in DETERMINERS:
                    continue
                if t.dep_ == "poss" and t.pos_ == "PRON":
                    continue  # "its anonymous source" → "anonymous source"
                if t.dep_ == "poss" and t.head.i == head.i:
                    owner, span = self.entity_at(t)
                    if owner is not None and span is not None and fold(t.text) in owner.words:
                        # "Erdogan's office": the office of the Recep Tayyip Erdoğan named before
                        keep.append(t)
                        owners[t.i] = owner.name
                        named_words.update(range(span.start, t.i))
                        continue
                if t.is_punct and t.text not in "'’-" or cue_read_as_modifier(t) is not None:
                    continue  # (a cue read as the noun's adjective, '..., confirmed officials.', is no word of it)
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
        words = [owners.get(t.i, t.text) for t in keep if t.i not in named_words]
        while words and words[0].lower() in DETERMINERS:
            words.pop(0)
        if len(words) > 2 and words[0].lower() in CORRELATIVES and CORRELATIVES[words[0].lower()] in words[2:]:
            second = CORRELATIVES[words.pop(0).lower()]  # "neither US nor British authorities": both spoke
            words = ["and" if w == second else w for w in words]
        s = " ".join(words)
        return re.sub(r"\s+(['’]s?)\b", r"\1", s).replace(" - ", "-")

    def mention_span(self, i: int) -> tuple[int, int]:
        """The character span of the mention at token ``i`` (an antecedent): the whole name
        when one starts there, a name's compound words, or a noun's phrase up to the noun."""
        doc = self.doc
        tok = doc[i]
        end = tok.idx + len(tok)
        if tok.ent_iob_ == "B" and tok.ent_type_ != "CARDINAL":  # not the "One" of 'One of the victims'
            last = doc[entity_end(doc, i)]
            return tok.idx, last.idx + len(last)
        if tok.pos_ == "PROPN":
            words = [c for c in tok.lefts if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN"]
            return (words[0].idx if words else tok.idx), end
        for c in tok.rights:  # 'One of the victims', 'the head of the police's investigators'
            if c.dep_ == "prep" and c.lower_ in ("of", "from") and c.i == i + 1:
                last = c.right_edge
                return tok.left_edge.idx, last.idx + len(last)
        first = tok.left_edge  # past a cue read as its adjective ('..., confirmed officials.')
        return (first.nbor() if cue_read_as_modifier(first) is not None else first).idx, end

    def speakers(self, used: set[str]) -> tuple[list[Speaker], set[str]]:
        """The Speaker list: every canonical entity used by a quote, once, with its aliases."""
        from newsread.model import Speaker

        out: list[Speaker] = []
        seen: set[str] = set()
        for e in self.entities:
            if e.name in used and e.name not in seen:
                seen.add(e.name)
                out.append(Speaker(e.name, e.kind, list(e.aliases)))
        return out, seen
