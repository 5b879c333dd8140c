"""Speech cues: verbs and phrases that mark an act of communication.

Lemmas, not forms, so "said", "says", "saying" all match. Beliefs and intentions
(think, believe, want, hope, expect) are deliberately absent: they are not quotes.
"""

from __future__ import annotations

# Verbs that can introduce a reported clause ("X stressed that ...").
REPORT_VERBS = frozenset(
    """
    say tell add state stress argue claim insist warn deny confirm announce explain note
    maintain report reveal indicate acknowledge admit allege assert caution comment concede
    conclude contend declare emphasize emphasise estimate inform mention promise reply
    respond testify tweet write post urge cite remark observe predict recommend reiterate
    suggest complain imply vow pledge affirm disclose assure answer hint boast signal
    specify underline underscore repeat recount retort counter protest object agree
    disagree threaten guarantee swear concur charge accuse brief advise point
    """.split()
)

# Extra verbs that attribute direct quotes or quoted fragments but seldom take a clause
# ("called it 'a disaster'", "asked: '...'", '"...", he continued').
QUOTE_VERBS = REPORT_VERBS | frozenset(
    """
    call term describe dub label thank ask continue read quote shout yell scream cry
    whisper mutter exclaim joke laugh sigh lament recall summarise summarize blame praise
    condemn criticise criticize welcome plead appeal demand speak begin conclude go
    blast slam lambast lambaste dismiss mock ridicule deride decry denounce bemoan hail tout
    chide scold rebuke brand refer chant sing quip bark proclaim rail insult question
    wonder muse grumble gripe snap jeer taunt tease put email text message characterize
    characterise portray interject exhort confess grouse echo pronounce
    """.split()
)

# Verbs of manner that report speech only in the frame right after a quote
# ('"This is fantastic!" beamed X', '"...," he offered'), never before one.
FRAME_VERBS = frozenset(
    """
    beam gush marvel chuckle scoff fume growl groan sob snort sniff smile grin rave boom
    thunder cheer offer explode sputter purr coo gasp howl snarl hiss breathe
    """.split()
)

# Nouns naming an act of speech or writing: "issued the following statement: ..."
STATEMENT_NOUNS = frozenset(
    """
    statement statements announcement message remarks comment comments tweet post letter
    declaration speech testimony appeal address communique communiqué answer reply response
    """.split()
)

# Verbs whose quoted object is a name or title, not words somebody said.
NAMING_VERBS = frozenset("call name dub title label entitle christen brand refer".split())

# Nouns after "according to" that are recordings or data, not speech or writing.
NON_SPEECH_SOURCES = frozenset(
    """
    footage video videos camera image images photo photos photograph data figure figures
    statistic statistics record records map maps chart graph analysis survey poll census
    """.split()
)

# Nouns that make an "according to" source a document (speaker kind OTHER).
DOCUMENT_NOUNS = frozenset(
    "report reports plan plans document documents statement ruling finding findings study guidelines".split()
)

PERSON_PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f", "i": "", "me": ""}
PLURAL_PRONOUNS = {"they", "them", "we", "us"}
THING_PRONOUNS = {"it"}

TITLES = frozenset(
    """
    mr mrs ms miss dr prof professor sir dame lady lord president vice prime minister judge
    justice senator sen rep representative governor gov mayor general gen colonel col captain
    capt lieutenant sergeant chancellor secretary ambassador commissioner chief inspector
    detective officer king queen prince princess rev reverend father pope sheikh imam rabbi
    deputy emergencies foreign defence defense interior health finance director chairman
    chairwoman spokesman spokeswoman spokesperson speaker prosecutor delegate del assemblyman assemblywoman mp mep qc kc cmg obe mbe cbe kbe dbe phd
    """.split()
)
# Post-nominals are dropped from canonical names wherever they stand.
POSTNOMINALS = frozenset("qc kc cmg obe mbe cbe kbe dbe gcmg phd jr sr mp mep".split())

MALE_WORDS = frozenset(
    "mr sir lord king prince father husband son brother man boy spokesman chairman businessman "
    "congressman uncle nephew grandfather he his him".split()
)
FEMALE_WORDS = frozenset(
    "mrs ms miss dame lady queen princess mother wife daughter sister woman girl spokeswoman "
    "chairwoman businesswoman congresswoman aunt niece grandmother fiancée fiancee actress she her".split()
)
