"""The lexicon (quotes/lexicon.py): one place for every word list, lists that must not
share words kept apart, words normalised the way their readers look them up, no word
list left in the rules, and an import the reader can afford (no spaCy)."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from newsread.quotes import lexicon as L

QUOTES_DIR = Path(L.__file__).parent
# The only modules allowed to spell out word lists: the lexicon and the given names it imports.
DATA_MODULES = {"lexicon.py", "names_data.py"}


def word_lists():
    """Every word list of the lexicon: name -> its words (a dict's keys)."""
    out = {}
    for name in L.__all__:
        value = getattr(L, name)
        if isinstance(value, (frozenset, set, tuple, dict)) and value and all(isinstance(w, str) for w in value):
            out[name] = set(value)
    return out


def test_the_lexicon_imports_without_spacy():
    code = "import sys, newsread.quotes.lexicon; print('spacy' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "False"


def test_the_lexicon_exports_its_lists():
    lists = word_lists()
    assert len(lists) >= 50
    for name in ("REPORT_VERBS", "QUOTE_VERBS", "TITLES", "ORG_NAME_WORDS", "MALE_NAMES", "PERSON_PRONOUNS"):
        assert name in lists


# -- lists that must not share a word ---------------------------------------------------
DISJOINT = [
    # beliefs and intentions are never cues (the annotation rules)
    ("REPORT_VERBS", "BELIEF_VERBS"),
    ("QUOTE_VERBS", "BELIEF_VERBS"),
    ("FRAME_VERBS", "BELIEF_VERBS"),
    ("NAMING_VERBS", "BELIEF_VERBS"),
    # the cue kinds: a clause reporter, a quote-only verb, a verb of manner after a quote
    ("REPORT_VERBS", "QUOTE_ONLY_VERBS"),
    ("FRAME_VERBS", "QUOTE_VERBS"),
    ("BACK_VERBS", "QUOTE_VERBS"),  # "shot" alone is no cue, "shot back" is
    ("NAMING_VERBS", "REPORT_VERBS"),  # a naming verb's quoted object is a name, not a report
    ("WEAK_CUE_VERBS", "REPORT_VERBS"),
    # a title dropped from a name is not what makes it an organisation's, nor a given name
    ("TITLES", "ORG_NAME_WORDS"),
    ("TITLES", "GIVEN_NAMES"),
    ("PERSON_NOUNS", "ORG_NAME_WORDS"),
    ("PERSON_NOUNS", "COLLECTIVE_NOUNS"),
    ("PERSON_NOUNS", "MAKER_NOUNS"),
    ("PERSON_DESCRIPTORS", "GIVEN_NAMES"),  # "Veteran Helen Marsh": the descriptor goes, the name stays
    ("GIVEN_NAMES", "ORG_NAME_WORDS"),  # a given name makes a person, an organisation word undoes it
    ("POSTNOMINALS", "GIVEN_NAMES"),
    # gender evidence never points both ways
    ("MALE_NAMES", "FEMALE_NAMES"),
    ("MALE_TITLES", "FEMALE_TITLES"),
    ("MALE_WORDS", "FEMALE_WORDS"),
    ("MALE_WORDS", "FEMALE_TITLES"),
    ("FEMALE_WORDS", "MALE_TITLES"),
    ("MALE_NAMES", "FEMALE_TITLES"),
    ("FEMALE_NAMES", "MALE_TITLES"),
    ("MALE_PRONOUNS", "FEMALE_PRONOUNS"),
    # number: singular pronouns and nouns vs plural ones
    ("MALE_PRONOUNS", "PLURAL_PRONOUNS"),
    ("FEMALE_PRONOUNS", "PLURAL_PRONOUNS"),
    ("FIRST_PERSON_PRONOUNS", "PLURAL_PRONOUNS"),
    ("THING_PRONOUNS", "PLURAL_PRONOUNS"),
    ("THING_PRONOUNS", "PERSON_PRONOUNS"),
    ("FIRST_PERSON_PRONOUNS", "MALE_PRONOUNS"),
    ("FIRST_PERSON_PRONOUNS", "FEMALE_PRONOUNS"),
    ("POSSESSIVE_PRONOUNS", "PERSON_PRONOUNS"),
    ("PERSON_NOUNS", "GROUP_NOUNS"),
    ("ORG_GROUP_NOUNS", "SIDE_GROUP_NOUNS"),
    # what speaks and what does not
    ("STATEMENT_NOUNS", "NON_SPEECH_SOURCES"),
    ("AUTHORED_DOC_NOUNS", "NON_SPEECH_SOURCES"),
    ("WORK_NOUNS", "ISSUED_NOUNS"),
    ("WORK_NOUNS", "AUTHORED_DOC_NOUNS"),
]


@pytest.mark.parametrize(("a", "b"), DISJOINT, ids=[f"{a}-{b}" for a, b in DISJOINT])
def test_lists_that_must_not_share_words(a, b):
    lists = word_lists()
    assert not lists[a] & lists[b], f"{a} and {b} share {sorted(lists[a] & lists[b])}"


SUBSETS = [
    ("REPORT_VERBS", "QUOTE_VERBS"),
    ("QUOTE_ONLY_VERBS", "QUOTE_VERBS"),
    ("CITING_VERBS", "QUOTE_VERBS"),
    ("STATEMENT_NOUNS", "ISSUED_NOUNS"),
    ("PERSON_ROLES", "PERSON_NOUNS"),
    ("PERSON_ROLES", "NAME_ROLE_WORDS"),
    ("TITLES", "NAME_ROLE_WORDS"),
    ("STYLE_TITLES", "TITLES"),
    ("ORG_NOUNS", "ORG_ROLE_NOUNS"),
    ("CONTINUATION_CUES", "QUOTE_VERBS"),
    ("ORG_NOUNS", "ORG_NAME_WORDS"),
    ("ORG_SUFFIXES", "ORG_NAME_WORDS"),
    ("ORG_GROUP_NOUNS", "GROUP_NOUNS"),
    ("SIDE_GROUP_NOUNS", "GROUP_NOUNS"),
    ("QUESTION_WORDS", "WH_WORDS"),
    ("MALE_NAMES", "GIVEN_NAMES"),
    ("FEMALE_NAMES", "GIVEN_NAMES"),
    ("POSSESSIVE_PRONOUNS", "GENDERED_PRONOUNS"),
    ("THING_PRONOUNS", "NON_SPEAKER_SUBJECTS"),
]


@pytest.mark.parametrize(("part", "whole"), SUBSETS, ids=[f"{a}-{b}" for a, b in SUBSETS])
def test_lists_built_from_others(part, whole):
    lists = word_lists()
    assert lists[part] <= lists[whole], sorted(lists[part] - lists[whole])


def test_pronoun_maps_agree_with_the_pronoun_sets():
    assert L.QUOTE_VERBS == L.REPORT_VERBS | L.QUOTE_ONLY_VERBS
    assert {p for p, g in L.GENDERED_PRONOUNS.items() if g == "m"} == L.MALE_PRONOUNS
    assert {p for p, g in L.GENDERED_PRONOUNS.items() if g == "f"} == L.FEMALE_PRONOUNS
    for pronoun, gender in L.PERSON_PRONOUNS.items():
        assert gender == L.GENDERED_PRONOUNS.get(pronoun, "")
    assert set(L.PERSON_PRONOUNS) == (L.MALE_PRONOUNS | L.FEMALE_PRONOUNS | L.FIRST_PERSON_PRONOUNS) - L.POSSESSIVE_PRONOUNS
    assert L.NOMINATIVE_PRONOUNS <= set(L.PERSON_PRONOUNS) | L.PLURAL_PRONOUNS


# -- normalised as their readers look them up -----------------------------------------------
def fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


# Looked up after fold() (lower case, accents removed): their words must be folded too.
FOLDED = ["MALE_NAMES", "FEMALE_NAMES", "GIVEN_NAMES", "PERSON_DESCRIPTORS", "ORG_NAME_WORDS", "ORG_SUFFIXES"]
# Lemma lists: matched against token.lemma_, so no inflected forms.
LEMMAS = ["REPORT_VERBS", "QUOTE_ONLY_VERBS", "FRAME_VERBS", "NAMING_VERBS", "BACK_VERBS", "WEAK_CUE_VERBS",
          "CITING_VERBS", "BELIEF_VERBS"]
# Surface forms, matched against the words as written: inflected by design.
SURFACE = ["HEADLINE_VERBS", "LEADING_CUES"]


@pytest.mark.parametrize("name", sorted(word_lists()))
def test_words_are_lower_case_and_bare(name):
    for word in word_lists()[name]:
        assert word == word.lower(), (name, word)
        assert word and not any(c.isspace() for c in word), (name, word)
        # readers strip punctuation and a final "." before they look a word up
        assert word.strip(".,;:()\"'“”‘’") == word, (name, word)


@pytest.mark.parametrize("name", FOLDED)
def test_folded_lists_are_folded(name):
    for word in word_lists()[name]:
        assert fold(word) == word, (name, word)


@pytest.mark.parametrize("name", LEMMAS)
def test_verb_lists_hold_lemmas(name):
    inflected = [w for w in word_lists()[name] if re.search(r"(?:ed|ing)$", w) and w not in ("sing",)]
    assert not inflected, (name, inflected)


@pytest.mark.parametrize("name", SURFACE)
def test_surface_lists_are_not_lemma_lists(name):
    # every form is inflected: "says", "said", "added", "playing"
    assert all(re.search(r"(?:s|ed|d|ing|ote|old|ew)$", w) for w in word_lists()[name]), name


# -- no word list outside the lexicon ----------------------------------------------------------
# Strings the rules compare against that are not words of English but labels: the English
# pipeline's dependency labels (its meta.json) with the Universal Dependencies "cop" and
# "flat" the rules also accept, and the extractor's own vocabulary (quote kinds, methods,
# ways a speaker was resolved).
DEP_LABELS = set("""ROOT acl acomp advcl advmod agent amod appos attr aux auxpass case cc ccomp compound conj
    cop csubj csubjpass dative dep det dobj expl flat intj mark meta neg nmod npadvmod nsubj nsubjpass nummod
    oprd parataxis pcomp pobj poss preconj predet prep prt punct quantmod relcl xcomp""".split())
EXTRACTOR_VOCABULARY = {"direct", "indirect", "mixed", "cue", "colon", "according", "dash", "continued", "floating",
                        "previous", "none", "name", "surname", "climbed", "description", "role", "group", "pronoun",
                        "inverted", "bad"}
LABELS = DEP_LABELS | EXTRACTOR_VOCABULARY
_WORD = re.compile(r"[a-z][a-z'’-]*\Z")
# the words of the lexicon's content lists (cues, nouns, names, pronouns): even two of
# them in a rule are a word list that belongs in the lexicon
CONTENT_LISTS = ["QUOTE_VERBS", "FRAME_VERBS", "BACK_VERBS", "WEAK_CUE_VERBS", "CITING_VERBS", "NAMING_VERBS",
                 "STATEMENT_NOUNS", "ISSUED_NOUNS", "AUTHORED_DOC_NOUNS", "TITLES", "PERSON_NOUNS", "GROUP_NOUNS",
                 "ORG_NAME_WORDS", "GIVEN_NAMES", "PERSON_PRONOUNS", "PLURAL_PRONOUNS", "THING_PRONOUNS",
                 "GENDERED_PRONOUNS", "MALE_WORDS", "FEMALE_WORDS"]
# a regular expression's alternation of words: "(?:of|and|for)"
_ALTERNATION = re.compile(r"\((?:\?:)?([a-z]+(?:\|[a-z]+)+)\)")


def _strings(node) -> list[str] | None:
    """The strings a literal collection (or "a b c".split()) spells out, else None."""
    if isinstance(node, (ast.Set, ast.Tuple, ast.List)):
        elts = node.elts
    elif isinstance(node, ast.Dict):
        if not all(isinstance(v, ast.Constant) and isinstance(v.value, str) for v in node.values):
            return None  # {"cue": 0.9, ...}: weights, not words
        elts = node.keys
    elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "split"
          and isinstance(node.func.value, ast.Constant) and isinstance(node.func.value.value, str)):
        words = node.func.value.value.split()
        return words if len(words) >= 2 else None
    else:
        return None
    if not elts or not all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in elts):
        return None
    return [e.value for e in elts]


