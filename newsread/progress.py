"""A small progress bar for the command line, drawn on stderr only when it is a terminal."""

from __future__ import annotations

import sys
import time


class ProgressBar:
    WIDTH = 30

    def __init__(self, label: str, total: int, stream=None):
        self.label = label
        self.total = max(total, 0)
        self.stream = stream or sys.stderr
        # total 0: the count is not known in advance (a folder or feed still being read).
        self.enabled = self.stream.isatty() and self.total != 1
        self.started = time.monotonic()
        self.done = 0

    def update(self, done: int, total: int | None = None) -> None:
        self.done = done
        if total is not None:
            self.total = total
        if not self.enabled:
            return
        elapsed = time.monotonic() - self.started
        if not self.total:
            self.stream.write(f"\r{self.label} {done}  {elapsed:5.1f} s")
            self.stream.flush()
            return
        filled = int(done / self.total * self.WIDTH)
        bar = "█" * filled + "·" * (self.WIDTH - filled)
        self.stream.write(f"\r{self.label} {bar} {done}/{self.total}  {elapsed:5.1f} s")
        self.stream.flush()

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc) -> None:
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()
