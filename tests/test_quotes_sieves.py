"""Every quote names the rule that attributed it (its sieve) and carries the evidence chain
from the quote to its speaker, on real sentences with the real pipeline."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from newsread.quotes import extract
from newsread.quotes.sieves import ENTITY_SIEVES, SIEVES

pytestmark = pytest.mark.slow

QUOTES_SRC = Path(__file__).resolve().parent.parent / "quotes"

# (text, a fragment of the quote, speaker, cue, sieve)
ATTRIBUTED = [
    ("Kremlin spokesman Dmitry Peskov told reporters: “We will not accept this.”",
     "We will not accept", "Dmitry Peskov", "told", "cue.subject"),
    ("Mayor Anna Smith spoke on Monday. “We will rebuild,” she said.",
     "We will rebuild", "Anna Smith", "said", "cue.subject"),
    ("The deal was, in the words of one union leader, “the worst in a generation” for the miners.",
     "the worst in a generation", "one union leader", "in the words of", "words_of"),
    ("Ann Lowe was mocked for her remark that “every ferry will run on time.”",
     "every ferry will run", "Ann Lowe", "remark", "speech_noun.possessor"),
    ("According to the police, the suspect fled the scene on foot before officers arrived.",
     "the suspect fled", "police", "According to", "according_to"),
    ('Tom Hale said of the audit that the report "was not good." Adding, "Like all these audits, it is never that bad."',
     "it is never that bad", "Tom Hale", "Adding", "cue.opening_participle"),
    ("Foreign Minister Sergey Lavrov stressed that Moscow is not interested in escalation.",
     "Moscow is not interested", "Sergey Lavrov", "stressed", "report_verb.subject"),
    ("Tesco and Salling Group said the deal would close in the autumn.",
     "the deal would close", "Tesco and Salling Group", "said", "report_verb.subject"),
    ("The Daily Telegraph cited a security source that mental health may be a factor in the attack.",
     "mental health may be", "security source", "cited", "report_verb.cited_source"),
    ("The minister, Jane Doe, said:\n\n“We will rebuild every school in the region before the winter comes.”",
     "every school", "Jane Doe", "said", "colon.paragraph_before"),
    ("Veteran pollster Helen Marsh: “The turnout is rising in every ward we survey.”",
     "The turnout is rising", "Helen Marsh", "", "colon.speaker_before"),
    ("Ann Lowe: Harbour Plan Is a ‘Proven Failure’ in Business.\n\nLowe spoke on Saturday.",
     "Proven Failure", "Ann Lowe", "", "colon.label_opening_clause"),
    ("Not every ferry is the same. From the survey: “Routes with longer crossings drew fewer complaints.”",
     "Routes with longer crossings", "survey", "From", "colon.source_from"),
    ("The company issued the following statement on Tuesday: “We regret the error and apologise to our customers.”",
     "We regret the error", "company", "issued the following statement", "colon.statement"),
    ("Mayor Tobias Brannock resisted: “Mayors lack the power to close the harbour.”",
     "Mayors lack the power", "Tobias Brannock", "resisted", "colon.subject"),
    ("Mayor Ann Lowe credited the win to “a team I am proud of.”",
     "a team I am proud", "Ann Lowe", "credited", "fragment.first_person"),
    ("Okafor said that the critics had been wrong for years.\n\n"
     "“That is because this valley remains the most fertile in the province.”",
     "this valley remains", "Okafor", "said", "sentence_before.speaker"),
    ("“We will win this fight together and we will not give up.”\n\n— Maria Lopez",
     "We will win this fight", "Maria Lopez", "", "dash.next_paragraph"),
    ("“We will win this fight together.” And “we never give up.” ― Rosalind Ferreira.",
     "We will win this fight", "Rosalind Ferreira", "", "dash.signature"),
    ("Mayor Anna Smith said: “The first paragraph of the statement goes here.\n\n"
     "“The second paragraph of the statement closes it.”",
     "The second paragraph", "Anna Smith", "said", "paragraph.continuation"),
    ("“The city is safe and open for business,” Mayor Anna Smith said.\n\n"
     "“We will not let fear change the way we live our lives.”",
     "We will not let fear", "Anna Smith", "said", "floating.previous_quote"),
    ("Brannock called him a genius with budgets. “He proved time after time that he could balance the worst books.”",
     "He proved time", "Brannock", "called", "sentence_before.speaker"),
    ("“It was terrifying,” said the 46-year-old.",
     "It was terrifying", "46-year-old", "said", "cue.frame_description"),
    ("“This is the best day of my life,” said Threlly, explaining that he had waited for years.",
     "the best day", "Threlly", "said", "cue.frame_name"),
    ("“I am in awe of the people who ran toward danger,” tweeted Mayor of London Sadiq Khan on Friday.",
     "I am in awe", "Sadiq Khan", "tweeted", "cue.inverted_subject"),
    ("“We will win,” Smith said, “because we work harder,” also observing, “and we never give up.”",
     "we never give up", "Smith", "observing", "cue.climbed_subject"),
    ("“We will win this fight together” — Maria Lopez. The crowd cheered for minutes after that.",
     "We will win this fight", "Maria Lopez", "", "dash.after_quote"),
    ("In a statement to the Courier, her chief housing adviser, Tobias Brannock, said: "
     "“The mayor believes that the ferry must be saved.”",
     "the ferry must be saved", "Tobias Brannock", "said", "cue.apposed_name"),
    ("The mayor wrote to the council on Monday:\n\nThe bridge will close for repairs in May and reopen in June.\n\n"
     "– Maria Lopez",
     "The bridge will close", "Maria Lopez", "wrote", "dash.block"),
    ("Ms. Varga hardly settled the dispute, brushing the question aside -- “Rules are rules” -- "
     "and insisting, “We will finish the fence.”",
     "We will finish the fence", "Varga", "insisting", "cue.sentence_subject"),
]

# Text that holds no quote at all: beliefs, noun-phrase objects, titles, scare quotes, a
# signature too long to be a name, a quoted paragraph with no quote before it to float from.
NOT_QUOTES = [
    "He thinks that the plan will fail.",
    "The plan includes: “free tuition for every student at a public college.”",
    "The mayor opened the bridge on Monday.\n\n“That is because this valley remains the most fertile in the province.”",
    "Lavrov stressed the need for talks with the new government.",
    "Smith wants the council to rebuild the old bridge before winter.",
    "The so-called “gold standard” was dropped.",
    "In his new book, “Harbour Lights,” Moss describes the relationship.",
    "“We will win this fight together and we will not give up.”\n\n"
    "— this line is a long note about the event that is not a name at all",
    "The crowd cheered.\n\n“We will win this fight together and we will not give up.”",
]

# (text, fragment, the evidence chain as (sieve, text) steps)
CHAINS = [
    ("Kremlin spokesman Dmitry Peskov arrived in Minsk on Monday.\n\nPeskov met the president for two hours.\n\n"
     "“We will not accept this,” he told reporters.",
     "We will not accept",
     [("cue.subject", "he"), ("pronoun.nearest_subject", "Peskov"), ("name.surname_of", "Dmitry Peskov")]),
    ("The Federal Security Service (FSB) was called. The FSB said that the building had collapsed because of a gas leak.",
     "the building had collapsed",
     [("report_verb.subject", "FSB"), ("acronym.expansion", "Federal Security Service")]),
    ("Police officers Antoine Quirin and Nicolas Redouane were accused. "
     "The officers denied that they had done anything wrong.",
     "they had done anything wrong",
     [("report_verb.subject", "The officers"), ("group.named_pair", "Antoine Quirin and Nicolas Redouane")]),
    ("Tesco and Salling Group said the deal would close in the autumn.",
     "the deal would close",
     [("report_verb.subject", "Tesco and Salling Group"), ("group.joint", "Tesco and Salling Group")]),
    ("Mayor Anna Smith said: “The first paragraph of the statement goes here.\n\n"
     "“The second paragraph of the statement closes it.”",
     "The second paragraph",
     [("paragraph.continuation", "The first paragraph of the statement goes here."),
      ("cue.subject", "Anna Smith"), ("name.exact", "Anna Smith")]),
]


# Stage 2 beyond names: (text, fragment, the evidence chain as (sieve, text) steps)
CHAINS += [
    ("Mexico's Foreign Secretary Marcelo Ebrard met the delegation. "
     "The foreign minister said Mexico would seek extradition.",
     "seek extradition",
     [("report_verb.subject", "minister"), ("role.holder", "Marcelo Ebrard")]),
    ("“Warm water is attacking the ice,” said study co-author Karen Alley. "
     "The Wooster professor added, “These effects matter.”",
     "These effects matter",
     [("cue.subject", "The Wooster professor"), ("role.previous_speaker", "Karen Alley"), ("name.exact", "Karen Alley")]),
    ("Reuters, citing two sources, reported the deal had collapsed.",
     "the deal had collapsed",
     [("report_verb.subject", "two sources"), ("channel.cited_source", "two sources")]),
    ("Acme Corporation cut 200 jobs. Acme Corporation's website said the cuts “were unavoidable”.",
     "were unavoidable",
     [("cue.subject", "Acme Corporation"), ("document.owner", "Acme Corporation")]),
]

def quote_with(quotes, fragment: str):
    found = [q for q in quotes if fragment in q.text]
    assert len(found) == 1, [q.text for q in quotes]
    return found[0]


def check_chain(text: str, quote) -> None:
    """The evidence of one quote: known step names, offsets that point at the step's text, the
    mention among the steps, and the speaker's canonical name last."""
    assert quote.sieve in SIEVES
    if not quote.speaker:
        assert quote.sieve == "none" and quote.evidence == []
        return
    assert quote.evidence, quote
    for step in quote.evidence:
        assert set(step) == {"sieve", "text", "start", "end"}
        assert step["sieve"] in SIEVES or step["sieve"] in ENTITY_SIEVES, step
        if step["start"] >= 0:
            assert text[step["start"] : step["end"]] == step["text"], step
        else:
            assert step["end"] == -1
    assert quote.evidence[-1]["text"] == quote.speaker
    assert quote.evidence[-1]["sieve"] in ENTITY_SIEVES
    assert any(s["sieve"] == quote.sieve for s in quote.evidence[:2])  # the rule is the first (or inherited) link
    if quote.mention_start >= 0:
        assert (quote.mention_start, quote.mention_end) in [(s["start"], s["end"]) for s in quote.evidence]


