"""The PolNeAR convention view (bench/polnear_dev.py) grows our quoted fragments to the
clause PolNeAR annotates as content, from our own parse only. Invented sentences."""

from __future__ import annotations

import sys
from pathlib import Path

from newsread.quotes import extract

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from polnear_dev import expand_mixed_parsed  # noqa: E402


def grown(nlp, text: str, fragment: str) -> str | None:
    q = next(q for q in extract(text, nlp).quotes if fragment in q.text)
    assert q.kind == "mixed"
    g = expand_mixed_parsed(q, nlp(text))
    return g.text if g is not None else None


def test_a_cue_inside_the_clause_it_reports_grows_to_the_whole_clause(nlp):
    t = "The club's heavy investment in its courses, Ms. Lowe said, ''is a perfect example of adapting'' to the new economics of golf."
    assert grown(nlp, t, "perfect example") == ("The club's heavy investment in its courses, Ms. Lowe said, "
                                                "''is a perfect example of adapting'' to the new economics of golf")
    # a cue before its clause grows only to the clause after it
    t = "Ms. Lowe said the club's investment ''is a perfect example of adapting'' to the new economics of golf."
    assert grown(nlp, t, "perfect example") == "the club's investment ''is a perfect example of adapting'' to the new economics of golf"


def test_judging_someone_for_something_keeps_the_one_judged(nlp):
    t = 'Hale criticised the new mayor for making "very rude statements" about the port.'
    assert grown(nlp, t, "rude statements") == 'the new mayor for making "very rude statements" about the port'
    # a verb that reports no judgement of its object does not take it in
    t = 'Hale told the new mayor that the port was "in decline" after the storm.'
    assert grown(nlp, t, "in decline") == 'that the port was "in decline" after the storm'



def test_a_fragment_a_noun_for_speech_holds_grows_to_that_nouns_complement(nlp):
    t = 'The plan drew anger. Lowe\'s pledge to be "neutral" in the port talks, and her silence since, worried the union.'
    assert grown(nlp, t, "neutral") == 'to be "neutral" in the port talks'


def test_direct_view_selects_both_sides_by_the_same_mark_test(nlp):
    # a reported clause quoting a name is indirect in our notes but holds a mark, as its gold does
    from polnear_dev import direct_only
    text = 'Ms. Lowe said the women called themselves "The Late Lunch Club" for years. Hale said the port would close.'
    quotes = extract(text, nlp).quotes
    kinds = {q.kind for q in quotes}
    assert "indirect" in kinds
    _, [kept] = direct_only([{"quotes": []}], [quotes])
    assert [q.text for q in kept] == [q.text for q in quotes if '"' in q.text]
    assert len(kept) == 1 and "Late Lunch Club" in kept[0].text


def test_a_quote_split_by_its_cue_is_one_gold_content(tmp_path):
    # invented brat standoff: '"The port is old," Hale said. "It will close."'
    from polnear_dev import read_ann
    ann = tmp_path / "a.ann"
    ann.write_text(
        "T1\tSource 30 34\tHale\n"
        "T2\tCue 35 39\tsaid\n"
        "T3\tContent 1 17\tThe port is old,\n"
        "T4\tContent 42 56\tIt will close.\n"
        "T5\tAttribution 35 39\tsaid\n"
        "E1\tAttribution:T5 Cue:T2 Source:T1 Content:T3 Content2:T4\n",
        encoding="utf-8",
    )
    [event] = read_ann(ann)
    assert event["Content"] == ("Content", 1, 56)
    assert not any(k.startswith("Content") and k != "Content" for k in event)
    assert event["Source"] == ("Source", 30, 34)


def test_a_pair_of_single_curly_marks_is_a_mark_an_apostrophe_is_not():
    from polnear_dev import holds_mark
    assert holds_mark("Plan Is a ‘Proven Failure’ in Business")
    assert holds_mark("''a failure''") and holds_mark('"a failure"')
    assert not holds_mark("Lowe’s plan failed") and not holds_mark("open ‘til dawn, Lowe’s shop")


def test_fragments_with_no_cue_grown_to_one_clause_are_one_content(nlp):
    from polnear_dev import polnear_convention
    text = ("Ana Ruiz: Lowe Has ‘A Long Way To Go’ On Housing, He’s For Builders Because ‘They Pay Him.’\n\n"
            "Mayor Ana Ruiz said the vote was close.")
    quotes = extract(text, nlp).quotes
    fragments = [q for q in quotes if q.kind == "mixed" and q.cue_start < 0]
    assert len(fragments) == 2
    conv = polnear_convention(quotes, text, True, nlp(text))
    assert len(conv) == len(quotes) - 1
    assert any("Long Way" in q.text and "Pay Him" in q.text for q in conv)


def test_a_direct_quote_ending_a_reported_clause_grows_back_to_the_cue_whatever_its_marks(nlp):
    from polnear_dev import expand_direct_parsed
    for mark in ('"', "''"):
        t = f"Mrs. Lowe said that when Ms. Hale railed against the banks, {mark}she is speaking for all of us.{mark}"
        q = next(q for q in extract(t, nlp).quotes if "speaking" in q.text)
        assert expand_direct_parsed(q, nlp(t)).text.startswith("when Ms. Hale railed")
    # the cue's adverbials, not a clause, stay outside
    t = 'Ms. Lowe said in an interview on Monday, "The port will close."'
    q = next(q for q in extract(t, nlp).quotes if "port" in q.text)
    assert expand_direct_parsed(q, nlp(t)).text == q.text


def _relay(nlp, text: str, words: str) -> str:
    from polnear_dev import polnear_convention
    conv = polnear_convention(extract(text, nlp).quotes, text, True, nlp(text))
    q = next(q for q in conv if words in q.text)
    return text[q.mention_start : q.mention_end]


def test_a_report_relayed_according_to_an_outlet_or_in_a_poll_goes_to_the_relay(nlp):
    assert _relay(nlp, '"The bridge will reopen in May," Ana Ruiz said, according to the Daily Ledger.',
                  "bridge") == "the Daily Ledger"
    assert _relay(nlp, 'According to minutes of the meeting, Tom Hale said the budget was "far too thin."',
                  "too thin") == "minutes of the meeting"
    assert _relay(nlp, 'In a survey released Monday, 40 percent of parents said the new timetable was "a mistake."',
                  "mistake") == "a survey released Monday"


def test_an_according_to_inside_the_quoted_words_or_a_plain_setting_keeps_the_speaker(nlp):
    # the speaker's own source, inside the marks, relays nothing of the quote
    assert _relay(nlp, 'Ana Ruiz told reporters that "the fire spread fast, according to the crews who fought it."',
                  "fire spread").endswith("Ruiz")
    # an interview or a town hall is where the words were said, not who relayed them
    assert _relay(nlp, 'Tom Hale said in an interview on Monday, "We lost the vote."', "lost").endswith("Hale")
    assert _relay(nlp, 'In a town hall on Friday, Tom Hale said the plan was "dead on arrival."', "arrival").endswith("Hale")
