"""Batch throughput: files/s and pages/s for 1 and 2 workers, and peak memory.

    python benchmarks/batch.py [--sets 6] [--workers 1 2]

Builds a batch of copies of the samples that have a text layer (one set is
34 pages; 6 sets give 204 pages), converts it once per worker count into a
temporary folder, prints a table and writes benchmarks/results/batch.json.
Peak memory is the largest sum of resident memory of this process and its
worker processes, sampled every 50 ms (psutil).
"""

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import psutil

# Running this file puts benchmarks/ first on sys.path, where benchmarks/extract.py
# would shadow the extract package; the package must win.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).parent]

from registre.batch import convert_batch  # noqa: E402
from registre.progress import SilentProgress  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "batch.json"
TEXT_SAMPLES = [
    "dns_register",
    "interieur_dnum_register",
    "culture_register",
    "sports_register",
    "commune_register",
    "rectorat_register",
]


class PeakMemory:
    """Sample the resident memory of this process tree until stopped."""

    def __init__(self, interval: float = 0.05) -> None:
        self.interval, self.peak = interval, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _tree_rss(self) -> int:
        me = psutil.Process()
        total = me.memory_info().rss
        for child in me.children(recursive=True):
            try:
                total += child.memory_info().rss
            except psutil.Error:  # a worker that just exited
                pass
        return int(total)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._tree_rss())
            time.sleep(self.interval)

    def __enter__(self) -> "PeakMemory":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def build_batch(folder: Path, sets: int) -> int:
    """Copy the text samples ``sets`` times into ``folder``; return the file count."""
    for number in range(sets):
        target = folder / f"set{number:02d}"
        target.mkdir(parents=True)
        for stem in TEXT_SAMPLES:
            shutil.copyfile(ROOT / "samples" / f"{stem}.pdf", target / f"{stem}.pdf")
    return sets * len(TEXT_SAMPLES)


def measure(inputs: Path, out: Path, workers: int) -> dict[str, Any]:
    """Convert once; return timings, page count and peak memory."""
    with PeakMemory() as memory:
        started = time.perf_counter()
        result = convert_batch(
            [inputs], out, workers=workers, progress=SilentProgress(0)
        )
        seconds = time.perf_counter() - started
    pages = sum(o.pages for o in result.outcomes)
    files = len(result.outcomes)
    return {
        "workers": workers,
        "files": files,
        "pages": pages,
        "errors": sum(o.status == "error" for o in result.outcomes),
        "seconds": round(seconds, 2),
        "files_per_s": round(files / seconds, 2),
        "pages_per_s": round(pages / seconds, 1),
        "peak_rss_mb": round(memory.peak / 2**20),
    }


def print_table(runs: list[dict[str, Any]]) -> None:
    """A small Markdown table, ready to paste into the README."""
    print("| workers | files | pages | seconds | files/s | pages/s | peak RSS (MB) |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in runs:
        print(
            f"| {r['workers']} | {r['files']} | {r['pages']} | {r['seconds']} | "
            f"{r['files_per_s']} | {r['pages_per_s']} | {r['peak_rss_mb']} |"
        )


def main() -> None:
    """Run the benchmark and write benchmarks/results/batch.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", type=int, default=6, help="copies of the sample set")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        inputs = Path(temp) / "in"
        build_batch(inputs, args.sets)
        runs = [measure(inputs, Path(temp) / f"out{w}", w) for w in args.workers]
    print_table(runs)
    if any(r["errors"] for r in runs):
        print("some files failed: the figures are not comparable", file=sys.stderr)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    machine = {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "system": platform.platform(),
        # Other load skews the figures (a shared CI runner): say how much there was.
        "load_average_1min": round(os.getloadavg()[0], 2),
    }
    result = {"machine": machine, "sets": args.sets, "runs": runs}
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    print(f"written {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
