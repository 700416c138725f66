"""One RawRow + the column roles → one typed Activity.

Each role's cells go to the normaliser of that role; legal references are
looked for in every cell, and retention sentences in every cell when the
register has no retention column (the DNS register writes "Conservation : …"
inside its data cells).
"""

from collections.abc import Iterable
from typing import Any, TypeVar

from normalise.around import document_vocab
from normalise.categories import parse_data_categories, parse_data_subjects
from normalise.legal_refs import parse_legal_references
from normalise.parsed import Parsed
from normalise.parties import is_joint, parse_parties
from normalise.retention import find_retention, parse_retention
from normalise.text import clean, fold
from schemas.issues import Issue
from schemas.raw import RawRow
from schemas.register import Activity, Column, LegalReference, Party, Retention

T = TypeVar("T")


def row_to_activity(index: int, row: RawRow, columns: list[Column]) -> Activity:
    """Normalise one row of the register table.

    Args:
        index: the activity's 1-based position in the register.
        row: its cells as extracted, in column order.
        columns: the printed columns with their roles.

    Returns:
        The Activity, with a warning for every value that did not parse.
    """
    pairs = list(zip(columns, row.cells, strict=True))
    texts = {c.header: cell.text for c, cell in pairs}
    by_role: dict[str, list[str]] = {}
    items: dict[str, list[str]] = {}  # a cell's paragraphs: items one per line
    for column, cell in pairs:
        if cell.text:
            by_role.setdefault(column.role, []).append(cell.text)
            items.setdefault(column.role, []).extend(cell.paragraphs or [cell.text])
    warnings: list[Issue] = list(row.issues)
    return Activity(
        index=index,
        title=_title(row, columns),
        pages=row.pages,
        section=row.section,
        cells=texts,
        cell_parts={c.header: cell.parts for c, cell in pairs if cell.parts},
        retention=_retention(by_role, texts, columns, warnings),
        legal_references=legal_references_in(texts.values(), warnings),
        **_typed(by_role, items, warnings),
        warnings=warnings,
    )


def _typed(
    by_role: dict[str, list[str]], items: dict[str, list[str]], warnings: list[Issue]
) -> dict[str, Any]:
    """The typed values read from the cells of each role.

    Lists of bodies and of people are read paragraph by paragraph (a register
    may print one recipient a line, with no separator); data categories from
    the whole cell, whose labels ("Informations de connexion :") head the
    lines under them.
    """
    controllers = _parties(items.get("controllers", []), warnings)
    return {
        "purposes": _joined(by_role.get("purposes")),
        "controllers": controllers,
        "joint_controllers": any(
            is_joint(t, controllers) for t in by_role.get("controllers", [])
        ),
        "data_categories": [
            d
            for t in by_role.get("data_categories", [])
            for d in _collect(parse_data_categories(t), warnings)
        ],
        "data_subjects": [
            s for t in items.get("data_subjects", []) for s in parse_data_subjects(t)
        ],
        "recipients": _parties(items.get("recipients", []), warnings),
        "legal_basis": _joined(by_role.get("legal_basis")),
        "transfers": _transfers(by_role.get("transfers", [])),
        "processors": _parties(items.get("processors", []), warnings),
    }


def _title(row: RawRow, columns: list[Column]) -> str:
    for column, cell in zip(columns, row.cells, strict=True):
        if column.role == "title" and cell.text:
            return cell.text
    return next((cell.text for cell in row.cells if cell.text), "")


def _joined(texts: list[str] | None) -> str | None:
    return " ".join(texts) if texts else None


def _collect(parsed: Parsed[T], warnings: list[Issue]) -> list[T]:
    """The values of one parse; its issues go to the activity's warnings."""
    warnings.extend(parsed.issues)
    return list(parsed.values)


def _parties(texts: list[str], warnings: list[Issue]) -> list[Party]:
    return [p for t in texts for p in _collect(parse_parties(t), warnings)]


def _retention(
    by_role: dict[str, list[str]],
    texts: dict[str, str],
    columns: list[Column],
    warnings: list[Issue],
) -> list[Retention]:
    if "retention" in by_role:
        return [
            r
            for t in by_role["retention"]
            for r in _collect(parse_retention(t), warnings)
        ]
    if any(c.role == "retention" for c in columns):
        return []
    return [r for t in texts.values() for r in _collect(find_retention(t), warnings)]


def legal_references_in(
    texts: Iterable[str], warnings: list[Issue]
) -> list[LegalReference]:
    """References of every text, each once (a code cited in two cells counts once)."""
    found: dict[tuple[object, ...], LegalReference] = {}
    for text in texts:
        for ref in _collect(parse_legal_references(text), warnings):
            key = (ref.kind, ref.code, ref.article, ref.paragraph, ref.number, ref.date)
            found.setdefault(key, ref)
    return list(found.values())


def _transfers(texts: list[str]) -> bool | None:
    """ "Non", "Aucun" → False; "Oui …" → True; anything else is left to the reader."""
    if not texts:
        return None
    words = document_vocab()
    head = fold(clean(" ".join(texts))).strip(" .")
    if any(head == w or head.startswith(w + " ") for w in words.no):
        return False
    if any(
        head == w or head.startswith((w + " ", w + ",", w + ":")) for w in words.yes
    ):
        return True
    return None
