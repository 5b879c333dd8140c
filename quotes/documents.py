"""Documents as speakers (stage 2): a statement, a ruling or a website speaks for its stated
author ("X's statement", "a statement released by X", "X, in a statement, announced"); "the
statement" refers back to the one named just before; "the ruling" is the court's. A document
whose author the article does not state keeps its description (mention_to_entity._description)."""

from __future__ import annotations

import bisect
from dataclasses import replace
from typing import TYPE_CHECKING

from .entities import Entity, Resolved
from .frames import own_subject
from .lexicon import AUTHORED_DOC_NOUNS, AUTHORING_VERBS, COURT_DOCS, COURT_WORDS, DEFINITE_DETERMINERS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# How many sentences back "the statement" may find the statement it means.
DOCUMENT_ANAPHORA_SENTENCES = 4


class DocumentAuthors:
    """The document sieves of ``EntityResolution`` (which provides what they read)."""

    doc: Doc
    by_mention: dict[int, Entity]
    document_mentions: list[int]

    if TYPE_CHECKING:
        def resolve(self, tok: Token | None, coordinated: bool = True) -> Resolved: ...
        def _sentence_number(self, i: int) -> int: ...

    def _document_owner(self, tok: Token) -> Resolved | None:
        """A document speaks for its author: "X's statement", "a statement by X", "a statement
        released by X", "X released a statement"; "according to the ruling" for the court last
        named. A document whose author the sentence does not state keeps its description."""
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in AUTHORED_DOC_NOUNS:
            return None
        if tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.head.pos_ in ("VERB", "AUX"):
            subj = own_subject(tok.head.head)  # "X, in a statement delivered by Y, announced": X
            if subj is not None and subj.i != tok.i:
                return self._owner(self.resolve(subj))
        for c in tok.children:
            if c.dep_ == "poss" and c.pos_ != "PRON" and c.ent_type_ not in ("DATE", "TIME"):  # not "Thursday's memo"
                return self._owner(self.resolve(c))
            if c.dep_ == "prep" and c.lower_ in ("by", "from"):
                for p in c.children:
                    if p.dep_ == "pobj" and (p.ent_type_ or p.pos_ in ("PROPN", "NOUN")):
                        return self._owner(self.resolve(p))
            if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in AUTHORING_VERBS:
                # "a statement released by Erdogan's office" (not "carried by state media")
                for agent in (a for a in c.children if a.dep_ == "agent"):
                    for p in agent.children:
                        if p.dep_ == "pobj":
                            return self._owner(self.resolve(p))
        if tok.dep_ == "dobj" and tok.head.lemma_.lower() in AUTHORING_VERBS:
            for c in tok.head.children:  # "X released a statement" (not "X received a letter")
                if c.dep_ == "nsubj":
                    return self._owner(self.resolve(c))
        if tok.lemma_.lower() in COURT_DOCS and any(c.lower_ == "the" for c in tok.children):
            court = self._court_before(tok.i)
            if court is not None:
                return Resolved(court.name, court.kind, tok.idx, tok.idx + len(tok), "role", court)
        return self._document_referred_to(tok)

    def _document_referred_to(self, tok: Token) -> Resolved | None:
        """"The statement also said ..." after "X, in a statement, announced ...": a definite
        document with no author of its own is the last document of that name before it, and
        speaks for that one's author (a document without one keeps its description)."""
        if [c.dep_ for c in tok.children if c.dep_ != "det"] or not any(c.lower_ in DEFINITE_DETERMINERS for c in tok.children):
            return None  # only a bare "the statement": "the congressional report" may be another
        k = bisect.bisect_left(self.document_mentions, tok.i)
        here = self._sentence_number(tok.i)
        for i in reversed(self.document_mentions[:k]):
            antecedent = self.doc[i]
            if here - self._sentence_number(i) > DOCUMENT_ANAPHORA_SENTENCES:
                return None
            if antecedent.lower_ != tok.lower_:
                continue  # another document, or several ("rulings from a court" is not "the ruling")
            owner = self._document_owner(antecedent)
            if owner is None or owner.mention_start < 0:
                return None
            a, b = (owner.antecedent_start, owner.antecedent_end) if owner.antecedent_start >= 0 else \
                (owner.mention_start, owner.mention_end)  # the author's own mention, through any "the statement" between
            return replace(owner, mention_start=tok.idx, mention_end=tok.idx + len(tok), link="document.owner",
                           antecedent_start=a, antecedent_end=b)
        return None

    @staticmethod
    def _owner(r: Resolved) -> Resolved | None:
        return replace(r, link=r.link or "document.owner") if r.name else None

    def _court_before(self, i: int) -> Entity | None:
        for start in sorted((k for k in self.by_mention if k < i), reverse=True)[:40]:
            e = self.by_mention[start]
            if e.kind == "ORG" and e.words & COURT_WORDS:
                return e
        return None
