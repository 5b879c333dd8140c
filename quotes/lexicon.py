"""The lexicon: every word list the extractor uses, each defined once, grouped by theme.

Plain data and the standard library only, so the reader may import it (its guess at a new
speaker's kind uses the organisation words) without importing spaCy.

Conventions, which tests/test_quotes_lexicon.py checks:
- every word is lower case, without surrounding punctuation (callers lower-case and
  strip a token before looking it up);
- verb lists hold lemmas, matched against ``token.lemma_.lower()``, except the few lists
  marked "surface forms", which are matched against the words as written;
- a set that extends another is built from it (``A | frozenset(...)``), never by copying
  its words;
- the rules keep no word lists of their own; only single words and pairs of function words
  (``c.lower_ in ("by", "from")``) stay inline, and punctuation stays where it is read.

The given names (about 900) live in ``names_data`` and are re-exported here.
"""

from __future__ import annotations

# Re-exported ("X as X" says so to type checkers).
from .names_data import FEMALE_NAMES as FEMALE_NAMES
from .names_data import MALE_NAMES as MALE_NAMES
from .names_data import UNISEX_NAMES as UNISEX_NAMES

# =========================================================================================
# Speech cues, by kind
# =========================================================================================

# Communication verbs that can introduce a reported clause ("X stressed that ..."): the
# indirect-speech cues. Beliefs and intentions (BELIEF_VERBS) are deliberately absent.
REPORT_VERBS = frozenset(
    """
    say tell add state stress argue claim insist warn deny confirm announce explain note
    maintain report reveal indicate acknowledge admit allege assert caution comment concede
    conclude contend declare emphasize emphasise estimate inform mention promise reply
    respond testify tweet write post urge cite remark observe predict recommend reiterate
    suggest complain imply vow pledge affirm disclose assure answer hint boast signal
    specify underline underscore repeat recount retort counter protest object agree
    disagree threaten guarantee swear concur charge accuse brief advise point request
    elaborate clarify project forecast
    """.split()
)

# Verbs that make their object do what follows ("led Okafor to call Moss ..."): the
# object speaks the infinitive's words. Directives (urge, ask, direct) are not among them.
CAUSATIVE_VERBS = frozenset("prompt lead cause drive spur inspire provoke move".split())

# Verbs of directive speech whose reported clause may be a bare subjunctive ("requested the
# council pay", "urged the immunity be waived"); "order" and "demand" only so (below).
MANDATIVE_VERBS = frozenset("urge insist recommend request propose ask order demand".split())

# Directives that are cues only with an infinitive, which a quoted fragment may be in
# ('directed the committees to "proceed with their investigations"'), never "directed the film".
INFINITIVE_DIRECTIVES = frozenset("direct instruct".split())

# Directives that report speech only through a bare subjunctive clause ("the judge ordered
# the accused remain in custody", "demanded the minister resign"), never with an object
# ("ordered new buses", "demanded answers") or an infinitive ("ordered troops to leave").
SUBJUNCTIVE_ONLY_VERBS = frozenset("order demand".split())

# Subordinators of a speech act that did not happen, or not yet ("if written by the suspect",
# "unless asked", "whether he says so"): a cue under one attributes no quote.
UNREAL_MARKS = frozenset("if unless whether".split())

# Verbs that characterise only with "as" ('painted the plan as "a disaster"', 'summed her up as
# "terrible"', 'cast the vote as "a betrayal"'); without it they tell of no words.
CHARACTERISING_AS_VERBS = frozenset("paint cast sum depict frame".split())

# Verbs that attribute direct quotes or quoted fragments but seldom take a clause
# ("called it 'a disaster'", "asked: '...'", '"...", he continued'); not report verbs.
QUOTE_ONLY_VERBS = frozenset(
    """
    call term describe dub label thank ask continue read quote shout yell scream cry
    whisper mutter exclaim joke laugh sigh lament recall summarise summarize blame praise
    condemn criticise criticize welcome plead appeal demand speak begin go
    blast slam lambast lambaste dismiss mock ridicule deride decry denounce bemoan hail tout
    chide scold rebuke brand refer chant sing quip bark proclaim rail insult question
    wonder muse grumble gripe snap jeer taunt tease put email text message characterize
    characterise portray interject exhort confess grouse echo pronounce defend express
    """.split()
)

