"""The one a passive cue names with "by": "was quoted by Reuters", "described as ... by police"."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token


def agent_of(verb: Token) -> Token | None:
    """The by-agent of a passive cue ("was quoted by Reuters") – an outlet, usually."""
    for c in verb.children:
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    return None


def by_phrase_object(verb: Token) -> Token | None:
    """The agent of a passive participle, or the object of a "by" the parser hung inside the
    participle's phrase ('labeled as a "witch hunt" by the opposition', "by" on "hunt")."""
    agent = agent_of(verb)
    if agent is not None:
        return agent
    for t in verb.subtree:
        if t.i > verb.i and t.lower_ == "by" and t.dep_ in ("prep", "agent"):
            return next((p for p in t.children if p.dep_ == "pobj"), None)
    return None
