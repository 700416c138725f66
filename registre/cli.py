"""The `registre` command (CONTRACT.md): a thin layer over the library."""

import argparse
import json
import sys
from collections.abc import Sequence

from registre.parse import KINDS, parse_lines


def _parse(args: argparse.Namespace) -> int:
    for line in parse_lines(args.kind, sys.stdin):
        sys.stdout.write(line + "\n")
    return 0


def _schema(args: argparse.Namespace) -> int:
    from schemas.register import Register

    sys.stdout.write(json.dumps(Register.model_json_schema(), ensure_ascii=False,
                                indent=2) + "\n")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with help text on every subcommand."""
    parser = argparse.ArgumentParser(
        prog="registre",
        description="Convert French GDPR registers of processing activities "
        "(PDF) into typed JSON and CSV.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("parse", help="parse free-text values, one per line on stdin",
                       description="Read one value per line on stdin; write one JSON "
                       "line per value: {\"input\": ..., \"items\": [...]}.")
    p.add_argument("kind", choices=sorted(KINDS))
    p.set_defaults(func=_parse)
    p = sub.add_parser("schema", help="print the JSON Schema of the register document",
                       description="Print the JSON Schema of <register_id>.json on stdout.")
    p.set_defaults(func=_schema)
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
