"""Quote detection rules, one test per rule, on real news sentences (with negatives)."""

from __future__ import annotations

import pytest

from newsread.quotes import extract

pytestmark = pytest.mark.slow


def texts(nlp, text, kind=None):
    return [q.text for q in extract(text, nlp).quotes if kind is None or q.kind == kind]


def test_nested_adjunct_report_keeps_outer_clause(nlp):
    t = ("The bus overturned in wet conditions; the bus driver told reporters he lost control, "
         "with some local press claiming he was attempting to pass another vehicle.")
    got = texts(nlp, t, "indirect")
    assert "he lost control" in got
    assert "he was attempting to pass another vehicle" in got


def test_relative_clause_report_beside_outer_report(nlp):
    t = ("United States President Donald Trump said on Friday he can and may declare a national state of "
         "emergency, which he said would allow him to act without approval from Congress.")
    got = texts(nlp, t, "indirect")
    assert "he can and may declare a national state of emergency" in got
    assert any(g.startswith("would allow him") for g in got)


def test_nested_report_as_whole_content_keeps_innermost(nlp):
    t = "Znak.com further reported its source said that apartment's tenant moved in the day before the blast."
    got = texts(nlp, t, "indirect")
    assert len(got) == 1 and got[0].endswith("apartment's tenant moved in the day before the blast")


def test_subject_parsed_as_object(nlp):
    t = "Chelyabinsk's governor has promised each victim will be subject to a payout of one million rubles."
    assert texts(nlp, t, "indirect") == ["each victim will be subject to a payout of one million rubles"]


def test_clause_parsed_as_conjunct(nlp):
    t = ("The fire service indicated on Twitter the baby girl was critically ill, "
         "while two adults were seriously injured.")
    (q,) = texts(nlp, t, "indirect")
    assert q.startswith("the baby girl was critically ill")


def test_according_to_at_sentence_end_before_newline(nlp):
    t = ("The stores were originally reluctant to impose restrictions, according to a report from "
         "ABC Australia on March 3.\n\nSales rose.")
    assert texts(nlp, t, "indirect") == ["The stores were originally reluctant to impose restrictions"]


def test_semicolon_ends_a_preposed_clause(nlp):
    t = ("Quirin denied any sexual activity, but upon learning his DNA was on her underwear he claimed sex "
         "had been consensual; Redouane consistently claimed sex was consensual.")
    got = texts(nlp, t, "indirect")
    assert not any(g.startswith("Quirin denied") for g in got)


def test_negatives_belief_directive_np_object(nlp):
    assert texts(nlp, "The CIA and other intelligence agencies reportedly believe the prince ordered the killing.") == []
    assert texts(nlp, "The family urged the embassy to reconsider its decision.") == []
    assert texts(nlp, "Tesco stated its intention to leave the Polish market altogether.") == []
    assert texts(nlp, "He expects rising production costs to push prices up.") == []


def test_sentence_ends_inside_the_marks(nlp):
    t = ('Interior Minister Joachim Brudziński called the stabbing "an act of inexplicable barbarity." '
         'He said "I can\'t find the words."')
    qs = extract(t, nlp).quotes
    assert [(q.text, q.kind, q.cue) for q in qs][0] == ("an act of inexplicable barbarity.", "mixed", "called")


def test_mixed_fragment_closing_the_reported_clause(nlp):
    t = ('The Vice President, Mike Pence, said on Friday the United States is "in the midst of a crisis on our '
         'southern border." Nancy Pelosi, the Speaker of the House, said on Friday "this is a manufactured crisis."')
    got = [(q.text, q.kind) for q in extract(t, nlp).quotes]
    assert ("in the midst of a crisis on our southern border.", "mixed") in got


def test_scare_quote_before_next_sentence_is_not_a_quote(nlp):
    t = 'That year\'s H1N1 was commonly known as "swine flu." The government of Egypt said nothing.'
    assert texts(nlp, t, "mixed") == []


def test_unquoted_clause_before_quoted_continuation(nlp):
    t = ('Duda told local media Adamowicz\'s heart was restarted by doctors "and there is hope, but his '
         'condition is very difficult."')
    assert "Adamowicz's heart was restarted by doctors" in texts(nlp, t, "indirect")


def test_quoted_predicate_leaves_no_indirect_stub(nlp):
    t = ('Prosecutor Kama Melly QC said the victims were "ripe and vulnerable to manipulation" and had been '
         'used "to satisfy their desires".')
    assert texts(nlp, t, "indirect") == []


def test_according_to_drops_trailing_background(nlp):
    t = ("According to Johnson's critics, this is a ploy to achieve a no-deal Brexit, meaning the UK would cease "
         "to be part of the European Union without any arrangements.")
    assert texts(nlp, t, "indirect") == ["this is a ploy to achieve a no-deal Brexit"]


def test_passive_naming_without_source_is_not_mixed(nlp):
    t = 'That year\'s H1N1 was commonly called "swine flu." The government of Egypt ordered the killing of pigs.'
    assert texts(nlp, t) == []


def test_name_after_colon_used_as_subject_is_not_direct(nlp):
    t = ('On Tuesday, the World Health Organization announced the official name of the disease: "COVID-19" is '
         'to replace the temporary designation.')
    assert texts(nlp, t, "direct") == []


def test_colon_direct_quote_still_found(nlp):
    t = 'Peskov told reporters: "Presidents cannot meet for the sake of meeting."'
    assert texts(nlp, t, "direct") == ["Presidents cannot meet for the sake of meeting."]


def test_clause_taken_for_relative_clause_of_the_object(nlp):
    t = 'She informed police she had diplomatic immunity, but "that she had no plans to leave the country."'
    assert "she had diplomatic immunity" in texts(nlp, t, "indirect")


def test_parenthetical_cue_inside_the_clause(nlp):
    t = ("In between, she testified, she was gang raped by Quirin, Redouane, and an unidentified "
         "third officer.")
    assert texts(nlp, t, "indirect") == [
        "she was gang raped by Quirin, Redouane, and an unidentified third officer"]
    t = "The economy, he said, is weak."
    assert texts(nlp, t, "indirect") == ["The economy, he said, is weak"]
    # a belief is not a report, parenthetical or not
    assert texts(nlp, "In between, she thought, she was safe.", "indirect") == []


def test_unquoted_conjunct_after_a_direct_quote_is_the_reporters(nlp):
    t = "Health Minister Łukasz Szumowski said \"We couldn’t win,\" and the city flag is at half-mast."
    assert texts(nlp, t, "indirect") == []
    assert texts(nlp, t) == ["We couldn’t win,"]
    # the conjunct after a quoted *fragment* of a reported clause is still reported
    t = ("German Chancellor Angela Merkel's spokesperson, Steffen Seibert, said it is possible \"that this "
         "airline carries out transports to Germany that affect our security concerns,\" and the ban "
         "followed discussions within Europe and with the US.")
    assert texts(nlp, t, "indirect") == ["the ban followed discussions within Europe and with the US"]


