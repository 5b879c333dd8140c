"""Confidence per quote: how sure the attribution is, from how it was made.

Calibrated on the gold set (see bench/README or the final report): explicit cue with
a named subject is the safest; pronoun chains, inherited (floating) quotes and
guessed speakers come lower, so a reader can review the doubtful ones first.
"""

from __future__ import annotations

_BASE = {
    "cue": 0.9,
    "colon": 0.9,
    "according": 0.85,
    "dash": 0.8,
    "continued": 0.85,
    "floating": 0.7,
    "previous": 0.7,  # a quoted sentence after a sentence that reports its speaker
    "none": 0.3,
}
# Measured on the gold set: unnamed descriptions are wrong most often; a pronoun whose
# antecedent won clearly (salience margin >= 2) is nearly as safe as a surname, a close
# call much less; roles and groups resolved from elsewhere in the article are guesses.
_HOW = {
    "name": 1.0,
    "surname": 0.9,
    "climbed": 0.9,  # subject of the speech verb above a participle/relative-clause cue
    "description": 0.75,
    "role": 0.8,
    "group": 0.8,
    "pronoun": 0.9,
    "none": 0.35,
}
_WEAK_PRONOUN = 0.75  # margin below 2 over the runner-up antecedent
_KIND = {"direct": 1.0, "mixed": 0.85, "indirect": 0.95}


def confidence(raw, resolved) -> float:
    how = resolved.how if resolved is not None else "none"
    if resolved is None or not resolved.name:
        how = "none"
    factor = _HOW.get(how, 0.5)
    if how == "pronoun" and getattr(resolved, "margin", 9.0) < 2:
        factor = _WEAK_PRONOUN
    c = _BASE.get(raw.method, 0.5) * factor * _KIND.get(raw.kind, 0.8)
    return round(max(0.05, min(0.99, c)), 2)