def word_list_literals(source: str) -> list[tuple[int, list[str]]]:
    """(line, words) for every literal in ``source`` that is a list of words."""
    content = set().union(*(word_lists()[n] for n in CONTENT_LISTS))
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            for m in _ALTERNATION.finditer(node.value):
                found.append((node.lineno, m.group(1).split("|")))
            continue
        strings = _strings(node)
        if strings is None:
            continue
        if isinstance(node, ast.Call):  # "a b c".split() is the lexicon's own idiom
            found.append((node.lineno, strings))
            continue
        words = [s for s in strings if _WORD.match(s)]
        if len(words) != len(strings) or all(s in LABELS for s in strings):
            continue  # punctuation, tags, labels, field names
        if len(words) >= 3 or len(words) == 2 and set(words) & content:
            found.append((node.lineno, words))
    return found


def test_the_scanner_sees_word_lists():
    sample = '''
ROLE = frozenset("vice deputy former".split())
def f(tok, c, low):
    if tok.lower_ in ("it", "this", "that"):
        pass
    if low not in {"parties", "sides", "partners"}:
        pass
    if c.lemma_ in ("cite", "quote"):
        pass
    PAT = r"(?:of|and|for)"
    x = c.dep_ in ("nsubj", "nsubjpass", "csubj")
    y = c.text in (",", ";", "--", "—")
    z = {"cue": 0.9, "colon": 0.9, "dash": 0.8}
    w = c.lower_ in ("by", "from")
'''
    lines = sorted(line for line, _ in word_list_literals(sample))
    assert lines == [2, 4, 6, 8, 10]


@pytest.mark.parametrize("path", sorted(p.name for p in QUOTES_DIR.glob("*.py") if p.name not in DATA_MODULES))
def test_no_word_list_outside_the_lexicon(path):
    found = word_list_literals((QUOTES_DIR / path).read_text(encoding="utf-8"))
    assert not found, f"quotes/{path}: word lists belong in quotes/lexicon.py: {found}"


def test_the_readers_speaker_kind_guess_uses_the_lexicon():
    from newsread.tui import speaker_picker

    source = Path(speaker_picker.__file__).read_text(encoding="utf-8")
    assert not word_list_literals(source)
    for word in sorted(L.ORG_NAME_WORDS):
        assert speaker_picker.guess_kind(f"Acme {word.title()}") == "ORG", word
        assert speaker_picker.guess_kind(f"Acme {word.title()}.") == "ORG", word
    assert speaker_picker.guess_kind("the Ministry's") == "ORG"
    for name in ("Dmitry Peskov", "Jane O'Neill", "Maria Zakharova"):
        assert speaker_picker.guess_kind(name) == "PERSON"