@pytest.mark.parametrize(("text", "fragment", "speaker", "cue", "sieve"), ATTRIBUTED,
                         ids=[row[4] + ":" + row[1][:20] for row in ATTRIBUTED])
def test_each_sieve_attributes_its_case(nlp, text, fragment, speaker, cue, sieve):
    quote = quote_with(extract(text, nlp).quotes, fragment)
    assert (quote.speaker, quote.cue, quote.sieve) == (speaker, cue, sieve)
    check_chain(text, quote)


@pytest.mark.parametrize("text", NOT_QUOTES)
def test_no_sieve_fires_where_nothing_is_said(nlp, text):
    assert extract(text, nlp).quotes == []


def test_a_quote_nobody_is_said_to_have_said_is_unattributed(nlp):
    text = "The report was called “alarming” by nobody in particular."
    quote = quote_with(extract(text, nlp).quotes, "alarming")
    assert (quote.speaker, quote.sieve, quote.evidence) == ("", "none", [])


@pytest.mark.parametrize(("text", "fragment", "chain"), CHAINS, ids=[c[2][-1][0] for c in CHAINS])
def test_the_evidence_goes_from_the_quote_to_the_entity(nlp, text, fragment, chain):
    quote = quote_with(extract(text, nlp).quotes, fragment)
    assert [(s["sieve"], s["text"]) for s in quote.evidence] == chain
    check_chain(text, quote)


