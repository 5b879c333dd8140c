"""Joint statements in every export format: the list of speakers beside the joined name, read back on import."""

from __future__ import annotations

import csv
import json

import pytest
from test_formats_export import docbin_summary, quote

from newsread.formats import FormatError, export, read_annotations
from newsread.model import StoredArticle

TEXT = "Kimberly-Clark and Solaris Paper emphasised that supply is fine. Woolworths said limits stay."
NAMES = ["Kimberly-Clark", "Solaris Paper"]


def records():
    article = StoredArticle(text=TEXT, title="Toilet paper", source="Wikinews", id=7)
    return [(article, [
        quote(TEXT, "supply is fine", cue="emphasised", mention="Kimberly-Clark and Solaris Paper", kind="indirect",
              speakers=NAMES, speaker_kind="ORG", status="accepted", human=True, id=71, article_id=7),
        quote(TEXT, "limits stay", cue="said", mention="Woolworths", kind="indirect", speaker="Woolworths",
              speaker_kind="ORG", status="unreviewed", id=72, article_id=7),
    ])]


def test_jsonl_has_the_list_beside_the_joined_name(tmp_path):
    export("jsonl", records(), tmp_path / "q.jsonl")
    joint, single = [json.loads(line) for line in (tmp_path / "q.jsonl").read_text(encoding="utf-8").splitlines()]
    assert (joint["speaker"], joint["speakers"]) == ("Kimberly-Clark and Solaris Paper", NAMES)
    keys = list(joint)
    assert keys[keys.index("speaker") + 1] == "speakers"
    assert (single["speaker"], single["speakers"]) == ("Woolworths", ["Woolworths"])


def test_csv_joins_the_speakers_with_a_bar(tmp_path):
    export("csv", records(), tmp_path / "q.csv")
    with (tmp_path / "q.csv").open(encoding="utf-8", newline="") as handle:
        joint, single = list(csv.DictReader(handle))
    assert (joint["speaker"], joint["speakers"]) == ("Kimberly-Clark and Solaris Paper", "Kimberly-Clark | Solaris Paper")
    assert single["speakers"] == "Woolworths"


def test_articles_jsonl_round_trip_keeps_the_speakers(tmp_path):
    export("articles-jsonl", records(), tmp_path / "a.jsonl")
    line = json.loads((tmp_path / "a.jsonl").read_text(encoding="utf-8"))
    assert [q["speakers"] for q in line["quotes"]] == [NAMES, ["Woolworths"]]
    ((_, back),) = read_annotations("jsonl", tmp_path / "a.jsonl")
    assert back == records()[0][1]
    assert back[0].speakers == NAMES and back[0].speaker == "Kimberly-Clark and Solaris Paper"


def test_import_reads_speakers_when_present_and_speaker_alone_otherwise(tmp_path):
    start = TEXT.index("supply")
    lines = [
        {"text": TEXT, "quotes": [{"start": start, "end": start + 14, "speakers": NAMES}]},
        {"text": TEXT, "quotes": [{"start": start, "end": start + 14, "speaker": "Kimberly-Clark and Solaris Paper"}]},
    ]
    (tmp_path / "in.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    (_, (listed,)), (_, (gold,)) = read_annotations("jsonl", tmp_path / "in.jsonl")
    assert (listed.speakers, listed.speaker) == (NAMES, "Kimberly-Clark and Solaris Paper")
    assert gold.speakers == ["Kimberly-Clark and Solaris Paper"]  # a gold name is never split at "and"


def test_speakers_that_are_not_a_list_of_names_are_a_format_error(tmp_path):
    line = {"text": TEXT, "quotes": [{"start": 0, "end": 5, "speakers": "Kimberly-Clark"}]}
    (tmp_path / "bad.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    with pytest.raises(FormatError, match="bad.jsonl:1: quote 1: speakers is not a list of names"):
        list(read_annotations("jsonl", tmp_path / "bad.jsonl"))


def test_brat_notes_the_speakers_of_a_joint_statement_and_reads_them_back(tmp_path):
    export("brat", records(), tmp_path / "brat")
    ann = (tmp_path / "brat" / "7.ann").read_text(encoding="utf-8")
    assert "AnnotatorNotes E1\tKimberly-Clark and Solaris Paper\n" in ann
    assert "AnnotatorNotes E1\tspeakers: Kimberly-Clark | Solaris Paper\n" in ann
    assert "speakers:" not in ann.split("E2")[1]  # one speaker: no list
    ((_, back),) = read_annotations("brat", tmp_path / "brat")
    assert [q.speakers for q in back] == [NAMES, ["Woolworths"]]


def test_prodigy_labelstudio_and_docbin_carry_the_list(tmp_path):
    export("prodigy", records(), tmp_path / "p.jsonl")
    (task,) = [json.loads(line) for line in (tmp_path / "p.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(q["speaker"], q["speakers"]) for q in task["meta"]["quotes"]] == [
        ("Kimberly-Clark and Solaris Paper", NAMES), ("Woolworths", ["Woolworths"])]

    export("labelstudio", records(), tmp_path / "ls.json")
    (ls_task,) = json.loads((tmp_path / "ls.json").read_text(encoding="utf-8"))
    answers = [r["value"] for r in ls_task["annotations"][0]["result"] if r["type"] == "textarea"]
    assert answers[0] == {**answers[0], "text": ["Kimberly-Clark and Solaris Paper"], "speakers": NAMES}

    export("spacy", records(), tmp_path / "train.spacy")
    (doc,) = docbin_summary(tmp_path / "train.spacy")
    # (msgpack, which DocBin uses, gives lists back as tuples)
    assert [list(q["speakers"]) for q in doc["user_data"]["newsread_quotes"]] == [NAMES, ["Woolworths"]]
