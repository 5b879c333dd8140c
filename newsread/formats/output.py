"""Writing export files atomically: a reader of the target never sees half a file."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO


def atomic_write(path: Path, write: Callable[[IO], int], *, binary: bool = False) -> int:
    """Call ``write(handle)`` on a temp file beside ``path``, fsync it, then move it into place."""
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        # newline="": what the writer writes is what lands on disk (csv chooses its own line ends).
        mode = {"mode": "wb"} if binary else {"mode": "w", "encoding": "utf-8", "newline": ""}
        with os.fdopen(fd, **mode) as handle:
            result = write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except BaseException:
        try:
            os.unlink(temp_name)
        except FileNotFoundError:
            pass
        raise
    return result


def write_text_file(path: Path, text: str) -> None:
    atomic_write(path, lambda handle: handle.write(text))
