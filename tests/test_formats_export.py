"""Exports: golden files per format, and each export opened by its real consumer.

Regenerate the golden files after an intended change with
``NEWSREAD_UPDATE_GOLDEN=1 pytest tests/test_formats_export.py`` and review the diff.
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pytest

from newsread.formats import EXPORT_FORMATS, export
from newsread.model import StoredArticle, StoredQuote

GOLDEN = Path(__file__).parent / "data" / "golden"
UPDATE = os.environ.get("NEWSREAD_UPDATE_GOLDEN") == "1"

PESKOV_TEXT = (
    "Kremlin spokesman Dmitry Peskov told reporters: “We will not accept this.” "
    "He said the sanctions were “an unfriendly step”.\n\n"
    "Foreign Minister Sergey Lavrov stressed that Moscow is not interested in escalation.\n\n"
    "Critics called the plan “bold”."
)
CAFE_TEXT = (
    "Zoë Müller, the café’s owner, said: «Ça va très bien — merci !»\n\n"
    "“Back in five minutes,” read a note on the door. 🎉"
)


def at(text: str, fragment: str) -> tuple[int, int]:
    start = text.index(fragment)
    return start, start + len(fragment)


def quote(text: str, content: str, *, cue: str = "", mention: str = "", **fields) -> StoredQuote:
    start, end = at(text, content)
    cue_start = text.index(cue) if cue else -1
    mention_start, mention_end = at(text, mention) if mention else (-1, -1)
    return StoredQuote(start=start, end=end, text=content, cue=cue, cue_start=cue_start,
                       mention_start=mention_start, mention_end=mention_end, **fields)


def sample_records() -> list[tuple[StoredArticle, list[StoredQuote]]]:
    """Two articles: every kind, every status, unicode, and quotes without cue or mention."""
    peskov = StoredArticle(text=PESKOV_TEXT, title="Moscow rejects sanctions", source="Example Wire",
                           url="https://example.org/peskov", date="2024-03-01", author="A. Writer", id=1)
    cafe = StoredArticle(text=CAFE_TEXT, title="Café reopens", source="Gazette", id=2)
    return [
        (peskov, [
            quote(PESKOV_TEXT, "We will not accept this.", cue="told", mention="Dmitry Peskov", kind="direct",
                  speaker="Dmitry Peskov", status="accepted", id=11, article_id=1, confidence=0.91),
            quote(PESKOV_TEXT, "an unfriendly step", cue="said", mention="He", kind="mixed",
                  speaker="Dmitry Peskov", id=12, article_id=1, confidence=0.62),
            quote(PESKOV_TEXT, "Moscow is not interested in escalation", cue="stressed", mention="Sergey Lavrov",
                  kind="indirect", speaker="Sergey Lavrov", status="corrected", human=True,
                  note="speaker was “Moscow”", id=13, article_id=1, confidence=0.5),
            quote(PESKOV_TEXT, "bold", kind="mixed", speaker="Critics", speaker_kind="OTHER", status="rejected",
                  note="scare quote", id=14, article_id=1, confidence=0.3),
        ]),
        (cafe, [
            quote(CAFE_TEXT, "Ça va très bien — merci !", cue="said", mention="Zoë Müller", kind="direct",
                  speaker="Zoë Müller", status="accepted", id=21, article_id=2),
            quote(CAFE_TEXT, "Back in five minutes,", kind="direct", speaker="", speaker_kind="OTHER",
                  human=True, status="accepted", id=22, article_id=2),
        ]),
    ]


STREAM_GOLDEN = {
    "jsonl": "quotes.jsonl",
    "articles-jsonl": "articles.jsonl",
    "csv": "quotes.csv",
    "prodigy": "prodigy.jsonl",
    "labelstudio": "labelstudio.json",
}


def check_golden(actual: bytes, name: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(actual)
    assert path.exists(), f"{path} missing: run with NEWSREAD_UPDATE_GOLDEN=1"
    assert actual.decode("utf-8") == path.read_bytes().decode("utf-8")


def without_extractor_version(exported: bytes) -> bytes:
    """Label Studio's model_version names the extractor: the golden file must not change with each release."""
    from newsread.formats.labelstudio import MODEL_VERSION

    return exported.replace(f'"{MODEL_VERSION}"'.encode(), b'"newsread-EXTRACTOR_VERSION"')


