"""Local paths -> Articles: .txt and .md files, .html pages, .jsonl corpora, and folders of them."""

from __future__ import annotations

import datetime
import os
import re
from collections.abc import Iterator
from pathlib import Path

from newsread.model import Article
from newsread.text import normalize

from .html import article_from_html
from .jsonl import read_corpus
from .result import IngestFailure, NotRegularFile, NotText, decode_text, finish, open_regular, too_large

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
CORPUS_SUFFIXES = {".jsonl"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | CORPUS_SUFFIXES

# A headline is a few words: a longer first line is the start of the body.
TITLE_MAX_CHARACTERS = 150
TITLE_MAX_WORDS = 20
TITLE_LOOKS_AT = 2000
MARKDOWN_HEADING = re.compile(r"#{1,6}\s+")
# The first non-blank line, and the first letter of the text after it.
FIRST_LINE = re.compile(r"\s*([^\n]*)\n\s*(\S)")
DATE_IN_NAME = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


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
        article = Article(text=text, title=text_title(text, path), date=date_from_file_name(path.stem), path=str(path))
        yield finish(article, str(path))


def text_title(text: str, path: Path) -> str:
    """Markdown: the first ``# `` heading. Else the first line, when it reads as a title
    (``first_line_title``). Else the file name made readable (``title_from_file_name``)."""
    if path.suffix.lower() == ".md":
        for line in text.splitlines():
            if line.startswith("# "):
                return line[2:].strip()
    # Only the start can hold a headline; normalised, as the text will be stored (\r\n as \n).
    return first_line_title(normalize(text[:TITLE_LOOKS_AT])) or title_from_file_name(path.stem)


def first_line_title(text: str) -> str:
    """The first line when it looks like a headline, else "": short, with more text after it, not
    ending as a sentence or clause of the body does (a full stop, a comma), not a line the next one
    continues (starting in lower case); a markdown heading's ``#`` marks are left out. The line
    stays in the article's text: offsets never move."""
    first = FIRST_LINE.match(text)
    if first is None:
        return ""  # the whole text is one line
    line, following = first.group(1).strip(), first.group(2)
    line = MARKDOWN_HEADING.sub("", line, count=1) if line.startswith("#") else line
    if not line or len(line) > TITLE_MAX_CHARACTERS or len(line.split()) > TITLE_MAX_WORDS:
        return ""
    if line.endswith((",", ";")) or (line.endswith(".") and not line.endswith("..")):  # "..." may end a headline
        return ""
    if following.islower():  # a paragraph wrapped over several lines
        return ""
    return line


def title_from_file_name(stem: str) -> str:
    """A file name as a title: "2019-03-02-bradford-abuse" -> "Bradford abuse" (the date left
    out, hyphens and underscores as spaces, the first letter a capital)."""
    words = " ".join(DATE_IN_NAME.sub(" ", stem).replace("_", " ").replace("-", " ").split())
    return words[:1].upper() + words[1:] if words else stem


def date_from_file_name(stem: str) -> str:
    """The first real YYYY-MM-DD date in a file name ("2019-03-02-bradford-abuse"), else "";
    "2019-02-30" is no date."""
    for match in DATE_IN_NAME.finditer(stem):
        try:
            return datetime.date(*(int(part) for part in match.groups())).isoformat()
        except ValueError:
            continue
    return ""
