"""Benchmark the normalise stage: activities per second, and its share of the pipeline.

The samples (``samples/*.pdf`` and ``samples/generated/*.pdf`` with a text
layer) are extracted once, outside the timing; then
``normalise.normalise_document(raw, register_id=…, sha256=…)`` is timed over
many iterations per sample. The first call pays one-time loading (vocabularies,
compiled patterns, the spaCy pipeline) and is reported apart; the throughput is
the median of the others.

The share of end-to-end time: on the 200-page register (``dns_register.pdf``
×20), extract and normalise are each timed (best of 3) in this process, and
``normalise / (extract + normalise)`` is the share (writing the outputs is
measured by ``benchmarks/batch.py``).

Usage (from the repository root): ``python benchmarks/normalise.py`` → a table
on stdout and ``benchmarks/results/normalise.json``.
"""

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from common import (
    REGISTER,
    SAMPLES,
    concatenate,
    profile,
    table,
    text_layer_samples,
    time_runs,
    write_results,
)

from extract import read_document
from normalise import normalise_document
from registre.pipeline import sha256_of
from schemas.raw import RawDocument

BIG = 20  # copies of the 10-page register: 200 pages


def _normalise(raw: RawDocument, path: Path, sha256: str) -> int:
    register = normalise_document(raw, register_id=path.stem, sha256=sha256)
    return len(register.activities)


def per_sample(paths: list[Path], iterations: int) -> list[dict[str, object]]:
    """Activities per second of normalise_document on each sample."""
    return [_sample(path, iterations) for path in paths]


def _sample(path: Path, iterations: int) -> dict[str, object]:
    raw, sha256 = read_document(path), sha256_of(path)
    found: list[int] = []
    times = time_runs(
        lambda: found.append(_normalise(raw, path, sha256)), iterations + 1
    )
    median = statistics.median(times[1:])
    return {
        "file": path.name,
        "activities": found[0],
        "first_seconds": times[0],
        "median_seconds": median,
        "best_seconds": min(times[1:]),
        "activities_per_second": found[0] / median,
    }


def share(path: Path, repeats: int) -> dict[str, object]:
    """Extract and normalise times on one file, and normalise's share of their sum."""
    sha256 = sha256_of(path)
    extract = min(time_runs(lambda: read_document(path), repeats))
    raw = read_document(path)
    normalise = min(time_runs(lambda: _normalise(raw, path, sha256), repeats))
    return {
        "file": path.name,
        "pages": raw.page_count,
        "activities": len(raw.rows),
        "extract_seconds": extract,
        "normalise_seconds": normalise,
        "normalise_share": normalise / (extract + normalise),
        "activities_per_second": len(raw.rows) / normalise,
    }


def main() -> None:
    """Measure, print the tables, write the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=20)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument(
        "--profile",
        action="store_true",
        help="instead: cProfile normalise_document on the 200-page register",
    )
    args = parser.parse_args()
    if args.profile:
        with tempfile.TemporaryDirectory() as tmp:
            big = concatenate(REGISTER, BIG, Path(tmp) / f"dns_register_x{BIG}.pdf")
            raw, sha256 = read_document(big), sha256_of(big)
            print(profile(lambda p: _normalise(raw, p, sha256), big))
        return
    samples = text_layer_samples() + text_layer_samples(SAMPLES / "generated")
    rows = per_sample(samples, args.iterations)
    with tempfile.TemporaryDirectory() as tmp:
        big = concatenate(REGISTER, BIG, Path(tmp) / f"dns_register_x{BIG}.pdf")
        end_to_end = share(big, args.repeats)
    activities = sum(r["activities"] for r in rows)
    seconds = sum(r["median_seconds"] for r in rows)
    print(
        table(
            ["file", "activities", "first s", "median s", "activities/s"],
            [
                [
                    r["file"],
                    r["activities"],
                    r["first_seconds"],
                    r["median_seconds"],
                    r["activities_per_second"],
                ]
                for r in rows
            ]
            + [
                [
                    "all samples",
                    activities,
                    sum(r["first_seconds"] for r in rows),
                    seconds,
                    activities / seconds,
                ]
            ],
        )
    )
    print()
    e = end_to_end
    print(
        table(
            [
                "file",
                "pages",
                "activities",
                "extract s",
                "normalise s",
                "normalise share",
                "activities/s",
            ],
            [
                [
                    e["file"],
                    e["pages"],
                    e["activities"],
                    e["extract_seconds"],
                    e["normalise_seconds"],
                    f"{e['normalise_share']:.0%}",
                    e["activities_per_second"],
                ]
            ],
        )
    )
    path = write_results(
        "normalise",
        {
            "iterations": args.iterations,
            "repeats": args.repeats,
            "samples": rows,
            "all_samples": {
                "activities": activities,
                "median_seconds": seconds,
                "activities_per_second": activities / seconds,
            },
            "end_to_end": end_to_end,
        },
    )
    print(f"\nwrote {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
