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
import time
from dataclasses import asdict, dataclass
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


@dataclass(frozen=True)
class SampleTiming:
    """normalise_document on one sample: first call apart, median of the others."""

    file: str
    activities: int
    first_seconds: float
    median_seconds: float
    best_seconds: float

    @property
    def per_second(self) -> float:
        """Activities per second at the median."""
        return self.activities / self.median_seconds


@dataclass(frozen=True)
class Share:
    """Extract and normalise on one file (best of the repeats each)."""

    file: str
    pages: int
    activities: int
    extract_seconds: float
    normalise_seconds: float
    extract_cpu_seconds: float
    normalise_cpu_seconds: float

    @property
    def normalise_share(self) -> float:
        """Normalise's share of extract + normalise (wall clock)."""
        return self.normalise_seconds / (self.extract_seconds + self.normalise_seconds)

    @property
    def normalise_cpu_share(self) -> float:
        """The same share in CPU time, which other work on the machine disturbs less."""
        total = self.extract_cpu_seconds + self.normalise_cpu_seconds
        return self.normalise_cpu_seconds / total


def _normalise(raw: RawDocument, path: Path, sha256: str) -> int:
    register = normalise_document(raw, register_id=path.stem, sha256=sha256)
    return len(register.activities)


def time_sample(path: Path, iterations: int) -> SampleTiming:
    """Extract ``path`` once, then time ``iterations + 1`` normalisations of it."""
    raw, sha256 = read_document(path), sha256_of(path)
    found: list[int] = []
    times = time_runs(
        lambda: found.append(_normalise(raw, path, sha256)), iterations + 1
    )
    return SampleTiming(
        path.name, found[0], times[0], statistics.median(times[1:]), min(times[1:])
    )


def share(path: Path, repeats: int) -> Share:
    """Extract and normalise times on one file, for normalise's share of their sum."""
    sha256 = sha256_of(path)
    raw = read_document(path)
    times = {
        clock: (
            min(time_runs(lambda: read_document(path), repeats, clock)),
            min(time_runs(lambda: _normalise(raw, path, sha256), repeats, clock)),
        )
        for clock in (time.perf_counter, time.process_time)
    }
    (extract, normalise), (extract_cpu, normalise_cpu) = times.values()
    return Share(
        path.name,
        raw.page_count,
        len(raw.rows),
        extract,
        normalise,
        extract_cpu,
        normalise_cpu,
    )


def _print(samples: list[SampleTiming], big: Share) -> None:
    """Both tables: per sample, then the 200-page register's share."""
    activities = sum(t.activities for t in samples)
    seconds = sum(t.median_seconds for t in samples)
    rows: list[list[object]] = [
        [t.file, t.activities, t.first_seconds, t.median_seconds, t.per_second]
        for t in samples
    ]
    rows.append(
        [
            "all samples",
            activities,
            sum(t.first_seconds for t in samples),
            seconds,
            activities / seconds,
        ]
    )
    print(table(["file", "activities", "first s", "median s", "activities/s"], rows))
    print()
    _print_share(big)


def _print_share(big: Share) -> None:
    print(
        table(
            [
                "file",
                "pages",
                "activities",
                "extract s",
                "normalise s",
                "normalise share",
                "CPU share",
                "activities/s",
            ],
            [
                [
                    big.file,
                    big.pages,
                    big.activities,
                    big.extract_seconds,
                    big.normalise_seconds,
                    f"{big.normalise_share:.0%}",
                    f"{big.normalise_cpu_share:.0%}",
                    big.activities / big.normalise_seconds,
                ]
            ],
        )
    )


def _payload(samples: list[SampleTiming], big: Share) -> dict[str, object]:
    """The JSON figures."""
    activities = sum(t.activities for t in samples)
    seconds = sum(t.median_seconds for t in samples)
    return {
        "samples": [
            {**asdict(t), "activities_per_second": t.per_second} for t in samples
        ],
        "all_samples": {
            "activities": activities,
            "median_seconds": seconds,
            "activities_per_second": activities / seconds,
        },
        "end_to_end": {
            **asdict(big),
            "normalise_share": big.normalise_share,
            "normalise_cpu_share": big.normalise_cpu_share,
        },
    }


def main() -> None:
    """Measure, print the tables, write the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=20)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument(
        "--profile",
        action="store_true",
        help="instead: cProfile normalise_document on 200 pages",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        big = concatenate(REGISTER, BIG, Path(tmp) / f"dns_register_x{BIG}.pdf")
        if args.profile:
            raw, sha256 = read_document(big), sha256_of(big)
            print(profile(lambda p: _normalise(raw, p, sha256), big))
            return
        samples = text_layer_samples() + text_layer_samples(SAMPLES / "generated")
        timings = [time_sample(path, args.iterations) for path in samples]
        end_to_end = share(big, args.repeats)
    _print(timings, end_to_end)
    payload = _payload(timings, end_to_end)
    path = write_results(
        "normalise", {"iterations": args.iterations, "repeats": args.repeats, **payload}
    )
    print(f"\nwrote {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