# Every verb that can attribute a direct quote or fragment (frames.is_cue) and that makes
# its subject a speaker (salience, unnamed sources, "X said he ...").
QUOTE_VERBS = REPORT_VERBS | QUOTE_ONLY_VERBS

# Verbs of manner that report speech only in the frame right after a quote
# ('"What a goal!" beamed X', '"...," he offered'), never before one.
FRAME_VERBS = frozenset(
    """
    beam gush marvel chuckle scoff fume growl groan sob snort sniff smile grin rave boom
    thunder cheer offer explode sputter purr coo gasp howl snarl hiss breathe react reason
    shrug beg press
    """.split()
)

# What a plea is for or to ('appealed for calm', 'appealed to voters'): "appeal" with one is
# speech, "will appeal the ruling" or "intends to appeal" (to a court) is not.
PLEA_PREPOSITIONS = frozenset("for to".split())

# Verbs that report speech only with "back" ('Moss shot back, "..."'), never alone.
BACK_VERBS = frozenset("shoot fire hit".split())

# Verbs never taken as the speech verb a participle or a quote climbs to ("go" is a cue
# only in "went on", "be" never).
WEAK_CUE_VERBS = frozenset("be go".split())

# Verbs whose object may be the cited source of a that-clause ('The Daily Telegraph cited a
# security source that ...': the source speaks, not the outlet).
CITING_VERBS = frozenset("cite quote".split())

# Verbs whose quoted object is a name or title, not words somebody said ('dubbed "X"').
NAMING_VERBS = frozenset("call name dub title label entitle christen brand refer".split())

# Beliefs and intentions: never a cue under the annotation rules ("he thinks", "she wants").
# No rule reads this list; the lexicon tests keep every cue list clear of it.
BELIEF_VERBS = frozenset(
    "think believe want hope expect feel fear wish intend doubt suppose assume imagine guess".split()
)

# Surface forms: a headline's verb the NER takes into a name ("Obama Says"), dropped from its end.
HEADLINE_VERBS = frozenset(
    """says said tells told warns adds asks claims insists urges vows defends slams
    blasts rips hits calls wants responds explains reveals admits denies praises attacks backs endorses
    gets plays playing sings talks takes makes wins loses""".split()
)

# Surface forms: a cue the NER glued to the front of a name ('Stated Hale: "..."').
LEADING_CUES = frozenset("stated added continued said wrote asked explained noted".split())

# =========================================================================================
# Documents and channels
# =========================================================================================

# Nouns naming an act of speech or writing: "issued the following statement: ...", "a
# statement saying ..." (the noun itself speaks).
STATEMENT_NOUNS = frozenset(
    """
    statement statements announcement message remarks comment comments tweet post letter
    declaration speech testimony appeal address communique communiqué answer reply response
    """.split()
)

# Objects of a clause before a colon that make it a speech act ("makes a free-market
# case: ...", "made the point: ...", "had a warning: ..."), beside the statement nouns.
ARGUMENT_NOUNS = frozenset("case argument point warning plea promise pledge prediction claim question".split())

# Nouns for an act of speech whose possessor is the speaker of the words in marks they hold:
# 'her remark that "the river will take care of itself"', 'his call for "a revolution"'.
SPEECH_ACT_NOUNS = STATEMENT_NOUNS | frozenset(
    """remark call calls vow promise promises pledge pledges claim claims assertion accusation insistence
    suggestion admission boast demand quip retort warning plea prediction description characterization
    characterisation denial complaint criticism words""".split()
)

