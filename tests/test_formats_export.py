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


@pytest.mark.parametrize("fmt", sorted(STREAM_GOLDEN))
def test_stream_format_matches_golden(fmt, tmp_path):
    out = tmp_path / STREAM_GOLDEN[fmt]
    count = export(fmt, sample_records(), out)
    expected = 6 if fmt != "labelstudio" else 5  # Label Studio leaves the rejected quote out
    assert count == expected
    check_golden(out.read_bytes(), STREAM_GOLDEN[fmt])
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # no temp file left behind


def test_brat_matches_golden(tmp_path):
    assert export("brat", sample_records(), tmp_path / "brat") == 6
    names = sorted(p.name for p in (tmp_path / "brat").iterdir())
    assert names == ["1.ann", "1.txt", "2.ann", "2.txt", "annotation.conf"]
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


def test_labelstudio_regions_and_relations_point_at_the_text(tmp_path):
    export("labelstudio", sample_records(), tmp_path / "ls.json")
    tasks = json.loads((tmp_path / "ls.json").read_text(encoding="utf-8"))
    assert len(tasks) == 2
    for task in tasks:
        results = task["annotations"][0]["result"]
        ids = {r["id"] for r in results if r["type"] != "relation"}
        for result in results:
            if result["type"] == "relation":
                assert result["from_id"] in ids and result["to_id"] in ids
            elif result["type"] != "textarea":  # a per-region textarea's "text" is its answer
                value = result["value"]
                assert task["data"]["text"][value["start"]:value["end"]] == value["text"]
    texts = [r["value"]["text"] for r in tasks[0]["annotations"][0]["result"] if r["type"] == "labels"]
    assert "bold" not in texts  # rejected


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
    assert set(EXPORT_FORMATS) == {"jsonl", "articles-jsonl", "csv", "spacy", "brat", "prodigy", "labelstudio"}


def test_importing_formats_does_not_import_spacy():
    import subprocess
    import sys

    code = "import sys, newsread.formats; print('spacy' in sys.modules)"
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.strip() == "False"
