"""Progress of long work on a terminal: one line per stage, rewritten in place, on standard error.

Silent when standard error is not a terminal (CI logs, pipes) or when the user asks for quiet, so that
output that is read by tools never changes.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from typing import TextIO


class Progress:
    """``progress(stage, done, total)`` shows ``stage: done/total``; ``finish()`` ends the last line."""

    def __init__(self, stream: TextIO | None = None, quiet: bool = False) -> None:
        self.stream = stream or sys.stderr
        self.enabled = not quiet and self.stream.isatty()
        self.stage: str | None = None

    def __call__(self, stage: str, done: int, total: int | None = None) -> None:
        if not self.enabled:
            return
        if self.stage is not None and stage != self.stage:
            self.stream.write("\n")
        self.stage = stage
        count = f"{done}/{total}" if total is not None else str(done)
        self.stream.write(f"\r{stage}: {count}")
        self.stream.flush()

    def finish(self) -> None:
        if self.enabled and self.stage is not None:
            self.stream.write("\n")
            self.stream.flush()
        self.stage = None

    def counting(self, downloads: list, stage: str = "downloads") -> list:
        """The downloads, each reporting progress when it is built."""
        total, done = len(downloads), [0]

        def counted(build):
            def run():
                result = build()
                done[0] += 1
                self(stage, done[0], total)
                return result
            return run

        return [replace(d, build=counted(d.build)) for d in downloads]