# What someone releases, runs or holds up that then "says" something: its issuer speaks
# ("Trump released a video that said ...").
ISSUED_NOUNS = STATEMENT_NOUNS | frozenset(
    """ad advertisement commercial spot video sign banner placard piece
    article op-ed editorial column cover email e-mail release memo mailer flyer text""".split()
)

# Documents that speak for their author ("X's statement", "a statement by X"); a name in
# their compound ("a UN report") does not make the name the speaker.
AUTHORED_DOC_NOUNS = frozenset(
    "statement tweet post ruling description comment comments letter message release report "
    "announcement judgment judgement finding findings website summary blog filing document memo memorandum "
    "affidavit transcript email complaint indictment lawsuit petition communique "
    "study calculation estimate research".split()
)

# Participles that make the agent of a document its author ("a statement released by X",
# "a letter signed by X"); a document "carried by state media" or "obtained by Reuters" is
# only relayed by it.
AUTHORING_VERBS = frozenset(
    "release issue sign write post send deliver make prepare draft submit file author pen publish create "
    "launch produce compile".split()
)

# Singular nouns for a described source that is a thing, not a person: speaker kind OTHER.
# Every document is one; a plan is one that speaks for nobody ("earlier event plans").
THING_SOURCE_NOUNS = AUTHORED_DOC_NOUNS | frozenset({"plan", "plans"})

# A court's decisions: "according to the ruling" speaks for the court last named.
COURT_DOCS = frozenset("ruling verdict judgment judgement".split())

# Creative works: quoted capitalised words right after one are its title ('his new book,
# "Harbour Lights,"'). A report or study may speak, so they are not here.
WORK_NOUNS = frozenset(
    """book novel memoir autobiography biography film movie documentary show series
    program programme podcast song album play musical episode""".split()
)

# Roles in a creative work: a quoted title right before one ('"Orange Is the New Black" star').
WORK_ROLES = frozenset("star stars host hosts actor actress author creator producer director writer alum".split())

# Nouns after "according to" that are recordings or data, not speech or writing.
# Prepositions that name where a thing that cannot speak comes from ("data from X",
# "a post by X", "figures of X"): X is the source.
SOURCE_PREPOSITIONS = frozenset("from by of".split())

NON_SPEECH_SOURCES = frozenset(
    """
    footage video videos camera image images photo photos photograph data figure figures
    statistic statistics record records map maps chart graph analysis survey poll census
    """.split()
)

# People, groups and media the role lists leave out, which can still be speakers (the
# press, the crowd, a poll, an ad).
VOICE_NOUNS = frozenset(
    """press media outlet crowd audience public people team group organization organisation
    coalition caucus association foundation institute poll survey ad video email memo book article editorial
    lawsuit petition website speech transcript interview brief call""".split()
)

# =========================================================================================
# Names: titles, roles, descriptors, given names by gender
# =========================================================================================

# Titles and role words dropped from the front of a canonical name ("Minority Whip Dick
# Durbin" -> "Dick Durbin"); compared after stripping a final ".".
TITLES = frozenset(
    """
    mr mrs ms miss dr prof professor sir dame lady lord president vice prime minister judge
    justice senator sen rep representative governor gov mayor general gen colonel col captain
    capt lieutenant sergeant chancellor secretary ambassador commissioner chief inspector
    detective officer king queen prince princess rev reverend father pope sheikh imam rabbi
    deputy emergencies foreign defence defense interior health finance director chairman
    chairwoman spokesman spokeswoman spokesperson speaker prosecutor delegate del assemblyman assemblywoman mp mep qc kc cmg obe mbe cbe kbe dbe phd
    sheriff mme mlle madame monsieur superintendent constable cardinal bishop
    """.split()
)

# Post-nominals, dropped from the end of a canonical name wherever they stand.
POSTNOMINALS = frozenset("qc kc cmg obe mbe cbe kbe dbe gcmg phd jr sr mp mep".split())

