"""Key/value "fiche" layouts: one two-column label | value table per activity.

A register is laid out in fiches when its tables have two columns and the
labels of the left column recur from table to table. A fiche starts at the
label that opens the first fiche; a table at the top of a page that opens
with another label continues the fiche before it, and a row with an empty
label continues the value above it.
"""

from collections import Counter

from extract.model import Fragment, PageTable
from extract.rows import Header, LogicalRow, squash


def is_fiche_layout(tables: list[PageTable]) -> bool:
    """Two-column tables whose left-column labels recur from fiche to fiche.

    Several labels must recur: a two-column register whose header row is
    reprinted on every page has one recurring left cell, not a fiche's set.
    """
    if not tables or any(len(t.columns) != 2 for t in tables):
        return False
    labels = Counter(squash(row.texts()[0]) for t in tables for row in t.rows)
    labels.pop("", None)
    recurring = sum(1 for count in labels.values() if count >= 2)
    return recurring >= min(3, len(labels)) and recurring >= 1


def fiches_to_rows(tables: list[PageTable]) -> tuple[Header, list[LogicalRow]]:
    """Each fiche → one row whose columns are the labels, in order of appearance.

    Example: fiches "Dénomination du traitement | Tenue des registres …",
    "Finalité | …" → columns ["Dénomination du traitement", "Finalité"].
    """
    pairs = _joined_pairs(
        [(row.cells[0], row.cells[1]) for t in tables for row in t.rows]
    )
    opening = next(squash(_text(lab)) for lab, _ in pairs if _text(lab))
    labels: list[str] = []
    keys: list[str] = []
    fiches: list[dict[str, list[Fragment]]] = []
    last_key = ""
    for label_stack, value_stack in pairs:
        key = squash(_text(label_stack))
        if key == opening or not fiches:
            fiches.append({})
        if not key:
            key = last_key
        elif key not in keys:
            keys.append(key)
            labels.append(_text(label_stack))
        fiches[-1].setdefault(key, []).extend(value_stack)
        last_key = key
    rows = [LogicalRow([fiche.get(k, []) for k in keys]) for fiche in fiches]
    spans = [(0.0, 0.0)] * len(labels)
    return Header(labels, [None] * len(labels), spans), rows


def _joined_pairs(
    pairs: list[tuple[list[Fragment], list[Fragment]]],
) -> list[tuple[list[Fragment], list[Fragment]]]:
    """Join a label | value row cut by a page break back onto the row above.

    The piece at the top of the next page has an empty label, or a label going
    on in lower case ("Transfert hors de l'Union" / "européenne").
    """
    joined: list[tuple[list[Fragment], list[Fragment]]] = []
    for label, value in pairs:
        text = _text(label)
        if joined and (not text or text[0].islower()):
            joined[-1][0].extend(label)
            joined[-1][1].extend(value)
        else:
            joined.append((list(label), list(value)))
    return joined


def _text(stack: list[Fragment]) -> str:
    return " ".join(f.text for f in stack).strip()