def test_offsets_of_the_evidence_are_offsets_into_the_whole_article(nlp):
    """A long text is parsed in chunks: the steps are moved by the chunk's offset like the quote."""
    from newsread.quotes.extraction import CHUNK_CHARS, chunks

    filler = "The weather stayed calm all week.\n\n" * (CHUNK_CHARS // 35 + 1)
    text = filler + "Foreign Minister Sergey Lavrov stressed that Moscow is not interested in escalation."
    assert len(chunks(text)) == 2
    quote = quote_with(extract(text, nlp).quotes, "Moscow is not interested")
    assert quote.evidence[0]["start"] >= len(filler)
    check_chain(text, quote)


def test_every_gold_quote_has_a_known_sieve_and_a_chain_to_its_speaker(nlp, gold_articles):
    seen = set()
    for article in gold_articles:
        for quote in extract(article["text"], nlp).quotes:
            check_chain(article["text"], quote)
            seen.add(quote.sieve)
    assert len(seen) >= 8  # the gold articles exercise most rules, not one


def test_the_tables_are_one_line_each_and_every_name_in_the_code_is_in_them():
    names = SIEVES | ENTITY_SIEVES
    assert not SIEVES.keys() & ENTITY_SIEVES.keys()
    assert list(SIEVES)[-1] == "none"
    for name, description in names.items():
        assert re.fullmatch(r"[a-z_]+(\.[a-z_]+)?", name), name
        assert description and "\n" not in description
    families = {name.split(".")[0] for name in names}
    for path in QUOTES_SRC.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and re.fullmatch(r"[a-z_]+\.[a-z_]+", node.value) and node.value.split(".")[0] in families):
                assert node.value in names, f"{path.name}: {node.value!r} is not in quotes/sieves.py"


