"""Stage 2 of attribution: from a speaker mention (name, surname, pronoun, role, group,
description) to one entity of the document's registry.

Each way of linking is a named step of the evidence chain (sieves.ENTITY_SIEVES). Pronouns
take the most salient compatible antecedent (the reporter of the clause, the subject of the
speech act before, the nearest subject), roles the named holder of the role, groups the
group the article named.
"""

from __future__ import annotations

import bisect
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from .agents import may_speak, placed_by_preposition
from .documents import DocumentAuthors
from .entities import Entity, Resolved, _clean_name, _name_chain, entity_end, role_word, strip_roles
from .frames import apposed_description, in_parentheses, misread_modifier, own_subject
from .lexicon import (
    AGENT_SUFFIXES,
    AUTHORED_DOC_NOUNS,
    COLLECTIVE_NOUNS,
    CONTINUATION_ADVERBS,
    CONTINUATION_CUES,
    ELLIPTICAL_SPEAKERS,
    FIRST_PERSON_PRONOUNS,
    GROUP_DETERMINERS,
    GROUP_NOUNS,
    MAKER_NOUNS,
    NAME_ROLE_WORDS,
    ORG_CLASS_NAME_WORDS,
    ORG_DESCRIPTION_NOUNS,
    ORG_GROUP_NOUNS,
    ORG_NOUNS,
    ORG_ROLE_NOUNS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    PLURAL_ELLIPTICAL_SPEAKERS,
    PLURAL_PRONOUNS,
    POSSESSIVE_DETERMINERS,
    QUOTE_VERBS,
    ROLE_QUALIFIERS,
    ROLE_TIME_MODIFIERS,
    SIDE_GROUP_NOUNS,
    THING_SOURCE_NOUNS,
    TITLES,
)
from .sieves import on as sieve_on

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# A pronoun's antecedent loses this much salience per sentence back (resolve_pronoun).
PRONOUN_SENTENCE_DECAY = 1.0
# Centering: a he/she prefers the topic, the main-clause subject of its own sentence (before
# it), else of the sentence before; sentences back -> bonus.
TOPIC_BONUS = {0: 3.0, 1: 2.0}


def _determined(tok: Token) -> bool:
    return any(c.dep_ == "det" for c in tok.children)


def _size_modifier(mod: Token) -> bool:
    """"three-judge", "15-nation": a number joined to a noun says how big a body is, not which
    one it is ("the three-judge court" is the court named before; "the appeals court" is not)."""
    return mod.dep_ == "compound" and any(c.dep_ == "nummod" for c in mod.children) and any(
        c.tag_ == "HYPH" for c in mod.children)


def _named_as_class(e: Entity, noun: str) -> bool:
    """Whether the organisation's name says it is a ``noun`` ("Tesla Inc." a company)."""
    words = ORG_CLASS_NAME_WORDS.get(noun)
    return words is not None and any(w.strip(".") in words for w in e.words)


