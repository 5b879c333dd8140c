"""Annotation formats: export records to training/annotation formats, and import annotated files.

A record is ``(StoredArticle, [StoredQuote])``. Each format is one module with ``write``
(and ``read`` for the importable ones) and ``WRITES``: "stream" formats go to a file or
stdout, "file" and "folder" formats need a path. Nothing heavy is imported here:
spaCy loads only when a format that needs it runs, and a format's module only when it is used:
every command builds its parser from the names, the reader starts with them.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from types import ModuleType

from newsread.model import Article, Quote

from .output import atomic_write
from .records import FormatError, Record

__all__ = ["EXPORT_FORMATS", "IMPORT_FORMATS", "FormatError", "Record", "export", "read_annotations"]


class FormatModules(Mapping[str, ModuleType]):
    """Format name -> its module, imported the first time it is asked for."""

    def __init__(self, modules: dict[str, str]) -> None:
        self._modules = modules

    def __getitem__(self, name: str) -> ModuleType:
        return importlib.import_module(f"{__name__}.{self._modules[name]}")

    def __iter__(self) -> Iterator[str]:
        return iter(self._modules)

    def __len__(self) -> int:
        return len(self._modules)


EXPORT_FORMATS = FormatModules({
    "jsonl": "jsonl",
    "articles-jsonl": "articles_jsonl",
    "csv": "csv_table",
    "spacy": "docbin",
    "brat": "brat",
    "prodigy": "prodigy",
    "labelstudio": "labelstudio",
    "datasette-metadata": "datasette",
})

# "jsonl" imports the articles form: per-quote lines carry no article text to import.
IMPORT_FORMATS = FormatModules({
    "jsonl": "articles_jsonl",
    "articles-jsonl": "articles_jsonl",
    "brat": "brat",
})


def export(fmt: str, records: Iterable[Record], out: Path | None) -> int:
    """Write ``records`` as ``fmt`` to ``out`` (stdout when None, for stream formats); returns quotes written."""
    module = _module(EXPORT_FORMATS, fmt, "export")
    if module.WRITES == "stream":
        if out is None:
            return module.write(records, sys.stdout)
        return atomic_write(Path(out), lambda handle: module.write(records, handle))
    if out is None:
        what = "a folder" if module.WRITES == "folder" else "a file"
        raise ValueError(f"the {fmt} format writes {what}: give an output path")
    return module.write(records, Path(out))


def read_annotations(fmt: str, path: Path, *, refused: Callable[[FormatError], None] | None = None,
                     ) -> Iterator[tuple[Article, list[Quote]]]:
    """Articles with their quotes from an annotated file or folder.

    Raises ValueError at once for an unknown format or a missing path. A record that cannot
    be read (a line of JSONL, an .ann file) is a FormatError (a ValueError with a one-line
    message naming the file and line): raised while iterating, or with ``refused``, handed to
    it and the reading goes on with the next record.
    """
    module = _module(IMPORT_FORMATS, fmt, "import")
    path = Path(path)
    if not path.exists():
        raise FormatError(f"{path}: no such file or folder")
    if not (path.is_dir() or path.is_file()):  # a FIFO or a device would hang the read
        raise FormatError(f"{path}: not a regular file")
    return _reading(module, path, refused)


def _reading(module, path: Path, refused: Callable[[FormatError], None] | None) -> Iterator[tuple[Article, list[Quote]]]:
    try:
        for item in module.read(path):
            if not isinstance(item, FormatError):
                yield item
            elif refused is None:
                raise item
            else:
                refused(item)
    except UnicodeDecodeError as error:
        raise FormatError(f"{path}: not UTF-8 text (byte 0x{error.object[error.start]:02x})") from None
    except OSError as error:
        raise FormatError(f"{error.filename or path}: {error.strerror or type(error).__name__}") from None


def _module(formats: dict, fmt: str, action: str):
    if fmt not in formats:
        raise ValueError(f"unknown {action} format {fmt!r} (choose from {', '.join(sorted(formats))})")
    return formats[fmt]
