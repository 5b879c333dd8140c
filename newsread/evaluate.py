"""Scoring extracted quotes against hand-checked gold data (DESIGN.md, "Gold data").

Word tokens, punctuation ignored. A gold quote is *found* when one predicted quote
covers at least half of its words; a predicted quote is *correct* when at least
half of its words lie inside gold quotes. The speaker is *right* when the names are
equal or one is a whole-word part of the other, judged against the best-overlapping
partner. Attribution = found/correct and speaker right.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path

from newsread.model import QUOTE_KINDS, Quote

_WORD = re.compile(r"\w+")


def load_gold(path, *, refused: Callable[[ValueError], None] | None = None) -> list[dict]:
    """Articles from a gold .jsonl file, or from every .jsonl file in a folder (sorted).

    Each line must be an article as ``newsread import`` reads it (a "text" string, quotes with
    integer offsets inside it, known kinds). A line that is not is a FormatError naming
    file:line: raised, or with ``refused`` handed to it and the line left out.
    """
    from newsread.formats.articles_jsonl import open_regular_file
    from newsread.formats.records import FormatError, one_record

    p = Path(path)
    files = sorted(p.glob("*.jsonl")) if p.is_dir() else [p]
    out = []
    for f in files:
        opened = one_record(str(f), partial(open_regular_file, f))
        if isinstance(opened, FormatError):
            _refuse(opened, refused)
            continue
        with opened as handle:
            for number, raw in enumerate(handle, start=1):
                if raw.strip():
                    where = f"{f}:{number}"
                    article = one_record(where, partial(_gold_article, raw, where))
                    if isinstance(article, FormatError):
                        _refuse(article, refused)
                    else:
                        out.append(article)
    return out


def _refuse(error: ValueError, refused: Callable[[ValueError], None] | None) -> None:
    if refused is None:
        raise error
    refused(error)


def _gold_article(raw: bytes, where: str) -> dict:
    """One gold line, checked as the import checks it; the dict as it is (offsets into its own text)."""
    from newsread.formats.articles_jsonl import json_object
    from newsread.formats.records import FormatError, quote_from_fields

    article = json_object(raw.decode("utf-8"), where)
    text = article.get("text")
    if not isinstance(text, str):
        raise FormatError(f'{where}: no "text" string')
    quotes = article.get("quotes") or []
    if not isinstance(quotes, list) or not all(isinstance(q, dict) for q in quotes):
        raise FormatError(f'{where}: "quotes" is not a list of objects')
    for number, quote in enumerate(quotes, start=1):
        quote_from_fields(quote, text, f"{where}: quote {number}")
    return article


def gold_quotes(article: dict) -> list[dict]:
    """An article's gold quotes. newsread's own export keeps rejected quotes, with their status, so
    that corrections reach training data; a quote a person rejected is no quote, so no gold."""
    return [q for q in article.get("quotes") or [] if q.get("status") != "rejected"]


def _inside(word: tuple[int, int], start: int, end: int) -> bool:
    # a word counts as inside when its middle is (robust to spans cutting a word)
    mid = (word[0] + word[1]) / 2
    return start <= mid < end


def _name_words(name: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(name or "")]


def speaker_matches(predicted: str, gold: str) -> bool:
    """Equal, or one name is a whole-word part of the other ("Peskov" / "Dmitry Peskov")."""
    p, g = _name_words(predicted), _name_words(gold)
    if not p or not g:
        return False
    short, long_ = (p, g) if len(p) <= len(g) else (g, p)
    n = len(short)
    return any(long_[i : i + n] == short for i in range(len(long_) - n + 1))


def _get(q, key):
    return q[key] if isinstance(q, dict) else getattr(q, key)


def match_article(text: str, gold: Sequence, predicted: Sequence) -> dict:
    """Per-quote judgements for one article (used by score and for error analysis)."""
    # full-text word list once; each quote's words are the indices inside it
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]

    def word_ids(q) -> set[int]:
        s, e = _get(q, "start"), _get(q, "end")
        return {i for i, w in enumerate(words) if _inside(w, s, e)}

    gw = [word_ids(g) for g in gold]
    pw = [word_ids(p) for p in predicted]
    gold_union = set().union(*gw) if gw else set()

    def overlap(a: set[int], b: set[int], qa, qb) -> int:
        n = len(a & b)
        if n == 0 and not a:
            # a quote without words: overlapping characters stand in
            return 1 if _get(qa, "start") < _get(qb, "end") and _get(qb, "start") < _get(qa, "end") else 0
        return n

    gold_res = []
    for gi, g in enumerate(gold):
        best, best_n = None, 0
        for pi, p in enumerate(predicted):
            n = overlap(gw[gi], pw[pi], g, p)
            if n > best_n:
                best, best_n = pi, n
        need = len(gw[gi]) / 2 if gw[gi] else 1
        found = best is not None and best_n >= need
        right = found and speaker_matches(_get(predicted[best], "speaker"), _get(g, "speaker"))
        gold_res.append({"found": found, "speaker_right": right, "partner": best})
    pred_res = []
    for pi, p in enumerate(predicted):
        if pw[pi]:
            correct = len(pw[pi] & gold_union) >= len(pw[pi]) / 2
        else:
            correct = any(overlap(pw[pi], gw[gi], p, g) for gi, g in enumerate(gold))
        best, best_n = None, 0
        for gi, g in enumerate(gold):
            n = overlap(pw[pi], gw[gi], p, g)
            if n > best_n:
                best, best_n = gi, n
        right = correct and best is not None and speaker_matches(_get(p, "speaker"), _get(gold[best], "speaker"))
        pred_res.append({"correct": correct, "speaker_right": right, "partner": best})
    return {"gold": gold_res, "predicted": pred_res}


def _prf(tp_p: int, n_p: int, tp_g: int, n_g: int) -> dict:
    p = tp_p / n_p if n_p else (1.0 if n_g == 0 else 0.0)
    r = tp_g / n_g if n_g else (1.0 if n_p == 0 else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "n_predicted": n_p, "n_gold": n_g, "tp_predicted": tp_p, "tp_gold": tp_g}


def score(gold_articles: list[dict], predicted: list[list[Quote]]) -> dict:
    """Quote and attribution precision/recall/F1, overall and per kind.

    Per kind, recall counts gold quotes of that kind and precision predicted quotes
    of that kind (a direct gold quote found as mixed counts for both sides as found).
    """
    if len(gold_articles) != len(predicted):
        raise ValueError(f"{len(gold_articles)} gold articles but {len(predicted)} predictions")
    kinds = list(QUOTE_KINDS)
    c = {k: {"q_tp_p": 0, "a_tp_p": 0, "n_p": 0, "q_tp_g": 0, "a_tp_g": 0, "n_g": 0} for k in ["all", *kinds]}
    for art, preds in zip(gold_articles, predicted):
        gold = gold_quotes(art)
        m = match_article(art["text"], gold, preds)
        for g, r in zip(gold, m["gold"]):
            for k in ("all", g.get("kind", "direct")):
                c.setdefault(k, {"q_tp_p": 0, "a_tp_p": 0, "n_p": 0, "q_tp_g": 0, "a_tp_g": 0, "n_g": 0})
                c[k]["n_g"] += 1
                c[k]["q_tp_g"] += r["found"]
                c[k]["a_tp_g"] += r["speaker_right"]
        for p, r in zip(preds, m["predicted"]):
            for k in ("all", _get(p, "kind")):
                c.setdefault(k, {"q_tp_p": 0, "a_tp_p": 0, "n_p": 0, "q_tp_g": 0, "a_tp_g": 0, "n_g": 0})
                c[k]["n_p"] += 1
                c[k]["q_tp_p"] += r["correct"]
                c[k]["a_tp_p"] += r["speaker_right"]

    def block(x: dict) -> dict:
        return {
            "quotes": _prf(x["q_tp_p"], x["n_p"], x["q_tp_g"], x["n_g"]),
            "attribution": _prf(x["a_tp_p"], x["n_p"], x["a_tp_g"], x["n_g"]),
        }

    report = {"articles": len(gold_articles), **block(c["all"]), "by_kind": {}}
    for k, x in c.items():
        if k != "all":
            report["by_kind"][k] = block(x)
    return report


def format_report(report: dict, by_kind: bool = False) -> str:
    """A small aligned table: one row per measure (and per kind when asked)."""
    rows = [("", "measure", "P", "R", "F1", "pred", "gold")]

    def add(label: str, block: dict) -> None:
        for measure in ("quotes", "attribution"):
            x = block[measure]
            rows.append(
                (label, measure, f"{x['precision']:.3f}", f"{x['recall']:.3f}", f"{x['f1']:.3f}",
                 str(x["n_predicted"]), str(x["n_gold"]))
            )

    add("all", report)
    if by_kind:
        for k, block in report.get("by_kind", {}).items():
            add(k, block)
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for r in rows:
        cells = [r[0].ljust(widths[0]), r[1].ljust(widths[1])] + [r[i].rjust(widths[i]) for i in range(2, len(r))]
        lines.append("  ".join(cells).rstrip())
    lines.insert(1, "  ".join("-" * w for w in widths))
    head = f"{report.get('articles', 0)} articles"
    return head + "\n" + "\n".join(lines)


def evaluate(paths: Iterable | str | Path, nlp) -> dict:
    """Load gold from one or more paths, run extract on each text, and score."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    gold: list[dict] = []
    for p in paths:
        gold.extend(load_gold(p))
    return evaluate_articles(gold, nlp)


def evaluate_articles(gold: list[dict], nlp) -> dict:
    """Run extract on each gold article's text, and score."""
    from newsread.quotes import extract

    predicted = [extract(a["text"], nlp).quotes for a in gold]
    return score(gold, predicted)
