"""Indirect speech the parse makes hard to see (quotes/indirect.py): 'according to' in its
forms, a quoted conjunct beside an unquoted one, and that-less clauses whose subject the parser
took for the verb's object. Invented sentences, each pattern with a case that must give nothing."""

from __future__ import annotations

import pytest

from newsread.quotes import extract

pytestmark = pytest.mark.slow


def quotes(nlp, text):
    return [(q.kind, text[q.start : q.end], q.speaker) for q in extract(text, nlp).quotes]


def test_according_to_a_thing_speaks_for_the_source_it_comes_from(nlp):
    t = "According to data from the Transport Agency, the number of crashes rose by ten percent."
    assert quotes(nlp, t) == [("indirect", "the number of crashes rose by ten percent", "Transport Agency")]


def test_according_to_a_thing_and_a_source_gives_the_source(nlp):
    t = "According to these photos and the BBC, the guards then opened the gate."
    assert quotes(nlp, t) == [("indirect", "the guards then opened the gate", "BBC")]


def test_according_to_a_thing_alone_is_no_quote(nlp):
    assert quotes(nlp, "According to the map, the border runs along the river.") == []


def test_according_to_inside_the_clause_takes_the_whole_sentence(nlp):
    t = "Two workers were, according to the fire brigade, among the injured."
    assert quotes(nlp, t) == [("indirect", "Two workers were, according to the fire brigade, among the injured",
                               "fire brigade")]


def test_according_to_before_or_after_the_clause_leaves_it_out(nlp):
    assert quotes(nlp, "Two workers were among the injured, according to the fire brigade.") == [
        ("indirect", "Two workers were among the injured", "fire brigade")]


def test_a_quoted_conjunct_is_mixed_and_the_unquoted_one_before_it_indirect(nlp):
    t = ("According to the mayor, the attack was among the largest in years and was carried out with "
         "the help of \"people inside the city\".")
    assert quotes(nlp, t) == [("indirect", "the attack was among the largest in years", "mayor"),
                              ("mixed", "people inside the city", "mayor")]


def test_a_quoted_fragment_inside_the_only_clause_is_mixed_alone(nlp):
    t = "According to the mayor, the council \"will never agree\" to the plan."
    assert quotes(nlp, t) == [("mixed", "will never agree", "mayor")]


@pytest.mark.parametrize(("text", "clause", "speaker"), [
    ("The Dutch are big fans of “Night Harbor,” Ms. Lowe said.", "The Dutch are big fans of “Night Harbor,”", "Lowe"),
    ("That could carry him into the “Super Saturday” vote in April, which he is expected to win, Jones said.",
     "That could carry him into the “Super Saturday” vote in April", "Jones"),
])
def test_a_clause_holding_a_quoted_title_or_name_is_the_quote_around_it(nlp, text, clause, speaker):
    # the marks hold no words of the speaker's, so no mixed quote: the clause is the quote, marks and all
    assert quotes(nlp, text) == [("indirect", clause, speaker)]


def test_a_stray_phrase_with_a_title_is_no_quote_when_the_verb_reports_a_fragment(nlp):
    t = ("Sitting down with “The Late Show” on Thursday, during which she also spoke about her family, "
         "Lowe remarked that she was “a little surprised” by the vote.")
    assert quotes(nlp, t) == [("mixed", "a little surprised", "Lowe")]


def test_according_to_with_a_quoted_title_in_the_sentence_takes_the_sentence(nlp):
    t = "According to Variety, the show drew its best ratings since “Night Harbor” began in 2012."
    assert quotes(nlp, t) == [("indirect", "the show drew its best ratings since “Night Harbor” began in 2012",
                               "Variety")]


@pytest.mark.parametrize(("text", "clause"), [
    ("According to the club's old website, “Gold Member” was the highest rank it offered that year.",
     "“Gold Member” was the highest rank it offered that year"),
    ('According to the club\'s old website, "Gold Member" was the highest rank it offered that year.',
     '"Gold Member" was the highest rank it offered that year'),
])
def test_a_reported_clause_opening_with_a_quoted_title_starts_at_its_mark(nlp, text, clause):
    assert quotes(nlp, text) == [("indirect", clause, "club")]


def test_a_clause_holding_quoted_words_of_the_speaker_is_mixed_not_indirect(nlp):
    # (the negative case: the speaker's own words in the clause keep the mixed rule)
    t = "Lowe said the plan was “a gift to developers” and would fail."
    assert ("mixed", "a gift to developers", "Lowe") in quotes(nlp, t)
    assert not any(k == "indirect" and "gift" in span for k, span, _ in quotes(nlp, t))


