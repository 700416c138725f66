"""Many files: expand the inputs, convert each alone, write the outputs in input order.

One file is one :class:`Task`, converted by :func:`convert_one` in whatever
process runs it (this one, a local process pool, or a Dask worker); the
:class:`Outcome` comes back here, where every file is written. Outcomes are
gathered as they complete but everything written depends only on the input
order, so the output is the same whatever ``workers`` is.
"""

import glob
import os
import time
import traceback
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from multiprocessing import get_all_start_methods, get_context
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import Any

from registre.atomic import sweep_temps
from registre.output import (
    Dialect,
    issue_text,
    write_report,
    write_tables,
)
from registre.progress import Progress, make_progress
from schemas.issues import Issue, Status
from schemas.register import PRODUCER, Register

# Output files of the batch itself: a register may not take their names.
RESERVED_IDS = ("report", "datapackage")
PDF_MAGIC = b"%PDF-"
# PDF 1.7 §7.5.2 lets the header start anywhere in the first 1024 bytes.
MAGIC_WINDOW = 1024


class UsageError(ValueError):
    """The command line names nothing to convert (exit status 2)."""


@dataclass(frozen=True)
class Entry:
    """One input after expansion: where it is, its register_id, why it is skipped."""

    path: Path
    register_id: str
    problem: str | None = None
    also: tuple[str, ...] = ()


@dataclass(frozen=True)
class Task:
    """What a worker needs to convert one file (picklable, small)."""

    path: str
    register_id: str
    ocr: str = "auto"


@dataclass(frozen=True)
class Outcome:
    """What a worker sends back: the status line of report.json and the register."""

    status: Status
    messages: list[str]
    pages: int = 0
    seconds: float = 0.0
    register_json: str | None = None
    traceback: str | None = None
    resumed: bool = False


@dataclass
class BatchResult:
    """Every input with its outcome, in input order."""

    entries: list[Entry]
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def exit_status(self) -> int:
        """0 when every file converted, 1 when at least one failed (CONTRACT.md)."""
        return 1 if any(o.status == "error" for o in self.outcomes) else 0


def _files_under(folder: Path) -> list[Path]:
    pdfs = (p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() == ".pdf")
    return sorted(pdfs, key=lambda p: p.as_posix())


def _expand_one(raw: str) -> tuple[list[Path], str | None]:
    """The files one input names, or the reason it names none."""
    path = Path(raw)
    if path.is_dir():
        return _files_under(path), None
    if path.exists():
        return [path], None
    if glob.has_magic(raw):
        found: list[Path] = []
        for match in sorted(glob.glob(raw, recursive=True)):
            found += (
                _files_under(Path(match)) if Path(match).is_dir() else [Path(match)]
            )
        return found, None if found else "the pattern matches no file"
    return [], "no such file or folder"


def unique_ids(stems: Sequence[str]) -> list[str]:
    """File stems made unique in input order: ``["registre", "registre"]`` →
    ``["registre", "registre-2"]``; case-insensitive, as file systems can be.
    """
    taken = {r.casefold() for r in RESERVED_IDS}
    ids = []
    for stem in stems:
        candidate, number = stem, 1
        while candidate.casefold() in taken:
            number += 1
            candidate = f"{stem}-{number}"
        taken.add(candidate.casefold())
        ids.append(candidate)
    return ids


def expand_inputs(inputs: Sequence[str | os.PathLike[str]]) -> list[Entry]:
    """Files, folders (recursive, ``*.pdf``) and globs → one Entry per distinct file.

    A file named twice is converted once; the later names are kept in ``also``.

    Example: ``expand_inputs(["a/registre.pdf", "b/"])`` → ids ``registre``,
    ``registre-2`` when ``b/`` also holds a ``registre.pdf``.
    """
    found: list[tuple[Path, str | None]] = []
    for raw in inputs:
        paths, problem = _expand_one(os.fspath(raw))
        found += [(p, None) for p in paths] or [(Path(os.fspath(raw)), problem)]
    first: dict[str, int] = {}
    kept: list[tuple[Path, str | None, list[str]]] = []
    for path, problem in found:
        key = os.path.realpath(path)
        if problem is None and key in first:
            kept[first[key]][2].append(path.as_posix())
            continue
        first.setdefault(key, len(kept))
        kept.append((path, problem, []))
    ids = unique_ids([p.stem for p, _, _ in kept])
    return [
        Entry(p, rid, problem, tuple(also))
        for (p, problem, also), rid in zip(kept, ids, strict=True)
    ]


