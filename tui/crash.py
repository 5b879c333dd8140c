"""What a user sees when the reader fails beyond repair: one line, the details in a file."""

from __future__ import annotations

import tempfile
import traceback
from datetime import UTC, datetime
from pathlib import Path


def crash_log_path() -> Path:
    from platformdirs import user_log_path

    return user_log_path("newsread", appauthor=False) / "crash.log"


def write_crash_log(error: BaseException) -> Path | None:
    """Append the traceback to the crash log; its path, or None if nowhere could be written."""
    text = "".join(traceback.format_exception(error))
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    for path in (crash_log_path(), Path(tempfile.gettempdir()) / "newsread-crash.log"):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("a", encoding="utf-8") as log:
                log.write(f"--- {stamp}\n{text}\n")
            return path
        except OSError:
            continue
    return None


def one_line(error: BaseException, log: Path | None) -> str:
    message = " ".join(str(error).split()) or type(error).__name__
    where = f" (details in {log})" if log else ""
    return f"newsread: the reader stopped: {type(error).__name__}: {message}{where}"