# Titles that fix a gender, at or right before a name ("Mme Spanton", "Mr Johnson").
MALE_TITLES = frozenset("mr mister sir lord king prince monsieur herr senor don".split())
FEMALE_TITLES = frozenset("mrs ms miss mme mlle madame dame lady queen princess frau senora".split())
# A title only a person's name follows: "Mr. Whitlock" is a person even where the NER tagged
# "Whitlock" an organisation before.
PERSON_ONLY_TITLES = MALE_TITLES | FEMALE_TITLES | frozenset("dr prof".split())

# Nouns and titles that mark a man or a woman when they stand near a name or head an
# unnamed source ("his brother", "the spokeswoman"). Not MALE_TITLES/FEMALE_TITLES: these
# are read in a window before the name, where "don", "herr" or "m" would misfire.
MALE_WORDS = frozenset(
    "mr sir lord king prince father husband son brother man boy spokesman chairman businessman "
    "congressman uncle nephew grandfather".split()
)
FEMALE_WORDS = frozenset(
    "mrs ms miss dame lady queen princess mother wife daughter sister woman girl spokeswoman "
    "chairwoman businesswoman congresswoman aunt niece grandmother fiancée fiancee actress".split()
)

# Given names, folded (lower case, no accents): evidence for gender and for a person's name.
GIVEN_NAMES = MALE_NAMES | FEMALE_NAMES | UNISEX_NAMES

# Singular nouns that name a person by role; "the governor" / "Chelyabinsk's governor"
# can stand for the person the article names with that role.
PERSON_ROLES = frozenset(
    """
    president minister governor mayor spokesman spokeswoman spokesperson secretary chancellor
    premier chairman chairwoman chair ambassador commissioner sheriff judge prosecutor lawyer
    attorney director leader senator congressman congresswoman chief constable officer captain
    general admiral head founder ceo executive king queen prince pope speaker deputy envoy
    diplomat coach manager owner organizer organiser creator author suspect attacker defendant
    victim mother father wife husband son daughter brother sister widow widower fiancee fiancée
    partner girlfriend boyfriend friend neighbour neighbor colleague cousin uncle aunt nephew niece
    grandmother grandfather grandson granddaughter
    """.split()
)

# Common nouns for individuals (an unnamed source the article goes on calling "he"/"she").
PERSON_NOUNS = PERSON_ROLES | frozenset(
    """
    man woman boy girl witness eyewitness source official resident student teacher doctor nurse
    worker employee passenger driver pilot survivor neighbour neighbor friend relative
    analyst expert researcher scientist professor representative member one investigator inspector
    agent user person rival opponent critic supporter voter candidate nominee challenger colleague
    aide adviser advisor ally
    """.split()
)

# Titles of address that make one word a name ("Prince Harry", "Pope Francis"): kept in
# front of a name of one word.
STYLE_TITLES = frozenset("king queen prince princess pope sheikh lord lady sir dame".split())

# Roles that are one office under two names ("Foreign Secretary Marcelo Ebrard" ... "the
# foreign minister"): each word maps to the word its class is known by.
ROLE_EQUIVALENTS = {
    "secretary": "minister",
    "spokeswoman": "spokesman",
    "spokesperson": "spokesman",
    "chairwoman": "chairman",
    "chair": "chairman",
}

# Modifiers of a role noun that say when, not which ("the former mayor" is another person;
# "the new mayor" may be): a definite role with one of these is not linked to the holder.
ROLE_TIME_MODIFIERS = frozenset("former late previous then outgoing past ex".split())

# Verbs that predicate a role of their subject ("X is the coach", "was appointed coach",
# "serves as mayor"), so the role names X later ("the coach said").
ROLE_LINKING_VERBS = frozenset("be become remain appoint name elect serve".split())

# Cue verbs that presuppose the speaker spoke just before ("The Wooster professor added"):
# a description subject of one is the previous quote's speaker.
CONTINUATION_CUES = frozenset("add continue".split())
# Adverbs that date a saying ("said earlier he might ..."): right after the verb, not the clause's.
TIME_ADVERBS = frozenset("earlier later yesterday today tonight previously recently again".split())