@pytest.mark.parametrize(("text", "clause"), [
    ("The mayor commented the new parking rules Friday were a costly mistake.",
     "the new parking rules Friday were a costly mistake"),
    ("Senator Jane Holt commented the governor's letters on Monday were as close to an apology as anyone will get.",
     "the governor's letters on Monday were as close to an apology as anyone will get"),
    ("Sky News reported the studio due to the strike has delayed a new episode.",
     "the studio due to the strike has delayed a new episode"),
])
def test_a_that_less_clause_keeps_the_subject_the_parser_took_for_an_object(nlp, text, clause):
    assert [q[1] for q in quotes(nlp, text)] == [clause]


@pytest.mark.parametrize("text", [
    "The minister thanked the volunteers on Monday.",
    "The minister told reporters on Monday about the plan.",
])
def test_an_object_with_no_clause_after_it_is_no_quote(nlp, text):
    assert quotes(nlp, text) == []


def test_a_directive_with_a_bare_subjunctive_reports_it(nlp):
    assert quotes(nlp, "The council requested the company pay for the damage.") == [
        ("indirect", "the company pay for the damage", "council")]


@pytest.mark.parametrize("text", [
    "Coles ordered bigger packages from suppliers.",  # ordering goods is not speech
    "The judge ordered police to clear the square.",  # an infinitive, not a clause
])
def test_an_order_of_things_or_an_infinitive_is_no_quote(nlp, text):
    assert quotes(nlp, text) == []


def test_according_to_a_role_with_the_name_beside_it_is_that_name(nlp):
    t = "According to the Springfield mayor, Ann Lowe, during the weekend, police were investigating the fire."
    [(kind, span, who)] = quotes(nlp, t)
    assert (kind, who) == ("indirect", "Ann Lowe") and span.endswith("police were investigating the fire")
    assert "Ann Lowe" not in span


def test_according_to_a_role_followed_by_another_phrase_keeps_the_role(nlp):
    t = "According to the Springfield mayor, the police, who arrived late, were investigating the fire."
    assert [q[2] for q in quotes(nlp, t)] == ["Springfield mayor"]


# "Per X," opening a sentence is "according to X"; "per" in a rate or before guidelines is not
@pytest.mark.parametrize(("text", "expected"), [
    ("Per figures reported by the health ministry, the number of cases rose to 400 last week.",
     [("indirect", "the number of cases rose to 400 last week", "health ministry")]),
    ("Per the ministry, the number of cases rose to 400 last week.",
     [("indirect", "the number of cases rose to 400 last week", "ministry")]),
    ("Per WHO guidelines, patients must wear masks.", []),
    ("Wages rose by 3 per cent. Tickets cost $5 per hour.", []),
])
def test_per_a_source_opening_the_sentence_attributes_it(nlp, text, expected):
    assert quotes(nlp, text) == expected


# "cited / quoted X as saying": X said it, not the outlet that cites
@pytest.mark.parametrize(("text", "expected"), [
    ("The newspaper cited a senior official as saying the talks had collapsed.",
     [("indirect", "the talks had collapsed", "senior official")]),
    ("The paper quoted Mayor Ann Lowe as saying, \"The bridge will reopen.\"",
     [("direct", "The bridge will reopen.", "Ann Lowe")]),
    ("The Daily Telegraph cited a security source that the suspect had fled.",
     [("indirect", "the suspect had fled", "security source")]),
    # the outlet's own words: it speaks
    ("The newspaper said the talks had collapsed, citing a senior official.",
     [("indirect", "the talks had collapsed", "newspaper")]),
])
def test_the_one_cited_as_saying_is_the_speaker(nlp, text, expected):
    assert quotes(nlp, text) == expected


# Time words right after the verb date the saying, not the clause
@pytest.mark.parametrize(("text", "clause"), [
    ("Police said Tuesday the suspect had fled.", "the suspect had fled"),
    ("Police said on Tuesday the suspect had fled.", "the suspect had fled"),
    ("Erdogan also said earlier he might rename the square.", "he might rename the square"),
    # part of the clause's subject, or after "that": the clause keeps them
    ("She said earlier talks had failed.", "earlier talks had failed"),
    ("He said Tuesday's vote was a mistake.", "Tuesday's vote was a mistake"),
    ("Police said that on Tuesday the suspect had fled.", "on Tuesday the suspect had fled"),
])
def test_time_words_after_the_verb_are_not_the_reported_clause(nlp, text, clause):
    assert [span for _, span, _ in quotes(nlp, text)] == [clause]


# A speech participle after a comma starts a report of its own: the clause before stops there
@pytest.mark.parametrize(("text", "expected"), [
    ("Murphy claimed she made the decision alone, insisting she was \"never pressured\" by anyone.",
     [("indirect", "she made the decision alone", "Murphy"), ("mixed", "never pressured", "Murphy")]),
    ("Marlow said the row over the harbour is costing votes, pointing to the results in Dunmore.",
     [("indirect", "the row over the harbour is costing votes", "Marlow")]),
    # a participle that says nothing keeps its place in the clause
    ("Marlow said the row over the harbour is costing votes, leaving him weaker.",
     [("indirect", "the row over the harbour is costing votes, leaving him weaker", "Marlow")]),
])
def test_a_speech_participle_after_a_comma_ends_the_clause_before_it(nlp, text, expected):
    assert quotes(nlp, text) == expected


