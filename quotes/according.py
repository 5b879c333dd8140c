"""Sources a phrase names instead of a speech verb's subject, and where an "according to"
clause stops: helpers of quotes/indirect.py and quotes/direct.py.

"Per X," opening a sentence counts as "according to X". Who speaks when X is a thing ("data
from the Gun Violence Archive"), a name set beside a role ("the El Paso mayor, Dee Margo,"),
and the quoted conjunct that leaves the clause before it to the indirect quote ("... and was
accomplished with "honourable people ...""). """

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from .entities import entity_end
from .lexicon import NON_SPEECH_SOURCES, SOURCE_PREPOSITIONS, SPEAKING_NOUNS, SPEECH_ACT_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def speaking_source(src: Token | None) -> Token | None:
    """The one who speaks in "according to X": X itself, or for a thing that cannot speak
    ("data from the Gun Violence Archive", "these videos and NPR") the source it is from or
    the source beside it; None when nobody speaks ("according to the map")."""
    if src is None:
        return None
    if src.lemma_.lower() not in NON_SPEECH_SOURCES and src.lower_ not in NON_SPEECH_SOURCES:
        return src
    for c in src.children:
        if c.dep_ == "acl" and c.tag_ == "VBN":  # "figures reported by the health ministry"
            by = next((p for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"), None)
            if by is not None and (by.ent_type_ or by.pos_ in ("PROPN", "NOUN")):
                return by
        if c.dep_ == "prep" and c.lower_ in SOURCE_PREPOSITIONS:
            by = next((p for p in c.children if p.dep_ == "pobj"), None)
            if by is not None and (by.ent_type_ or by.pos_ == "PROPN"):
                return by
        if c.dep_ == "conj" and c.lemma_.lower() not in NON_SPEECH_SOURCES and (c.ent_type_ or c.pos_ == "PROPN"):
            return c
    return None


def words_source(before: Sequence[Token]) -> tuple[Token, Token] | None:
    """'The treasurer was, in the words of a colleague, "the brake"', 'in the mayor's
    words, "a mess"': the one whose words the quote is said to be, in a phrase "in the words of X" or "in
    X's words" that ends right before the quote's marks (a comma between them at most), X a
    name or a noun for one who speaks; ("words", X), else None ("in other words" names nobody,
    "in the words of the old song" no one who speaks; "in his words" is left to the cue)."""
    tokens = [t for t in before if not t.is_space]
    if tokens and tokens[-1].text == ",":
        tokens = tokens[:-1]
    if not tokens:
        return None
    for k in range(len(tokens) - 1, max(len(tokens) - 12, 0) - 1, -1):
        words = tokens[k]
        if words.lower_ != "words" or words.head.lower_ != "in" or words.head.dep_ != "prep":
            continue
        if not all(words.is_ancestor(t) for t in tokens[k + 1 :]):
            return None  # the phrase does not run up to the quote
        of = next((c for c in words.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        source = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if source is None:
            source = next((c for c in words.children if c.dep_ == "poss"), None)
        source = speaking_source(source)
        if source is None or not _names_a_source(source):
            return None  # nobody, a possessive pronoun, or a thing ("the old song")
        return words, source
    return None


def speech_noun_source(roots: Sequence[Token], is_cue: Callable[[Token], bool],
                       quoted: tuple[int, int] = (0, 0)) -> tuple[Token, Token] | None:
    """'her remark that "the river will take care of itself"', 'his call for "a new
    port"', "Hale's loud call for a "revolution"": quoted words that hang (through
    a clause, "for", "of" or "to") from a noun for an act of speech, before any speech verb, are
    the words of that noun's possessor, when the possessor can speak; (noun, possessor), else None.
    A noun inside ``quoted`` (the marks' characters) is one of the quoted words ('According to X,
    "... a quote from Clinton's testimony, which she gave ..."'), never what frames them."""
    for root in roots:
        if root.dep_ == "appos" or any(t.text == ":" for t in root.doc[root.head.i : root.i]):
            continue  # 'opposed the mayor's statement: "..."' quotes the one who opposed it
        tok = root.head
        for _ in range(4):
            if tok.i > root.i or is_cue(tok):
                break  # past the quote, or a verb that says it
            noun = _noun_before_its_clause(tok)
            if noun is not None and not quoted[0] <= noun.idx < quoted[1]:
                owner = next((c for c in noun.children if c.dep_ == "poss"), None)
                if owner is not None and (owner.pos_ == "PRON" or _names_a_source(owner)):
                    return noun, owner
            if tok.pos_ == "NOUN" and tok.lemma_.lower() in SPEECH_ACT_NOUNS:
                if quoted[0] <= tok.idx < quoted[1]:
                    break
                if not _holds_content(tok, root):
                    break  # 'described the minister's comments as "deeply offensive"': words about them
                owner = next((c for c in tok.children if c.dep_ == "poss"), None)
                if owner is not None and (owner.pos_ == "PRON" or _names_a_source(owner)):
                    return tok, owner
                break
            if tok.i == tok.head.i:
                break  # the sentence's top
            tok = tok.head
    return None


def _noun_before_its_clause(clause: Token) -> Token | None:
    """'a backlash over his warning that the town would go to the "back of the queue"' with the
    that-clause hung on "backlash": a noun's that-clause starts right after it, so a speech-act
    noun right before the "that" is the one the clause belongs to (None when there is none)."""
    if clause.dep_ not in ("acl", "relcl", "ccomp"):
        return None
    mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "that"), None)
    if mark is None or mark.i == 0:
        return None
    noun = clause.doc[mark.i - 1]
    if noun.i == clause.head.i or noun.pos_ != "NOUN" or noun.lemma_.lower() not in SPEECH_ACT_NOUNS:
        return None
    return noun


def _names_a_source(tok: Token) -> bool:
    """A person, an organisation or a people by name, or a noun for one who speaks ("an aide")."""
    return tok.ent_type_ in ("PERSON", "ORG", "NORP") or tok.pos_ == "PROPN" or tok.lemma_.lower() in SPEAKING_NOUNS


def _holds_content(noun: Token, root: Token) -> bool:
    """Whether the quoted words under ``root`` are what ``noun`` says: its clause ("remark
    that ..."), its "for" or "of" ("call for ...", "promise of ..."), its infinitive ("promise to
    be ..."), not a word that describes it."""
    child = next((c for c in noun.children if c.i == root.i or c.is_ancestor(root)), None)
    if child is None:
        return False  # the noun is the quoted word itself
    if child.dep_ == "prep":
        return child.lower_ in ("for", "of")
    return child.dep_ in ("acl", "ccomp", "relcl")


def per_source(per: Token) -> Token | None:
    """'Per figures reported by the health ministry, cases rose': "per" opening the sentence
    with a source that speaks works as "according to"; never "per cent", "$5 per hour" or
    "per WHO guidelines" (no one who speaks)."""
    if per.dep_ != "prep" or not per.is_sent_start:
        return None
    obj = next((c for c in per.children if c.dep_ == "pobj"), None)
    src = speaking_source(obj)
    if src is None or not (src.ent_type_ in ("PERSON", "ORG") or src.pos_ == "PROPN"
                           or src.lemma_.lower() in SPEAKING_NOUNS):
        return None
    return src


def apposed_name_after(doc: Doc, end: int) -> tuple[Token, int] | None:
    """A person's name set off by commas right after token ``end`` (", Dee Margo,"): its last
    token and the closing comma's index, else None."""
    if end + 3 >= len(doc) or doc[end + 1].text != "," or doc[end + 2].ent_type_ != "PERSON" or doc[end + 2].ent_iob_ != "B":
        return None
    k = entity_end(doc, end + 2)
    if k + 1 < len(doc) and doc[k + 1].text == ",":
        return doc[k], k + 1
    return None


def first_quoted_conjunct(sent: Span, masked: Sequence[tuple[int, int]]) -> Token | None:
    """The sentence root's first conjoined verb that holds a quotation mark, when the marks
    lie in conjuncts after an unquoted first clause; the root itself when a mark is anywhere
    else in the sentence; None for a sentence without marks."""
    if not any(sent.start_char <= ms < sent.end_char for ms, _ in masked):
        return None
    root = sent.root

    def quoted(t: Token) -> bool:
        lo, hi = t.left_edge, t.right_edge
        return any(lo.idx <= ms < hi.idx + len(hi) for ms, _ in masked)

    for c in root.children:
        if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and quoted(c):
            marks_before = any(sent.start_char <= ms < c.left_edge.idx for ms, _ in masked)
            return root if marks_before else c
    return root