def test_quoted_noun_conjunct_leaves_the_clause_before_it(nlp):
    t = "Jackson says charges are false and 'an attempt to intimidate'."
    assert texts(nlp, t, "indirect") == ["charges are false"]
    assert texts(nlp, t, "mixed") == ["an attempt to intimidate"]
    # the whole clause quoted: nothing left over
    t = "Jackson says charges are 'false and an attempt to intimidate'."
    assert texts(nlp, t, "indirect") == []


def test_subordinate_report_after_a_fragment_does_not_take_it(nlp):
    t = ("Coles, in its March 8 media release, reported that with the four-pack restriction in place, "
         "\"many stores are still selling out within an hour of delivery\", and called the demand "
         "\"unprecedented\", while ALDI, in a Facebook post on Tuesday, called it \"unexpected\".")
    qs = {t[q.start:q.end]: q for q in extract(t, nlp).quotes}
    assert qs["unprecedented"].cue == "called" and qs["unprecedented"].cue_start == t.index("called the")
    assert "ALDI" in qs["unexpected"].speaker
    assert "Coles" in qs["unprecedented"].speaker


def test_sentence_right_after_the_speech_verb_is_direct(nlp):
    t = ('Greek Foreign Minister George Katrougalos emphasized the requirement of approval by UNESCO, saying '
         '"It is not only a great temple of Christendom, it also belongs to humanity".')
    (q,) = extract(t, nlp).quotes
    assert q.kind == "direct" and q.cue == "saying" and "Katrougalos" in q.speaker
    # a lower-case fragment after the verb stays mixed
    t = 'Peskov called the move "an unfriendly step".'
    assert [(q.kind, q.text) for q in extract(t, nlp).quotes] == [("mixed", "an unfriendly step")]


def test_relaying_outlet_after_the_quote_is_not_the_cue(nlp):
    t = ('Greek Foreign Minister George Katrougalos emphasized the requirement of approval by UNESCO, saying '
         '"It is not only a great temple of Christendom, it also belongs to humanity", as quoted by Greek Reporter.')
    (q,) = extract(t, nlp).quotes
    assert q.cue == "saying" and "Katrougalos" in q.speaker
    # with an attribution of its own after the quote, that one still counts
    t = '"We will not back down," the minister said, adding that talks would resume.'
    qs = [q for q in extract(t, nlp).quotes if q.kind == "direct"]
    assert qs and qs[0].cue == "said"


def test_participle_after_a_fragment_does_not_take_it(nlp):
    t = ('On Saturday morning, representatives from Iran acknowledged their government had "unintentionally" '
         'shot down a Ukrainian passenger jet near Tehran, blaming "human error" and the fear of aggression '
         'from the United States.')
    cues = {q.text: q.cue for q in extract(t, nlp).quotes}
    assert cues == {"unintentionally": "acknowledged", "human error": "blaming"}


def test_statement_noun_before_a_colon_is_the_cue(nlp):
    t = ('Voice of America Director David S. Jackson issued the following statement today in response to '
         'Ethiopian government charges of treason against five VOA journalists: "These charges are false '
         'and are an obvious attempt to intimidate our broadcasters."')
    (q,) = extract(t, nlp).quotes
    assert q.kind == "direct" and q.cue == "issued the following statement" and q.speaker == "David S. Jackson"
    # an object that is no act of speech does not make a cue
    t = 'The company published its annual accounts today: "Revenue rose by 5 per cent."'
    assert extract(t, nlp).quotes == []


def test_quoted_sentence_ends_the_reporters_sentence_before_the_next_one(nlp):
    t = ("The viewer is then asked ‘Confused by drugs? Talk to FRANK.’ The adverts will run for six months on "
         "youth channels, starting tonight during programmes such as ‘Keeping up with the Kardashians’ and "
         "‘8 Out of 10 Cats.’")
    assert texts(nlp, t) == ["Confused by drugs? Talk to FRANK."]
    # a lower-case continuation is the same sentence: the cue before still counts
    t = "The viewer is asked ‘Confused by drugs?’ and told ‘Talk to FRANK.’"
    assert "Talk to FRANK." in texts(nlp, t)


def test_go_is_a_cue_only_as_go_on(nlp):
    t = ("In another, a man suffers a bad ‘comedown’ when an acrobatic stunt goes wrong, whilst in the final "
         "ad a newsagent starts rapping when a young man enters his shop to buy a ‘wrap’.")
    assert texts(nlp, t) == []
    assert texts(nlp, 'He went on: "We will win."') == ["We will win."]


@pytest.mark.parametrize(("text", "cue", "speaker"), [
    ("Hale painted the plan as “a disaster for the port.”", "painted", "Hale"),
    ("Hale further summed up Lowe as “terrible,” and said she was weak.", "summed up", "Hale"),
    ("Ruiz cast the vote as “a betrayal of every worker here.”", "cast", "Ruiz"),
])
def test_a_verb_that_characterises_with_as_frames_the_quoted_words(nlp, text, cue, speaker):
    (q,) = [q for q in extract(text, nlp).quotes if q.kind == "mixed"]
    assert (q.cue, q.speaker) == (cue, speaker)


def test_a_verb_that_characterises_only_with_as_tells_of_no_words_without_it(nlp):
    assert texts(nlp, "Hale painted the fence in “Harbour Blue” last week.") == []
    assert texts(nlp, "The crew cast the nets near “Seal Rock” at dawn.") == []


def test_preposed_report_parsed_as_complement_of_its_content(nlp):
    t = "Deutsche Welle (DW) reported in mid-2019, 62 Tesco outlets had closed within a year."
    (q,) = extract(t, nlp).quotes
    assert q.text == "62 Tesco outlets had closed within a year" and "Deutsche Welle" in q.speaker
    # a belief verb in the same place is no report
    t = "Deutsche Welle (DW) believed in mid-2019, 62 Tesco outlets had closed within a year."
    assert extract(t, nlp).quotes == []


def test_present_tense_continuation_of_a_past_report(nlp):
    t = ("The Austrian partner asked for the price to be kept secret, but the commissioner stated the "
         "purchase was financed by a loan, so it is not a burden on the state budget.")
    assert texts(nlp, t, "indirect") == [
        "the purchase was financed by a loan, so it is not a burden on the state budget"]
    t = ("He remarked toilet paper is a bulky item, leading to low quantity of stocks in numbers, and, when "
         "sold out, leaves vast shelf spaces empty, hardening the feeling of a shortage.")
    (q,) = texts(nlp, t, "indirect")
    assert q.endswith("hardening the feeling of a shortage")
    # a conjunct with its own subject is the reporter's
    t = ("The Regional Water Board announced Monday that it is raising its estimate for reservoir losses "
         "this summer, and the increase is putting pressure on the farmers.")
    assert texts(nlp, t, "indirect") == ["it is raising its estimate for reservoir losses this summer"]