# Determiners that make a noun refer back to one named before ("the statement", "that report").
DEFINITE_DETERMINERS = frozenset("the this that".split())

# Adverbs of a speech verb that presuppose the same speaker spoke before ("they also stated").
CONTINUATION_ADVERBS = frozenset("also further again".split())

# Words before a role noun that make it another office ("Vice President Mike Pence" is
# not "the President").
ROLE_QUALIFIERS = frozenset("vice deputy former acting assistant ex".split())

# Capitalised words the NER takes into a person's name at a sentence start or in a
# headline ("Veteran Helen Marsh"), dropped from its front.
PERSON_DESCRIPTORS = frozenset(
    """rival former ex then late icon candidate hopeful nominee frontrunner front-runner incumbent
    challenger billionaire businessman businesswoman activist veteran presidential democratic
    republican gop conservative liberal progressive senior adviser advisor aide strategist consultant
    pollster analyst economist columnist commentator host anchor actor actress singer rapper comedian
    star""".split()
)

# Role words a person's name may be written after ("District Attorney Laura Finch",
# "Minority Whip Dick Durbin", "Broadcaster Piers Morgan"): a canonical name never keeps them.
NAME_ROLE_WORDS = TITLES | PERSON_ROLES | PERSON_DESCRIPTORS | frozenset(
    """whip broadcaster presenter journalist reporter writer novelist historian lawmaker legislator
    councillor councilman councilwoman commander professor researcher scientist physician surgeon
    co-author coauthor producer photographer coordinator""".split()
)

# Endings of agent nouns (reporter, activist, historian): people, so possible speakers.
AGENT_SUFFIXES = ("er", "or", "ist", "ian")
# ... and the wider net of endings that may name people (resident, employee, chairman) where
# the question is only whether a noun might be someone, not whether it speaks.
PEOPLE_NOUN_ENDINGS = AGENT_SUFFIXES + ("ant", "ent", "ee", "man", "woman", "person", "people")

# =========================================================================================
# Groups
# =========================================================================================

# Plural nouns that, with "the" or "both", stand for a group named elsewhere
# ("The defendants" -> "Antoine Quirin and Nicolas Redouane").
GROUP_NOUNS = frozenset(
    """
    officers defendants suspects men women parties companies firms retailers lawyers brothers sisters
    leaders ministers presidents couple pair two founders organizers organisers owners victims
    governments countries sides partners
    """.split()
)

# The GROUP_NOUNS that stand for organisations only.
ORG_GROUP_NOUNS = frozenset("companies firms retailers governments countries".split())

# The GROUP_NOUNS for the two sides of an exchange, which may be a mixed pair of a person
# and an organisation.
SIDE_GROUP_NOUNS = frozenset("parties sides partners".split())

# Prepositions that give what a speaker talks about ("said of the episode"), not where ("on the podcast").
TOPIC_PREPOSITIONS = frozenset("of about".split())

# Dashes that set a headline or a topic apart from what follows it ("Forecasters agree - Mary Dunmore:").
DASH_MARKS = frozenset("- – — ―".split())

# Quantifiers and "another" standing for a noun left out, as a speaker: '"...," said another',
# "Many argued that", "some said", "Several of the residents said" (each keeps its own words).
ELLIPTICAL_SPEAKERS = frozenset("another many some several both most few each either".split())
PLURAL_ELLIPTICAL_SPEAKERS = frozenset("many some several both most few".split())

# Determiners that make a plural noun definite: "the defendants", "both officers".
GROUP_DETERMINERS = frozenset("the both these".split())

# Singular nouns for groups of people: "the mayor's campaign wants ... what they call".
COLLECTIVE_NOUNS = frozenset("campaign team staff committee administration government council panel board".split())

# =========================================================================================
# Organisations
# =========================================================================================