def test_a_sieve_switched_off_lets_the_next_rule_decide(nlp):
    """The ablation switch: with `cue.subject` off, a framed quote is no longer attributed by
    its cue (it is left out: nothing else frames it); with all sieves on it comes back."""
    from newsread.quotes import extract
    from newsread.quotes.sieves import switched_off

    text = 'The mayor spoke on Monday. "We will rebuild the bridge," Ana Ruiz said.'
    on = extract(text, nlp).quotes
    assert [(q.speaker, q.sieve) for q in on] == [("Ana Ruiz", "cue.subject")]
    with switched_off("cue.subject"):
        assert [q for q in extract(text, nlp).quotes if q.sieve == "cue.subject"] == []
    assert [(q.speaker, q.sieve) for q in extract(text, nlp).quotes] == [("Ana Ruiz", "cue.subject")]
    with pytest.raises(ValueError, match="no sieve named"):
        with switched_off("cue.no_such_rule"):
            pass


def test_every_sieve_has_a_case_in_the_tables():
    """One row at least per stage-1 sieve (ATTRIBUTED) and per stage-2 link that is not a plain
    name (CHAINS, or the stage-1 rows' chains); 'none' is the absence of a sieve."""
    stage1 = {row[4] for row in ATTRIBUTED}
    assert set(SIEVES) - {"none"} <= stage1, sorted(set(SIEVES) - {"none"} - stage1)
    links = {step for _t, _f, chain in CHAINS for step, _text in chain}
    plain = {"name.exact", "name.surname_of", "name.alias", "description.unnamed", "entity.learned",
             "pronoun.reporter", "pronoun.group"}  # tested in test_quotes_speakers/_resolution and test_learned_speakers
    assert set(ENTITY_SIEVES) - plain <= links, sorted(set(ENTITY_SIEVES) - plain - links)