def test_clause_resumed_after_a_parenthetical_cue(nlp):
    t = "The proposal would be helped, Okafor said, by the coming budget season."
    assert texts(nlp, t, "indirect") == ["The proposal would be helped, Okafor said, by the coming budget season"]
    # the cue's own adjuncts, or a participle of the reporter's, are not resumed content
    assert texts(nlp, "The plan failed, Okafor said on Tuesday.", "indirect") == ["The plan failed"]
    t = ("Caldera was the focus of 40 percent of the online chatter about the ferry strike, the harbour "
         "authority announced, gaining 9,000 new subscribers.")
    assert texts(nlp, t, "indirect") == ["Caldera was the focus of 40 percent of the online chatter about the ferry strike"]


def test_cue_after_its_clause_leaves_its_own_subject_out(nlp):
    assert texts(nlp, "The plan failed, he said, when asked about it.", "indirect") == ["The plan failed"]


def test_that_clause_whose_subject_the_parser_lost(nlp):
    t = ("Hollis says that after the storms on the northern coast, Tavener, a former lifeguard, "
         "was ready to volunteer and go to sea.")
    (q,) = texts(nlp, t, "indirect")
    assert q.startswith("after the storms") and q.endswith("go to sea")
    # "that" as a relative pronoun after a noun is no content clause
    assert texts(nlp, "Hollis bought the house that was ready for sale.", "indirect") == []


def test_relative_clause_after_the_cue_is_no_report(nlp):
    t = ('House of Commons Speaker John Bercow commented on the matter — which the BBC noted as an unusual move '
         'by a Speaker — "However it is dressed up, it is blindingly obvious."')
    assert texts(nlp, t, "indirect") == []
    # a relative clause holding its own cue still reports
    t = ("United States President Donald Trump said on Friday he can declare a national state of "
         "emergency, which he said would allow him to act without approval from Congress.")
    assert any(g.startswith("would allow him") for g in texts(nlp, t, "indirect"))


def test_clause_closed_by_a_contrast_is_not_the_later_cues(nlp):
    t = ("He never came out. Saudi Arabia initially denied all claims that Khashoggi was slain, however, a UN "
         "report eventually concluded evidence supported his murder and dismemberment inside the consulate "
         "by Saudi agents.")
    assert not any(g.startswith("Saudi Arabia") for g in texts(nlp, t, "indirect"))
    # without the contrast the preposed clause is the report
    assert texts(nlp, "The plan failed, the minister said.", "indirect") == ["The plan failed"]


def test_a_cue_after_a_dash_with_a_clause_of_its_own_does_not_report_the_one_before(nlp):
    t = "Ann Lowe isn’t rattled about the string of losses she’s faced in the race — in fact, she said it “humanizes” her."
    assert texts(nlp, t, "indirect") == []
    # a cue set off by dashes with no clause after it still reports the clause around it
    t = "The ferry will run again next week — the council said on Monday — and fares will stay the same."
    assert texts(nlp, t, "indirect") == ["The ferry will run again next week"]


def test_background_relative_clause_with_a_trailing_apposition_is_cut(nlp):
    t = ("According to Johnson, this break will allow him to develop plans for his administration, which he is "
         "to present on October 14, the same day the Queen is scheduled to give a speech.")
    assert texts(nlp, t, "indirect") == ["this break will allow him to develop plans for his administration"]
    # a relative clause followed by more of the reported clause is kept
    t = ("According to Johnson, the plans, which he will present on October 14, will be ready in time.")
    assert texts(nlp, t, "indirect") == ["the plans, which he will present on October 14, will be ready in time"]


def test_clause_after_the_cue_phrase_hung_higher_up(nlp):
    t = "Dr. Tomasz Stefaniak was met with applause early today upon announcing to journalists Adamowicz remained alive."
    (q,) = extract(t, nlp).quotes
    assert q.text == "Adamowicz remained alive" and "Tomasz Stefaniak" in q.speaker
    # a clause joined by "and" after a non-speech verb is the reporter's
    assert extract(t.replace("announcing", "waving"), nlp).quotes == []


def test_designation_in_marks_is_a_term(nlp):
    t = ('On Tuesday, the World Health Organization announced the new name: "COVID-19" is to replace the '
         'WHO\'s temporary designation "2019-nCoV."')
    assert "2019-nCoV." not in texts(nlp, t)
    # a sentence mentioning a code is still a quote
    t = 'The pilot radioed "MH17 is down," officials said.'
    assert texts(nlp, t) == ["MH17 is down,"]


def test_cited_source_with_a_that_clause(nlp):
    t = "The Daily Telegraph cited a security source that mental health may be a factor in the attack."
    (q,) = extract(t, nlp).quotes
    assert q.text == "mental health may be a factor in the attack" and q.speaker == "security source"
    # a relative "that" (the clause's own subject) is not a report
    assert extract("The paper cited reports that were later denied.", nlp).quotes == []


def triples(nlp, text):
    return [(q.text, q.kind, q.speaker) for q in extract(text, nlp).quotes]


def test_question_then_speaker_and_cue_is_attributed(nlp):
    t = "“How long must families wait for an answer?” Okafor asked. “Nobody in the ministry can tell us.”"
    got = triples(nlp, t)
    assert got[0] == ("How long must families wait for an answer?", "direct", "Okafor")
    assert got[1] == ("Nobody in the ministry can tell us.", "direct", "Okafor")
    # the same speaker frame after a full stop, with more words after it
    t = "“We are ready.” Okafor said on Monday, standing outside the court in Lagos."
    assert triples(nlp, t) == [("We are ready.", "direct", "Okafor")]


def test_next_sentence_with_a_quote_of_its_own_does_not_attribute_back(nlp):
    t = ('Mayor Lind called the decision "a disgrace to the city." The council answered "We followed the law."')
    got = triples(nlp, t)
    assert got[0][:2] == ("a disgrace to the city.", "mixed") and got[0][2] == "Lind"
    assert got[1][:2] == ("We followed the law.", "direct")
    # a next sentence that only mentions a cue far in ("... was first reported by") frames nothing
    t = ('Rahman says the party will "fight for every vote." The plan was first reported by a local paper.')
    got = triples(nlp, t)
    assert ("fight for every vote.", "mixed", "Rahman") in got