# Common nouns for organisations: an unnamed source headed by one is an ORG ("the ministry
# said"), and a thing doing the verb is still a possible speaker. A subset of ORG_NAME_WORDS,
# kept apart because the union changes extraction output ("some local press" would become ORG).
ORG_NOUNS = frozenset(
    """police government ministry court council army military company firm agency department
    service committee commission office embassy parliament congress senate administration
    authority authorities newspaper broadcaster network channel union party board
    """.split()
)

# Company-form suffixes that end an organisation's name ("Solaris Paper Kft").
ORG_SUFFIXES = frozenset("kft ltd inc gmbh plc llc corp co group company ag sa nv bv".split())

# The head word of a building's, a street's or a site's name: a name ending in one is a place,
# never a person, even when the NER tags it so ("Baxter Tower", "Union Station"), so "Mr.
# Baxter" is not taken for a short form of it.
PLACE_HEAD_WORDS = frozenset(
    """airport arena avenue boulevard bridge building cathedral center centre garden gardens hall highway hotel
    mall mosque museum palace plaza road square stadium station street synagogue temple tower towers""".split()
)

# Words of an organisation's name that make it one of a class, so that a definite class noun
# names it later: "the company" for "Tesla Inc.", "the agency" for the "Food and Drug
# Administration" (besides the noun itself in the name: "the ministry", "Health Ministry").
_COMPANY_NAME_WORDS = ORG_SUFFIXES | frozenset("corporation holdings industries".split())
ORG_CLASS_NAME_WORDS: dict[str, frozenset[str]] = {
    "company": _COMPANY_NAME_WORDS,
    "firm": _COMPANY_NAME_WORDS,
    "agency": frozenset("agency administration bureau service authority commission".split()),
}

# Words in a proper name that make it an organisation's or a place's, not a person's: a
# given name followed by one is no person ("Stanley Park", "Carlos Slim Foundation"), and the
# reader's guess at a typed speaker's kind (tui/speaker_picker.guess_kind) says ORG.
ORG_NAME_WORDS = ORG_NOUNS | ORG_SUFFIXES | frozenset(
    """airline airlines airport assembly association bank bureau cabinet church club college corporation fc
    federation forces foundation fund hospital institute kremlin league navy news organisation organization
    park post press school secretariat services society street team times tribunal university""".split()
)

# Nouns for a company by what it makes or sells ("toilet paper producer Who Gives a Crap").
MAKER_NOUNS = frozenset("producer maker manufacturer retailer brand startup firm supplier".split())

# Nouns an organisation is called by once named ("Channel 9, the country's largest
# broadcaster ... the broadcaster said"; "the Health Ministry ... the ministry said").
ORG_ROLE_NOUNS = ORG_NOUNS | MAKER_NOUNS | frozenset(
    """publication outlet station website site hotel hospital school university college charity store shop
    organisation organization club airline bank chain supermarket regulator watchdog operator
    publisher studio label panel""".split()
)

# An unnamed source described by one of these is an organisation ("the airline", "a German
# news organization"); not a maker, who may be a person ("a producer"), nor a document.
ORG_DESCRIPTION_NOUNS = ORG_NOUNS | (ORG_ROLE_NOUNS - MAKER_NOUNS - THING_SOURCE_NOUNS)

# Nouns for someone or something that speaks: a source "Per X," may name.
SPEAKING_NOUNS = PERSON_NOUNS | ORG_ROLE_NOUNS | AUTHORED_DOC_NOUNS | VOICE_NOUNS

# Organisations whose rulings speak for them (see COURT_DOCS).
COURT_WORDS = frozenset("court tribunal".split())

# Who pronounces a judgment, and the verbs of it: "the court found ...", "the judge ruled
# that ...", "the Lord President of the court decided, ...: '...'". Those verbs report speech
# only from such a subject ("researchers found", "the council decided" are not quotes).
JUDICIAL_NOUNS = COURT_WORDS | frozenset("judge judges justice justices magistrate jury".split())
JUDGMENT_VERBS = frozenset("find rule decide hold".split())

