"""`registre parse KIND`: one free-text value per line in, one JSON line out."""

import json
from collections.abc import Callable, Iterable, Iterator
from importlib import import_module
from typing import Any

from normalise.parsed import Parsed

KINDS: dict[str, str] = {
    "retention": "normalise.retention:parse_retention",
    "legal-refs": "normalise.legal_refs:parse_legal_references",
    "recipients": "normalise.parties:parse_parties",
    "data-categories": "normalise.categories:parse_data_categories",
}


def parser_for(kind: str) -> Callable[[str], Parsed[Any]]:
    """The normaliser behind a KIND, imported on demand (spaCy loads only if needed)."""
    module, name = KINDS[kind].split(":")
    parser: Callable[[str], Parsed[Any]] = getattr(import_module(module), name)
    return parser


def parse_lines(kind: str, lines: Iterable[str]) -> Iterator[str]:
    """Yield one JSON line per input line, in order; a bad line gives no items.

    Example: ``parse_lines("retention", ["10 ans"])`` yields
    ``{"input": "10 ans", "items": [{"text": "10 ans", "duration": "P10Y", …}]}``.
    """
    parse = parser_for(kind)
    for line in lines:
        text = line.rstrip("\r\n")
        items = (
            [v.model_dump(mode="json") for v in parse(text).values]
            if text.strip()
            else []
        )
        yield json.dumps({"input": text, "items": items}, ensure_ascii=False)