def test_titles_and_initials_do_not_end_the_sentence(nlp):
    t = "Lt. Gov. Maria Ortega says Sen. Paul Reyes is “standing firm” despite losing the vote."
    got = triples(nlp, t)
    assert ("standing firm", "mixed", "Maria Ortega") in got
    t = "George H.W. Almond told reporters the party was “united as never before.”"
    assert ("united as never before.", "mixed", "George H.W. Almond") in triples(nlp, t)


def test_fragment_keeps_the_cue_it_hangs_from(nlp):
    # the cue after the fragment ("warned") starts a report of its own
    t = ("Defence Minister Anna Berg said the country's policy stayed “one of restraint and resolve”, "
         "but she also warned the neighbours against provocations.")
    got = [(q.text, q.kind, q.speaker, q.cue) for q in extract(t, nlp).quotes]
    assert ("one of restraint and resolve", "mixed", "Anna Berg", "said") in got


def test_quoted_rest_of_a_reported_clause_is_mixed(nlp):
    t = "Ryder said it would be naive to think that if the army withdraws, “the fighting is going to stop.”"
    assert triples(nlp, t) == [("the fighting is going to stop.", "mixed", "Ryder")]
    # a lower-case quote that is the verb's own complement stays direct
    t = "Ryder said, “we will not withdraw this year.”"
    assert triples(nlp, t) == [("we will not withdraw this year.", "direct", "Ryder")]


def test_horizontal_bar_signature_line(nlp):
    t = ("“The debate showed me that the candidates do not know our town.” ― Carla Ruiz.\n\n"
         "“I will vote, but without any joy.”\u00a0― Tom Eliot, Jr.")
    got = triples(nlp, t)
    assert got[0] == ("The debate showed me that the candidates do not know our town.", "direct", "Carla Ruiz")
    assert got[1] == ("I will vote, but without any joy.", "direct", "Tom Eliot")


def test_clause_split_by_the_parser_is_one_report(nlp):
    t = ("Fisheries Minister Ines Caldera said the Norwegians released by the Faroe Islands were in many "
         "cases close to finishing their terms, while the boat owners were beyond Norwegian reach.")
    assert texts(nlp, t, "indirect") == [
        "the Norwegians released by the Faroe Islands were in many cases close to finishing their terms, "
        "while the boat owners were beyond Norwegian reach"]


def test_quote_in_the_next_paragraph_floats_after_a_frame(nlp):
    t = ("“Our mayor is the best this town has had,” Halvorsen tells the paper in an interview.\n\n"
         "“She ticks every box. We waited years for her.”\n\n"
         "The race goes on.\n\n"
         "“Nobody claimed this one.”")
    got = triples(nlp, t)
    assert got[1] == ("She ticks every box. We waited years for her.", "direct", "Halvorsen")
    assert all(g[0] != "Nobody claimed this one." for g in got)  # a paragraph in between


def test_put_it_and_criticism_verbs_attribute_fragments(nlp):
    t = "As Senator Ada Moss put it, “the bill is dead.”"
    assert triples(nlp, t) == [("the bill is dead.", "direct", "Ada Moss")]
    t = "Moss blasted the agency for being “hopelessly slow.”"
    assert triples(nlp, t) == [("hopelessly slow.", "mixed", "Moss")]
    t = "Moss put the plan on hold, a “temporary” step."
    assert triples(nlp, t) == []
    t = "Moss characterized the bill as “dead on arrival.”"
    assert triples(nlp, t) == [("dead on arrival.", "mixed", "Moss")]


def test_quoted_sentence_after_a_linking_word_continues_the_speaker(nlp):
    t = ("“No single meeting decides it, not even this one,” Ryder said outside the depot. "
         "But “The strike fund is stronger with the drivers. It matters.”")
    got = triples(nlp, t)
    assert got[1] == ("The strike fund is stronger with the drivers. It matters.", "direct", "Ryder")
    # a linking word with more of the reporter's words is an uncued sentence
    t = ("“It is not do or die,” Ryder said. But many voters called the plan “a gamble that will fail.”")
    assert all(g[2] != "Ryder" or g[0] != "a gamble that will fail." for g in triples(nlp, t))


def test_a_sentence_adverb_or_a_closing_relative_leaves_a_quoted_sentence_the_speakers(nlp):
    # 'Now, "..."': a sentence adverb set off before the quote; '"...," which votes in June.':
    # a relative clause on the quote's last word ends the sentence; neither frames the words
    for mark in ("“”", "''"):
        o, c = (mark[0], mark[1]) if mark == "“”" else ("''", "''")
        t = (f"{o}We were not happy at first,{c} said Ann Lowe, head of policy at the harbour board. "
             f"Now, {o}within the business community there is a sizable group saying this is fine.{c}")
        assert triples(nlp, t)[1][2] == "Ann Lowe"
        t = f"{o}We could win seats in Leeds,{c} said Tom Hale, a senior adviser. {o}We have good chances all the way through Kent,{c} which votes in June."
        assert triples(nlp, t)[1] == ("We have good chances all the way through Kent,", "direct", "Tom Hale")
    # a relative clause the sentence goes on from, or more words before, make the marks a name or a term
    t = '"We could win seats in Leeds," said Tom Hale, a senior adviser. "The Harbour Lights," which opens in June, is sold out.'
    assert len(triples(nlp, t)) == 1
    t = '"We could win seats in Leeds," said Tom Hale, a senior adviser. Now the "new politics" is over.'
    assert len(triples(nlp, t)) == 1


def test_quoted_sentence_after_a_fragment_and_its_cue_floats(nlp):
    t = "Yet the harbour master is also a “quiet reformer,” Cole said. “That is just what the port needs this winter.”"
    got = triples(nlp, t)
    assert got == [("quiet reformer,", "mixed", "Cole"), ("That is just what the port needs this winter.", "direct", "Cole")]
    # a fragment whose cue comes before it gives no floating speaker to a later sentence
    t = "Cole called the plan “a disaster.” The vote is on Monday. “Nobody asked us.”"
    assert [g[0] for g in triples(nlp, t)] == ["a disaster."]


def test_clause_before_a_quote_is_not_reported_by_the_quotes_verb(nlp):
    t = ("Lena Marsh, who coached the rowing club for a decade, listed the rules the club has long "
         "kept: “Punctuality was never up for debate,” she said.")
    got = triples(nlp, t)
    assert [g[:2] for g in got] == [("Punctuality was never up for debate,", "direct")]
    # without a quote in between, the clause before the cue is reported
    t = "The club has long kept strict rules, Lena Marsh said."
    assert texts(nlp, t, "indirect") == ["The club has long kept strict rules"]