# A parenthetical cue after a clause of the report's own keeps that clause in the span
@pytest.mark.parametrize(("text", "span"), [
    ("Because warm water is buoyant, says the study, it rises above cooler water.",
     "Because warm water is buoyant, says the study, it rises above cooler water"),
    # after a scene-setting adverbial, the span starts after the cue
    ("In between, the study says, warm water rises above cooler water.", "warm water rises above cooler water"),
])
def test_a_clause_before_a_parenthetical_cue_is_part_of_the_report(nlp, text, span):
    assert [s for _, s, _ in quotes(nlp, text)] == [span]


# Who speaks an infinitive's quoted words: the object of a causative verb, the subject of a
# directive (the annotation keeps a directive's fragment with the one who directs)
@pytest.mark.parametrize(("text", "name"), [
    ("That prompted Lowe to crack a joke and call the mayor \"very brave.\"", "Lowe"),
    ("The coach urged the players to say \"we believe\" before every match.", "coach"),
])
def test_a_causative_verbs_object_speaks_its_infinitive(nlp, text, name):
    assert [s for _, _, s in quotes(nlp, text)] == [name]


def test_an_inverted_cue_before_a_colon_names_the_speaker(nlp):
    t = "Martin Hale spoke first. Continued Hale: \"So I think the flooding is a serious problem.\""
    assert quotes(nlp, t) == [("direct", "So I think the flooding is a serious problem.", "Martin Hale")]


@pytest.mark.parametrize(("text", "expected"), [
    ("The judge ordered the defendant remain in jail until the trial.",
     [("indirect", "the defendant remain in jail until the trial", "judge")]),
    ("The mayor ordered the square be cleared before noon.", [("indirect", "the square be cleared before noon", "mayor")]),
    ("Protesters demanded the minister resign immediately.", [("indirect", "the minister resign immediately", "Protesters")]),
    ("Judge Ann Lowe ordered the accused remain in custody.", [("indirect", "the accused remain in custody", "Ann Lowe")]),
    ("She demanded answers from the council.", []),  # an object, no clause
    ("The mayor ordered new buses for the city.", []),
    ("The manager ordered the staff remains on site.", []),  # present tense: no directive's subjunctive
])
def test_an_order_or_demand_reports_only_a_subjunctive_clause(nlp, text, expected):
    assert quotes(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("A storm hit the town on Monday, killing 12 people, reported officials, with 30 others missing.",
     [("indirect", "A storm hit the town on Monday, killing 12 people", "officials")]),
    ("The toll rose to 22, reported local media.", [("indirect", "The toll rose to 22", "local media")]),
    ("The bridge was closed, reported the newspaper on Monday.", [("indirect", "The bridge was closed", "newspaper")]),
    ("The firm expanded abroad, reported record profits.", []),  # profits cannot speak: a shared subject
    ("She won the race, thanked her coach.", []),
])
def test_an_inverted_cue_after_the_clause_has_its_object_as_the_speaker(nlp, text, expected):
    assert quotes(nlp, text) == expected


def test_according_to_x_a_clause_then_a_colon_and_a_quote_gives_both(nlp):
    t = 'According to the city engineer, Maria Lund, the tunnel could flood within hours: "We are running out of time."'
    assert quotes(nlp, t) == [("indirect", "the tunnel could flood within hours", "Maria Lund"),
                              ("direct", "We are running out of time.", "Maria Lund")]
    assert quotes(nlp, 'According to Lund: "We have lost six months."') == [("direct", "We have lost six months.", "Lund")]


def test_a_noun_the_parser_apposed_to_the_source_is_the_clauses_subject(nlp):
    t = "According to Attorney Bash, the manifesto if written by the suspect could strengthen the case."
    assert quotes(nlp, t) == [("indirect", "the manifesto if written by the suspect could strengthen the case", "Bash")]


def test_a_cue_in_a_conditional_clause_attributes_no_quote(nlp):
    t = 'According to Ann Lowe, the letter if written by the suspect could matter: "It changes the case."'
    assert [q[2] for q in quotes(nlp, t)] == ["Ann Lowe", "Ann Lowe"]


@pytest.mark.parametrize(("text", "span", "speaker"), [
    ("The dam, says the report, will hold for another decade.",
     "The dam, says the report, will hold for another decade", "report"),
    ("The bridge, said the engineer, would need repairs.", "The bridge, said the engineer, would need repairs", "engineer"),
])
def test_a_parenthetical_inverted_cue_inside_the_clause(nlp, text, span, speaker):
    assert quotes(nlp, text) == [("indirect", span, speaker)]