# Lower-case words inside an organisation's long name before its bracketed acronym
# ("Federal Security Service (FSB)", "Ministry of Defence (MoD)"); a tuple: it becomes a
# regular expression's alternation, in this order.
ORG_NAME_LINKS = ("of", "and", "for", "the", "on", "de", "du")

# =========================================================================================
# Pronouns, by person, gender and number
# =========================================================================================

# First person singular: the speaker of a quote, never an antecedent to resolve.
FIRST_PERSON_PRONOUNS = frozenset("i me".split())

# Third person singular, by gender (possessives included: evidence for a gender).
MALE_PRONOUNS = frozenset("he him his".split())
FEMALE_PRONOUNS = frozenset("she her hers".split())

# Possessive-only forms: evidence for a gender, never a speaker mention themselves.
POSSESSIVE_PRONOUNS = frozenset("his hers".split())
# A possessive determiner stands for whom its subject form would: "his call" is he who calls.
POSSESSIVE_DETERMINERS = {"his": "he", "her": "she", "their": "they", "its": "it"}

# Third person singular subjects, after which a base-form verb is a subjunctive ("ordered
# he remain") and cannot be present tense.
THIRD_SINGULAR_SUBJECTS = frozenset("he she it".split())

# Third person subjects of a reporter's frame ('..., she said'): inside a quote "I said", "we said"
# and "you said" are the speaker's own talk of speech (quotes/unclosed.py).
FRAME_PRONOUNS = frozenset("he she they".split())

# Plural pronouns (first and third person): resolved to groups and organisations.
PLURAL_PRONOUNS = frozenset("they them we us".split())

# Pronouns for a thing or a statement: 'She says it underscores', 'said it would tell'.
THING_PRONOUNS = frozenset("it this that".split())

# Prepositions that may name who made a thing ('a study by Ann Lee', 'the website of the council');
# any other tells where it is or whom it concerns ('the pitch on Kickstarter', 'a letter to Ann Lowe').
AUTHOR_PREPOSITIONS = frozenset("by from of".split())

# Pronouns for anyone at all ('you can't yell "fire" in a theatre', 'one might call it "a tax"').
GENERIC_PRONOUNS = frozenset("you one".split())

# Relative pronouns that open a relative clause after a cue ('— which the BBC noted —').
RELATIVE_PRONOUNS = frozenset("which who whom".split())
# Relative pronouns that stand for a person as a clause's subject ("X, who is the coach,")
RELATIVE_SUBJECTS = frozenset({"who", "that"})

# Nominative pronouns: a that-less clause's subject the parser took for a relative clause
# ("informed police she had diplomatic immunity").
NOMINATIVE_PRONOUNS = frozenset("i he she we they".split())

# Pronoun -> gender ("m", "f") for the pronouns that are evidence of a gender.
GENDERED_PRONOUNS = {p: "m" for p in MALE_PRONOUNS} | {p: "f" for p in FEMALE_PRONOUNS}

# Singular personal pronouns that can be a speaker mention -> the gender they want ("" any).
PERSON_PRONOUNS = {p: g for p, g in GENDERED_PRONOUNS.items() if p not in POSSESSIVE_PRONOUNS} | {
    p: "" for p in FIRST_PERSON_PRONOUNS
}

# Subjects of the sentence before a quote that cannot be its speaker ('It said: ...').
NON_SPEAKER_SUBJECTS = THING_PRONOUNS | frozenset({"which"})

# =========================================================================================
# Function words: how clauses and frames are linked
# =========================================================================================

# Articles, dropped from the front of names and descriptions.
DETERMINERS = frozenset("a an the".split())

# Subjects and determiners that make a report one nobody made ("Nobody said", "No official
# said", "Neither side confirmed"): negated speech, never a quote.
NEGATIVE_SUBJECTS = frozenset("nobody none noone neither".split())
NEGATIVE_DETERMINERS = frozenset("no neither".split())

