"""Hard-wrapped plain text (quotes/line_wrap.py): a line break that only wraps a line is read
as a space, so a quote or a sentence running over a line end is found whole; a text whose
newlines end paragraphs is read as it is. Invented texts, and the gold articles wrapped."""

from __future__ import annotations

import re
import textwrap

import pytest

from newsread.quotes import extract, extract_many
from newsread.quotes.line_wrap import soft_breaks, unwrapped

WRAPPED = (
    "Harbour to close\n"
    "By Ann Lowe\n"
    "\n"
    "The mayor spoke to reporters on Monday after the council voted. \"We will\n"
    "rebuild the bridge before the winter comes, and nobody will stop us,\" Ana\n"
    "Ruiz said at the harbour, where the ferries have not run for a month.\n"
    "\n"
    "Tom Hale, who chairs the harbour board, said the port would close next\n"
    "year unless the government paid for the repairs that the engineers asked\n"
    "for in their report.\n"
)


def test_a_wrapped_text_reads_its_soft_breaks_as_spaces():
    flat = unwrapped(WRAPPED)
    assert len(flat) == len(WRAPPED)
    assert '"We will rebuild the bridge' in flat and "next year unless" in flat
    # a short line ends where it ends: the headline, the byline, a paragraph's last line
    assert flat.startswith("Harbour to close\nBy Ann Lowe\n\n")
    assert "for in their report.\n" in flat


def test_a_quote_over_a_line_end_is_found_whole_with_the_articles_own_text(nlp):
    quotes = extract(WRAPPED, nlp)
    direct = [q for q in quotes.quotes if q.kind == "direct"]
    assert [(q.speaker, " ".join(q.text.split())) for q in direct] == [
        ("Ana Ruiz", "We will rebuild the bridge before the winter comes, and nobody will stop us,")]
    assert "\n" in direct[0].text  # the article's own text, its line break kept
    indirect = [q for q in quotes.quotes if q.kind == "indirect"]
    assert [(q.speaker, " ".join(q.text.split())) for q in indirect] == [
        ("Tom Hale", "the port would close next year unless the government paid for the repairs "
                     "that the engineers asked for in their report")]


@pytest.mark.parametrize("text", [
    # one paragraph a line, each a whole sentence: newlines end paragraphs
    "The mayor spoke on Monday.\nThe port will close next year, Tom Hale said.\n"
    "Ruiz said the ferries would run again.\nThe council meets on Friday.\n",
    # a paragraph a line, longer than any wrap width, one of them ending without a full stop
    ("The mayor spoke to reporters on Monday after the council voted to close the harbour for "
     "the winter, and the ferries stopped running to the islands.\n") * 3
    + "The mayor spoke to reporters on Monday after the council voted to close the harbour for the\n"
    + "Winter Fair.\n",
    # a headline without a full stop, then a line that opens in capitals
    "Harbour to close for the winter\nThe mayor said the ferries would stop.\n",
    # a list: each item opens a line of its own
    "The council listed what it will do before the winter comes to the harbour town:\n"
    "- rebuild the old bridge that the storm took away in the spring of last year\n"
    "- repair the ferry ramp and the quay wall that the engineers said was unsafe\n"
    "- open the new car park by the station to everyone who works in the town\n",
])
def test_a_text_whose_newlines_end_paragraphs_is_read_as_it_is(text):
    assert soft_breaks(text) == []


def test_a_stray_break_inside_a_sentence_of_unwrapped_text_is_soft(nlp):
    # a paste left a newline between two lower-case words of one sentence: the quote over it is whole
    text = ("The mayor spoke to reporters on Monday after the council voted to close the harbour for "
            "the winter, and the ferries stopped running to the islands.\n\n"
            "“The ferry crews,” Ann Lowe added, “have waited all summer for a timetable that lets them plan their\n"
            "weeks around the tides.”\n\nThe council meets on Friday.\n")
    assert soft_breaks(text) == [text.index("their\n") + len("their")]
    direct = [q for q in extract(text, nlp).quotes if q.kind == "direct"]
    assert [q.text.split()[-1] for q in direct] == ["crews,", "tides."]
    assert {q.speaker for q in direct} == {"Ann Lowe"}
    # a line ending a sentence, or a next line in capitals, still ends its paragraph
    assert soft_breaks("The port closes.\nthe ferries stop.\n") == []
    assert soft_breaks("The port closes on\nMonday, and the ferries stop.\n") == []


@pytest.mark.slow
def test_gold_articles_wrapped_at_72_columns_give_the_same_quotes(gold_articles, nlp):
    arts = gold_articles[:12]
    flat = ["\n\n".join(p.strip() for p in re.split(r"\n+", a["text"]) if p.strip()) for a in arts]
    wrapped = ["\n\n".join(textwrap.fill(p, 72) for p in t.split("\n\n")) for t in flat]
    same = total = 0
    for a, b in zip(extract_many(flat, nlp), extract_many(wrapped, nlp)):
        ours = {(" ".join(q.text.split()), q.speaker) for q in a.quotes}
        theirs = {(" ".join(q.text.split()), q.speaker) for q in b.quotes}
        same, total = same + len(ours & theirs), total + len(ours | theirs)
    assert total > 50 and same >= 0.95 * total, (same, total)
