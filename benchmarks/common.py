"""Shared helpers of the benchmarks: the corpus, measured child processes, tables.

Each measurement runs in a fresh child process (``python SCRIPT --child ENGINE
FILE…``) so that its peak memory is its own: the child imports its engine,
notes its resident-set high-water mark (the baseline: interpreter and
libraries), runs the engine once on the 10-page register to warm it up (lazy
loading of models and patterns is a per-process cost, not a per-page one),
then once on every file, and reports the times and its final high-water mark
as one JSON line on stdout.

The repeats are rounds: every engine once, then every engine again, and the
best round is kept. On a shared machine a burst of other work then slows one
round of every engine rather than all the repeats of one engine.

Example: ``rounds(Path("benchmarks/extract.py"), ["ours"], [Path("dns.pdf")], 3)``
→ ``[Measurement(engine="ours", file="dns.pdf", pages=10, seconds=0.09, …)]``.
"""

import cProfile
import io
import json
import os
import platform
import pstats
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

import pikepdf

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
RESULTS = Path(__file__).resolve().parent / "results"
REGISTER = SAMPLES / "dns_register.pdf"

# Run as ``python benchmarks/extract.py``, a script's own folder comes first on
# sys.path, where ``extract.py`` and ``normalise.py`` would shadow the project's
# ``extract`` and ``normalise`` packages: put the repository root there instead.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != _HERE]

#: An engine: given nothing, imports what it needs and returns the function to
#: time (path → a count of what it found, so the work cannot be optimised away).
Engine = Callable[[], Callable[[Path], int]]


@dataclass(frozen=True)
class Measurement:
    """One engine on one file: best time of the rounds, and the peak RSS."""

    engine: str
    file: str
    pages: int
    seconds: float
    cpu_seconds: float
    runs: list[float]
    cpu_runs: list[float]
    found: int
    peak_mib: float
    baseline_mib: float

    @property
    def pages_per_second(self) -> float:
        """Throughput of the best run."""
        return self.pages / self.seconds if self.seconds else 0.0

    @property
    def pages_per_cpu_second(self) -> float:
        """Throughput per second of CPU time: what other work on the machine
        disturbs least (every engine here runs on one thread)."""
        return self.pages / self.cpu_seconds if self.cpu_seconds else 0.0


# -- corpus -----------------------------------------------------------------


def page_count(path: Path) -> int:
    """Number of pages of a PDF (pikepdf: no text is parsed)."""
    with pikepdf.open(path) as pdf:
        return len(pdf.pages)


def concatenate(source: Path, copies: int, out: Path) -> Path:
    """Write ``source`` repeated ``copies`` times as one PDF: a long register.

    Example: ``concatenate(REGISTER, 20, tmp / "dns_x20.pdf")`` → a 200-page file.
    """
    with pikepdf.open(source) as original, pikepdf.new() as combined:
        for _ in range(copies):
            combined.pages.extend(original.pages)
        combined.save(out)
    return out


def text_layer_samples(folder: Path = SAMPLES) -> list[Path]:
    """The PDFs of ``folder`` that have a text layer.

    Scans (``*_scan.pdf``) are left out: no engine here reads them without OCR.
    """
    return sorted(p for p in folder.glob("*.pdf") if not p.stem.endswith("_scan"))


# -- measuring --------------------------------------------------------------


def peak_rss_mib() -> float:
    """This process's resident-set high-water mark (Linux reports it in KiB)."""
    kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kib / (1024 * 1024) if sys.platform == "darwin" else kib / 1024


def time_runs(
    run: Callable[[], object],
    repeats: int,
    clock: Callable[[], float] = time.perf_counter,
) -> list[float]:
    """Seconds of each of ``repeats`` calls of ``run``, in order, on ``clock``.

    ``time.process_time`` counts this process's CPU time only: on a shared
    machine it moves less than the wall clock when other work takes the cores.
    """
    times = []
    for _ in range(repeats):
        started = clock()
        run()
        times.append(clock() - started)
    return times


