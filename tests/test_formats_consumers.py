"""Exports taken by the tools they are for, as they are: spaCy trains on the DocBin with its config,
Label Studio's validator and Label Studio itself import the tasks.

Label Studio is not a dependency (it is large): its tests run where ``label_studio_sdk`` or
``label-studio`` is installed and are skipped, saying so, elsewhere.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from test_formats_export import sample_records

from newsread.formats import export
from newsread.formats.labelstudio import LABEL_CONFIG
from newsread.model import StoredArticle, StoredQuote

NEWSREAD = str(Path(sys.executable).parent / "newsread")


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "NEWSREAD_DB"}
    env["NEWSREAD_CONFIG"] = "/nonexistent/newsread.toml"
    return subprocess.run(list(args), capture_output=True, text=True, env=env, cwd=cwd, timeout=300)


def test_spacy_trains_on_the_export_with_the_config_beside_it(tmp_path):
    export("articles-jsonl", sample_records(), tmp_path / "articles.jsonl")
    assert run(NEWSREAD, "--db", "n.db", "import", "--format", "jsonl", "articles.jsonl", cwd=tmp_path).returncode == 0
    exported = run(NEWSREAD, "--db", "n.db", "export", "--format", "spacy", "-o", "quotes.spacy", cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    assert "wrote the spancat training config to quotes.cfg" in exported.stderr
    # As docs/formats.md says to run it, two steps only; on the CPU.
    trained = run(sys.executable, "-m", "spacy", "train", "quotes.cfg", "--paths.train", "quotes.spacy",
                  "--paths.dev", "quotes.spacy", "--training.max_steps", "2", "--training.eval_frequency", "1",
                  "--output", "model", cwd=tmp_path)
    assert trained.returncode == 0, trained.stdout + trained.stderr
    assert "SPANS_QUOT" in trained.stdout  # the score columns are the "quotes" key's
    assert (tmp_path / "model" / "model-last" / "spancat").is_dir()
    meta = json.loads((tmp_path / "model" / "model-last" / "meta.json").read_text(encoding="utf-8"))
    assert sorted(meta["labels"]["spancat"]) == ["direct", "indirect", "mixed"]


def labelstudio_records():
    """The sample articles and one that only the model has seen: it must arrive unlabeled."""
    text = "“Nothing is decided,” the mayor said."
    article = StoredArticle(text=text, title="Mayor", id=3)
    model_quote = StoredQuote(start=1, end=20, text=text[1:20], cue="said", cue_start=32, mention_start=22,
                              mention_end=31, speaker="the mayor", speaker_kind="OTHER", confidence=0.4, id=31,
                              article_id=3)
    return [*sample_records(), (article, [model_quote])]


def test_label_studio_validator_takes_every_prediction_and_annotation(tmp_path):
    interface = pytest.importorskip(
        "label_studio_sdk.label_interface", reason="label_studio_sdk not installed (pip install label-studio-sdk)")
    labels = interface.LabelInterface(LABEL_CONFIG)
    export("labelstudio", labelstudio_records(), tmp_path / "ls.json")
    tasks = json.loads((tmp_path / "ls.json").read_text(encoding="utf-8"))
    for task in tasks:
        for prediction in task.get("predictions", []):
            assert labels.validate_prediction(prediction, return_errors=True) == []
        for annotation in task.get("annotations", []):
            assert labels.validate_annotation(annotation)


TOKEN = "newsread-test-token-0123456789"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def api(base: str, path: str, body: object | None = None) -> object:
    data = None if body is None else json.dumps(body).encode("utf-8")
    request = urllib.request.Request(base + path, data=data, method="GET" if body is None else "POST",
                                     headers={"Authorization": f"Token {TOKEN}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read() or b"null")


def wait_until_up(base: str, server: subprocess.Popen, seconds: float = 240) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert server.poll() is None, "label-studio stopped while starting"
        try:
            with urllib.request.urlopen(base + "/health", timeout=5):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(1)
    raise AssertionError(f"label-studio did not answer within {seconds} s")


@pytest.fixture
def label_studio(tmp_path):
    """A Label Studio of its own on a loopback port, with a user whose API token is TOKEN."""
    pytest.importorskip("label_studio", reason="label-studio not installed (pip install label-studio): too large to be a test dependency")
    program = shutil.which("label-studio") or str(Path(sys.executable).parent / "label-studio")
    port = free_port()
    log = (tmp_path / "label-studio.log").open("wb")
    server = subprocess.Popen(
        [program, "start", "--no-browser", "--host", "127.0.0.1", "--port", str(port), "--data-dir", str(tmp_path / "ls"),
         "--username", "newsread@example.org", "--password", "newsread-test", "--user-token", TOKEN],
        stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "LABEL_STUDIO_BASE_DATA_DIR": str(tmp_path / "ls")})
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base, server)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


@pytest.mark.slow
def test_label_studio_imports_predictions_and_annotations_as_they_are(label_studio, tmp_path):
    export("labelstudio", labelstudio_records(), tmp_path / "ls.json")
    tasks = json.loads((tmp_path / "ls.json").read_text(encoding="utf-8"))
    project = api(label_studio, "/api/projects", {"title": "newsread export", "label_config": LABEL_CONFIG})
    imported = api(label_studio, f"/api/projects/{project['id']}/import?commit_to_project=true", tasks)
    assert (imported["task_count"], imported["annotation_count"], imported["prediction_count"]) == (3, 2, 2)
    listed = api(label_studio, f"/api/tasks?project={project['id']}&fields=all&page_size=10")
    stored = {task["data"]["article_id"]: task for task in (listed["tasks"] if isinstance(listed, dict) else listed)}
    # Reviewed articles arrive labeled, with a person's annotation that is not ground truth;
    # the article only the model has seen arrives unlabeled, with the model's prediction.
    assert {i: (t["is_labeled"], t["total_annotations"], t["total_predictions"]) for i, t in stored.items()} == {
        1: (True, 1, 1), 2: (True, 1, 0), 3: (False, 0, 1)}
    peskov = api(label_studio, f"/api/tasks/{stored[1]['id']}")
    (annotation,) = peskov["annotations"]
    assert annotation["ground_truth"] is False
    assert {r["value"]["text"] for r in annotation["result"] if r.get("value", {}).get("labels") == ["QUOTE"]} == {
        "We will not accept this.", "Moscow is not interested in escalation"}
    (prediction,) = peskov["predictions"]
    assert prediction["model_version"] == tasks[0]["predictions"][0]["model_version"] and prediction["score"] == 0.62
    assert peskov["meta"]["rejected_quotes"][0]["text"] == "bold"
