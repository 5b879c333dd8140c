"""Scoring rules of DESIGN.md on small hand-made cases."""

from __future__ import annotations

import json

import pytest

from newsread.evaluate import format_report, load_gold, score, speaker_matches
from newsread.model import Quote

TEXT = 'Peskov said: "Presidents cannot meet for the sake of meeting." Lavrov stressed that Moscow is not interested.'
G_DIRECT = {"start": 14, "end": 61, "kind": "direct", "speaker": "Dmitry Peskov", "text": ""}
G_IND = {"start": 84, "end": 108, "kind": "indirect", "speaker": "Sergei Lavrov", "text": ""}
ART = {"id": "t", "text": TEXT, "quotes": [G_DIRECT, G_IND]}


def q(start, end, speaker, kind="direct"):
    return Quote(start, end, TEXT[start:end], kind, speaker)


def test_spans_are_what_the_case_says():
    assert TEXT[14:61] == "Presidents cannot meet for the sake of meeting."
    assert TEXT[84:108] == "Moscow is not interested"


def test_perfect_prediction():
    r = score([ART], [[q(14, 61, "Peskov"), q(84, 108, "Lavrov", "indirect")]])
    assert r["quotes"]["f1"] == 1.0 and r["attribution"]["f1"] == 1.0


def test_half_the_words_is_enough_and_less_is_not():
    # "Presidents cannot meet for" = 4 of 8 words: found; 3 of 8 is not
    found = score([ART], [[q(14, 40, "Peskov")]])
    assert found["quotes"]["recall"] == 0.5
    missed = score([ART], [[q(14, 36, "Peskov")]])
    assert missed["quotes"]["tp_gold"] == 0
    # the short prediction lies wholly inside gold, so it is still correct
    assert missed["quotes"]["precision"] == 1.0


def test_prediction_mostly_outside_gold_is_wrong():
    r = score([ART], [[q(0, 40, "Peskov")]])  # "Peskov said" + 4 quote words: 4/6 inside → correct
    assert r["quotes"]["tp_predicted"] == 1
    r = score([ART], [[q(0, 32, "Peskov")]])  # Peskov said Presidents cannot: 2/4 → correct (half)
    assert r["quotes"]["tp_predicted"] == 1
    r = score([ART], [[q(0, 25, "Peskov")]])  # Peskov said Presidents: 1/3 → wrong
    assert r["quotes"]["tp_predicted"] == 0


def test_wrong_speaker_counts_for_quotes_not_attribution():
    r = score([ART], [[q(14, 61, "Lavrov"), q(84, 108, "Lavrov", "indirect")]])
    assert r["quotes"]["f1"] == 1.0
    assert r["attribution"]["precision"] == 0.5 and r["attribution"]["recall"] == 0.5


@pytest.mark.parametrize(
    "pred,gold,ok",
    [
        ("Peskov", "Dmitry Peskov", True),
        ("Dmitry Peskov", "Peskov", True),
        ("dmitry peskov", "Dmitry Peskov", True),
        ("Pesk", "Dmitry Peskov", False),  # not a whole word
        ("Sergei Lavrov", "Dmitry Peskov", False),
        ("", "Dmitry Peskov", False),
        ("Antoine Quirin", "Antoine Quirin and Nicolas Redouane", True),
    ],
)
def test_speaker_rule(pred, gold, ok):
    assert speaker_matches(pred, gold) is ok


def test_per_kind_recall_by_gold_kind_precision_by_predicted_kind():
    # the indirect gold quote predicted as "mixed"
    r = score([ART], [[q(14, 61, "Peskov"), q(84, 108, "Lavrov", "mixed")]])
    assert r["by_kind"]["indirect"]["quotes"]["recall"] == 1.0
    assert r["by_kind"]["indirect"]["quotes"]["n_predicted"] == 0
    assert r["by_kind"]["mixed"]["quotes"]["precision"] == 1.0
    assert r["by_kind"]["mixed"]["quotes"]["n_gold"] == 0


def test_empty_cases():
    empty = {"id": "e", "text": "Nothing said here.", "quotes": []}
    r = score([empty], [[]])
    assert r["quotes"]["f1"] == 1.0
    r = score([ART], [[]])
    assert r["quotes"]["recall"] == 0.0 and r["quotes"]["f1"] == 0.0
    with pytest.raises(ValueError):
        score([ART], [])


def test_best_overlapping_partner_judges_the_speaker():
    # two predictions over the gold quote: the bigger one (wrong speaker) is the partner
    r = score([ART], [[q(14, 22, "Peskov"), q(23, 61, "Lavrov")]])
    assert r["quotes"]["tp_gold"] == 2 - 1  # one gold quote among two found
    assert r["attribution"]["tp_gold"] == 0


def test_load_gold_file_and_folder(tmp_path):
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps(ART) + "\n\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps(dict(ART, id="u")) + "\n", encoding="utf-8")
    assert [a["id"] for a in load_gold(f)] == ["t"]
    assert [a["id"] for a in load_gold(tmp_path)] == ["t", "u"]


def test_format_report_is_an_aligned_table():
    r = score([ART], [[q(14, 61, "Peskov"), q(84, 108, "Lavrov", "indirect")]])
    out = format_report(r, by_kind=True)
    lines = out.splitlines()
    assert "F1" in lines[1] and "attribution" in out and "indirect" in out
    assert len({len(line) for line in lines[3:5]}) == 1  # rows of one block align
    assert "indirect" not in format_report(r, by_kind=False)
