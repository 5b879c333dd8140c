"""Where the parse put a cue verb's subject (quotes/subjects.py), or cut a frame from its
sentence (quotes/direct.py). Each rule repairs one kind of misparse, so each test builds that parse by hand (the words invented) and checks a parse
without the fault is left alone."""

from __future__ import annotations

from spacy.tokens import Doc

from newsread.quotes.according import speech_noun_source
from newsread.quotes.extraction import extract_doc
from newsread.quotes.frames import is_cue, subject_of
from newsread.quotes.subjects import name_after_time, quoted_title, subject_read_after_as


def parsed(nlp, rows, ents=None, spaces=None, lemmas=None):
    """A Doc from (word, head, dep, pos, tag) rows; heads are absolute token indices."""
    words, heads, deps, pos, tags = zip(*rows)
    return Doc(nlp.vocab, words=list(words), heads=list(heads), deps=list(deps), pos=list(pos), tags=list(tags),
               ents=ents or ["O"] * len(rows), spaces=spaces, lemmas=lemmas or [w.lower() for w in words])


def test_a_name_hung_on_as_is_the_subject_of_put_it(nlp):
    # 'As Ann Ruiz, a historian, put it, ...' with "Ann Ruiz" the object of "As" and "put" subjectless
    doc = parsed(nlp, [("As", 7, "mark", "SCONJ", "IN"), ("Ann", 2, "compound", "PROPN", "NNP"),
                       ("Ruiz", 0, "pobj", "PROPN", "NNP"), (",", 2, "punct", "PUNCT", ","),
                       ("a", 5, "det", "DET", "DT"), ("historian", 2, "appos", "NOUN", "NN"),
                       (",", 2, "punct", "PUNCT", ","), ("put", 7, "ROOT", "VERB", "VBD"),
                       ("it", 7, "dobj", "PRON", "PRP")],
                 ents=["O", "B-PERSON", "I-PERSON"] + ["O"] * 6)
    assert [t.text for t in subject_read_after_as(doc[7])] == ["Ruiz"]
    assert subject_of(doc[7]).text == "Ruiz"
    # 'As expected, she put it': no noun on "as"
    doc = parsed(nlp, [("As", 1, "mark", "SCONJ", "IN"), ("expected", 4, "advcl", "VERB", "VBN"),
                       (",", 4, "punct", "PUNCT", ","), ("she", 4, "nsubj", "PRON", "PRP"),
                       ("put", 4, "ROOT", "VERB", "VBD"), ("it", 4, "dobj", "PRON", "PRP")])
    assert subject_read_after_as(doc[4]) == []
    assert subject_of(doc[4]).text == "she"


def test_a_time_made_the_subject_gives_way_to_the_name_ending_before_the_verb(nlp):
    # 'Friday at the dinner Ann Ruiz said': the day the subject, the name hung on "at"
    rows = [("Friday", 6, "nsubj", "PROPN", "NNP"), ("at", 0, "prep", "ADP", "IN"), ("the", 3, "det", "DET", "DT"),
            ("dinner", 1, "pobj", "NOUN", "NN"), ("Ann", 5, "compound", "PROPN", "NNP"),
            ("Ruiz", 3, "appos", "PROPN", "NNP"), ("said", 6, "ROOT", "VERB", "VBD")]
    doc = parsed(nlp, rows, ents=["B-DATE", "O", "O", "O", "B-PERSON", "I-PERSON", "O"])
    assert name_after_time(doc[0]).text == "Ruiz"
    assert subject_of(doc[6]).text == "Ruiz"
    # a subject that is no time keeps its place
    doc = parsed(nlp, [("Hale", 3, "nsubj", "PROPN", "NNP"), ("at", 0, "prep", "ADP", "IN"),
                       ("dinner", 1, "pobj", "NOUN", "NN"), ("said", 3, "ROOT", "VERB", "VBD")],
                 ents=["B-PERSON", "O", "O", "O"])
    assert name_after_time(doc[0]) is None
    assert subject_of(doc[3]).text == "Hale"


def test_a_quoted_title_is_not_the_subject_when_another_is_left(nlp):
    # 'Hale, host of “Night Watch,” thanked ...' with the title a second subject
    rows = [("Hale", 9, "nsubj", "PROPN", "NNP"), (",", 0, "punct", "PUNCT", ","), ("host", 0, "appos", "NOUN", "NN"),
            ("of", 2, "prep", "ADP", "IN"), ("“", 6, "punct", "PUNCT", "``"), ("Night", 6, "compound", "PROPN", "NNP"),
            ("Watch", 9, "nsubj", "PROPN", "NNP"), (",", 6, "punct", "PUNCT", ","), ("”", 6, "punct", "PUNCT", "''"),
            ("thanked", 9, "ROOT", "VERB", "VBD")]
    doc = parsed(nlp, rows)
    assert quoted_title(doc[6]) and not quoted_title(doc[0])
    assert subject_of(doc[9]).text == "Hale"
    # a quoted subject alone is still the subject
    doc = parsed(nlp, [("“", 1, "punct", "PUNCT", "``"), ("Harbour", 3, "nsubj", "PROPN", "NNP"),
                       ("”", 1, "punct", "PUNCT", "''"), ("said", 3, "ROOT", "VERB", "VBD")])
    assert subject_of(doc[3]).text == "Harbour"