@pytest.mark.parametrize(("text", "speaker"), [
    # the parser hangs both subjects on the cue, leaving the clause after it without one
    ("The new rules, the ministry said in a statement, will take effect in May.", "ministry"),
    ("The ferry, the captain said on Monday, was late again.", "captain"),
    # or makes the speaker an apposition of the clause's subject
    ("The mayor, Tom Hale wrote, is a careful man.", "Tom Hale"),
    ("His brother, Tom Hale said in a letter, was innocent.", "Tom Hale"),
])
def test_a_cue_set_off_inside_its_clause_gives_the_clause_to_the_speaker_beside_it(nlp, text, speaker):
    assert quotes(nlp, text) == [("indirect", text.rstrip("."), speaker)]


@pytest.mark.parametrize("text", [
    "The mayor, Tom Hale, wrote a letter to the council.",  # a name between commas, then its verb
    "The ferry, the captain said, and the bus were late.",  # no clause after the cue
])
def test_a_name_set_off_before_its_own_verb_reports_nothing(nlp, text):
    assert quotes(nlp, text) == []


def test_a_name_before_a_cue_with_its_own_clause_keeps_that_clause(nlp):
    t = "Our neighbour, Tom Hale said the port would close."
    assert quotes(nlp, t) == [("indirect", "the port would close", "Tom Hale")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Neither government named the 12 countries they said were involved.", "were involved"),
    ("The mayor praised the plan the council said it would fund.", "it would fund"),
])
def test_a_report_in_a_relative_clause_without_a_relativiser_starts_at_its_verb(nlp, text, expected):
    assert [q[1] for q in quotes(nlp, text)] == [expected]


def test_a_that_less_clause_parsed_as_a_conjunct_of_the_object(nlp):
    t = "The chairman has repeatedly maintained an inquiry is what the committee is already doing."
    assert quotes(nlp, t) == [("indirect", "an inquiry is what the committee is already doing", "chairman")]
    assert quotes(nlp, "He reported the theft and is now waiting for the police.") == []


@pytest.mark.parametrize("text", [
    "No official said the talks failed.",
    "Nobody said the talks failed.",
    "Neither side confirmed the deal was done.",
])
def test_a_subject_that_says_nobody_spoke_is_negated_speech(nlp, text):
    assert quotes(nlp, text) == []


def test_no_fewer_than_is_not_a_negation_and_neither_nor_joins_two_speakers(nlp):
    assert [q[2] for q in quotes(nlp, "No fewer than ten officials said the talks failed.")] == ["No fewer than ten officials"]
    assert [q[2] for q in quotes(nlp, "Neither French nor German officials gave the list of the sites they said were hit.")] == [
        "French and German officials"]


@pytest.mark.parametrize(("text", "expected"), [
    ("According to the town's charter, the deputy mayor would normally take over, but that post stands empty.",
     [("indirect", "the deputy mayor would normally take over", "town's charter")]),
    ("According to the charter, the deputy would take over and the council would vote within a month.",
     [("indirect", "the deputy would take over and the council would vote within a month", "charter")]),
    ("The minister was taken to hospital in May and according to the ministry he died there on Friday.",
     [("indirect", "he died there on Friday", "ministry")]),
    ("The minister was ill, and according to his family, he died on Friday.", [("indirect", "he died on Friday", "family")]),
    # a shared subject: the phrase sits inside one clause, which is all the source's
    ("Zimbabwe had a strong economy and, according to CNN, was called the breadbasket of Africa.",
     [("indirect", "Zimbabwe had a strong economy and, according to CNN, was called the breadbasket of Africa", "CNN")]),
])
def test_the_scope_of_according_to_among_coordinated_clauses(nlp, text, expected):
    assert quotes(nlp, text) == expected


def test_a_quote_after_a_colon_speaks_for_the_clause_subject_across_the_paragraph(nlp):
    t = 'After the crash, the union leader Ann Lowe issued the following statement:\n\n"Our thoughts are with the families tonight."'
    assert [(q.kind, q.speaker) for q in extract(t, nlp).quotes] == [("direct", "Ann Lowe")]
    t = 'The company published its annual accounts:\n\n"Revenue grew by ten percent in all regions this year."'
    assert extract(t, nlp).quotes == []
    t = 'Lowe has since apologised for the mix-up: "I should have checked the dates. It was my error."'
    assert [(q.kind, q.speaker) for q in extract(t, nlp).quotes] == [("direct", "Lowe")]


@pytest.mark.parametrize(("text", "speaker"), [
    ('Ann Lowe spoke on the radio.\n\nContinued Lowe: "So I think the flooding is a serious problem. We must watch the tide."', "Ann Lowe"),
    ('Ann Lowe spoke on the radio.\n\nStated Lowe:\n\n"I believe the harbour can still be saved. We will fight for it."', "Ann Lowe"),
])
def test_an_inverted_cue_and_a_name_before_a_colon(nlp, text, speaker):
    assert [q.speaker for q in extract(text, nlp).quotes] == [speaker]