def sniff(path: Path) -> str | None:
    """Why ``path`` cannot be a PDF, checked before any parser; None if it may be one.

    Example: an empty ``notes.pdf`` → ``"empty file (0 bytes)"``.
    """
    if not path.is_file():
        return "not a file"
    if path.stat().st_size == 0:
        return "empty file (0 bytes)"
    with path.open("rb") as handle:
        head = handle.read(MAGIC_WINDOW)
    if PDF_MAGIC not in head:
        return f"not a PDF: no %PDF- header (starts with {head[:16]!r})"
    return None


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _messages(issues: Sequence[Issue]) -> list[str]:
    return [_one_line(issue_text(i)) for i in issues]


def convert_one(task: Task) -> Outcome:
    """Convert one file; any exception is this file's error, with its traceback.

    Runs in a worker process (local pool or Dask), so it imports the pipeline
    itself and returns plain data.

    Example: ``convert_one(Task("samples/dns_register.pdf", "dns_register")).status``
    → ``"ok"``.
    """
    started = time.perf_counter()
    problem = sniff(Path(task.path))
    if problem:
        return Outcome("error", [f"pdf-unreadable: {problem}"])
    try:
        from extract import ExtractSettings
        from registre.pipeline import run

        result = run(Path(task.path), task.register_id, ExtractSettings(ocr=task.ocr))
    except Exception as error:  # a bug: it fails this file, never the batch
        return Outcome(
            "error",
            [_one_line(f"internal-error: {type(error).__name__}: {error}")],
            seconds=time.perf_counter() - started,
            traceback=traceback.format_exc(),
        )
    text = None
    if result.register is not None and result.status != "error":
        from registre.output import register_to_json

        text = register_to_json(result.register)
    return Outcome(
        result.status,
        _messages(result.issues),
        result.pages,
        time.perf_counter() - started,
        text,
    )


def resumed_outcome(entry: Entry, out: Path) -> Outcome | None:
    """An earlier run's outcome, when its JSON is complete and the PDF unchanged."""
    from registre.pipeline import sha256_of

    done = out / f"{entry.register_id}.json"
    if not done.is_file():
        return None
    try:
        register = Register.model_validate_json(done.read_bytes())
    except ValueError:  # half-written by a non-atomic tool, or an older schema
        return None
    if register.source.producer != PRODUCER:  # written by another version
        return None
    if register.source.sha256 != sha256_of(entry.path):
        return None
    issues = list(register.warnings) + [
        w for a in register.activities for w in a.warnings
    ]
    return Outcome(
        register.status, _messages(issues), register.source.pages, resumed=True
    )


def run_local(
    tasks: Sequence[tuple[int, Task]], workers: int
) -> Iterator[tuple[int, Outcome]]:
    """Convert in this process (workers ≤ 1) or a pool of worker processes."""
    if workers <= 1:
        for index, task in tasks:
            yield index, convert_one(task)
        return
    # A fresh worker every 200 files bounds leaks; _pool_context makes it cheap.
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=_pool_context(), max_tasks_per_child=200
    ) as pool:
        futures = {pool.submit(convert_one, task): index for index, task in tasks}
        for future in as_completed(futures):
            yield futures[future], _result_or_crash(future)


def _pool_context() -> BaseContext:
    """forkserver where the OS has it, spawn elsewhere (Windows).

    Both start workers from a clean process (no inherited threads, locks or
    open PDFs), unlike fork. The fork server imports registre.warm once, so
    workers forked from it skip the 3-5 s start-up of the French tokenizer.
    """
    if "forkserver" in get_all_start_methods():
        context = get_context("forkserver")
        context.set_forkserver_preload(["registre.warm"])
        return context
    return get_context("spawn")


def _result_or_crash(future: Any) -> Outcome:
    try:
        outcome: Outcome = future.result()
    except Exception as error:  # the worker process died (out of memory, segfault)
        return Outcome(
            "error",
            [_one_line(f"worker-died: {type(error).__name__}: {error}")],
            traceback=traceback.format_exc(),
        )
    return outcome