@pytest.mark.parametrize("fmt", sorted(STREAM_GOLDEN))
def test_stream_format_matches_golden(fmt, tmp_path):
    out = tmp_path / STREAM_GOLDEN[fmt]
    count = export(fmt, sample_records(), out)
    expected = 6 if fmt != "labelstudio" else 5  # Label Studio's regions leave the rejected quote out
    assert count == expected
    check_golden(without_extractor_version(out.read_bytes()), STREAM_GOLDEN[fmt])
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # no temp file left behind


def test_brat_matches_golden(tmp_path):
    assert export("brat", sample_records(), tmp_path / "brat") == 6
    names = sorted(p.name for p in (tmp_path / "brat").iterdir())
    assert names == ["1.ann", "1.txt", "2.ann", "2.txt", "annotation.conf", "metadata.jsonl"]
    for name in names:
        check_golden((tmp_path / "brat" / name).read_bytes(), f"brat/{name}")


def docbin_summary(path: Path) -> dict:
    """What a spaCy consumer sees in the DocBin, as JSON for a readable golden file."""
    import spacy
    from spacy.tokens import DocBin

    docs = list(DocBin().from_disk(path).get_docs(spacy.blank("en").vocab))
    return [
        {
            "groups": {name: [[s.start_char, s.end_char, s.label_, s.text] for s in group]
                       for name, group in sorted(doc.spans.items())},
            "user_data": {key: value for key, value in sorted(doc.user_data.items()) if isinstance(key, str)},
        }
        for doc in docs
    ]


def test_spacy_docbin_loads_with_spacy_and_matches_golden(tmp_path):
    out = tmp_path / "train.spacy"
    assert export("spacy", sample_records(), out) == 6
    summary = docbin_summary(out)
    peskov, cafe = summary
    assert [s[2:] for s in peskov["groups"]["quotes"]] == [
        ["direct", "We will not accept this."], ["mixed", "an unfriendly step"],
        ["indirect", "Moscow is not interested in escalation"],
    ]
    assert [s[3] for s in peskov["groups"]["rejected_quotes"]] == ["bold"]
    assert [s[3] for s in peskov["groups"]["speakers"]] == ["Dmitry Peskov", "He", "Sergey Lavrov"]
    assert [s[3] for s in peskov["groups"]["cues"]] == ["told", "said", "stressed"]
    details = peskov["user_data"]["newsread_quotes"]
    assert [d["speaker"] for d in details] == ["Dmitry Peskov", "Dmitry Peskov", "Sergey Lavrov"]
    assert [d["status"] for d in details] == ["accepted", "unreviewed", "corrected"]
    assert peskov["user_data"]["newsread_article"]["title"] == "Moscow rejects sanctions"
    assert cafe["groups"]["quotes"][0][3] == "Ça va très bien — merci !"
    assert cafe["groups"]["speakers"] == [[0, 10, "SPEAKER", "Zoë Müller"]]
    check_golden((json.dumps(summary, ensure_ascii=False, indent=1) + "\n").encode(), "spacy-docbin.json")


def test_spacy_and_brat_need_an_output_path():
    for fmt in ("spacy", "brat"):
        with pytest.raises(ValueError, match=f"the {fmt} format writes a"):
            export(fmt, sample_records(), None)


def test_unknown_format_is_a_one_line_value_error():
    with pytest.raises(ValueError, match=r"^unknown export format 'xml' \(choose from "):
        export("xml", [], None)


def test_text_formats_go_to_stdout_when_no_path(capsys):
    assert export("jsonl", sample_records(), None) == 6
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 6 and json.loads(lines[0])["article_id"] == 1


