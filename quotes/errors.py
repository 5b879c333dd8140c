"""Errors the extractor raises (only when loading a pipeline; extraction never raises)."""

from __future__ import annotations


class PipelineNotFound(RuntimeError):
    def __init__(self, name: str, reason: str = "") -> None:
        self.name = name
        msg = f"spaCy pipeline {name!r} could not be loaded"
        if reason:
            msg += f": {reason}"
        msg += f" (install it, e.g. `python -m spacy download {name}`)"
        super().__init__(msg)
