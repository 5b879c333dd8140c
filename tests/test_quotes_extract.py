"""Extraction phenomena on real news sentences (most from the gold articles)."""

from __future__ import annotations

import pytest

from newsread.quotes import extract

pytestmark = pytest.mark.slow


def run(nlp, text):
    return extract(text, nlp).quotes


def only(quotes, kind=None):
    return [q for q in quotes if kind is None or q.kind == kind]


def test_direct_with_inverted_attribution(nlp):
    t = '"The search and rescue operation is complete," Deputy Emergency Situations Minister Alexander Chupriyan told TASS on Wednesday.'
    (q,) = run(nlp, t)
    assert q.text == "The search and rescue operation is complete,"
    assert q.kind == "direct" and q.cue == "told"
    assert q.speaker == "Alexander Chupriyan" and q.speaker_kind == "PERSON"
    assert q.confidence >= 0.8


def test_split_quote_same_speaker_and_cue(nlp):
    t = ('"What is so sad for me", Cengiz said, "is not seeing the punishment of the perpetrators. '
         'This silence created huge disappointment on my side."')
    qs = run(nlp, t)
    assert [q.text[:20] for q in qs] == ["What is so sad for m", "is not seeing the pu"]
    assert {q.speaker for q in qs} == {"Cengiz"} and {q.cue for q in qs} == {"said"}
    assert all(q.kind == "direct" for q in qs)


def test_colon_line_and_multi_paragraph_quote(nlp):
    t = ("Steve Gamble, Gleeson Homes Group Land Director said:\n\n"
         "“We are delighted that Carlisle Park is part of the Get Britain Building programme.\n\n"
         "“The project will also have a positive effect on the wider community.”\n")
    qs = run(nlp, t)
    assert len(qs) == 2
    assert all(q.speaker == "Steve Gamble" and q.kind == "direct" for q in qs)
    assert qs[0].text.endswith("programme.") and qs[1].text.startswith("The project")


def test_passive_quoted_as_saying(nlp):
    t = ('Kremlin spokesman Dmitry Peskov said on Sunday that two heads of state cannot meet just for the heck of it.\n\n'
         'Peskov was quoted as saying by Reuters, "Presidents cannot meet for the sake of meeting, they cannot just waste their time."')
    qs = run(nlp, t)
    direct = only(qs, "direct")
    assert direct and direct[0].speaker == "Dmitry Peskov"  # not the outlet, and the fullest name


def test_pronoun_resolves_to_nearest_compatible_person(nlp):
    t = ("Agnès Callamard, a UN rapporteur who had investigated the case, spoke in New York. "
         '"True justice takes time and I know it\'s painful, but that\'s the reality of the world we live in," she said.')
    (q,) = only(run(nlp, t), "direct")
    assert q.speaker == "Agnès Callamard"
    assert t[q.mention_start : q.mention_end] == "she"


def test_floating_quote_inherits_speaker(nlp):
    t = ('"I am in awe of the people who ran towards danger to keep us all safe," said Mayor of London Sadiq Khan. '
         '"The bravery of the emergency services and ordinary Londoners is incredible."')
    qs = run(nlp, t)
    assert len(qs) == 2 and qs[1].speaker == qs[0].speaker and "Khan" in qs[0].speaker
    assert qs[1].confidence < qs[0].confidence


def test_indirect_speech_without_that_and_full_stop(nlp):
    t = "Lavrov stressed that Moscow is not interested in a meeting unless it produces significant outcomes."
    (q,) = run(nlp, t)
    assert q.kind == "indirect" and q.cue == "stressed" and q.speaker == "Lavrov"
    assert q.text == "Moscow is not interested in a meeting unless it produces significant outcomes"


def test_beliefs_and_np_objects_are_not_quotes(nlp):
    t = ("The CIA and other intelligence agencies reportedly believe the crown prince ordered the killing. "
         "Saudi Arabia initially denied all claims. German firms have announced plans to pull out.")
    assert run(nlp, t) == []


def test_according_to(nlp):
    t = "According to NATO, Hungary spent an estimated 1.15% of its GDP on military expenditures in 2019."
    (q,) = run(nlp, t)
    assert q.kind == "indirect" and q.speaker == "NATO" and q.cue == "According to"
    assert q.text.startswith("Hungary spent") and not q.text.endswith(".")


def test_according_to_recordings_is_not_a_quote(nlp):
    t = "According to videos posted on social media, people approached the attacker armed with a fire extinguisher."
    assert run(nlp, t) == []


def test_mixed_fragment_and_scare_quotes(nlp):
    t = ('Peskov called the sanctions "an unfriendly step". '
         'Thursday\'s program at Fishmongers\' Hall was called "Learning Together".')
    qs = run(nlp, t)
    assert [(q.text, q.kind) for q in qs] == [("an unfriendly step", "mixed")]
    assert qs[0].speaker == "Peskov"


def test_title_in_marks_is_not_a_quote(nlp):
    t = "The adverts will run during programmes such as ‘Keeping up with the Kardashians’ on youth channels."
    assert run(nlp, t) == []


def test_dash_line_attribution_for_block_quote(nlp):
    t = ("In its finding, the court set rules for any website which hosts user content:\n\n"
         "By today's judgment, the Court answers that the Directive does not preclude a court from ordering a host provider to remove content.\n\n"
         "– European Court of Justice\n")
    (q,) = run(nlp, t)
    assert q.kind == "direct" and q.speaker == "European Court of Justice"


def test_a_list_of_dash_lines_after_a_colon_is_no_block_quote(nlp):
    t = ("This year’s winners are:\n\n— Carol Lee of the Harbour Journal, winner of the award for coverage of the port.\n\n"
         "— Matt Viser of the Globe, winner of the prize for reporting.\n\n— Ann Lowe of the Post, winner of the medal.\n")
    assert run(nlp, t) == []


def test_unnamed_source_keeps_description(nlp):
    t = "A senior official said the talks would resume next week."
    (q,) = run(nlp, t)
    assert q.speaker == "senior official" and q.speaker_kind == "PERSON"


def test_outlet_relaying_is_not_the_speaker(nlp):
    t = 'Howard Rubel, a Toronto lawyer representing Spanton, told the BBC after the verdict "My client is of course very relieved with the verdict."'
    (q,) = run(nlp, t)
    assert q.speaker == "Howard Rubel" and q.kind == "direct"


def test_speakers_list_canonical_with_aliases(nlp):
    t = ("Kremlin spokesman Dmitry Peskov said on Sunday that two heads of state cannot meet just for the heck of it. "
         '"Our interests are to build good relations with all countries," Peskov said.')
    ex = extract(t, nlp)
    names = [s.name for s in ex.speakers]
    assert names == ["Dmitry Peskov"]
    assert "Peskov" in ex.speakers[0].aliases
    assert all(q.speaker in names for q in ex.quotes)


def test_offsets_sorted_non_overlapping_and_text_matches(nlp, gold_articles):
    for art in gold_articles[:8]:
        qs = run(nlp, art["text"])
        assert all(a.end <= b.start for a, b in zip(qs, qs[1:]))
        assert all(art["text"][q.start : q.end] == q.text for q in qs)
        assert all(0.0 <= q.confidence <= 1.0 for q in qs)


def test_the_package_keeps_its_functions_after_the_modules_load(nlp):
    """`newsread.quotes.extract` is the function, even once the rule modules are imported
    (a submodule of the same name used to replace it on the package)."""
    import newsread.quotes.extraction  # noqa: F401
    from newsread.quotes import extract, extract_many

    assert callable(extract) and callable(extract_many)
    assert extract('"It works," she said.', nlp).quotes