def test_jsonl_and_csv_carry_the_same_rows(tmp_path):
    export("jsonl", sample_records(), tmp_path / "q.jsonl")
    export("csv", sample_records(), tmp_path / "q.csv")
    json_rows = [json.loads(line) for line in (tmp_path / "q.jsonl").read_text(encoding="utf-8").splitlines()]
    with (tmp_path / "q.csv").open(encoding="utf-8", newline="") as handle:
        csv_rows = list(csv.DictReader(handle))
    assert [row.keys() for row in json_rows] == [row.keys() for row in csv_rows]
    for j, c in zip(json_rows, csv_rows):
        j["speakers"] = " | ".join(j["speakers"])  # CSV joins the list of speakers
        assert {k: str(v).lower() if isinstance(v, bool) else str(v) for k, v in j.items()} == c
    by_status = {row["status"] for row in json_rows}
    assert by_status == {"accepted", "unreviewed", "corrected", "rejected"}
    lavrov = next(row for row in json_rows if row["speaker"] == "Sergey Lavrov")
    assert lavrov["human"] is True and lavrov["note"] == "speaker was “Moscow”"
    assert lavrov["article_title"] == "Moscow rejects sanctions"


def test_prodigy_tasks_are_consistent(tmp_path):
    export("prodigy", sample_records(), tmp_path / "p.jsonl")
    tasks = [json.loads(line) for line in (tmp_path / "p.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [t["answer"] for t in tasks] == ["accept", "reject", "accept"]
    for task in tasks:
        tokens = task["tokens"]
        for span in task["spans"]:
            assert tokens[span["token_start"]]["start"] == span["start"]
            assert tokens[span["token_end"]]["end"] == span["end"]
        for relation in task["relations"]:
            assert relation["head"] == relation["head_span"]["token_end"]
            assert relation["child"] == relation["child_span"]["token_end"]
            assert relation["head_span"] in task["spans"] and relation["child_span"] in task["spans"]
    first = tasks[0]
    assert sorted({s["label"] for s in first["spans"]}) == ["CUE", "QUOTE", "SPEAKER"]
    assert len(first["relations"]) == 6  # three quotes, each with a speaker and a cue


def labelstudio_tasks(records, tmp_path: Path) -> list[dict]:
    export("labelstudio", records, tmp_path / "ls.json")
    return json.loads((tmp_path / "ls.json").read_text(encoding="utf-8"))


def result_lists(task: dict) -> list[list[dict]]:
    return [item["result"] for key in ("predictions", "annotations") for item in task.get(key, [])]


def test_labelstudio_regions_and_relations_point_at_the_text(tmp_path):
    tasks = labelstudio_tasks(sample_records(), tmp_path)
    assert len(tasks) == 2
    for task in tasks:
        for results in result_lists(task):
            ids = {r["id"] for r in results if r["type"] != "relation"}
            for result in results:
                if result["type"] == "relation":  # a relation links regions of its own result list
                    assert result["from_id"] in ids and result["to_id"] in ids
                elif result["type"] != "textarea":  # a per-region textarea's "text" is its answer
                    value = result["value"]
                    assert task["data"]["text"][value["start"]:value["end"]] == value["text"]
    texts = [r["value"]["text"] for results in result_lists(tasks[0]) for r in results if r["type"] == "labels"]
    assert "bold" not in texts  # rejected


def quote_regions(results: list[dict]) -> dict[str, dict]:
    """QUOTE regions by text: the labels result of each quote."""
    return {r["value"]["text"]: r for r in results if r["type"] == "labels" and r["value"]["labels"] == ["QUOTE"]}


def test_labelstudio_model_output_is_a_prediction_and_decisions_are_an_annotation(tmp_path):
    from newsread.quotes import EXTRACTOR_VERSION

    peskov, cafe = labelstudio_tasks(sample_records(), tmp_path)
    (prediction,) = peskov["predictions"]
    assert prediction["model_version"] == f"newsread-{EXTRACTOR_VERSION}"
    assert prediction["score"] == 0.62  # the lowest confidence among the predicted quotes: here the only one
    predicted = quote_regions(prediction["result"])
    assert list(predicted) == ["an unfriendly step"]  # unreviewed: a prediction only
    assert predicted["an unfriendly step"]["value"]["score"] == 0.62
    assert predicted["an unfriendly step"]["meta"] == {"status": "unreviewed", "confidence": 0.62, "human": False}

    (annotation,) = peskov["annotations"]
    assert (annotation["ground_truth"], annotation["was_cancelled"]) == (False, False)
    decided = quote_regions(annotation["result"])
    assert list(decided) == ["We will not accept this.", "Moscow is not interested in escalation"]
    assert decided["Moscow is not interested in escalation"]["meta"] == {
        "status": "corrected", "confidence": 0.5, "human": True, "text": ["speaker was “Moscow”"]}
    assert "score" not in decided["We will not accept this."]["value"]  # a person's work has no model score
    # Rejected: no region of the annotation, listed in the task's meta with its status fields.
    assert peskov["meta"]["rejected_quotes"] == [{
        "start": 236, "end": 240, "text": "bold", "kind": "mixed", "speaker": "Critics", "speakers": ["Critics"],
        "confidence": 0.3, "note": "scare quote"}]
    # Every quote reviewed (one added by hand): no prediction.
    assert "predictions" not in cafe and cafe["meta"] == {"rejected_quotes": []}
    assert list(quote_regions(cafe["annotations"][0]["result"])) == ["Ça va très bien — merci !", "Back in five minutes,"]


def test_labelstudio_article_without_decisions_or_quotes(tmp_path):
    peskov, _ = sample_records()
    article, quotes = peskov
    unreviewed = [q for q in quotes if q.status == "unreviewed"]
    rejected = [q for q in quotes if q.status == "rejected"]
    only_model, only_rejected, nothing = labelstudio_tasks([(article, unreviewed), (article, rejected), (article, [])],
                                                           tmp_path)
    assert "annotations" not in only_model and len(only_model["predictions"]) == 1
    assert "predictions" not in only_rejected
    assert only_rejected["annotations"][0]["result"] == []  # "no quote here" is a decision
    assert "predictions" not in nothing and "annotations" not in nothing


LABEL_STUDIO_TASK_KEYS = {"data", "meta", "predictions", "annotations"}  # what Label Studio's import reads


def check_labelstudio_task_format(task: dict) -> None:
    """Label Studio's documented JSON task format, and the labeling config in docs/formats.md."""
    import re
    import xml.etree.ElementTree as ElementTree

    from newsread.formats.labelstudio import LABEL_CONFIG

    config = ElementTree.fromstring(LABEL_CONFIG)
    controls = {tag.get("name"): tag for tag in config if tag.get("toName")}
    relation_labels = {tag.get("value") for tag in config.iter("Relation")}
    assert set(task) <= LABEL_STUDIO_TASK_KEYS and isinstance(task["data"]["text"], str)
    assert isinstance(task.get("meta", {}), dict)
    for prediction in task.get("predictions", []):
        assert isinstance(prediction["model_version"], str) and isinstance(prediction["score"], float)
    for annotation in task.get("annotations", []):
        assert isinstance(annotation["ground_truth"], bool) and isinstance(annotation["was_cancelled"], bool)
    for results in result_lists(task):
        assert isinstance(results, list)
        for result in results:
            if result["type"] == "relation":
                assert result["direction"] in ("left", "right", "bi") and set(result["labels"]) <= relation_labels
                continue
            assert re.fullmatch(r"[A-Za-z0-9_-]+", result["id"])
            control = controls[result["from_name"]]
            assert result["to_name"] == control.get("toName") == "text"
            assert result["type"] == control.tag.lower()
            value = result["value"]
            assert isinstance(value["start"], int) and isinstance(value["end"], int)
            allowed = {choice.get("value") for choice in control}
            if result["type"] == "labels":
                assert set(value["labels"]) <= allowed
            elif result["type"] == "choices":
                assert set(value["choices"]) <= allowed
            else:
                assert all(isinstance(answer, str) for answer in value["text"])


def test_labelstudio_tasks_fit_the_documented_task_format(tmp_path):
    for task in labelstudio_tasks(sample_records(), tmp_path):
        check_labelstudio_task_format(task)


OVERLAP_TEXT = "The plan was “a disgrace, according to Ms Holt” and “a folly”, Ms Holt said."


def overlap_records():
    """A mixed quote holding its own cue and speaker, a quote a person added inside it, and a plain one."""
    article = StoredArticle(text=OVERLAP_TEXT, title="Plan", id=5)
    mixed = quote(OVERLAP_TEXT, "a disgrace, according to Ms Holt", cue="according to", mention="Ms Holt",
                  kind="mixed", speaker="Ms Holt", id=51, article_id=5)
    inner = quote(OVERLAP_TEXT, "disgrace", kind="mixed", speaker="Ms Holt", status="accepted", human=True, id=52,
                  article_id=5)
    start = OVERLAP_TEXT.rindex("Ms Holt")
    folly = quote(OVERLAP_TEXT, "a folly", cue="said", kind="mixed", speaker="Ms Holt", id=53, article_id=5)
    folly.mention_start, folly.mention_end = start, start + len("Ms Holt")
    return [(article, [mixed, inner, folly])]


def prodigy_tasks(records, tmp_path: Path) -> list[dict]:
    export("prodigy", records, tmp_path / "p.jsonl")
    return [json.loads(line) for line in (tmp_path / "p.jsonl").read_text(encoding="utf-8").splitlines()]


def assert_no_overlapping_spans(task: dict) -> None:
    tokens = sorted((s["token_start"], s["token_end"]) for s in task["spans"])
    for (_, end), (next_start, _) in zip(tokens, tokens[1:]):
        assert end < next_start, task["spans"]
    for relation in task["relations"]:
        assert relation["head_span"] in task["spans"] and relation["child_span"] in task["spans"]


def test_prodigy_drops_a_span_that_overlaps_one_already_placed_and_keeps_it_in_meta(tmp_path):
    (task,) = prodigy_tasks(overlap_records(), tmp_path)
    assert_no_overlapping_spans(task)
    spans = [(OVERLAP_TEXT[s["start"]:s["end"]], s["label"]) for s in task["spans"]]
    # Quotes first: the mixed quote keeps its span, its own cue and speaker inside it are left out.
    assert spans == [("a disgrace, according to Ms Holt", "QUOTE"), ("a folly", "QUOTE"), ("Ms Holt", "SPEAKER"),
                     ("said", "CUE")]
    relations = [(OVERLAP_TEXT[r["head_span"]["start"]:r["head_span"]["end"]], r["label"]) for r in task["relations"]]
    assert relations == [("a folly", "SPEAKER"), ("a folly", "CUE")]
    mixed, inner, folly = task["meta"]["quotes"]
    assert mixed["not_in_spans"] == ["SPEAKER", "CUE"]
    assert (mixed["cue"], OVERLAP_TEXT[mixed["cue_start"]:][:12]) == ("according to", "according to")
    assert OVERLAP_TEXT[mixed["mention_start"]:mixed["mention_end"]] == "Ms Holt"
    assert inner["not_in_spans"] == ["QUOTE"]  # inside the first quote: in meta only
    assert folly["not_in_spans"] == []


def test_prodigy_gold_tasks_hold_no_overlapping_spans(tmp_path):
    from newsread.formats import read_annotations

    tasks = prodigy_tasks(read_annotations("jsonl", Path(__file__).parent / "data" / "gold"), tmp_path)
    for task in tasks:
        assert_no_overlapping_spans(task)
    left_out = [q["not_in_spans"] for task in tasks for q in task["meta"]["quotes"] if q["not_in_spans"]]
    assert left_out and all(labels == ["CUE"] for labels in left_out)  # "X, according to Y, ..." clauses


SHARED_CUE_TEXT = "“We are ready,” she said, “and we will win.”"


def test_brat_events_sharing_a_cue_share_its_text_bounds(tmp_path):
    article = StoredArticle(text=SHARED_CUE_TEXT, id=3)
    quotes = [quote(SHARED_CUE_TEXT, content, cue="said", mention="she", kind="direct", speaker="Ana Ruiz",
                    status="accepted", confidence=0.8) for content in ("We are ready,", "and we will win.")]
    export("brat", [(article, quotes)], tmp_path)
    lines = (tmp_path / "3.ann").read_text(encoding="utf-8").splitlines()
    text_bounds = [line.split("\t")[1] for line in lines if line.startswith("T")]
    assert len(text_bounds) == len(set(text_bounds))  # no two with the same type and span
    assert sorted(text_bounds) == ["Attribution 20 24", "Content 1 14", "Content 27 43", "Cue 20 24", "Source 16 19"]
    events = [line.split("\t")[1].split() for line in lines if line.startswith("E")]
    assert [event[0] for event in events] == ["Attribution:T4"] * 2 and events[0][1:3] == events[1][1:3]
    ((_, back),) = read_annotations_of(tmp_path)
    assert [(q.text, q.cue, q.cue_start, q.mention_start) for q in back] == [
        (q.text, q.cue, q.cue_start, q.mention_start) for q in quotes]


def test_brat_gold_export_has_no_duplicate_text_bounds(tmp_path):
    from newsread.formats import read_annotations

    gold = read_annotations("jsonl", Path(__file__).parent / "data" / "gold")
    export("brat", [(StoredArticle(text=a.text, id=n), q) for n, (a, q) in enumerate(gold, start=1)], tmp_path)
    shared_triggers = 0
    for ann in tmp_path.glob("*.ann"):
        lines = ann.read_text(encoding="utf-8").splitlines()
        text_bounds = [line.split("\t")[1] for line in lines if line.startswith("T")]
        assert len(text_bounds) == len(set(text_bounds)), ann.name
        triggers = [line.split("\t")[1].split()[0] for line in lines if line.startswith("E")]
        shared_triggers += len(triggers) - len(set(triggers))
    assert shared_triggers > 0  # split quotes and quotes of one "said": the case this is about


def read_annotations_of(folder: Path):
    from newsread.formats import read_annotations

    return list(read_annotations("brat", folder))


def declared_attributes(conf: str) -> dict[str, set[str] | None]:
    """annotation.conf's [attributes]: name -> its values, None for a binary attribute."""
    section = conf.split("[attributes]")[1]
    declared = {}
    for line in section.strip().splitlines():
        name, _, arguments = line.partition("\t")
        values = [part.split(":", 1)[1] for part in arguments.split(", ") if part.startswith("Value:")]
        declared[name] = set(values[0].split("|")) if values else None
    return declared


def test_brat_writes_only_attribute_values_annotation_conf_declares(tmp_path):
    export("brat", sample_records(), tmp_path)
    declared = declared_attributes((tmp_path / "annotation.conf").read_text(encoding="utf-8"))
    assert declared["Confidence"] == {"high", "medium", "low"}
    written = [line.split("\t")[1].split() for path in tmp_path.glob("*.ann")
               for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("A")]
    for name, _target, *value in written:
        assert (declared[name] is None) == (not value), name  # binary: no value; multi-valued: one
        assert not value or value[0] in declared[name], (name, value)
    assert {value[0] for name, _, *value in written if name == "Confidence"} == {"high", "medium", "low"}


@pytest.mark.parametrize(("attribute", "note", "expected"), [
    ("high", "0.91", 0.91),  # as exported: the exact number
    ("low", "0.91", 0.25),  # a band changed in brat wins, as its middle
    ("medium", None, 0.65),  # a band set in brat, no number
    ("0.42", None, 0.42),  # a number, as earlier exports wrote it
    (None, "0.7", 0.7),
])
def test_brat_confidence_reads_the_note_within_the_band(tmp_path, attribute, note, expected):
    (tmp_path / "1.txt").write_text(SHARED_CUE_TEXT, encoding="utf-8")
    lines = ["T1\tContent 1 14\tWe are ready,", "T2\tAttribution 1 14\tWe are ready,", "E1\tAttribution:T2 Content:T1"]
    lines += [f"A1\tConfidence E1 {attribute}"] if attribute else []
    lines += [f"#1\tAnnotatorNotes E1\tconfidence: {note}"] if note else []
    (tmp_path / "1.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    ((_, (back,)),) = read_annotations_of(tmp_path)
    assert back.confidence == expected


@pytest.mark.parametrize(("line", "message"), [
    ("A1\tConfidence E1 sure", "E1: Confidence 'sure' is neither high, medium, low nor a number"),
    ("#1\tAnnotatorNotes E1\tconfidence: very", "E1: confidence note 'very' is not a number"),
])
def test_brat_confidence_that_is_no_band_nor_number_is_a_format_error(tmp_path, line, message):
    from newsread.formats import FormatError

    (tmp_path / "1.txt").write_text(SHARED_CUE_TEXT, encoding="utf-8")
    lines = ["T1\tContent 1 14\tWe are ready,", "T2\tAttribution 1 14\tWe are ready,", "E1\tAttribution:T2 Content:T1", line]
    (tmp_path / "1.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(FormatError, match=message):
        read_annotations_of(tmp_path)


def test_spacy_export_writes_a_spancat_config_beside_the_docbin(tmp_path):
    from spacy import util

    export("spacy", sample_records(), tmp_path / "quotes.spacy")
    config = util.load_config(tmp_path / "quotes.cfg")
    lengths = [s[1] for doc in docbin_token_lengths(tmp_path / "quotes.spacy") for s in doc]
    spancat = config["components"]["spancat"]
    assert config["nlp"]["pipeline"] == ["tok2vec", "spancat"] and config["nlp"]["lang"] == "en"
    assert spancat["spans_key"] == "quotes"
    assert spancat["suggester"] == {"@misc": "spacy.ngram_range_suggester.v1", "min_size": min(lengths),
                                    "max_size": max(lengths)}
    weights = config["training"]["score_weights"]
    assert (weights["spans_quotes_f"], weights["spans_quotes_p"], weights["spans_quotes_r"]) == (1.0, 0.0, 0.0)
    assert weights["spans_sc_f"] is None  # the default key, which nothing writes, does not count
    assert config["paths"]["train"] == config["paths"]["dev"] == str(tmp_path / "quotes.spacy")


def docbin_token_lengths(path: Path) -> list[list[tuple[str, int]]]:
    import spacy
    from spacy.tokens import DocBin

    docs = DocBin().from_disk(path).get_docs(spacy.blank("en").vocab)
    return [[(span.text, len(span)) for span in doc.spans["quotes"]] for doc in docs]


def test_export_replaces_an_existing_file_atomically(tmp_path):
    out = tmp_path / "q.jsonl"
    out.write_text("old content\n", encoding="utf-8")
    export("jsonl", sample_records()[:1], out)
    assert "old content" not in out.read_text(encoding="utf-8")


def test_failed_export_leaves_the_old_file_and_no_temp(tmp_path):
    out = tmp_path / "q.jsonl"
    out.write_text("old content\n", encoding="utf-8")

    def broken_records():
        yield sample_records()[0]
        raise RuntimeError("store went away")

    with pytest.raises(RuntimeError):
        export("jsonl", broken_records(), out)
    assert out.read_text(encoding="utf-8") == "old content\n"
    assert [p.name for p in tmp_path.iterdir()] == ["q.jsonl"]


def test_registry_lists_every_format():
    assert set(EXPORT_FORMATS) == {"jsonl", "articles-jsonl", "csv", "spacy", "brat", "prodigy", "labelstudio",
                                   "datasette-metadata"}


def test_importing_formats_does_not_import_spacy():
    import subprocess
    import sys

    code = "import sys, newsread.formats; print('spacy' in sys.modules)"
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.strip() == "False"