def test_doubled_apostrophe_fragments_are_mixed_like_curly_ones(nlp):
    # the NYT archive writes quotation marks as '' ... ''
    t = "Hedge said the ferry service had ''come a long way'' in replacing its old boats."
    assert triples(nlp, t) == [("come a long way", "mixed", "Hedge")]
    t = "''We wanted to own the whole waterfront,'' Tobias Varga said."
    assert triples(nlp, t) == [("We wanted to own the whole waterfront,", "direct", "Tobias Varga")]


def test_a_name_before_a_colon_speaks_the_quote(nlp):
    t = ("The size of the turnout does not surprise local pollster Marta Lindqvist: "
         "“Usually, smaller parishes have shown the strongest interest.”")
    assert triples(nlp, t) == [
        ("Usually, smaller parishes have shown the strongest interest.", "direct", "Marta Lindqvist")]
    t = "Here’s Halvorsen in March 2009: “Our harbour must stay open to every trader.”"
    assert triples(nlp, t)[0][2] == "Halvorsen"
    # a colon after other words is no attribution
    t = "The answer was simple: “We need more money.”"
    assert triples(nlp, t) == []
    # the name with its apposition, as in a transcript of who said what
    t = 'Ann Lowe, the committee chair: "We learned that from the agency."'
    assert triples(nlp, t) == [("We learned that from the agency.", "direct", "Ann Lowe")]
    t = 'Tom Hale, a lawyer for the family, in 2019: "We will appeal."'
    assert triples(nlp, t) == [("We will appeal.", "direct", "Tom Hale")]
    # a described thing with no name is no one to give it to
    t = 'The plan, in short: "Build more homes."'
    assert triples(nlp, t) == []


def test_a_short_label_line_speaks_when_the_article_has_that_name_speak(nlp):
    # in a line this short the NER types no name; the article goes on to have the name speak
    t = 'Ana Ruiz: "The bridge will open in spring."\n\nMayor Ana Ruiz said on Monday the bridge would open.'
    assert triples(nlp, t)[0] == ("The bridge will open in spring.", "direct", "Ana Ruiz")
    t = ('The town waited for years.\n\nRuiz: "The bridge will open in spring."\n\n'
         "Mayor Ana Ruiz said on Monday the bridge would open.")
    assert ("The bridge will open in spring.", "direct", "Ana Ruiz") in triples(nlp, t)
    # a label word, or a name the article uses only for a thing, speaks nothing
    t = 'Update: "The bridge will open in spring."\n\nMayor Ana Ruiz said on Monday the bridge would open.'
    assert [q[0] for q in triples(nlp, t)] == ["the bridge would open"]
    t = 'Spring Bridge: "Open at last"\n\nThe Spring Bridge opened on Monday after the mayor cut the ribbon.'
    assert triples(nlp, t) == []


def test_name_on_topic_label_gives_the_quote_to_the_name_before_on(nlp):
    t = ("Hale on Lowe Publishing His Tax Returns: ‘I Think He Will.’\n\n"
         "On Friday, Mayor Tom Hale said he expected his rival to publish.")
    assert triples(nlp, t)[0] == ("I Think He Will.", "direct", "Tom Hale")
    t = "Bank Chief On Rates: ‘We Are Not Done Yet.’\n\nThe head of the central bank said rates would rise."
    assert triples(nlp, t)[0][:2] == ("We Are Not Done Yet.", "direct")
    assert triples(nlp, t)[0][2] != "Rates"
    # no one named before "on": a topic label gives the words to no one
    t = "Spotlight On Rates: ‘We Are Not Done Yet.’\n\nThe head of the central bank said rates would rise."
    assert [q[0] for q in triples(nlp, t)] == ["rates would rise"]


def test_a_headline_says_line_gives_the_quote_to_the_name_before_says(nlp):
    t = "Ana Ruiz Says Tom Hale ‘Makes You Want To Weep.’\n\nMayor Ana Ruiz has joined the governor's critics."
    assert triples(nlp, t)[0][::2] == ("Makes You Want To Weep.", "Ana Ruiz")
    # an inverted cue after a comma keeps its subject after it
    t = '"The port will close," said Tom Hale, the harbour master.'
    assert triples(nlp, t) == [("The port will close,", "direct", "Tom Hale")]


def test_quoted_words_a_headline_label_goes_on_from_are_mixed(nlp):
    # 'X: ‘...’ more words': the quoted words are a fragment of the label's sentence
    t = "Ana Ruiz: ‘No Doubt’ The Bridge Will Open In Spring\n\nMayor Ana Ruiz said the bridge would open."
    assert triples(nlp, t)[0] == ("No Doubt", "mixed", "Ana Ruiz")
    # the whole complement of a cue after a colon stays direct, words after it or not
    t = 'Ruiz told the council: "We will not wait any longer" and left the room.'
    assert triples(nlp, t) == [("We will not wait any longer", "direct", "Ruiz")]


def test_manner_verbs_report_speech_only_in_the_frame_after_a_quote(nlp):
    t = "“This is wonderful!” beamed Ruth Calloway of Denholm, who had slipped past the stewards."
    assert triples(nlp, t) == [("This is wonderful!", "direct", "Ruth Calloway")]
    t = "“This is great!” Calloway beamed."
    assert triples(nlp, t) == [("This is great!", "direct", "Calloway")]
    # a reaction, a reasoning, a plea: inverted after a quote as well
    t = "“Who is he talking about? Is that profiling?” reacted Okafor."
    assert triples(nlp, t) == [("Who is he talking about? Is that profiling?", "direct", "Okafor")]
    t = "“Let him go, please,” begged Ana Lund."
    assert triples(nlp, t)[0][2] == "Ana Lund"
    # before a quoted fragment the same verbs are not cues
    t = "Ryder offered a “comprehensive” plan on Monday."
    assert triples(nlp, t) == []
    for t in ("Okafor reacted angrily to the “fake news” story on Sunday.",
              "She begged the court for “one more chance” before the ruling."):
        assert triples(nlp, t) == [], t


def test_marks_glued_to_the_words_around_them(nlp):
    t = "Dunmore said,“Look, these delays have no place on a modern railway. Managers should know that.”"
    assert triples(nlp, t) == [
        ("Look, these delays have no place on a modern railway. Managers should know that.", "direct", "Dunmore")]
    # numbers and contractions keep their tokens
    assert [t.text for t in nlp("It's 5,000 votes.")] == ["It", "'s", "5,000", "votes", "."]
    assert [t.text for t in nlp("The U.S.’s policy")] == ["The", "U.S.", "’s", "policy"]


def test_parenthetical_cue_keeps_the_rest_of_its_clause(nlp):
    t = ("Rents have climbed steadily for a decade, he says, especially in the streets near the new tram "
         "line where students now compete with families for flats.")
    got = texts(nlp, t, "indirect")
    assert len(got) == 1 and got[0].endswith("compete with families for flats")
    # a participle after the cue is the reporter's addition
    t = "The plan failed, Moss said, gaining nothing for the party."
    assert texts(nlp, t, "indirect") == ["The plan failed"]