class EntityResolution(DocumentAuthors):
    """The resolving half of ``Registry`` (registry.py builds what these methods read)."""

    # What Registry provides (registry.py documents each); declared here for the type checker.
    doc: Doc
    text: str
    entities: list[Entity]
    pairs: list[tuple[int, list[Entity]]]
    group_roles: dict[str, list[Entity]]
    by_mention: dict[int, Entity]
    person_mentions: list[tuple[int, Entity, int]]
    group_mentions: list[tuple[int, Entity | None, str, int]]
    roles: list[tuple[int, str, Entity, frozenset[str]]]
    by_token: dict[int, Entity]
    document_mentions: list[int]
    _mention_keys: list[int]
    _gkeys: list[int] | None = None  # group_mentions' token indexes, once they are complete
    _sentence_starts: list[int] | None = None  # each sentence's first token, once asked

    if TYPE_CHECKING:
        def _pair_entity(self, members: list[Entity]) -> Entity: ...
        def _find(self, form: str, kind: str, pos: int) -> Entity | None: ...
        def entity_at(self, tok: Token) -> tuple[Entity | None, Span] | tuple[None, None]: ...
        def describe(self, head: Token) -> str: ...
        def mention_span(self, i: int) -> tuple[int, int]: ...
        def is_quoted(self, char: int) -> bool: ...

    def resolve_group(self, tok: Token) -> Entity | None:
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
        for _i, members in reversed(before):
            kinds = {m.kind for m in members}
            if want is None or kinds == {want}:
                if low not in SIDE_GROUP_NOUNS and low not in ORG_GROUP_NOUNS and kinds != {"PERSON"}:
                    continue
                return self._pair_entity(members)
        return None

    def _sentence_number(self, i: int) -> int:
        """Which sentence of the Doc token ``i`` is in (0 for the first)."""
        if self._sentence_starts is None:
            self._sentence_starts = [sent.start for sent in self.doc.sents]
        return bisect.bisect_right(self._sentence_starts, i) - 1

    def _gender_ok(self, e: Entity, want: str) -> bool:
        return not want or not e.gender or e.gender == want

    def resolve_pronoun(self, tok: Token) -> Resolved:
        low = POSSESSIVE_DETERMINERS.get(tok.lower_, tok.lower_) if tok.dep_ == "poss" else tok.lower_
        doc = self.doc
        sent_start = tok.sent.start
        e: Entity | None  # a candidate antecedent (a group mention's may be unnamed: None)
        if low in PERSON_PRONOUNS and low not in FIRST_PERSON_PRONOUNS:
            want = PERSON_PRONOUNS[low]
            reporter = self._reporter_of(tok, want)
            if reporter is not None:
                bound = reporter.entity
                assert bound is not None  # _reporter_of resolves to a person or not at all
                return Resolved(bound.name, bound.kind, tok.idx, tok.idx + len(tok), "pronoun", bound,
                                link="pronoun.reporter", antecedent_start=reporter.mention_start,
                                antecedent_end=reporter.mention_end)
            upto = bisect.bisect_left(self._mention_keys, tok.i)
            para = self.text.rfind("\n", 0, tok.idx)
            continuing = self._continues_speaking(tok)
            here = self._sentence_number(tok.i)
            # Each earlier mention scores its grammatical role (salience), minus a point per
            # sentence back and one for a paragraph break, plus one for a known matching
            # gender; an entity scores its best mention. A subject three sentences back thus
            # loses to the subject of the sentence before, and an object beside it loses to both.
            best_by_entity: dict[int, tuple[float, int, Entity]] = {}  # entity -> (score, token i, entity)
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
                if key not in best_by_entity and len(best_by_entity) >= 6:
                    continue
                g = 1 if (want and e.gender == want) else 0
                crossed = doc[i].idx < para
                back = here - self._sentence_number(i)
                score = sal + g - PRONOUN_SENTENCE_DECAY * back - (1 if crossed else 0)
                if continuing:
                    score += TOPIC_BONUS[1] if sal >= 5 else 0  # "he added": the one who spoke before
                elif back in TOPIC_BONUS and sal >= 3:
                    score += TOPIC_BONUS[back]  # the topic: the main subject of this sentence, else the one before
                if key not in best_by_entity or score > best_by_entity[key][0]:
                    best_by_entity[key] = (score, i, e)
            if best_by_entity:
                ranked = sorted(best_by_entity.values(), key=lambda v: (v[0], v[1]), reverse=True)
                e = ranked[0][2]
                margin = ranked[0][0] - ranked[1][0] if len(ranked) > 1 else 9.0
                a, b = self.mention_span(ranked[0][1])
                return Resolved(e.name, e.kind, tok.idx, tok.idx + len(tok), "pronoun", e, margin,
                                link="pronoun.nearest_subject", antecedent_start=a, antecedent_end=b)
            return Resolved("", "PERSON", tok.idx, tok.idx + len(tok), "pronoun")
        if low in PLURAL_PRONOUNS or low == "it":
            gkeys = [g[0] for g in self.group_mentions] if self._gkeys is None else self._gkeys
            self._gkeys = gkeys
            upto = bisect.bisect_left(gkeys, tok.i)
            candidates = list(reversed(self.group_mentions[max(0, upto - 50) : upto]))
            if low != "it" and self._continues_speaking(tok):
                # "They also stated": the last group that spoke, before any nearer one
                spoke = [g for g in candidates if g[3] >= 5]
                candidates = spoke + [g for g in candidates if g[3] < 5]
            group = self._group_antecedent(tok, candidates)
            noun = self._it_noun_before(tok) if low == "it" else None
            if noun is not None and (group is None or noun.i > group[0]):
                return self._it_for(noun, tok)
            if group is not None:
                return group[1]
        return Resolved("", "PERSON", tok.idx, tok.idx + len(tok), "pronoun")

    def _group_antecedent(self, tok: Token, candidates: list[tuple[int, Entity | None, str, int]]) -> tuple[int, Resolved] | None:
        """The first of the group mentions ``candidates`` (nearest first) that "they"/"it" may
        stand for, with its token index."""
        low, sent_start = tok.lower_, tok.sent.start
        for i, e, desc, subj in candidates:
            if i >= tok.i or tok.i - i > 120:
                continue
            if i >= sent_start and not subj:
                continue  # "according to a report from ABC in which they said": not ABC
            if low == "it" and (e is None or e.kind == "PERSON") or low != "it" and e is not None and e.place:
                continue
            if e is None and not self._may_speak(self.doc[i]):
                continue  # "where coastal ice sheets had melted ... they concluded": not the sheets
            a, b = self.mention_span(i)
            if e is not None:
                return i, Resolved(e.name, e.kind, tok.idx, tok.idx + len(tok), "pronoun", e,
                                   link="pronoun.group", antecedent_start=a, antecedent_end=b)
            return i, Resolved(desc, "OTHER", tok.idx, tok.idx + len(tok), "pronoun",
                               link="pronoun.group", antecedent_start=a, antecedent_end=b)
        return None

    def _it_noun_before(self, tok: Token) -> Token | None:
        """'The ministry released a statement. It said ...': the nearest unnamed organisation or
        document, singular, before "it" in its sentence or the one before (not inside quotes)."""
        first = self.doc[tok.sent.start - 1].sent.start if tok.sent.start > 0 else tok.sent.start
        for t in reversed(self.doc[first : tok.i]):
            if (t.tag_ == "NN" and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and not t.ent_type_
                    and (t.lemma_.lower() in ORG_DESCRIPTION_NOUNS or t.lemma_.lower() in AUTHORED_DOC_NOUNS)
                    and not self.is_quoted(t.idx)):
                return t
        return None

    def _it_for(self, noun: Token, tok: Token) -> Resolved:
        """"it" resolved through the noun it stands for (the organisation, or the document's author)."""
        r = self.resolve(noun, coordinated=False)
        a, b = (r.antecedent_start, r.antecedent_end) if r.antecedent_start >= 0 else (r.mention_start, r.mention_end)
        return replace(r, mention_start=tok.idx, mention_end=tok.idx + len(tok), how="pronoun" if not r.entity else r.how,
                       link="pronoun.group", antecedent_start=a, antecedent_end=b)

    @staticmethod
    def _continues_speaking(tok: Token) -> bool:
        """A pronoun subject of a cue that presupposes it spoke just before: "he added", "he
        continued" (not "he continued to express"), "they also stated", "she said again"."""
        verb = tok.head
        if tok.dep_ != "nsubj" or verb.i == tok.i:
            return False
        lemma = verb.lemma_.lower()
        if lemma in CONTINUATION_CUES:
            return not any(c.dep_ == "xcomp" for c in verb.children)
        return lemma in QUOTE_VERBS and any(c.dep_ == "advmod" and c.lower_ in CONTINUATION_ADVERBS for c in verb.children)

    @staticmethod
    def _may_speak(noun: Token) -> bool:
        """Whether an unnamed plural or collective noun names people or organisations, who
        may be "they" of a report ("researchers", "officials", "the committee"), not things."""
        lemma = noun.lemma_.lower()
        return (lemma in PERSON_NOUNS or lemma in ORG_ROLE_NOUNS or lemma in COLLECTIVE_NOUNS
                or noun.lower_ in PERSON_NOUNS or lemma.endswith(AGENT_SUFFIXES) or noun.lower_ == "police")

    def _reporter_of(self, tok: Token, want: str) -> Resolved | None:
        """'Marsh said he'd asked his "team"', 'Okafor said that she has "no plans"': a
        pronoun subject of the clause a person reports is, nearly always, that person."""
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            return None
        clause = tok.head
        for _ in range(2):
            if clause.dep_ not in ("ccomp", "conj") or clause.head.i == clause.i:
                return None
            verb = clause.head
            if verb.pos_ == "VERB" and verb.lemma_.lower() in QUOTE_VERBS:
                subj = own_subject(verb)
                if subj is None or subj.i > tok.i or subj.pos_ == "PRON":
                    return None
                r = self.resolve(subj, coordinated=False)
                e = r.entity
                return r if e is not None and e.kind == "PERSON" and self._gender_ok(e, want) else None
            clause = verb
        return None

    def resolve_role(self, tok: Token) -> Entity | None:
        """A definite role ("the spokesman", "The President", "Chelyabinsk's governor", "the
        foreign minister") is the one the article names with that role (the last before, else
        the first after). A modifier must be one the holder's role was written with ("the
        foreign minister" is not "Health Minister X"); "the former mayor" is someone else."""
        lemma = role_word(tok.lemma_.lower())
        if lemma not in NAME_ROLE_WORDS and lemma not in ORG_ROLE_NOUNS and role_word(tok.lower_) not in NAME_ROLE_WORDS:
            return None
        if not any(c.dep_ in ("det", "poss") and (c.dep_ == "poss" or c.lower_ == "the") for c in tok.children):
            return None
        if any(c.dep_ == "prep" for c in tok.children):
            return None  # "the head of X": another person
        if any(c.dep_ in ("appos", "compound") and c.ent_type_ == "PERSON" for c in tok.children):
            return None
        modifiers = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound") and not c.ent_type_}
        if modifiers & (ROLE_TIME_MODIFIERS | ROLE_QUALIFIERS):
            return None
        fitting = [r for r in self.roles if r[1] in (lemma, role_word(tok.lower_)) and modifiers <= r[3]]
        before = [r for r in fitting if r[0] < tok.i]
        if before:
            return before[-1][2]
        after = [r for r in fitting if r[0] > tok.i]
        return after[0][2] if after else None

    def _org_named_by_noun(self, tok: Token) -> Entity | None:
        """"the ministry", "the hotel", "The company": the organisation last named with that
        noun in its name ("the Health Ministry", "Hotel Arpit Palace")."""
        low = tok.lemma_.lower()
        if tok.tag_ != "NN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return None
        if any(c.dep_ in ("amod", "compound", "prep", "poss") and not _size_modifier(c) for c in tok.children):
            return None  # "the German government", "the company's board": not the one named
        # the most often named such organisation so far, the latest on a tie: "the court" of
        # a ruling's report is its court, not a higher court named once in passing
        named: dict[int, list[Any]] = {}
        for start in sorted(k for k in self.by_mention if k < tok.i):
            e = self.by_mention[start]
            if e.kind == "ORG" and not e.place and (low in e.words or _named_as_class(e, low)):
                seen = named.setdefault(id(e), [0, 0, e])
                seen[0] += 1
                seen[1] = start
        if not named:
            return None
        best: Entity = max(named.values(), key=lambda v: (v[0], v[1]))[2]
        return best

    # -- stage 2: from a mention's head token to an entity, as ordered sieves ----------------
    # Each sieve returns a Resolved when it decides, None to pass the mention on; the first
    # that decides wins. Their names and what they link are in sieves.ENTITY_SIEVES.
    def resolve(self, tok: Token | None, coordinated: bool = True) -> Resolved:
        """The speaker for a subject token."""
        if tok is None:
            return Resolved()
        sieves = (
            self._joint_speakers if coordinated else None,
            self._cited_source,
            self._pronoun_or_one_of,
            self._named_mention,
            self._name_inside_phrase,
            self._name_the_ner_missed,
            self._name_read_as_relative_clause,
            self._name_closing_phrase,
            self._role_holder,
            self._named_group,
            self._document_owner,
            self._proper_noun,
            self._known_name_word,
            self._description,
        )
        for sieve in sieves:
            if sieve is not None:
                r = sieve(tok)
                if r is not None:
                    return r
        return Resolved()

    def _joint_speakers(self, tok: Token) -> Resolved | None:
        """Coordinated subjects: "Tesco and Salling Group said", "Both he and Stephen Mold urged"."""
        # a conjunct in quotation marks is quoted words the parser hung on the subject
        conj = [c for c in tok.children if c.dep_ == "conj" and not apposed_description(c)
                and not any(x.is_quote for x in c.children)]
        if not conj:
            return self._names_run_before(tok)
        parts = [self.resolve(t, coordinated=False) for t in [tok, *conj]]
        names = [p.name for p in parts if p.name]
        if len(names) != len(parts):
            return None
        if len(set(names)) == 1:
            return parts[0]  # "Gazeta Prawna and its website": one speaker, not "X and X"
        names = list(dict.fromkeys(names))
        start = min(p.mention_start for p in parts)
        end = max(p.mention_end for p in parts)
        kinds = {p.kind for p in parts}
        how = "pronoun" if any(p.how == "pronoun" for p in parts) else "name"
        kind = kinds.pop() if len(kinds) == 1 else "OTHER"
        return Resolved(" and ".join(names), kind, start, end, how, link="group.joint", names=tuple(names))

    def _names_run_before(self, tok: Token) -> Resolved | None:
        """"Kimberly-Clark and Solaris Paper emphasised", parsed as one name modifying the other:
        names joined by "and" (or commas) right before the subject's own name, nothing else."""
        ent, span = self.entity_at(tok)
        if ent is None or span is None or span.root.i != tok.i:
            return None
        left = sorted((t for t in tok.subtree if t.i < span.start), key=lambda t: t.i)
        if not left or left[-1].i != span.start - 1:
            return None
        names: list[str] = []
        joined = False
        i = left[0].i
        while i < span.start:
            t = self.doc[i]
            if t.lower_ in ("and", "&", ","):
                joined = joined or t.lower_ != ","
                i += 1
                continue
            other = self.by_mention.get(i) if t.ent_iob_ == "B" else None
            if other is None:
                return None  # a word that is no name: a description, not a list of names
            names.append(other.name)
            i = entity_end(self.doc, i) + 1
        if not joined or not names:
            return None
        names = list(dict.fromkeys([*names, ent.name]))
        if len(names) < 2:
            return None
        kinds = {e.kind for e in self.entities if e.name in names}
        return Resolved(" and ".join(names), kinds.pop() if len(kinds) == 1 else "OTHER", self.doc[left[0].i].idx,
                        span.end_char, "name", link="group.joint", names=tuple(names))

    def _cited_source(self, tok: Token) -> Resolved | None:
        """"Reuters, citing two sources, reported ...": a channel that relays speaks for the
        source it cites, which is the speaker. A person is no channel: one who cites gives
        evidence for their own words ('he said, citing the workers who lost their jobs')."""
        if tok.dep_ not in ("nsubj", "nsubjpass") or not sieve_on("channel.cited_source"):
            return None
        if tok.ent_type_ == "PERSON" or tok.pos_ == "PRON" and tok.lower_ in PERSON_PRONOUNS:
            return None
        for c in tok.head.children:
            if c.lemma_.lower() == "cite" and c.tag_ == "VBG" and c.dep_ in ("advcl", "xcomp", "acl", "dep", "conj"):
                cited = next((o for o in c.children if o.dep_ == "dobj"), None)
                if cited is not None and self._is_source(cited):
                    r = self.resolve(cited)
                    if r.name:
                        return replace(r, link="channel.cited_source")
        return None

    def _is_source(self, tok: Token) -> bool:
        """Whether what a channel cites is someone who speaks ("two sources", "officials", "a
        report", "the ministry"), not words it quotes ("citing 'the old charm of the harbour'")."""
        if self.is_quoted(tok.idx):
            return False
        if tok.ent_type_ in ("PERSON", "ORG", "NORP"):
            return True
        lemma = tok.lemma_.lower()
        return tok.pos_ == "NOUN" and (lemma in PERSON_NOUNS or lemma in ORG_ROLE_NOUNS or lemma in AUTHORED_DOC_NOUNS)

    def _pronoun_or_one_of(self, tok: Token) -> Resolved | None:
        """He/she/they resolved by salience; "One of the victims" keeps its description unless
        a name is set beside it ("One of these groups, the Syrian Democratic Forces (SDF)")."""
        one_of = tok.lower_ == "one" and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
        if one_of:
            named = self._name_inside_phrase(tok)
            if named is not None:
                return named
            return Resolved(self.describe(tok), "PERSON", tok.idx, tok.idx + len(tok), "description")
        if (tok.lower_ in ELLIPTICAL_SPEAKERS and (tok.pos_ in ("DET", "ADJ", "PRON") or tok.dep_ == "nsubj")  # "most" as RBS
                or tok.pos_ == "NUM" and tok.dep_ == "nsubj" and tok.lower_ != "one"
                and any(c.dep_ in ("prep", "quantmod") and c.lower_ in ("of", "in") for c in tok.children)):
            # '"...," said another', "Many argued", "Two of the officers said", "About four in 10
            # said": the quantifier or the number stands for the speakers it counts
            kind = "PERSON" if tok.lower_ in ELLIPTICAL_SPEAKERS - PLURAL_ELLIPTICAL_SPEAKERS else "OTHER"
            return Resolved(self.describe(tok), kind, tok.idx, tok.idx + len(tok), "description")
        if tok.text.isupper() and len(tok.text) > 1 and tok.is_alpha:
            # "WHO said": an acronym, not the pronoun
            e = self._find(tok.text, "ORG", tok.i)
            if e is not None:
                return Resolved(e.name, e.kind, tok.idx, tok.idx + len(tok), "name", e)
            return None
        if tok.pos_ == "PRON" or tok.lower_ in PERSON_PRONOUNS or tok.lower_ in PLURAL_PRONOUNS:
            return self.resolve_pronoun(tok)
        return None

    def _named_mention(self, tok: Token) -> Resolved | None:
        ent, span = self.entity_at(tok)
        if ent is not None and span is not None:
            return Resolved(ent.name, ent.kind, span.start_char, span.end_char, "name", ent)
        return None

    def _name_inside_phrase(self, tok: Token) -> Resolved | None:
        """A name inside the phrase: "Kremlin spokesman Dmitry Peskov", "High Commissioner, Jane
        Marriott"; a person in apposition beats an organisation in the compound ("The Senate
        Minority Leader, Chuck Schumer"); a document keeps its own description ("a UN report")."""
        doc_noun = tok.lemma_.lower() in AUTHORED_DOC_NOUNS
        person_noun = tok.lemma_.lower() in PERSON_NOUNS or tok.lower_.endswith(AGENT_SUFFIXES)
        for c in sorted(tok.children, key=lambda c: (c.ent_type_ != "PERSON", c.dep_ != "appos")):
            if doc_noun and c.dep_ != "appos":
                continue
            if person_noun and c.dep_ in ("compound", "nmod") and (c.ent_type_ != "PERSON" or c.i < tok.i and _determined(tok)):
                # "a Woolworths spokesperson", "The Labour mayoral candidate", "the Biden aide": a
                # person of the organisation or the person named, not them
                continue
            if c.dep_ in ("appos", "compound", "nmod") and c.ent_type_ in ("PERSON", "ORG"):
                ent, span = self.entity_at(c)
                if ent is not None and span is not None:
                    if c.dep_ == "appos" and any(x.dep_ == "conj" for x in c.children):
                        # "Two members, Ada Finch and Tomas Reyes, said": all of them
                        both = self.resolve(c)
                        if " and " in both.name:
                            return both
                    return Resolved(ent.name, ent.kind, span.start_char, span.end_char, "name", ent)
        return None

    def _name_the_ner_missed(self, tok: Token) -> Resolved | None:
        e = self.by_token.get(tok.i)
        if e is None:
            return None
        return Resolved(e.name, e.kind, tok.idx, tok.idx + len(tok), "name", e)

    def _name_read_as_relative_clause(self, tok: Token) -> Resolved | None:
        """"Recycled toilet paper producer Who Gives a Crap said": a name the parser read as a
        relative clause (its capitalised first word sits mid-sentence)."""
        if tok.pos_ != "NOUN":
            return None
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
        return None

    def _name_closing_phrase(self, tok: Token) -> Resolved | None:
        """"US Ambassador to Germany Richard Grenell", "Mayor of London Sadiq Khan": the name
        closes the phrase."""
        if not (tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.lower_ in TITLES)):
            return None
        sub = [t for t in tok.subtree if not t.is_punct and not in_parentheses(t)]  # "(R-WI)"
        last = sub[-1] if sub else tok
        if tok.pos_ == "NOUN" and (not may_speak(tok) or tok.lemma_.lower() in AUTHORED_DOC_NOUNS) \
                and placed_by_preposition(last, tok):
            return None  # 'the pitch on Kickstarter', 'a letter to Ann Lowe'
        if last.i > tok.i and not any(a.dep_ in ("relcl", "acl") for a in last.ancestors if a.i > tok.i):
            ent, span = self.entity_at(last)
            if ent is not None and span is not None and ent.kind == "PERSON":
                first = span.root.head if span.root.dep_ == "conj" else None
                if first is not None and first.ent_type_ == "PERSON" and first.i > tok.i:
                    joint = self._joint_speakers(first)  # "a study by economists Ann Lee and Tom Ray"
                    if joint is not None:
                        return joint
                return Resolved(ent.name, ent.kind, span.start_char, span.end_char, "name", ent)
            if last.pos_ == "PROPN" and last.ent_type_ in ("", "PERSON") and tok.lower_ in TITLES:
                return self.resolve(last, coordinated=False)
        return None

    def _role_holder(self, tok: Token) -> Resolved | None:
        """A definite role ("The President insists", "the broadcaster") → the one named with
        that role; a definite organisation noun ("the ministry") → the organisation named with it."""
        if not (tok.pos_ == "NOUN" or tok.pos_ == "PROPN" and tok.lower_ in TITLES) or tok.tag_ not in ("NN", "NNP"):
            return None
        holder = self.resolve_role(tok) or self._org_named_by_noun(tok)
        if holder is None:
            return None
        return Resolved(holder.name, holder.kind, tok.idx, tok.idx + len(tok), "role", holder)

    def _named_group(self, tok: Token) -> Resolved | None:
        if tok.pos_ != "NOUN":
            return None
        group = self.resolve_group(tok)
        if group is None:
            return None
        left = min(t.idx for t in tok.subtree if t.i <= tok.i)
        return Resolved(group.name, group.kind, left, tok.idx + len(tok), "group", group)

    def _proper_noun(self, tok: Token) -> Resolved | None:
        # a capitalised adverb or adjective where no sentence starts is a name the tagger missed
        # (", Early described it"), as the subject repairs found it
        misread = misread_modifier(tok) and tok.i != tok.sent.start
        if (tok.pos_ != "PROPN" and not misread) or tok.text.islower():
            return None  # "the bishop" tagged a proper noun is still a description
        words = strip_roles(_clean_name(_name_chain(tok)))
        form = " ".join(words)
        e = self._find(form, "PERSON", tok.i) or self._find(form, "ORG", tok.i)
        if e is not None:
            return Resolved(e.name, e.kind, tok.idx, tok.idx + len(tok), "surname", e)
        kind = "ORG" if form.isupper() or len(words) == 1 else "PERSON"
        return Resolved(form, kind, tok.idx, tok.idx + len(tok), "name")

    def _known_name_word(self, tok: Token) -> Resolved | None:
        """"Salling said" after "Salling Group", "From said" after "Al From": a capitalised word the
        tagger did not take for a name (a verb, a preposition) that is how the article writes a name it knows."""
        if tok.pos_ not in ("NOUN", "VERB", "ADJ", "ADP", "AUX") or not tok.text[:1].isupper() or not tok.text[1:].islower():
            return None
        e = self._find(tok.text, "ORG", tok.i) or self._find(tok.text, "PERSON", tok.i)
        if e is None or tok.text not in e.name.split():
            return None
        return Resolved(e.name, e.kind, tok.idx, tok.idx + len(tok), "surname", e)

    def _description(self, tok: Token) -> Resolved | None:
        """An unnamed source keeps its description ("a spokesperson", "police", "the study")."""
        if not (tok.pos_ == "NOUN" or tok.pos_ == "PROPN" and tok.text.islower()):
            return None
        desc = self.describe(tok)
        lemma = tok.lemma_.lower()
        if lemma in ORG_DESCRIPTION_NOUNS and tok.tag_ in ("NN", "NNP") or tok.lower_ == "police":
            kind = "ORG"
        elif tok.tag_ == "NNS" or lemma in THING_SOURCE_NOUNS:
            kind = "OTHER"
        else:
            kind = "PERSON"
        left = min(t.idx for t in tok.subtree if t.i <= tok.i)
        return Resolved(desc, kind, left, tok.idx + len(tok), "description")