# Correlative conjunctions of a joint speaker and the word their second part takes:
# "neither US nor British authorities (said)" names "US and British authorities".
CORRELATIVES = {"neither": "nor", "both": "and"}

# Lower-case words allowed inside a title or name in quotation marks ("Tales of the Harbour").
TITLE_SMALL_WORDS = frozenset("of the and a an in on to for by with from at vs".split())

# A linking word alone before a quoted sentence: 'But "Trump's candidacy is ..."'.
LINK_WORDS = frozenset("but and yet still so also however or".split())

# Subordinators that give a cue after a quote a report of its own ('..., while ALDI called
# it "unexpected"').
OWN_CLAUSE_MARKS = frozenset("while whereas although though because since if when whilst".split())

# Subordinators of an adverbial clause that sets the scene for the speech verb above it ('Clinton said that when
# Warren railed ..., "she is ..."'). Not merged with SUBORDINATORS: with "as"/"if"/"when" there, "The minister
# said, as the talks ended, that the deal was done" loses its quote. Verbs of the act of speaking hold no words.
ADVERBIAL_MARKS = frozenset("when while after before as if because since until once".split())
SPEAKING_ACTS = frozenset({"speak", "talk"})

# Subordinators opening an adverbial clause after a comma, which the parser hung as the
# cue's complement ('Voss told the chief, after he conceded ...'): not what was said.
SUBORDINATORS = frozenset("after before while because since until although though once whereas unless".split())

# Nouns of an occasion a participle may hang on ("at one stage calling the plan a farce"),
# which the clause's subject speaks from.
OCCASION_NOUNS = frozenset("point moment time stage juncture occasion".split())

# Coordinators that join two clauses of their own ("A was ill, and according to X, he died").
CLAUSE_COORDINATORS = frozenset("and but".split())

# Contrastive words closing a clause before a cue: the clause is the reporter's own.
CONTRAST_WORDS = frozenset("however but yet though although meanwhile nevertheless instead".split())

# After a comma, words that start background the reporter adds (", which ...", ", meaning ..."),
# cut from an indirect quote's end.
TRAILING_BACKGROUND = frozenset("which though although meaning per according citing quoting".split())

# Words between a first clause and a subjectless cue that mark a second clause ('Okafor
# offered the boy a ticket, then says he'll ...').
SEQUENCE_WORDS = frozenset("then and but".split())

# Wh-words opening an indirect question a participle climbs into ("described how the
# attack unfolded, stating"); "when" and "where" mostly start relatives, so they are absent.
QUESTION_WORDS = frozenset("how what why whether if".split())

# Wh-words opening a cue's complement that make it an indirect question or a relative,
# not a reported clause (indirect speech: "explained how ...").
WH_WORDS = QUESTION_WORDS | frozenset("when where who whom".split())

# =========================================================================================
# Other
# =========================================================================================

# First words that make a speaker's mention a pronoun or a description however it is
# capitalised ("He", "The spokesman", "Their lawyer"), never a name: what a person's correction
# of it teaches holds in that article only (store/learned.py).
NOT_NAME_FIRST_WORDS = frozenset(PERSON_PRONOUNS) | PLURAL_PRONOUNS | THING_PRONOUNS | DETERMINERS | frozenset(
    "his hers its their our you these those one some another".split()
)

# Abbreviations whose "." closes a title or a month, not a sentence ('Lt. Gov. Dan Patrick
# says', 'on Jan. 5'); compared lower case, without the ".".
ABBREVIATIONS = frozenset(
    """mr mrs ms dr gov sen rep reps sens lt gen col sgt capt cmdr adm maj prof rev hon pres atty supt gens
    st ft mt jan feb aug sept oct nov dec no vs corp gov't del insp det cpl pvt""".split()
)

__all__ = [name for name in dir() if name.isupper()]