def test_a_capitalised_word_before_the_colon_that_is_no_cue_names_nobody(nlp):
    assert extract('The menu.\n\nRed Lobster: "A classic dish of the coast, served daily."', nlp).quotes == []


def test_a_participle_borrows_only_a_subject_that_can_speak(nlp):
    t = 'Ann Lowe made clear that her dinner with the bishop was not a campaign event, saying critics should "find a better story."'
    assert [(q.kind, q.speaker) for q in extract(t, nlp).quotes] == [("mixed", "Ann Lowe")]


def test_went_so_far_as_to_say_is_the_subjects(nlp):
    t = 'The columnist Ann Lowe went so far as to say: "The ferry timetable is a work of fiction."'
    assert [q.speaker for q in extract(t, nlp).quotes] == ["Ann Lowe"]


def test_a_surname_the_tagger_took_for_an_adverb_speaks(nlp):
    t = 'Told of the ruling, Soon described it as "a surprise to everyone."'
    assert [(q.kind, q.speaker) for q in extract(t, nlp).quotes] == [("mixed", "Soon")]


@pytest.mark.parametrize(("text", "speakers"), [
    ('The senator made the point: "Nobody reads these bills before the vote."', ["senator"]),
    ("Lowe's letter makes a blunt case: \"The council has failed us. It must go.\"", ["Lowe"]),
    ('The company published its annual accounts: "Revenue grew by ten percent."', []),
])
def test_a_clause_making_a_case_or_a_point_before_a_colon_speaks(nlp, text, speakers):
    assert [q.speaker for q in extract(text, nlp).quotes] == speakers


@pytest.mark.parametrize(("text", "speakers"), [
    ('Lowe dismissed the notion that the audit was rigged, saying that if she "saw anything wrong, I would report it."', ["Lowe"]),
    ('Lowe has fought the harbour board for years, at one stage calling the chairman a "clown."', ["Lowe"]),
    ('Dispatchers received 911 calls saying "water rising" inside the tunnel.', ["911 calls"]),
    ('The council released a statement saying the bridge was "unsafe."', ["council"]),
])
def test_a_participle_on_a_noun_that_cannot_speak_speaks_for_the_clause_around_it(nlp, text, speakers):
    assert [q.speaker for q in extract(text, nlp).quotes] == speakers


def test_a_cue_after_a_quote_and_an_apposed_age_keeps_its_subject(nlp):
    t = '"We should have shut the mill long before the flood came," Okafor, 61, told the Herald on Friday.'
    assert [q.speaker for q in extract(t, nlp).quotes] == ["Okafor"]


@pytest.mark.parametrize(("text", "expected"), [
    ("The court found that the ban was unlawful.", [("indirect", "the ban was unlawful", "court")]),
    ("Judge Ann Lowe ruled that the evidence could not be used.", [("indirect", "the evidence could not be used", "Ann Lowe")]),
    ("Researchers found that the ice was melting faster.", []),  # a finding, no judgment
    ("The council decided the road would close.", []),
    ("The judge found a wallet on the bench.", []),
    ('The European Court of Justice ruled in "Lowe vs. Facebook Ireland Limited" on Thursday.', []),  # a case's name
])
def test_a_court_or_judge_finding_ruling_or_deciding_a_clause_reports_it(nlp, text, expected):
    assert quotes(nlp, text) == expected


def test_a_court_described_by_its_size_is_the_court_named_before(nlp):
    t = 'The Court of Session heard the case on Tuesday. The three-judge court found the advice "was motivated by an improper purpose."'
    assert [q.speaker for q in extract(t, nlp).quotes] == ["Court of Session"]
    t = "The High Court heard the case. The appeals court said the ruling would stand."
    assert [q.speaker for q in extract(t, nlp).quotes] == ["appeals court"]


@pytest.mark.parametrize(("text", "speakers"), [
    ('"It is a disgrace," one voter said. "We deserve better," said another.', ["one voter", "another"]),
    ("Many argued that the tax was unfair, while some said it came too late.", ["Many", "some"]),
    ("Several of the residents said that the road was dangerous.", ["Several of the residents"]),
    ("The two officers met in May. Each said the meeting was cordial.", ["Each"]),
    ('"We are done," said one voter. "We will be back," tweeted another.', ["one voter", "another"]),
    ("Two of the officers said that the door was open.", ["Two of the officers"]),
    ("About six in 10 said the council had let them down.", ["About six in 10"]),
    # the tagger reads a bare "most" as an adverb (RBS); as the subject it still counts the speakers
    ("Voters were worried about the port; most said they were angry.", ["most"]),
    # a quantifier inside the clause, on a noun, or a number that counts no speakers is no speaker of its own
    ("Sixty seats were up for grabs in the region, officials said.", ["officials"]),
    ("Officials said that some of the money was missing.", ["Officials"]),
    ("Many residents said the bridge was unsafe.", ["Many residents"]),
])
def test_a_quantifier_standing_for_its_speakers_is_the_speaker(nlp, text, speakers):
    assert [q.speaker for q in extract(text, nlp).quotes] == speakers