def test_a_closing_frame_parsed_as_a_sentence_of_its_own_still_reports_the_fragment_before_it(nlp):
    # 'Most families cope, even on a “small” income, Ruiz said.' with "said" a second root
    rows = [("Most", 1, "amod", "ADJ", "JJS"), ("families", 2, "nsubj", "NOUN", "NNS"), ("cope", 2, "ROOT", "VERB", "VBP"),
            (",", 2, "punct", "PUNCT", ","), ("even", 5, "advmod", "ADV", "RB"), ("on", 2, "prep", "ADP", "IN"),
            ("a", 10, "det", "DET", "DT"), ("“", 10, "punct", "PUNCT", "``"), ("small", 10, "amod", "ADJ", "JJ"),
            ("”", 10, "punct", "PUNCT", "''"), ("income", 5, "pobj", "NOUN", "NN"), (",", 13, "punct", "PUNCT", ","),
            ("Ruiz", 13, "nsubj", "PROPN", "NNP"), ("said", 13, "ROOT", "VERB", "VBD"), (".", 13, "punct", "PUNCT", ".")]
    spaces = [True, True, False, True, True, True, True, False, False, True, False, True, True, False, False]
    lemmas = [w.lower() for w, *_ in rows]
    lemmas[1], lemmas[13] = "family", "say"
    ents = ["O"] * 12 + ["B-PERSON", "O", "O"]
    quotes, _ = extract_doc(parsed(nlp, rows, ents, spaces, lemmas))
    assert [(q.kind, q.text, q.speaker) for q in quotes] == [("mixed", "small", "Ruiz")]
    # a subject that cannot speak frames nothing before it ('..., the engine stalled.')
    rows[12:14] = [("engine", 13, "nsubj", "NOUN", "NN"), ("stalled", 13, "ROOT", "VERB", "VBD")]
    lemmas[12:14] = ["engine", "stall"]
    assert extract_doc(parsed(nlp, rows, ["O"] * 15, spaces, lemmas))[0] == []


def test_a_speech_noun_inside_the_marks_frames_none_of_the_quoted_words(nlp):
    # '“Hale said in his speech that ferries are heroes.”': the that-clause right after "speech" is
    # the noun's, but inside the marks both are the quoted words, not what frames them
    rows = [("“", 2, "punct", "PUNCT", "``"), ("Hale", 2, "nsubj", "PROPN", "NNP"), ("said", 2, "ROOT", "VERB", "VBD"),
            ("in", 2, "prep", "ADP", "IN"), ("his", 5, "poss", "PRON", "PRP$"), ("speech", 3, "pobj", "NOUN", "NN"),
            ("that", 8, "mark", "SCONJ", "IN"), ("ferries", 8, "nsubj", "NOUN", "NNS"), ("are", 2, "ccomp", "AUX", "VBP"),
            ("heroes", 8, "attr", "NOUN", "NNS"), ("”", 2, "punct", "PUNCT", "''")]
    doc = parsed(nlp, rows, lemmas=["“", "Hale", "say", "in", "his", "speech", "that", "ferry", "be", "hero", "”"])
    inside = (doc[1].idx, doc[10].idx)
    assert speech_noun_source([doc[9]], is_cue, inside) is None
    # outside any marks the noun holds its clause ('his speech that ferries are "heroes"')
    noun, owner = speech_noun_source([doc[9]], is_cue)
    assert (noun.text, owner.text) == ("speech", "his")


def test_of_subjects_on_both_sides_of_the_verb_the_one_right_before_it_speaks(nlp):
    from newsread.quotes.subjects import subjects_before
    # 'Ruiz Says Hale Lied' with both names hung on "Says" as subjects
    doc = parsed(nlp, [("Ruiz", 1, "nsubj", "PROPN", "NNP"), ("Says", 1, "ROOT", "VERB", "VBZ"),
                       ("Hale", 1, "nsubj", "PROPN", "NNP"), ("Lied", 1, "ccomp", "VERB", "VBD")])
    assert [t.text for t in subjects_before(doc[1])] == ["Ruiz"]
    # after a comma the verb is inverted and its subject follows: 'Plans, said Hale, failed'
    doc = parsed(nlp, [("Plans", 4, "nsubj", "NOUN", "NNS"), (",", 2, "punct", "PUNCT", ","),
                       ("said", 4, "parataxis", "VERB", "VBD"), ("Hale", 2, "nsubj", "PROPN", "NNP"),
                       ("failed", 4, "ROOT", "VERB", "VBD")])
    doc[0].head = doc[2]
    assert [t.text for t in subjects_before(doc[2])] == ["Plans", "Hale"]
    # one subject, on either side, is left as it is
    doc = parsed(nlp, [("said", 0, "ROOT", "VERB", "VBD"), ("Hale", 0, "nsubj", "PROPN", "NNP")])
    assert [t.text for t in subjects_before(doc[0])] == ["Hale"]