def test_subject_of_a_coordinated_clause_before_the_cue(nlp):
    t = "Okafor jokingly offered the boy a ticket, then says he’ll accept help from anyone who wants to row."
    got = triples(nlp, t)
    assert got == [("he’ll accept help from anyone who wants to row", "indirect", "Okafor")]


def test_a_reported_clause_stops_at_a_paragraph_break(nlp):
    t = ("He said Mayor Ruth Calloway prefers a “wait-and-see policy.”\n\n"
         "Under the revised schedule, buses would run later, stop more often and then return to the depot by midnight.")
    spans = [q.text for q in extract(t, nlp).quotes]
    assert not any("schedule" in s for s in spans), spans
    t = "Clinton said voters would decide\nNovember's vote, aides said."
    assert all("\n" not in s for s in (q.text for q in extract(t, nlp).quotes))


def test_a_cue_after_a_long_subject_frames_an_exclaimed_quote(nlp):
    t = ('"What a summer for our harbour!" Mr. Brandt\'s niece, state Del. Lena Brandt (R-Eastport), '
         'shouted to the crowd. "Every town on the coast is listening."')
    quotes = extract(t, nlp).quotes
    assert [(q.text, q.speaker) for q in quotes] == [
        ("What a summer for our harbour!", "Lena Brandt"), ("Every town on the coast is listening.", "Lena Brandt")]
    # a quoted nickname inside the name neither breaks the frame nor joins the name
    t = '"What a night!" her aunt, Margaret "Peg" Calloway, shouted from the stage.'
    assert [(q.text, q.speaker) for q in extract(t, nlp).quotes] == [("What a night!", "Margaret Calloway")]


def test_an_adverbial_clause_after_the_cue_is_not_what_was_said(nlp):
    t = ("“You should apologise, and you should refund the fares,” Caldera told Brandt, after he admitted "
         "under questioning he had not checked the timetable.")
    quotes = extract(t, nlp).quotes
    assert [(q.kind, q.speaker) for q in quotes] == [("direct", "Caldera")]


def test_a_clause_after_the_quote_a_verb_introduces_is_not_its_report(nlp):
    t = ('Ann Fields told the press in a separate interview, "People have always been accused of spreading '
         'germs[.]" As of Tuesday there had been reports of people avoiding Chinese restaurants in several countries.')
    assert [q.kind for q in extract(t, nlp).quotes] == ["direct"]


def test_a_clause_continuing_a_relative_after_the_cue_is_not_its_report(nlp):
    t = ("“It’s over,” he said of the long dispute over the harbour, in which he was certain the council would "
         "yield and more and more residents along the coast would finally take his side.")
    quotes = extract(t, nlp).quotes
    assert [(q.kind, q.text) for q in quotes] == [("direct", "It’s over,")]


def test_a_signature_closing_the_paragraph_signs_its_opening_quote(nlp):
    t = ("“Nobody who mocks the farmers of this valley deserves our vote. As my father used to say ‘A fence "
         "is only as good as its weakest post.” And that’s what he is “the weakest post of all’.” "
         "―Nadia Brennan.")
    q = extract(t, nlp).quotes[0]
    assert (q.text[:10], q.speaker) == ("Nobody who", "Nadia Brennan")


def test_which_after_a_named_organisation_is_that_organisation(nlp):
    t = ("For the figures, reporters turned to the Varnby Harbour Authority which reported “47 boating "
         "accidents” in the bay between May 1 and August 31.")
    assert extract(t, nlp).quotes[0].speaker == "Varnby Harbour Authority"


def test_a_clause_after_the_frame_does_not_unframe_the_quote(nlp):
    t = ("“We had poured the foundations before we hired [the architect],” Okonjo said, mentioning the "
         "hospital wing is “in its final phase.”")
    assert extract(t, nlp).quotes[0].text.startswith("We had poured")
    t = "''I'm better at fixing engines than I am at writing speeches,'' said Tobias Rennick, half smiling."
    assert [q.speaker for q in extract(t, nlp).quotes] == ["Tobias Rennick"]
    t = ("''What does that prove, she balanced the budget?'' Ms. Varga asked, repeating a charge - that "
         "the former governor was to blame for the deficit - that she made in the primary.")
    assert [q.speaker for q in extract(t, nlp).quotes][:1] == ["Varga"]
    # a clause right after the cue is still the cue's own report
    t = '"It was a disaster," the mayor said the plan was doomed.'
    assert not any(q.kind == "direct" for q in extract(t, nlp).quotes)


def test_a_fragment_after_a_possessive_is_mixed(nlp):
    t = ("Councillor Petra Halvorsen said the charter should restate the city’s thanks to the volunteers’ "
         "“tireless crews,” specifically naming the lifeboat station.")
    q = [q for q in extract(t, nlp).quotes if "tireless" in q.text][0]
    assert q.kind == "mixed"


def test_a_quoted_sentence_after_a_sentence_that_reports_its_speaker(nlp):
    t = ("Her longtime coach, Miriam T. Osei, called her a genius at reading a race from the back of the "
         'pack. "She proved again and again that she could time her finish."')
    q = [q for q in extract(t, nlp).quotes if "proved again" in q.text][0]
    assert (q.speaker, q.cue) == ("Miriam T. Osei", "called")
    # a sentence about a thing reports nobody
    t = 'The report was released on Monday. "It is a disaster for the region," the mayor said.'
    assert [q.speaker for q in extract(t, nlp).quotes] == ["mayor"]
    t = 'It was a cold day in the city. "We will not give up on the plan."'
    assert extract(t, nlp).quotes == []


def test_titles_of_books_and_shows_are_not_quotes(nlp):
    t = ("In her new memoir, ''Salt and Iron,'' and in an interview, Ms. Adeyemi said Mr. Feld had warned "
         "the nurses that the hospital would ''close its doors'' by spring.")
    assert all("Salt" not in q.text for q in extract(t, nlp).quotes)
    t = ("The Harbour Gazette spoke with Dr. Imani Clarke on the latest episode of its science podcast, "
         "“Well, Who Knew.” Hear the full conversation.")
    assert extract(t, nlp).quotes == []
    # a report may still speak
    t = "According to the report, “The economy is strong.”"
    assert [q.speaker for q in extract(t, nlp).quotes] == ["report"]


