"""The `registre` command (CONTRACT.md): a thin layer over the library."""

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from registre.parse import KINDS, parse_lines


def _parse(args: argparse.Namespace) -> int:
    for line in parse_lines(args.kind, sys.stdin):
        sys.stdout.write(line + "\n")
    return 0


def _schema(args: argparse.Namespace) -> int:
    from schemas.register import Register

    sys.stdout.write(
        json.dumps(Register.model_json_schema(), ensure_ascii=False, indent=2) + "\n"
    )
    return 0


def _convert(args: argparse.Namespace) -> int:
    from registre.batch import UsageError, convert_batch

    if args.workers < 1:
        sys.stderr.write("registre convert: --workers must be at least 1\n")
        return 2
    try:
        result = convert_batch(
            args.inputs,
            args.out,
            workers=args.workers,
            dialect=args.csv_dialect,
            scheduler=args.scheduler,
            resume=args.resume,
            ocr=args.ocr,
        )
    except UsageError as error:
        sys.stderr.write(f"registre convert: {error}\n")
        return 2
    return result.exit_status


def _eval(args: argparse.Namespace) -> int:
    from registre.evaluate import evaluate, format_scores

    if not args.gold_dir.is_dir() or not args.out_dir.is_dir():
        sys.stderr.write("registre eval: GOLD_DIR and OUT_DIR must be folders\n")
        return 2
    scores = evaluate(args.gold_dir, args.out_dir)
    if args.json:
        report = {
            name: s.figures() | {"missing_output": s.missing_output}
            for name, s in scores.items()
            if name != "TOTAL"
        }
        report["TOTAL"] = scores["TOTAL"].figures()
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=1) + "\n")
    else:
        for line in format_scores(scores):
            sys.stdout.write(line + "\n")
    return 0


def _review(args: argparse.Namespace) -> int:
    from extract import ExtractSettings
    from registre.review import review

    if not args.pdf.is_file():
        sys.stderr.write(f"registre review: {args.pdf} is not a file\n")
        return 2
    if args.out.is_dir():
        sys.stderr.write(f"registre review: --out {args.out} is a folder\n")
        return 2
    if not 0.25 <= args.scale <= 4:
        sys.stderr.write("registre review: --scale must be between 0.25 and 4\n")
        return 2
    result = review(args.pdf, args.out, ExtractSettings(ocr=args.ocr), args.scale)
    sys.stderr.write(f"registre review: {result.status}, wrote {args.out}\n")
    return 1 if result.status == "error" else 0


CONVERT_DESCRIPTION = (
    "Convert every input (PDF files, folders searched recursively for *.pdf, glob "
    "patterns) into DIR: <register_id>.json per PDF, activities.csv and four long "
    "CSVs, datapackage.json, report.json. Exit status 0 when every file converted, "
    "1 when one failed (the others are still written), 2 on a usage error."
)


def _add_convert(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    p = sub.add_parser(
        "convert", description=CONVERT_DESCRIPTION,
        help="convert PDFs, folders and globs into JSON, CSV and a datapackage")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="PDF, folder or glob")
    p.add_argument("--out", type=Path, required=True, metavar="DIR",
                   help="output folder")
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="local processes converting in parallel (default 1)")
    p.add_argument("--csv-dialect", choices=["rfc", "excel-fr"], default="rfc",
                   help="rfc: UTF-8, comma (default); excel-fr: UTF-8 with BOM, "
                   "semicolon, formula guard")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="Dask scheduler address (tcp://host:8786): convert on its "
                   "workers, which must see the input paths")
    p.add_argument("--ocr", choices=["auto", "never", "always"], default="auto",
                   help="OCR of pages without a text layer (default auto)")
    p.add_argument("--resume", action="store_true",
                   help="skip inputs whose <register_id>.json is complete and whose "
                   "sha256 is unchanged")
    p.set_defaults(func=_convert)


def _add_eval(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    p = sub.add_parser(
        "eval",
        help="score converted registers against gold files",
        description="For every GOLD_DIR/<name>.gold.json (format: "
        "samples/GOLD_FORMAT.md), score OUT_DIR/<name>.json: rows, cells, "
        "retention, legal references and recipients, per register and in total.",
    )
    p.add_argument("gold_dir", type=Path, metavar="GOLD_DIR")
    p.add_argument("out_dir", type=Path, metavar="OUT_DIR")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=_eval)


def _add_review(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    p = sub.add_parser(
        "review",
        help="write an HTML page to check one converted register against its PDF",
        description="Convert FILE.pdf and write one self-contained HTML page: a "
        "summary, every page with each cell outlined in its column's colour, and "
        "the activities with their printed cells, typed values and warnings. "
        "Exit status 0, 1 when the file did not convert (the page says why), "
        "2 on a usage error.",
    )
    p.add_argument("pdf", type=Path, metavar="FILE.pdf")
    p.add_argument("--out", type=Path, required=True, metavar="REPORT.html",
                   help="the HTML file to write")
    p.add_argument("--ocr", choices=["auto", "never", "always"], default="auto",
                   help="OCR of pages without a text layer (default auto)")
    p.add_argument("--scale", type=float, default=1.4,
                   help="pixels per PDF point of the page images (default 1.4)")
    p.set_defaults(func=_review)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with help text on every subcommand."""
    parser = argparse.ArgumentParser(
        prog="registre",
        description="Convert French GDPR registers of processing activities "
        "(PDF) into typed JSON and CSV.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser(
        "parse",
        help="parse free-text values, one per line on stdin",
        description="Read one value per line on stdin; write one JSON "
        'line per value: {"input": ..., "items": [...]}.',
    )
    p.add_argument("kind", choices=sorted(KINDS))
    p.set_defaults(func=_parse)
    p = sub.add_parser(
        "schema",
        help="print the JSON Schema of the register document",
        description="Print the JSON Schema of <register_id>.json on stdout.",
    )
    p.set_defaults(func=_schema)
    _add_convert(sub)
    _add_eval(sub)
    _add_review(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (2 on a usage error)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    status: int = args.func(args)
    return status


if __name__ == "__main__":
    sys.exit(main())
