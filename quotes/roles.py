"""Roles the article gives its named people and organisations, learnt while the Registry is
built: "Bishop Ana Ruiz", "Tom Hale, the victim's brother", "X is the company's spokesman",
"Channel 9, the country's largest broadcaster". A later definite role ("the bishop", "the
broadcaster") is resolved to its holder from these (mention_to_entity.resolve_role)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .entities import Entity, _written, fold, role_prefix, role_word
from .lexicon import (
    FEMALE_WORDS,
    MALE_WORDS,
    ORG_ROLE_NOUNS,
    RELATIVE_SUBJECTS,
    ROLE_LINKING_VERBS,
    ROLE_QUALIFIERS,
    ROLE_TIME_MODIFIERS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def _common_noun(tok: Token) -> bool:
    """A common noun, or one the tagger took for a proper noun though written in lower case
    ("the bishop" as NNP)."""
    return tok.pos_ == "NOUN" or tok.pos_ == "PROPN" and tok.text.islower()


def _predicated_roles(name: Token) -> list[Token]:
    """Role nouns the sentence predicates of a name: "X is the bishop", "X became the
    company's spokesman", "X was appointed coach", "X serves as mayor", "X, who is the
    coach,"; not a negated one ("X is not the coach") or a past one ("X was a former mayor")."""
    verbs = []
    if name.dep_ in ("nsubj", "nsubjpass"):
        verbs.append(name.head)
    verbs += [c for c in name.children if c.dep_ == "relcl"
              and any(s.dep_ in ("nsubj", "nsubjpass") and s.lower_ in RELATIVE_SUBJECTS for s in c.children)]
    roles = []
    for verb in verbs:
        if verb.lemma_.lower() not in ROLE_LINKING_VERBS or any(c.dep_ == "neg" for c in verb.children):
            continue
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ == "as":
                c = next((p for p in c.children if p.dep_ == "pobj"), c)
            if c.dep_ in ("attr", "oprd", "pobj") and _common_noun(c) \
                    and not any(m.lower_ in ROLE_TIME_MODIFIERS for m in c.children if m.dep_ == "amod"):
                roles.append(c)
    return roles


class RoleLearning:
    """The role-learning half of ``Registry`` (registry.py calls these while it builds)."""

    doc: Doc
    roles: list[tuple[int, str, Entity, frozenset[str]]]  # (token i, role word, holder, modifiers)

    def _learn_roles(self, ent: Span, entity: Entity) -> None:
        if ent.label_ in ("GPE", "NORP"):
            return  # "The Vermont senator" is a person from Vermont, not Vermont
        root = ent.root
        cands: list[Token] = []
        for c in root.children:
            if c.dep_ in ("compound", "appos", "nmod") and _common_noun(c):
                cands.append(c)
        if root.dep_ in ("appos", "compound") and _common_noun(root.head):
            cands.append(root.head)
        cands += _predicated_roles(root)
        # "Emergencies Minister Yevgeny Zinichev": a role noun just before the name
        if ent.start > 0 and self.doc[ent.start - 1].pos_ in ("NOUN", "PROPN") and self.doc[ent.start - 1].ent_type_ == "":
            cands.append(self.doc[ent.start - 1])
        for c in cands:
            if c.i > 0 and self.doc[c.i - 1].lower_ in ROLE_QUALIFIERS:
                continue  # "Vice President Mike Pence" is not "the President"
            if entity.kind != "PERSON" and c.lemma_.lower() not in ORG_ROLE_NOUNS:
                continue  # "Kremlin spokesman": the spokesman is someone of the Kremlin's
            self.roles.append((ent.start, role_word(c.lemma_.lower()), entity, self._role_modifiers(c)))
            if c.lower_ in MALE_WORDS:
                entity.vote("m", 5)
            elif c.lower_ in FEMALE_WORDS:
                entity.vote("f", 5)

    def _role_modifiers(self, role: Token) -> frozenset[str]:
        """The words that say which office a role noun is ("foreign" of "Mexico's Foreign
        Secretary"): its own modifiers and the unnamed words right before it."""
        words = {c.lower_ for c in role.children if c.dep_ in ("amod", "compound") and not c.ent_type_}
        k = role.i - 1
        while k >= 0 and role.i - k <= 3 and self.doc[k].pos_ in ("NOUN", "PROPN", "ADJ") and not self.doc[k].ent_type_:
            words.add(self.doc[k].lower_)
            k -= 1
        return frozenset(words)

    def _learn_title_role(self, ent: Span, entity: Entity) -> None:
        """"Bishop Ana Ruiz", "District Attorney Laura Finch": the role written inside the
        name is a role of the person (later "the bishop", "the attorney")."""
        raw = _written(ent).split()
        k = role_prefix(raw)
        if k:
            self.roles.append((ent.start, role_word(fold(raw[k - 1]).strip(".")), entity,
                               frozenset(fold(w) for w in raw[: k - 1])))