def run_dask(
    tasks: Sequence[tuple[int, Task]], address: str
) -> Iterator[tuple[int, Outcome]]:
    """Convert on a Dask cluster; its workers must see the input paths (shared disk)."""
    from distributed import Client
    from distributed import as_completed as dask_completed

    with Client(address) as client:  # type: ignore[no-untyped-call]
        futures = client.map(convert_one, [t for _, t in tasks], pure=False)
        index = {f.key: i for f, (i, _) in zip(futures, tasks, strict=True)}
        for future in dask_completed(futures):  # type: ignore[no-untyped-call]
            yield index[future.key], _result_or_crash(future)


def report_entry(entry: Entry, outcome: Outcome) -> dict[str, Any]:
    """One ``report.json`` entry (CONTRACT.md), plus the traceback of a bug."""
    messages = list(outcome.messages)
    if entry.also:
        messages.append("duplicate-input: also given as " + ", ".join(entry.also))
    row: dict[str, Any] = {
        "file": entry.path.as_posix(),
        "register_id": entry.register_id,
        "status": outcome.status,
        "messages": messages,
        "pages": outcome.pages,
        "seconds": round(outcome.seconds, 3),
    }
    if outcome.traceback:
        row["traceback"] = outcome.traceback
    return row


def _store(out: Path, entry: Entry, outcome: Outcome) -> None:
    """Write the register JSON, or remove a stale one left by an earlier run."""
    target = out / f"{entry.register_id}.json"
    if outcome.register_json is not None:
        from registre.atomic import write_text

        write_text(target, outcome.register_json)
    elif not outcome.resumed:
        target.unlink(missing_ok=True)


def _registers(
    out: Path, entries: Sequence[Entry], outcomes: Sequence[Outcome]
) -> Iterator[Register]:
    """Read back the registers written, in input order, one at a time (flat memory)."""
    for entry, outcome in zip(entries, outcomes, strict=True):
        if outcome.status != "error":
            yield Register.model_validate_json(
                (out / f"{entry.register_id}.json").read_bytes()
            )


def _plan(
    entries: Sequence[Entry], out: Path, resume: bool, ocr: str
) -> tuple[dict[int, Outcome], list[tuple[int, Task]]]:
    """Split the inputs into outcomes known already and tasks to run."""
    known: dict[int, Outcome] = {}
    tasks: list[tuple[int, Task]] = []
    for index, entry in enumerate(entries):
        if entry.problem:
            known[index] = Outcome("error", [f"input-missing: {entry.problem}"])
        elif resume and (previous := resumed_outcome(entry, out)):
            known[index] = previous
        else:
            tasks.append((index, Task(entry.path.as_posix(), entry.register_id, ocr)))
    return known, tasks


def convert_batch(
    inputs: Sequence[str | os.PathLike[str]],
    out: Path,
    workers: int = 1,
    dialect: Dialect = "rfc",
    scheduler: str | None = None,
    resume: bool = False,
    ocr: str = "auto",
    progress: Progress | None = None,
) -> BatchResult:
    """Convert every input into ``out``: register JSONs, CSVs, datapackage, report.

    Raises:
        UsageError: the inputs name no file at all (every one missing).

    Example: ``convert_batch(["samples/"], Path("outputs")).exit_status`` → 0.
    """
    entries = expand_inputs(inputs)
    if all(e.problem for e in entries):  # also true of an empty list
        details = "; ".join(f"{e.path.as_posix()}: {e.problem}" for e in entries)
        raise UsageError(f"nothing to convert: {details or 'no input given'}")
    out.mkdir(parents=True, exist_ok=True)
    sweep_temps(out)
    outcomes, tasks = _plan(entries, out, resume, ocr)
    progress = progress or make_progress(len(entries))
    with progress:
        for index, outcome in outcomes.items():
            progress.advance(entries[index], outcome)
        runner = run_dask(tasks, scheduler) if scheduler else run_local(tasks, workers)
        for index, outcome in runner:
            _store(out, entries[index], outcome)
            outcomes[index] = replace(outcome, register_json=None)  # keep memory flat
            progress.advance(entries[index], outcome)
    ordered = [outcomes[i] for i in range(len(entries))]
    write_tables(out, _registers(out, entries, ordered), dialect)
    # report.json last: its presence says the batch finished.
    write_report(
        out, [report_entry(e, o) for e, o in zip(entries, ordered, strict=True)]
    )
    return BatchResult(entries, ordered)