def test_defending_a_decision_introduces_the_quote_after_it(nlp):
    # invented; "defend" is a speech act only with a quote in its frame
    t = 'The senator defended her vote, "As I have said before, this law protects families."'
    assert [(q.text, q.speaker) for q in extract(t, nlp).quotes] == [
        ("As I have said before, this law protects families.", "senator")]
    assert extract("The army defended the city for three weeks.", nlp).quotes == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Mr. Baxter said of the episode, “I regret it.”", [("direct", "I regret it.", "Baxter")]),
    ("The critic said of the show, “It is the best thing on television.”", [("direct", "It is the best thing on television.", "critic")]),
    # a title after the work's noun stays a title, even after a speech verb
    ("She wrote about the film, “Nothing Happens Here,” in her column.", []),
    ("In his new book, “Born to Wander,” the author looks back.", []),
    ("“Being a grandmother is my real work,” Halvorsen said on the podcast “That’s Our Harbour.”",
     [("direct", "Being a grandmother is my real work,", "Halvorsen")]),
])
def test_a_work_a_speaker_talks_of_is_followed_by_speech_not_its_title(nlp, text, expected):
    assert [(q.kind, text[q.start:q.end], q.speaker) for q in extract(text, nlp).quotes] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # capitalised words right after a possessive name a show or a work, even with the sentence's comma
    ("Mark Ellis, star of television's “Harbour Lights,” thanked the mayor for her work.", []),
    ("Senator Ann Lowe told NBC's “Meet the Press.”", []),
    # a one-word answer a cue frames is no title
    ("Mark Ellis answered the reporter's question. “Never,” he said.", [("direct", "Never,", "Mark Ellis")]),
])
def test_a_title_after_a_possessive_is_a_name_not_a_quote(nlp, text, expected):
    assert [(q.kind, text[q.start:q.end], q.speaker) for q in extract(text, nlp).quotes] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # capitalised words a preposition takes name a show, a song or a place, even with the sentence's comma
    # (the title is no quote of its own; the clause around it is the producers' indirect quote)
    ("As host of “The Morning Show,” Ann Lowe often mocked her guests, her former producers said.",
     [("indirect", "As host of “The Morning Show,” Ann Lowe often mocked her guests", "former producers")]),
    ("She sang in a new clip of “Harbour Nights.” It was her first show.", []),
    # what a speech verb tells of, or words in lower case, are the speaker's
    ('The museum will tell of "Suffering and Delight," the director said.',
     [("mixed", "Suffering and Delight,", "director")]),
    ('The senator warned of "a long and bitter winter," and left.', [("mixed", "a long and bitter winter,", "senator")]),
    ('The mayor announced a plan of "Homes Before Roads." The council agreed.', [("mixed", "Homes Before Roads.", "mayor")]),
    # a possessive stays in its capitalised word: the title is a name, the quote after the cue is the speaker's
    ("As Ann Lowe, author of ''Britain's Harbour Book,'' put it, ''Councils should take the deal today.''",
     [("direct", "Councils should take the deal today.", "Ann Lowe")]),
    ('Lowe said, "Britain\'s Ports Are Full."', [("direct", "Britain's Ports Are Full.", "Lowe")]),
])
def test_a_title_a_preposition_takes_is_a_name_not_a_quote(nlp, text, expected):
    assert [(q.kind, text[q.start:q.end], q.speaker) for q in extract(text, nlp).quotes] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("“The river keeps its own time,” an angry Okafor retaliated. “It never hurries.”",
     [("direct", "The river keeps its own time,", "Okafor"), ("direct", "It never hurries.", "Okafor")]),
    ("“We will win,” the crowd roared at him.", [("direct", "We will win,", "crowd")]),
    # a subject that cannot speak, a quote inside the sentence, a verb with an object of its own
    ("“Not now,” the engine stalled.", []),
    ("The band played “Yesterday,” the crowd danced.", []),
    ("“The Wire,” which HBO aired for years, ended in 2008.", []),
])
def test_any_verb_closing_a_quotes_sentence_with_a_speaking_subject_frames_it(nlp, text, expected):
    assert [(q.kind, text[q.start:q.end], q.speaker) for q in extract(text, nlp).quotes] == expected


def test_an_unclosed_quote_paragraph_ends_before_its_own_frame(nlp):
    """'"There was no warning, said Kessel, ...' with the closing mark forgotten: a speech verb
    after a comma inside the open span, its complement the quoted clause and a third person its
    subject, is the reporter's frame, and the quote ends at that comma."""
    t = ('"There was not much help for parents in those years, said Kessel, whose group backs the bills.\n\n'
         "Some families have since applied.")
    (q,) = extract(t, nlp).quotes
    assert (q.text, q.speaker) == ("There was not much help for parents in those years", "Kessel")
    t = '"We never saw it coming, the mayor said on Monday.\n\nThe town is rebuilding.'
    (q,) = extract(t, nlp).quotes
    assert (q.text, q.speaker) == ("We never saw it coming", "mayor")
    # Not the speaker's own talk of speech ("I said", "we said so"), nor a verb with a clause after it
    for t in ('"We will fight on, because the law is on our side, and we said so in court.',
              '"We will fight on, I said, and we did.',
              '"Nobody warned us, she told reporters that the council had known for years.'):
        before_comma = t[1 : t.index(",")]
        assert before_comma not in [q.text for q in extract(t, nlp).quotes], t


def test_a_relative_clause_of_a_thing_after_a_quote_is_not_its_frame(nlp):
    """'"... for records" that would answer requests ..., Hale wrote': a verb whose subject is the
    relative "that" or "which" tells of what the quote names; the cue is the one further on."""
    t = ('"If the city finds more files, it will search them for records" that would answer requests '
         "from the union, city lawyer Dana Hale wrote in a court filing.")
    (q,) = extract(t, nlp).quotes
    assert (q.speaker, q.cue) == ("Dana Hale", "wrote")
    # "who" tells of a person: the frame's own relative clause, the cue before it stands
    (q,) = extract('"We need the files," said Hale, who asked the court to act.', nlp).quotes
    assert (q.speaker, q.cue) == ("Hale", "said")


def test_a_frame_the_tagger_read_as_a_noun_phrase(nlp):
    """'"...," the editorial read.' / '"...," the memo states.': "read" and "states" tagged as
    nouns ("a good read", "the states") after a determiner and a noun, closing the sentence right
    after a quote of its own: the last word is the cue, the noun before it the speaker."""
    for t, speaker in (("“If she wants the job, she should come to the state,” the editorial read.", "editorial"),
                       ("“Leave is unpaid for the first year,” the company's handbook notes.", "company's handbook"),
                       ("“We cannot support the bill as written,” the two senators write.", "two senators"),
                       ("“We cannot support the bill as written,” the two write.", "two"),
                       ("“The river is clean,” the councillors state in their report, which was sent on Monday.",
                        "councillors")):
        (q,) = extract(t, nlp).quotes
        assert q.speaker == speaker, t
    # a phrase of its own after the noun, then a verb: the noun is the subject, the verb the cue
    (q,) = extract("“We will go,” the state in the north has said.", nlp).quotes
    assert (q.speaker, q.cue) == ("state", "said")
    # Not a quote inside the reporter's sentence, nor a noun that is no speech verb
    for t in ("The slogan “Vote for change,” the party report.",
              "“We will never accept this,” the official statement."):
        assert extract(t, nlp).quotes == [], t