@pytest.mark.parametrize(("text", "expected"), [
    ("The senator “gives support to Bay Street,” aide Dana Reyes wrote on Twitter.",
     [("mixed", "gives support to Bay Street,", "Dana Reyes")]),
    # with "and" the second clause is a sentence of its own, and without the comma no frame
    ("The senator “gives support to Bay Street,” and aide Dana Reyes wrote a letter.", []),
    ("The senator “gives support to Bay Street” and aide Dana Reyes wrote a letter.", []),
])
def test_a_cue_the_parser_made_a_conjunct_of_the_quoted_words_frames_them(nlp, text, expected):
    assert quotes(nlp, text) == expected


@pytest.mark.parametrize(("text", "speaker"), [
    ("Forecasters agree - Mary Dunmore: “The first lesson was the simplest one.”", "Mary Dunmore"),
    ("Press shares blame in ferry fiasco - PortWatch: “Planners are facing a storm of complaints.”", "PortWatch"),
    # the words after the dash are no name, or the dash is a hyphen: the cue's subject speaks
    ("The mayor said - after a long pause: “We have not had a night like this in years.”", "mayor"),
    ("The students agree with Jean-Luc Martin: “We have not had a night like this in years.”", "students"),
])
def test_a_name_after_a_headline_and_a_dash_is_given_the_quote_after_its_colon(nlp, text, speaker):
    assert [q.speaker for q in extract(text, nlp).quotes] == [speaker]


@pytest.mark.parametrize(("text", "speaker"), [
    ('The march was held near the docks, where about 30 strikers had gathered, chanting "no quota, no vote."', "strikers"),
    ('The vote was delayed after the mayor arrived, saying "we need more time."', "mayor"),
    # the clause before cannot speak either, or the participle's own subject can: nothing moves
    ('The law was passed after the storm, when the plant had flooded, saying "never again."', "law"),
    ('The mayor left the hall after the vote was taken, saying "we need more time."', "mayor"),
])
def test_a_participle_after_a_thing_speaks_for_the_person_of_the_clause_before_it(nlp, text, speaker):
    assert [q.speaker for q in extract(text, nlp).quotes] == [speaker]


@pytest.mark.parametrize(("text", "expected"), [
    ('Mayor Ann Lowe credited the win to "a team I am proud of."', [("mixed", "a team I am proud of.", "Ann Lowe")]),
    # an infinitive that modifies a noun ("the authority to close") is no verb of its own: the clause's
    ('Dev Malhotra spoke on Tuesday. In 2019, he had lobbied for the authority to close the harbour with '
     '"the anger of a fisherman who has watched our docks burn."',
     [("mixed", "the anger of a fisherman who has watched our docks burn.", "Dev Malhotra")]),
    ('The senator stood by her remark that "we cannot trust them," refusing to apologise.',
     [("mixed", "we cannot trust them,", "senator")]),
    # a short or title-cased phrase, or a subject that cannot speak: somebody's words are not shown
    ('Voters chose "my candidate" in large numbers.', []),
    ('The company\'s motto, "We Build Trust," hangs in every office.', []),
    ('The law protects "our right to privacy" in all cases.', []),
])
def test_words_in_the_first_person_are_the_words_of_the_subject_of_the_verb_they_hang_from(nlp, text, expected):
    assert quotes(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a quoted phrase the reported clause takes after a comma is mixed, whatever its capitals
    ('The charter states that members may be expelled for, and barred from, "Gross Misconduct, Fraud, or Other '
     'Serious Breaches."', [("mixed", "Gross Misconduct, Fraud, or Other Serious Breaches.", "charter")]),
    ('The rules say that a player can be sent off for, "Violent Conduct or Serious Foul Play."',
     [("mixed", "Violent Conduct or Serious Foul Play.", "rules")]),
    # a sentence of the speaker's after the comma (it has a verb) stays direct, without its clause
    ('The mayor said that, when asked about the plan, "We Will Not Stop Now."',
     [("direct", "We Will Not Stop Now.", "mayor")]),
])
def test_a_verbless_quoted_phrase_inside_the_reported_clause_is_mixed(nlp, text, expected):
    assert quotes(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the clause the quoted words complete, and a conjunct sharing their preposition, are the mixed quote's
    ('The report says that the firm was fined for, and later sued over, "serious and repeated fraud."',
     [("mixed", "serious and repeated fraud.", "report")]),
    ('The coach said his players were punished for, and then banned over, "a night of shameful behaviour."',
     [("mixed", "a night of shameful behaviour.", "coach")]),
    # an unquoted conjunct of its own keeps its indirect quote
    ('The doctor said the boy was stable and "there is real hope."',
     [("indirect", "the boy was stable", "doctor"), ("mixed", "there is real hope.", "doctor")]),
    ('Jackson says the charges are false and "an attempt to intimidate."',
     [("indirect", "the charges are false", "Jackson"), ("mixed", "an attempt to intimidate.", "Jackson")]),
])
def test_the_parts_of_a_clause_that_share_its_quoted_fragment_are_left_to_the_mixed_quote(nlp, text, expected):
    assert quotes(nlp, text) == expected



