"""Progress of long calls (a draw over a county's roster takes seconds): a
one-line report on standard error, rewritten in place, that a terminal
and a notebook both show. No dependency: the line is plain text.

``progress=None`` (the default) shows it only where someone is watching
(standard error is a terminal, or the call runs in IPython or Jupyter)
and only once the call has run for :data:`DELAY` seconds; ``True`` shows
it from the start whatever the output; ``False`` never."""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import TextIO

#: Seconds a call runs before its progress is shown when nobody asked.
DELAY = 1.0
#: Seconds between two rewrites of the line.
EVERY = 0.2


def watched() -> bool:
    """Whether someone is watching: standard error is a terminal, or an
    IPython or Jupyter shell is running."""
    try:
        if sys.stderr is not None and sys.stderr.isatty():
            return True
    except (AttributeError, ValueError):  # a replaced or closed stream
        pass
    ipython = sys.modules.get("IPython")
    get = getattr(ipython, "get_ipython", None)
    return get is not None and get() is not None


class DrawProgress:
    """The progress line of a draw, given to the native call, which calls
    it with ``(tasks_done, tasks, visits_done, visits)`` every 50 ms; used
    as a context manager, it ends the line when the call returns."""

    def __init__(self, what: str, progress: bool | None, out: TextIO | None = None) -> None:
        self.what = what
        self.show = watched() if progress is None else bool(progress)
        self.delay = DELAY if progress is None else 0.0
        self.out = out
        self.start = time.monotonic()
        self.last = -EVERY
        self.shown = False

    def __call__(self, tasks_done: int, tasks: int, visits_done: int, visits: int) -> None:
        now = time.monotonic() - self.start
        if not self.show or now < self.delay or now - self.last < EVERY:
            return
        self.last = now
        if visits:
            line = f"inspectors for {visits_done:,} of {visits:,} visits ({100 * visits_done // visits}%)"
        else:
            line = f"selecting: {tasks_done} of {tasks} tasks"
        self._write(f"\r{self.what}: {line}, {now:.1f} s ")
        self.shown = True

    def _write(self, text: str) -> None:
        out = self.out if self.out is not None else sys.stderr
        if out is not None:
            out.write(text)
            out.flush()

    def __enter__(self) -> DrawProgress:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self.shown:
            end = "done" if kind is None else f"stopped ({kind.__name__})"
            self._write(f"\r{self.what}: {end} in {time.monotonic() - self.start:.1f} s\n")
