"""The one a quote is given to by a name before a colon: 'Strategist Ines Caldera: "..."',
'PollTrack:', 'Continued Hale: "..."', 'Rep. Tom Hale (D-Ohio): "..."', 'More from the report: "..."'."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .agents import may_speak
from .frames import Attribution, own_subject, through_cue
from .lexicon import ARGUMENT_NOUNS, DASH_MARKS, PERSON_NOUNS, QUOTE_VERBS, STATEMENT_NOUNS, THING_PRONOUNS
from .set_off import before_parenthesis

if TYPE_CHECKING:
    from spacy.tokens import Token


def capitalised_name(before: Sequence[Token]) -> str | None:
    """'PollTrack:', 'Mary K. Dunmore:': one to four capitalised words, then the colon."""
    words = [t for t in before if not t.is_space]
    if not 2 <= len(words) <= 5 or words[-1].text != ":":
        return None
    name = words[:-1]
    if not all(t.text[:1].isupper() and (t.is_alpha or t.text.rstrip(".").isalpha()) for t in name):
        return None
    return "".join(t.text_with_ws for t in name).strip()


def name_known_to_article(before: Sequence[Token]) -> str | None:
    """'Ana Ruiz: "..."' where the NER, in a line this short, typed no name: capitalised words
    before the colon whose last word names a speaker in another sentence of the article (not a
    label word: 'Update:', 'Spring Bridge:')."""
    name = capitalised_name(before)
    if name is None:
        return None
    last = [t for t in before if not t.is_space][-2]  # (the tagger may take a lone name opening a line for a noun)
    known = any(t.text == last.text and t.sent != last.sent and _names_a_speaker(t) for t in last.doc)
    return name if known else None


def name_before_topic(before: Sequence[Token]) -> str | None:
    """'Hale on the Bridge Vote: "..."', 'Bank Chief On Rates: "..."': the headline and interview
    label 'NAME on TOPIC:' gives the words after the colon to the name before "on", not to a
    name in the topic. The name: one to four capitalised words opening the line that the NER
    types a person or organisation, or that name a speaker elsewhere in the article."""
    words = [t for t in before if not t.is_space]
    on = next((k for k, t in enumerate(words[:5]) if t.lower_ == "on"), None)
    if on is None or words[-1].text != ":" or len(words) - on > 12 or any(t.text in (":", "):") for t in words[:-1]):
        return None
    name = capitalised_name([*words[:on], words[-1]])
    if name is None or any(t.pos_ in ("VERB", "AUX") for t in words[:on]):
        return None
    head = words[on - 1]
    named = head.ent_type_ in ("PERSON", "ORG") or head.lemma_.lower() in PERSON_NOUNS
    return name if named or any(t.text == head.text and t.sent != head.sent and _names_a_speaker(t)
                                for t in head.doc) else None


def _names_a_speaker(tok: Token) -> bool:
    """A person or organisation by the NER, or the subject of a speech verb ('Mayor Ana Ruiz said')."""
    return tok.ent_type_ in ("PERSON", "ORG") or (
        tok.pos_ == "PROPN" and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in QUOTE_VERBS)


def past_cue_word(tok: Token) -> bool:
    """A capitalised past tense of a quote verb ("Continued", "Stated", "Added", "Said"), which
    the tagger, seeing a capital, may take for a name (and not lemmatise)."""
    low = tok.lower_
    if low == "said":
        return tok.text[:1].isupper()
    if not tok.text[:1].isupper() or not low.endswith("ed"):
        return False
    forms = {tok.lemma_.lower(), low[:-1], low[:-2]}  # "stated" → "state", "added" → "add"
    return any(form in QUOTE_VERBS for form in forms)


def name_before_colon(before: Sequence[Token]) -> str | None:
    """'Strategist Ines Caldera: "..."': a person or organisation named right before the colon
    that opens a quote (only a time may stand between: 'Mandela in June 1994:')."""
    words = [t for t in before if not t.is_space]
    # the tokenizer keeps '):' whole (an emoticon): 'Tom Hale (D-Ohio):'
    if len(words) < 2 or words[-1].text not in (":", "):"):
        return None
    # 'Continued Hale: "..."', 'Added Klein:': an inverted cue opening a paragraph, then a name
    first, name = words[0], words[1:-1]
    if (past_cue_word(first) and 0 < len(name) <= 3
            and all(t.text[:1].isupper() and t.is_alpha for t in name)):
        return " ".join(t.text for t in name)
    # the name closing the words before the colon, or followed only by a time ("in December 1992"),
    # by its apposition ('Ann Voss, the chair:') or by a short parenthesis ('Tom Hale (D-Ohio):')
    doc, k = words[0].doc, words[-1].i if words[-1].text == "):" else words[-2].i
    while k >= words[0].i:
        t = doc[k]
        k -= 1
        if t.text in (")", "):") and (j := before_parenthesis(doc, t.i)) is not None and j >= words[0].i:
            k = j
            continue
        t = _apposed_name(t, words[0]) or t
        if t.ent_type_ in ("PERSON", "ORG"):
            ent = next(e for e in t.doc.ents if e.start <= t.i < e.end)
            toks = [x for x in ent if x.i < words[-1].i]  # the NER ran on past the colon ('De Vries: Trust')
            while toks and not toks[0].text[:1].isupper():
                toks = toks[1:]  # "’s Clinton": the NER took the clitic
            return "".join(x.text_with_ws for x in toks).strip() or None
        if t.ent_type_ not in ("DATE", "TIME") and not t.is_punct and t.pos_ != "ADP":
            return None
    return None


def _apposed_name(tok: Token, first: Token) -> Token | None:
    """The person or organisation named before a comma whose apposition holds ``tok``."""
    appos = next((a for a in [tok, *tok.ancestors] if a.dep_ == "appos"), None)
    if appos is None or not first.i <= appos.head.i < appos.left_edge.i:
        return None
    name = appos.head
    return name if name.ent_type_ in ("PERSON", "ORG") and name.doc[appos.left_edge.i - 1].text == "," else None


def after_last_dash(before: Sequence[Token]) -> list[Token]:
    """The tokens after the last dash set off by spaces ('Polls differ - Mary Dunmore:'), else all."""
    toks = list(before)
    dashes = [i for i, t in enumerate(toks) if i and t.text in DASH_MARKS and t.whitespace_ and toks[i - 1].whitespace_]
    return toks[dashes[-1] + 1 :] if dashes else toks


def label_after_dash(before: Sequence[Token]) -> str | None:
    """'Why the polls differ - Pew Research: "..."': a label line, a dash, then one to four proper
    nouns before the colon, which the NER may not take for a name in a line this short."""
    label = after_last_dash(before)
    if len(label) == len(before):
        return None
    name = capitalised_name(label)
    words = [t for t in label if not t.is_space][:-1]
    return name if name is not None and all(t.pos_ == "PROPN" for t in words) else None


def source_after_from(before: Sequence[Token]) -> tuple[Token, Token] | None:
    """'From the report: "..."', '... - More from Dunmore: "..."': a label that names the quote's
    source after 'from' (at most one adverb or adjective before it), a noun phrase whose head may
    speak (a person, an organisation, a document; no date or place); ('from', the head), else None."""
    words = [t for t in after_last_dash(before) if not t.is_space]
    if len(words) < 3 or words[-1].text != ":":
        return None
    at = next((i for i, t in enumerate(words[:2]) if t.lower_ == "from" and t.pos_ == "ADP"), None)
    if at is None or at == 1 and words[0].pos_ not in ("ADV", "ADJ"):
        return None
    phrase = words[at + 1 : -1]
    if not phrase or any(t.pos_ not in ("DET", "ADJ", "NOUN", "PROPN", "PART") for t in phrase):
        return None
    head = phrase[-1]
    if not may_speak(head) or head.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "FAC", "EVENT"):
        return None
    return words[at], head


def label_opening_clause(before: Sequence[Token]) -> str | None:
    """'Graham: Trump's 'hateful rhetoric' destroying GOP's chances': a short label that names a
    person or organisation and holds no verb, then a colon, opening the sentence whose words
    hold the quote. In the headline form 'X: Y' the words after the colon are X's, the quoted
    ones among them too."""
    words = [t for t in before if not t.is_space]
    colon = next((k for k, t in enumerate(words) if t.text in (":", "):")), None)
    if colon is None or not 1 <= colon <= 4:
        return None  # no label, or a long one (a headline's clause the NER may have run into a name)
    label, rest = words[:colon], words[colon + 1 :]
    if any(t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB") for t in label):
        return None  # 'Clinton Cash Debunks Hillary:': a clause, not a name
    if any(t.text in (":", "):") or t.text in DASH_MARKS for t in rest):
        return None
    name = name_before_colon(words[: colon + 1])
    if name is None and len(label) <= 2 and all(t.pos_ == "PROPN" for t in label):
        name = capitalised_name(words[: colon + 1])  # 'Cruz:', 'Sidney Blumenthal:' the NER leaves untyped in a headline
    return name


def clause_speaker(sieve: str, words: Sequence[Token]) -> Attribution | None:
    """The subject of the one clause of ``words`` (before a colon), when it may speak and its
    object, if any, may too. Its verb is the one the parse hangs outside the words (the
    parser often joins the clause to the quote after the colon)."""
    inside = {t.i for t in words}
    outside = [t for t in words if t.dep_ == "ROOT" or t.head.i not in inside]
    # 'The board was blunt in its findings: "..."': with no verb, a "be" that describes its subject
    verbs = ([t for t in outside if t.pos_ == "VERB"]
             or [t for t in outside if t.lemma_ == "be" and any(c.dep_ == "acomp" for c in t.children)])
    subj = own_subject(verbs[0]) if len(verbs) == 1 else None
    if subj is None or not may_speak(subj):
        return None
    obj = next((c for c in verbs[0].children if c.dep_ == "dobj"), None)
    # an object pronoun pointing ahead to the words is no thing ('worded it carefully: "..."')
    cataphoric = obj is not None and obj.pos_ == "PRON" and obj.lower_ in THING_PRONOUNS
    if obj is not None and not cataphoric and not may_speak(obj) and obj.lemma_.lower() not in STATEMENT_NOUNS | ARGUMENT_NOUNS:
        return None  # 'published its annual accounts: "..."': the words are the thing's, not said
    described = next((c for c in verbs[0].children if c.dep_ == "acomp"), None) if verbs[0].pos_ == "AUX" else None
    cue_words = verbs[0].text if described is None else f"{verbs[0].text} {described.text}"
    return through_cue(sieve, "colon", verbs[0], subj, cue_words)
