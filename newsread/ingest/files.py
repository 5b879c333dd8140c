"""Local paths -> Articles: .txt and .md files, .html pages, .jsonl corpora, and folders of them."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from newsread.model import Article

from .html import article_from_html
from .jsonl import read_corpus
from .result import IngestFailure, NotRegularFile, NotText, decode_text, finish, open_regular, plain_text_title, too_large

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
CORPUS_SUFFIXES = {".jsonl"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | CORPUS_SUFFIXES


def read_path(path: Path, *, max_bytes: int) -> Iterator[Article | IngestFailure]:
    """One file, or every article file under a folder (recursively, in name order)."""
    if path.is_dir():
        files = article_files(path)
        if not files:
            yield IngestFailure(str(path), "no text files in folder")
        for file in files:
            yield from read_file(file, max_bytes=max_bytes)
    elif path.exists():
        yield from read_file(path, max_bytes=max_bytes)
    else:
        yield IngestFailure(str(path), "no such file")


def article_files(folder: Path) -> list[Path]:
    """Article files under ``folder``, skipping hidden files and folders (.git, .DS_Store ...)."""
    found = []
    for file in folder.rglob("*"):
        hidden = any(part.startswith(".") for part in file.relative_to(folder).parts)
        # Not only regular files: a FIFO or device named like an article is reported, not skipped.
        if not hidden and file.suffix.lower() in ARTICLE_SUFFIXES and not file.is_dir():
            found.append(file)
    return sorted(found)


def read_file(path: Path, *, max_bytes: int) -> Iterator[Article | IngestFailure]:
    suffix = path.suffix.lower()
    if suffix in CORPUS_SUFFIXES:
        # A corpus is read line by line, so the per-article size cap applies to each line, not the file.
        yield from read_corpus(path, max_bytes=max_bytes)
        return
    try:
        with open_regular(path) as handle:
            if os.fstat(handle.fileno()).st_size > max_bytes:
                yield too_large(str(path), max_bytes)
                return
            data = handle.read(max_bytes + 1)  # what counts is the bytes there are, not the size stated
    except NotRegularFile as problem:
        yield IngestFailure(str(path), str(problem))
        return
    except OSError as error:
        yield IngestFailure(str(path), error.strerror or type(error).__name__)
        return
    if len(data) > max_bytes:
        yield too_large(str(path), max_bytes)
        return
    try:
        text = decode_text(data)
    except NotText as problem:
        if suffix in HTML_SUFFIXES and str(problem) != "binary file":
            # A saved page may declare another charset in its <meta>; trafilatura reads it from the bytes.
            yield article_from_html(data, path=str(path), fallback_title=path.stem)
        else:
            yield IngestFailure(str(path), str(problem))
        return
    if suffix in HTML_SUFFIXES:
        yield article_from_html(text, path=str(path), fallback_title=path.stem)
    else:
        yield finish(Article(text=text, title=text_title(text, path), path=str(path)), str(path))


def text_title(text: str, path: Path) -> str:
    """Markdown: the first ``# `` heading. Plain text: a short first line. Else the file name."""
    if path.suffix.lower() == ".md":
        for line in text.splitlines():
            if line.startswith("# "):
                return line[2:].strip()
    return plain_text_title(text, fallback=path.stem)