@pytest.mark.parametrize(("text", "expected"), [
    ("Witnesses said the man shouted at the staff and asked which of them he should talk to.",
     [("indirect", "the man shouted at the staff and asked which of them he should talk to", "Witnesses")]),
    ("Parents said the coach had picked the team and knew which boys he would like to work with.",
     [("indirect", "the coach had picked the team and knew which boys he would like to work with", "Parents")]),
])
def test_a_preposition_its_own_clause_strands_keeps_the_clause(nlp, text, expected):
    assert quotes(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an inverted cue after a comma that the parser read as an adjective of its subject
    ("The death toll rose to 40 on Monday, confirmed officials, with 25 others injured.",
     [("indirect", "The death toll rose to 40 on Monday", "officials")]),
    ("The death toll rose to 40, confirmed officials.", [("indirect", "The death toll rose to 40", "officials")]),
    # the phrase goes on, or its noun cannot speak: an adjective after all
    ("She thanked the volunteers, confirmed donors and staff for their help.", []),
    ("The team beat the champions, reported scores show.", []),
])
def test_an_inverted_cue_read_as_an_adjective_of_its_subject_frames_the_clause_before(nlp, text, expected):
    assert quotes(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a cue set off by commas right after the relative pronoun reports the predicate after it,
    # as it does without the commas
    ("The driver, who, police said, had been drinking, was arrested at the scene.",
     [("indirect", "had been drinking", "police")]),
    ("The bridge, which, engineers warned, could collapse at any time, was closed.",
     [("indirect", "could collapse at any time", "engineers")]),
    ("The driver, who police said had been drinking, was arrested.", [("indirect", "had been drinking", "police")]),
    # no cue between the commas, or a cue with an object of its own: nothing is reported
    ("The mayor, who, as you know, said nothing, left.", []),
    ("The coach, who, the players said, the club had fired, was seen leaving.", []),
])
def test_a_cue_set_off_after_a_relative_pronoun_reports_the_predicate_after_it(nlp, text, expected):
    assert quotes(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a projection or forecast with a clause is a report (ANNOTATION_NOTES: projections are communication)
    ("The vote followed the election, which several networks have projected the senator won by a wide margin.",
     [("indirect", "the senator won by a wide margin", "networks")]),
    ("Analysts forecast that prices will fall next year.", [("indirect", "prices will fall next year", "Analysts")]),
    # without a clause it reports nothing
    ("The company projected growth of five percent.", []),
    ("The film was projected onto the wall of the church.", []),
])
def test_a_projection_with_a_clause_is_reported_speech(nlp, text, expected):
    assert quotes(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a participle after the clause holding a quote another cue frames is the reporter's addition
    ('Because the water is warmer, says the report, it rises above the ice, creating what the experts describe '
     'as a "hidden river" under the shelf.',
     [("indirect", "Because the water is warmer, says the report, it rises above the ice", "report"),
      ("mixed", "hidden river", "experts")]),
    # with no cue of its own, the quoted words are the clause's speaker's
    ('The dam, the engineer said, will hold the water back, creating a "safe harbour" for boats.',
     [("mixed", "safe harbour", "engineer")]),
])
def test_a_participle_holding_a_quote_framed_by_its_own_cue_is_left_out_of_the_clause(nlp, text, expected):
    assert quotes(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a quoted fragment in the infinitive of "direct" or "instruct" is the directing speaker's (mixed)
    ('The mayor directed the police to "clear the square by noon."', [("mixed", "clear the square by noon.", "mayor")]),
    ('The judge instructed the jury to "ignore the last remark."', [("mixed", "ignore the last remark.", "judge")]),
    # without an infinitive they are no speech: a film's title, a film's maker
    ('Spielberg directed "Jaws" in 1975.', []),
    ('Ann Lowe directed "a film about nothing" in 1998 and won a prize for it.', []),
])
def test_a_directive_is_a_cue_only_with_an_infinitive(nlp, text, expected):
    assert quotes(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an infinitive of purpose after a cue set off by commas goes on with the clause it interrupts
    ("The bridge would be inspected, Jones said, to determine whether it was safe.",
     [("indirect", "The bridge would be inspected, Jones said, to determine whether it was safe", "Jones")]),
    # a participle there is the reporter's addition
    ("The plant will close in May, the company announced, drawing protests.",
     [("indirect", "The plant will close in May", "company")]),
])
def test_an_infinitive_after_a_cue_inside_its_clause_continues_the_clause(nlp, text, expected):
    assert quotes(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an inverted cue the parser made a conjunct of the clause before it reports that clause
    ("The storm flooded the valley, said police, and the road was closed.",
     [("indirect", "The storm flooded the valley", "police")]),
    # in the usual order the cue reports what follows it
    ("The storm flooded the valley, and police said the road was closed.",
     [("indirect", "the road was closed", "police")]),
])
def test_an_inverted_cue_read_as_a_conjunct_reports_the_clause_before(nlp, text, expected):
    assert quotes(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a passive clause whose subject the parser hung on the auxiliary ("the border <- was") is finite
    ("A spokesman for the army said the border was closed.", [("indirect", "the border was closed", "spokesman")]),
    ("An official at the port said the deal was closed.", [("indirect", "the deal was closed", "official")]),
    # a passive infinitive stays a directive, no report
    ("The spokesman urged the border to be closed.", []),
])
def test_a_passive_clause_with_its_subject_on_the_auxiliary_is_reported(nlp, text, expected):
    assert quotes(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the speaker read as an apposition of the source "according to" names, the cue left without a subject
    ('According to the BBC, a lawyer at 40 Main Street said; "We will appeal."', [("direct", "We will appeal.", "lawyer")]),
    ('According to Sky News, an aide for the White House said; "We will appeal."', [("direct", "We will appeal.", "aide")]),
    # a true apposition, set off by commas, describes the source, and the clause has its own subject
    ("According to Smith, the mayor, the bridge will close on Monday.",
     [("indirect", "the bridge will close on Monday", "Smith")]),
    ("In London, the capital, protesters said the march would go ahead.",
     [("indirect", "the march would go ahead", "protesters")]),
])
def test_a_subject_read_as_an_apposition_of_a_leading_preposition_speaks(nlp, text, expected):
    assert quotes(nlp, text) == expected


