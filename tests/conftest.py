"""Fixtures shared by every test module."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
GOLD_DIR = TESTS / "data" / "gold"
# The seed article has no open licence, so it is not copied into the repo; ../shared holds it.
SHARED_GOLD_DIR = TESTS.parent.parent / "shared" / "data" / "gold"


def load_gold(directory: Path = GOLD_DIR) -> list[dict]:
    return [json.loads(line) for path in sorted(directory.glob("*.jsonl")) for line in path.open(encoding="utf-8") if line.strip()]


@pytest.fixture(scope="session")
def gold_articles() -> list[dict]:
    """The open-licensed hand-checked gold articles shipped with the tests."""
    return load_gold()


@pytest.fixture(scope="session")
def nlp():
    """The real spaCy pipeline, loaded once per test session."""
    from newsread.quotes import load_pipeline

    return load_pipeline()
