"""Benchmark the extract stage against pdfplumber, camelot and the pypdfium2 floor.

Builds a 200-page register (``samples/dns_register.pdf`` ×20, as issue 2 measured
it) in a temporary directory, then, in the same run and on the same files,
times each engine (best of 3 interleaved rounds) in its own fresh process and reads that
process's peak resident memory:

- ``ours``: ``extract.read_document(path)``, the extract stage;
- ``pipeline``: ``registre.pipeline.run(path)``, extract + normalise (writing is
  measured by ``benchmarks/batch.py``);
- ``pdfplumber``: ``page.extract_tables()`` on every page, each page closed after
  use as pdfplumber recommends for long files;
- ``camelot-vector``: camelot 2.0's lattice with ``engine="vector"``. Camelot's
  lattice has three line-detection engines: ``"combined"`` (the default:
  renders each page and runs OpenCV, then adds the vector strokes),
  ``"raster"`` (OpenCV only) and ``"vector"`` (ruling lines read from the PDF's
  drawing operators, no page is rasterised). The issue's "vector lattice" is the
  last one; the backend= option only picks the renderer, which ``"vector"``
  never calls, and the network/hybrid flavors are text-alignment parsers, not
  lattice. ``parallel`` stays False: every engine here uses one process.
- ``pypdfium2``: every character's code point and box, page by page (the floor:
  reading the pages at all).

Memory flatness: ``ours`` alone on the 10-, 50- and 200-page registers, one
fresh process each, peak RSS each.

Usage (from the repository root): ``python benchmarks/extract.py`` → a table on
stdout and ``benchmarks/results/extract.json``.
"""

import argparse
import sys
import tempfile
import warnings
from collections.abc import Callable
from pathlib import Path

from common import (
    REGISTER,
    Measurement,
    as_dicts,
    child_main,
    concatenate,
    is_child,
    profile,
    rounds,
    table,
    text_layer_samples,
    write_results,
)

SCRIPT = Path(__file__).resolve()
BIG, FLAT = 20, (1, 5, 20)  # copies of the 10-page register: 200 pages; flatness sizes


def _ours() -> Callable[[Path], int]:
    from extract import read_document

    return lambda path: len(read_document(path).rows)


def _pipeline() -> Callable[[Path], int]:
    from registre.pipeline import run

    def convert(path: Path) -> int:
        register = run(path).register
        return len(register.activities) if register else 0

    return convert


def _pdfplumber() -> Callable[[Path], int]:
    import pdfplumber

    def tables(path: Path) -> int:
        found = 0
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                found += len(page.extract_tables())
                page.close()  # frees the page's parsed layout: flat memory
        return found

    return tables


def _camelot_vector() -> Callable[[Path], int]:
    import camelot

    warnings.filterwarnings("ignore")  # "no tables found on page N" on text pages

    def tables(path: Path) -> int:
        return len(
            camelot.read_pdf(
                str(path),
                pages="all",
                flavor="lattice",
                engine="vector",
                suppress_stdout=True,
            )
        )

    return tables


def _pypdfium2() -> Callable[[Path], int]:
    import pypdfium2 as pdfium

    def chars(path: Path) -> int:
        found = 0
        pdf = pdfium.PdfDocument(path)
        for page in pdf:
            text = page.get_textpage()
            count = text.count_chars()
            text.get_text_range(0, count)
            for i in range(count):
                text.get_charbox(i)
            found += count
            text.close()
            page.close()
        pdf.close()
        return found

    return chars


ENGINES = {
    "ours": _ours,
    "pipeline": _pipeline,
    "pdfplumber": _pdfplumber,
    "camelot-vector": _camelot_vector,
    "pypdfium2": _pypdfium2,
}


def _throughput(measurements: list[Measurement]) -> list[list[object]]:
    """Table rows: the 200-page register, then the other samples summed, per engine."""
    rows: list[list[object]] = []
    for engine in dict.fromkeys(m.engine for m in measurements):
        mine = [m for m in measurements if m.engine == engine]
        big, rest = mine[0], mine[1:]
        pages = sum(m.pages for m in rest)
        wall, cpu = sum(m.seconds for m in rest), sum(m.cpu_seconds for m in rest)
        rows.append(
            [
                engine,
                big.file,
                big.pages,
                big.seconds,
                big.pages_per_second,
                big.pages_per_cpu_second,
                big.peak_mib,
            ]
        )
        rows.append(
            [
                engine,
                "other samples",
                pages,
                wall,
                pages / wall,
                pages / cpu,
                big.peak_mib,
            ]
        )
    return rows


def _summary(results: list[Measurement], flat: list[Measurement]) -> dict[str, float]:
    """The issue's two goals: speed against camelot, memory flat in the page count."""
    big = {m.engine: m for m in results if m.file == results[0].file}
    summary = {}
    if "camelot-vector" in big:
        camelot = big["camelot-vector"]
        for engine in ("ours", "pipeline"):
            if engine in big:
                mine = big[engine]
                summary[f"{engine}_vs_camelot_vector"] = (
                    mine.pages_per_second / camelot.pages_per_second
                )
                summary[f"{engine}_vs_camelot_vector_cpu"] = (
                    mine.pages_per_cpu_second / camelot.pages_per_cpu_second
                )
    small, large = flat[-2], flat[-1]
    summary["mib_per_extra_page"] = (large.peak_mib - small.peak_mib) / (
        large.pages - small.pages
    )
    return summary


def _print(
    results: list[Measurement], flat: list[Measurement], summary: dict[str, float]
) -> None:
    """The three tables: throughput, memory against page count, the goals."""
    print(
        table(
            [
                "engine",
                "file",
                "pages",
                "seconds",
                "pages/s",
                "pages/CPU s",
                "peak MiB",
            ],
            _throughput(results),
        )
    )
    print()
    print(
        table(
            ["engine", "file", "pages", "seconds", "peak MiB", "baseline MiB"],
            [
                [m.engine, m.file, m.pages, m.seconds, m.peak_mib, m.baseline_mib]
                for m in flat
            ],
        )
    )
    print()
    print(table(["figure", "value"], [[k, v] for k, v in summary.items()]))


def main() -> None:
    """Build the corpus, measure every engine, print the tables, write the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="best of this many")
    parser.add_argument("--engines", nargs="+", default=list(ENGINES), choices=ENGINES)
    parser.add_argument(
        "--profile",
        choices=ENGINES,
        help="instead: cProfile this engine on the 200-page register",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        sized = {
            n: concatenate(REGISTER, n, Path(tmp) / f"dns_register_x{n}.pdf")
            for n in sorted({BIG, *FLAT})
        }
        if args.profile:
            print(profile(ENGINES[args.profile](), sized[BIG]))
            return
        corpus = [sized[BIG], *(p for p in text_layer_samples() if p != REGISTER)]
        results = rounds(SCRIPT, args.engines, corpus, args.rounds)
        flat = [m for n in FLAT for m in rounds(SCRIPT, ["ours"], [sized[n]], 1)]
    summary = _summary(results, flat)
    _print(results, flat, summary)
    path = write_results(
        "extract",
        {
            "rounds": args.rounds,
            "summary": summary,
            "throughput": as_dicts(results),
            "memory_flatness": as_dicts(flat),
        },
    )
    print(f"\nwrote {path}", file=sys.stderr)


if __name__ == "__main__":
    if is_child(sys.argv):
        child_main(ENGINES, sys.argv[2:])
    else:
        main()