@pytest.mark.parametrize(("text", "speaker", "span"), [
    # the parser reads the cue as a reduced relative on its subject ('outlets [that were] reported')
    ('Multiple outlets reported on Wednesday the police had "more than one conversation" with the mayor.',
     "Multiple outlets", "more than one conversation"),
    ("Local media reported on Monday the ferry had sunk near the harbour.", "Local media",
     "the ferry had sunk near the harbour"),
])
def test_a_cue_the_parse_made_a_reduced_relative_reports_the_clause_after_it(nlp, text, speaker, span):
    assert [(q[1], q[2]) for q in quotes(nlp, text)] == [(span, speaker)]


@pytest.mark.parametrize("text", [
    "The outlets reported on Monday were checked by the police before the ferry sank.",  # a true reduced relative
    "The ships reported missing on Monday were found near the harbour.",
])
def test_a_true_reduced_relative_reports_nothing(nlp, text):
    assert quotes(nlp, text) == []


def test_a_that_clause_starts_at_its_that_though_the_parse_hung_an_aside_before_it(nlp):
    # 'said - on the radio, as it happens - that ...': the aside is the reporter's
    t = "Tom Hale said — on the radio, as it happens — that the mayor raised four million pounds."
    assert quotes(nlp, t) == [("indirect", "the mayor raised four million pounds", "Tom Hale")]
    # a clause's own opening adverbial after its "that" stays
    t = "Tom Hale said that when the storm came, the mayor fled the town."
    assert quotes(nlp, t) == [("indirect", "when the storm came, the mayor fled the town", "Tom Hale")]


def test_a_cue_in_brackets_reports_only_the_words_in_them(nlp):
    t = "The port reopened in May (the repairs cost far more than planned, a spokesman said) and ships returned."
    assert quotes(nlp, t) == [("indirect", "the repairs cost far more than planned", "spokesman")]
    # the reporter's clause before the brackets is no part of it
    t = "The council voted on Monday (it was the third vote this year, the clerk said)."
    assert quotes(nlp, t) == [("indirect", "it was the third vote this year", "clerk")]
    # brackets that hold nothing but the cue and its speaker report the words outside them
    t = "The bridge will open in May (or so the mayor said), and the ferry will stop."
    assert quotes(nlp, t) == [("indirect", "The bridge will open in May", "mayor")]
    # brackets inside a reported clause whose cue is outside them change nothing
    t = "Hale said the port, which opened in 1990 (it was rebuilt in 2005), would close."
    assert quotes(nlp, t) == [("indirect", "the port, which opened in 1990 (it was rebuilt in 2005), would close", "Hale")]
