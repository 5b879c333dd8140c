"""Pairing quotation marks (no spaCy needed)."""

from __future__ import annotations

from newsread.quotes.marks import find_marks


def spans(text):
    return [text[m.start : m.end] for m in find_marks(text)]


def test_straight_curly_and_guillemets():
    assert spans('He said: "We will win."') == ["We will win."]
    assert spans("She said: “Brilliantly British captures it.”") == ["Brilliantly British captures it."]
    assert spans("Il a dit: « Nous gagnerons » hier.") == [" Nous gagnerons "]


def test_a_mark_glued_to_a_colon_opens_the_quote():
    assert spans('Rep. Tom Hale (D-Ohio):"I have not seen that figure."') == ["I have not seen that figure."]
    # before a space a mark after a colon still closes: 'said "Open:" and'
    assert spans('The sign said "Open:" and nothing more.') == ["Open:"]


def test_single_inside_double_belongs_to_the_outer_quote():
    t = "“Worth noting this for the next time someone says, ‘we’ve let too many in’,” he said."
    assert spans(t) == ["Worth noting this for the next time someone says, ‘we’ve let too many in’,"]


def test_split_quote_gives_two_spans():
    t = '"What is so sad for me", Cengiz said, "is not seeing the punishment."'
    assert spans(t) == ["What is so sad for me", "is not seeing the punishment."]


def test_apostrophes_are_not_marks():
    t = "Rock ’n’ roll in the ’90s: don’t touch Fishmongers’ Hall or Khan's knife."
    assert spans(t) == []


def test_straight_single_quotes_in_a_headline():
    assert spans("Jackson says charges are false and 'an attempt to intimidate'") == ["an attempt to intimidate"]


def test_quote_over_two_paragraphs():
    t = "Browne said:\n\n‘Distorted information can confuse.\n\n‘We know FRANK works.’\n"
    ms = find_marks(t)
    assert [t[m.start : m.end] for m in ms] == ["Distorted information can confuse.", "We know FRANK works."]
    assert ms[0].continued and ms[1].continues_prev


def test_odd_counts_and_nesting_never_raise():
    for t in ['"', '""', '“ ” “', "«««»", "‘’‘’'", 'a "b "c" d', "”x“", '"\n"\n"']:
        for m in find_marks(t):
            assert 0 <= m.start <= m.end <= len(t)


def test_spans_never_overlap():
    t = '"a "b" c" “d ‘e’ f” «g» "h'
    ms = find_marks(t)
    assert all(a.end <= b.start for a, b in zip(ms, ms[1:]))


def test_two_apostrophes_as_double_marks():
    t = "''The drivers' patience won't last,'' said Renata Fulwood. ''It's a patch.'' They say ''detour'' now."
    assert spans(t) == ["The drivers' patience won't last,", "It's a patch.", "detour"]


def test_three_apostrophes_close_or_open_a_single_and_a_double_mark():
    # the NYT archive's ''...'' marks with a nested '...' ending or starting at the same place
    t = "''She always called it 'the long road,''' said Pettibone. ''Nobody argued.''"
    assert spans(t) == ["She always called it 'the long road,'", "Nobody argued."]
    t = "He said: '''Go home,' they told me, and I went.''"
    assert spans(t) == ["'Go home,' they told me, and I went."]


def test_a_quote_over_two_paragraphs_in_doubled_apostrophes():
    # the newspaper style: the first paragraph left open, the next one re-opened with ''
    t = ("''If they came for us, we would call it what it is.\n\n"
         "''This was a crime as well as terror,'' he said.")
    marks = find_marks(t)
    assert [t[m.start : m.end] for m in marks] == ["If they came for us, we would call it what it is.",
                                                   "This was a crime as well as terror,"]
    assert [m.continues_prev for m in marks] == [False, True]


def test_an_unclosed_doubled_apostrophe_paragraph_stays_a_quote():
    t = "He spoke first.\n\n''We never gave up.\n\nThe crowd cheered."
    assert spans(t) == ["We never gave up."]


def test_format_characters_before_a_mark_are_invisible():
    # text pasted from social media: a bidi embedding (U+202A) or a zero-width space before the
    # mark, which opens the paragraph ('”' misused as an opener there, as often)
    t = "Her post drew replies.\n\n\u202a”Sorry, you should have said it!!” posted Ana Lund.\n\n\u200b\"We won,\" she said."
    assert spans(t) == ["Sorry, you should have said it!!", "We won,"]
    # a format character inside a word leaves an apostrophe an apostrophe
    assert spans("They don\u200b’t know. She said it\u2060’s late.") == []


def test_a_straight_double_mark_opening_inside_a_straight_quote_nests_in_it():
    # pasted posts quote with the same straight mark inside: an opener (a space before, a word after)
    t = 'He wrote: "The statement shows no grasp of the facts. The "United States" holds no one. It is all wrong."'
    assert spans(t) == ["The statement shows no grasp of the facts. The \"United States\" holds no one. It is all wrong."]
    # a closer after a word, then a new quote, are two quotes as before
    t = 'She said "no," and he said "yes."'
    assert spans(t) == ["no,", "yes."]
    t = '"We are done," she said. "Now go home."'
    assert spans(t) == ["We are done,", "Now go home."]


def test_a_quote_left_open_holding_quotes_of_the_other_form_runs_on():
    # straight marks left open at the paragraph's end, with curly quotes inside, re-opened below
    t = ('Ward stated: "The office isn’t about “Equal Justice” any more. It is about power.\n\n'
         '"The latest example is the lawsuit. They have gone far enough."\n')
    assert spans(t) == ["The office isn’t about “Equal Justice” any more. It is about power.",
                        "The latest example is the lawsuit. They have gone far enough."]
    # a stray apostrophe never swallows the quote after it, nor does an opener of the same form
    t = """"Europe is breaking up," said Sophie in 't Veld. "It is a risk everywhere."\n"""
    assert spans(t) == ["Europe is breaking up,", "It is a risk everywhere."]
    t = 'He called it "a farce and "the worst" plan in years.\n'
    assert "the worst" in spans(t)


def test_a_quote_left_open_after_a_sentence_runs_to_its_paragraphs_end():
    # the writer forgot the closing mark of a quote that opens a sentence, and the next
    # paragraph does not re-open it: the quote ends with its paragraph
    t = ("“We will win,” said Baron. “His candidacy has defied all conventions.\n\n"
         "He continued, “That’s what we intend to do.”")
    assert spans(t) == ["We will win,", "His candidacy has defied all conventions.", "That’s what we intend to do."]
    # the same at the text's end, and after a question
    assert spans("Is it over? “Not yet. We go on.") == ["Not yet. We go on."]
    # an unclosed mark inside a sentence is no quote: the words after it are the writer's
    t = "He called the plan “a disgrace to the party. Then he left.\n\nThe crowd cheered."
    assert spans(t) == []
    assert spans("The vote, “in his view, was rigged. Nobody agreed.") == []
