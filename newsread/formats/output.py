"""Writing export files atomically: a reader of the target never sees half a file.

A regular file (or a new name) is written to a temp file beside it, fsynced and moved into
place, with the mode a plain ``open()`` would give it (0o666 less the umask: mkstemp makes
0600, which a brat server running as another user could not read). A FIFO, a device or any
other file that is not regular (``-o /dev/stdout``, ``-o /dev/null``, a named pipe) is
written to directly: renaming over it would replace it with a regular file. A terminal is
refused: what reaches one goes through ``newsread.text.visible`` (stdout without ``-o``).
"""

from __future__ import annotations

import functools
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO


def atomic_write(path: Path, write: Callable[[IO], int], *, binary: bool = False) -> int:
    """Call ``write(handle)`` on a temp file beside ``path``, fsync it, then move it into place."""
    if is_special_file(path):
        with path.open(**_open_mode(binary)) as handle:
            if handle.isatty():  # the exact data would reach a terminal, escape sequences and all
                raise ValueError(f"{path}: is a terminal; leave out -o to see the export there (control characters shown)")
            return write(handle)
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, **_open_mode(binary)) as handle:
            result = write(handle)
            handle.flush()
            os.fchmod(handle.fileno(), 0o666 & ~umask())
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


def is_special_file(path: Path) -> bool:
    """A FIFO, a device, a socket: something that exists and is neither a regular file nor a folder."""
    return path.exists() and not path.is_file() and not path.is_dir()


def _open_mode(binary: bool) -> dict:
    # newline="": what the writer writes is what lands on disk (csv chooses its own line ends).
    return {"mode": "wb"} if binary else {"mode": "w", "encoding": "utf-8", "newline": ""}


def umask() -> int:
    """The process's umask. Linux shows it in /proc/self/status; reading it there changes nothing,
    where the portable way (set it, then set it back) briefly gives other threads a umask of its own."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return _umask_set_and_restored()


@functools.cache
def _umask_set_and_restored() -> int:
    """Once per process (at the first export): the round trip is not safe beside other threads."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