def measure(script: Path, engine: str, files: Sequence[Path]) -> list[Measurement]:
    """Run ``engine`` once over ``files`` in a fresh child of ``script``.

    Raises:
        RuntimeError: the child failed (its stderr is in the message).
    """
    argv = [sys.executable, str(script), "--child", engine, *map(str, files)]
    done = subprocess.run(argv, capture_output=True, text=True, cwd=ROOT, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{engine} failed:\n{done.stderr[-3000:]}")
    report = json.loads(done.stdout.strip().splitlines()[-1])
    return [
        Measurement(
            engine=engine,
            peak_mib=report["peak_mib"],
            baseline_mib=report["baseline_mib"],
            runs=[row["seconds"]],
            cpu_runs=[row["cpu_seconds"]],
            **row,
        )
        for row in report["files"]
    ]


def rounds(
    script: Path, engines: Sequence[str], files: Sequence[Path], count: int
) -> list[Measurement]:
    """Every engine over ``files``, ``count`` rounds interleaved; best time per file.

    Peak memory is the highest any round's child reached.
    """
    by_key: dict[tuple[str, str], list[Measurement]] = {}
    for number in range(count):
        for engine in engines:
            print(
                f"round {number + 1}/{count}: {engine} …", file=sys.stderr, flush=True
            )
            for m in measure(script, engine, files):
                by_key.setdefault((m.engine, m.file), []).append(m)
    return [_merge(ms) for ms in by_key.values()]


def _merge(runs: list[Measurement]) -> Measurement:
    best = min(runs, key=lambda m: m.seconds)
    cpu = min(m.cpu_seconds for m in runs)
    return replace(
        best,
        cpu_seconds=cpu,
        runs=[m.seconds for m in runs],
        cpu_runs=[m.cpu_seconds for m in runs],
        peak_mib=max(m.peak_mib for m in runs),
        baseline_mib=max(m.baseline_mib for m in runs),
    )


def child_main(engines: dict[str, Engine], argv: Sequence[str]) -> None:
    """Body of a measuring child: ``--child ENGINE FILE…`` → one JSON line."""
    name, files = argv[0], [Path(a) for a in argv[1:]]
    run = engines[name]()
    baseline = peak_rss_mib()
    run(REGISTER)  # warm-up: one-time loading is not per-page work
    rows = []
    for path in files:
        started, cpu = time.perf_counter(), time.process_time()
        found = run(path)
        rows.append(
            {
                "file": path.name,
                "pages": page_count(path),
                "found": found,
                "seconds": time.perf_counter() - started,
                "cpu_seconds": time.process_time() - cpu,
            }
        )
    print(
        json.dumps(
            {"files": rows, "baseline_mib": baseline, "peak_mib": peak_rss_mib()}
        )
    )


def profile(run: Callable[[Path], int], path: Path, top: int = 25) -> str:
    """cProfile one (warm) run of an engine: the ``top`` functions by own time.

    The engine runs once before, so that one-time loading (vocabularies,
    compiled patterns) does not hide the per-page hot spots.
    """
    run(path)
    profiler = cProfile.Profile()
    profiler.runcall(run, path)
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).strip_dirs()
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def is_child(argv: Sequence[str]) -> bool:
    """Whether this script was started by :func:`measure`."""
    return len(argv) > 1 and argv[1] == "--child"


# -- reporting --------------------------------------------------------------


def machine() -> dict[str, object]:
    """Where and with what the figures were measured."""
    packages = [
        "pypdfium2",
        "pdfplumber",
        "pdfminer.six",
        "camelot-py",
        "pikepdf",
        "pydantic",
        "spacy",
    ]
    versions: dict[str, str | None] = {}
    for name in packages:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "python": platform.python_version(),
        # Other work on the machine slows every engine alike; say how much.
        "load_average_1_5_15": [round(x, 2) for x in os.getloadavg()],
        "versions": versions,
    }


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain text table, numbers right-aligned, for the terminal and the README."""
    cells = [[_fmt(v) for v in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    for row, raw in zip(cells, rows, strict=True):
        lines.append(
            "  ".join(
                c.rjust(w) if isinstance(v, int | float) else c.ljust(w)
                for c, w, v in zip(row, widths, raw, strict=True)
            )
        )
    return "\n".join(lines)


def _fmt(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.1f}" if value >= 10 else f"{value:.3g}"
    return str(value)


def write_results(name: str, payload: dict[str, object]) -> Path:
    """Write ``benchmarks/results/<name>.json`` with the machine description."""
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{name}.json"
    document = {"machine": machine(), **payload}
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    return path


def as_dicts(measurements: Sequence[Measurement]) -> list[dict[str, object]]:
    """Measurements as JSON-ready dicts, throughput included."""
    return [
        {
            **asdict(m),
            "pages_per_second": round(m.pages_per_second, 2),
            "pages_per_cpu_second": round(m.pages_per_cpu_second, 2),
        }
        for m in measurements
    ]