def test_elaborate_and_clarify_report_speech(nlp):
    t = "“As far as I can tell,” she elaborated, “nobody doubted the survey.”"
    assert [q.cue for q in extract(t, nlp).quotes] == ["elaborated", "elaborated"]
    t = "The ministry clarified that the ban applies only to imports from the region."
    assert texts(nlp, t, "indirect") == ["the ban applies only to imports from the region"]
    # without a clause or quote they report nothing
    for t in ("The plan was elaborated over many months by the planning office.",
              "The filters clarified the water before it reached the town."):
        assert extract(t, nlp).quotes == [], t


def test_a_statement_issued_before_a_comma_frames_the_quoted_sentence(nlp):
    """'Hale issued a statement, "Last night ..."': as before a colon, when the noun's words (or its
    verb's adjuncts) run up to the comma and the quoted words are a sentence."""
    for t in ("Immediately after the attacks, Hale issued a statement, “Last night, the city was attacked. "
              "The victims are in the thoughts of everyone here.”",
              "The council released a statement on Friday, “The delay is regrettable.”"):
        (q,) = extract(t, nlp).quotes
        assert q.sieve == "colon.statement" and q.speaker in ("Hale", "council"), t
    # Not a fragment, nor a quote after other words
    for t in ("Hale issued a statement, “a short one,” on Monday.",
              "Hale issued a statement, and by noon “Stop the cuts” was trending."):
        assert extract(t, nlp).quotes == [], t


def test_a_name_after_a_naming_participle_is_no_quote(nlp):
    """'an article titled "..."', 'a campaign called "..."': the words a participle of naming on a
    noun introduces are the thing's name, whatever verb the sentence has."""
    for t in ('Readers can find comfort in an article titled "Harbour Towns Fare Best Where Ferries Still Run Daily."',
              'She wrote a book titled "Why We Fail."',
              'The committee rolled out a campaign called "Party of Trump" on Monday.'):
        assert extract(t, nlp).quotes == [], t
    # a verb of naming with its subject still frames what its subject calls a thing
    (q,) = extract('Hale called the plan "A Gift To The Rich."', nlp).quotes
    assert q.speaker == "Hale"


def test_so_called_with_a_broken_hyphen_is_no_cue(nlp):
    """'the so- called "special relationship"' (a line break's hyphen left in): a term, not a call."""
    for t in ("U.S. firms are the largest investors and the so- called “special relationship” has lasted decades.",
              "The so called “special relationship” has lasted decades."):
        assert extract(t, nlp).quotes == [], t
    # "also called" is a call
    (q,) = extract("Hale also called the deal “a betrayal of the workers.”", nlp).quotes
    assert q.speaker == "Hale"


def test_a_quote_built_into_a_sentence_is_not_framed_by_the_next(nlp):
    """'Ruiz founded "Friends of the Harbour 2008." Ruiz also admitted to ...': the quoted words end
    a sentence of the reporter's, and the cue of the next sentence frames nothing of theirs; a
    quote that is a sentence of its own keeps the frame after it."""
    t = "Years ago, Ruiz set up “Friends of the Harbour 2008.” Ruiz also admitted to misusing its funds."
    assert extract(t, nlp).quotes == []
    (q,) = extract("“We will never give up.” Hale said on Monday.", nlp).quotes
    assert q.speaker == "Hale"


@pytest.mark.parametrize(("text", "expected"), [
    # a plea frames the quote; a court's appeal is no speech, so the cue is looked for elsewhere
    ('The police chief appealed for calm: "Stay in your homes tonight."',
     [("direct", "Stay in your homes tonight.", "police chief")]),
    ('"Please stay in your homes," the police chief appealed.', [("direct", "Please stay in your homes,", "police chief")]),
    ('A spokesman for the council expressed disappointment and that the mayor intends to appeal; "We will fight '
     'this ruling in the higher court."', [("direct", "We will fight this ruling in the higher court.", "spokesman")]),
    ('The coach expressed his frustration: "We gave the game away."', [("direct", "We gave the game away.", "coach")]),
])
def test_appeal_is_a_cue_as_a_plea_and_express_frames_what_was_expressed(nlp, text, expected):
    assert [(q.kind, text[q.start:q.end], q.speaker) for q in extract(text, nlp).quotes] == expected


def test_a_pronoun_object_before_a_colon_points_to_the_quote(nlp):
    # 'worded it', 'put it': the pronoun stands for the words that follow, no thing done
    t = 'Hale worded it even more carefully: "Her practice was to email the officials."'
    assert triples(nlp, t) == [("Her practice was to email the officials.", "direct", "Hale")]
    # a thing as the object still says nothing
    t = 'Hale fixed the old boiler last week: "Her practice was to email the officials."'
    assert triples(nlp, t) == []


@pytest.mark.parametrize(("text", "expected"), [
    # a title and its subtitle name a work ("X: The Y of Z"), whoever wrote it
    ("The film was written by Ann Ruiz, who also wrote “13 Hours: The Long Night of the Harbour,” a bestseller.", []),
    # a sentence with a colon in it is still a quote, and so is a short one in capitals
    ("Hale said: “We will win: the plan is dead.”", [("direct", "We will win: the plan is dead.", "Hale")]),
    ("“We Will Win,” Hale said.", [("direct", "We Will Win,", "Hale")]),
])
def test_a_title_with_its_subtitle_is_a_name_not_a_quote(nlp, text, expected):
    assert [(q.kind, text[q.start:q.end], q.speaker) for q in extract(text, nlp).quotes] == expected


def test_quoted_words_describing_the_speaker_are_not_what_the_cue_reports(nlp):
    t = '"It was a mess," said Ana Ruiz, 34, a nurse who waited in an "extraordinarily long line" outside the school.'
    assert texts(nlp, t) == ["It was a mess,"]
    t = '"We waited," said Tom Hale, whose "quick errand" took four hours.'
    assert texts(nlp, t) == ["We waited,"]
    # negatives: a cue of its own inside the description, or words the cue reports
    t = 'Ana Ruiz, a nurse who called the wait "a scandal," said the line was long.'
    assert "a scandal," in texts(nlp, t, "mixed")
    t = 'Ana Ruiz said the wait was "a scandal" and the line "endless."'
    assert texts(nlp, t, "mixed") == ["a scandal", "endless."]
    t = 'The ban signals "the end of an era" for the town, said Ana Ruiz.'
    assert texts(nlp, t, "mixed") == ["the end of an era"]
