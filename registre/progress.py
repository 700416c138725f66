"""Batch progress: a rich bar on a terminal, one plain log line per file otherwise.

The bar shows files done, pages converted, the rate in files/s and the ETA;
the log lines (for CI logs and cron mails) carry the same facts per file.
"""

import sys
from typing import IO, TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from registre.batch import Entry, Outcome


class Progress(Protocol):
    """What the batch tells whoever watches it."""

    def __enter__(self) -> "Progress": ...

    def __exit__(self, *exc: object) -> None: ...

    def advance(self, entry: "Entry", outcome: "Outcome") -> None:
        """One more file is done."""


class LogProgress:
    """One line per file on ``stream``:
    ``[3/60] samples/dns_register.pdf → dns_register: ok, 10 pages, 1.42 s``.
    """

    def __init__(self, total: int, stream: IO[str] | None = None) -> None:
        self.total, self.done, self.stream = total, 0, stream or sys.stderr

    def __enter__(self) -> "LogProgress":
        return self

    def __exit__(self, *exc: object) -> None:
        self.stream.flush()

    def advance(self, entry: "Entry", outcome: "Outcome") -> None:
        """Print the file's line; an error adds its first message."""
        self.done += 1
        how = "resumed" if outcome.resumed else f"{outcome.seconds:.2f} s"
        line = (
            f"[{self.done}/{self.total}] {entry.path.as_posix()} → "
            f"{entry.register_id}: "
            f"{outcome.status}, {outcome.pages} pages, {how}"
        )
        if outcome.status == "error" and outcome.messages:
            line += f" — {outcome.messages[0]}"
        print(line, file=self.stream, flush=True)


class SilentProgress(LogProgress):
    """No output at all (library use, tests)."""

    def advance(self, entry: "Entry", outcome: "Outcome") -> None:
        """Count only."""
        self.done += 1


class RichProgress:
    """A live bar: files, pages, files/s and time left."""

    def __init__(self, total: int) -> None:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as Bar

        self.bar = Bar(
            TextColumn("converting"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn(
                "files · {task.fields[pages]} pages · "
                "{task.fields[rate]} files/s · {task.fields[errors]} errors"
            ),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            transient=False,
        )
        self.task = self.bar.add_task("files", total=total, pages=0, rate="-", errors=0)
        self.pages = self.errors = 0

    def __enter__(self) -> "RichProgress":
        self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.bar.stop()

    def advance(self, entry: "Entry", outcome: "Outcome") -> None:
        """Move the bar; speed comes from rich's own moving window."""
        self.pages += outcome.pages
        self.errors += outcome.status == "error"
        self.bar.advance(self.task)
        speed = self.bar.tasks[0].speed
        self.bar.update(
            self.task,
            pages=self.pages,
            errors=self.errors,
            rate=f"{speed:.1f}" if speed else "-",
        )
        if outcome.status == "error":
            first = outcome.messages[0] if outcome.messages else "error"
            self.bar.console.print(f"{entry.path.as_posix()}: {first}", markup=False)


def make_progress(total: int, stream: Any = None, quiet: bool = False) -> Progress:
    """A bar on a terminal, log lines otherwise, nothing when ``quiet``."""
    stream = stream or sys.stderr
    if quiet:
        return SilentProgress(total, stream)
    if stream.isatty():
        return RichProgress(total)
    return LogProgress(total, stream)
