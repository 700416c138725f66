"""Builders for the page-level table pieces the row rules work on."""

from extract.geometry import Line, Word
from extract.model import Fragment, PageRow, PageTable


def line(text: str, top: float = 0.0, bold: bool = False) -> Line:
    """One printed line of words, 5 points per character."""
    words, x = [], 0.0
    for token in text.split():
        words.append(Word(token, x, top, x + 5 * len(token), top + 10, 10.0, bold))
        x += 5 * len(token) + 3
    return Line(words, 0.0, top, x, top + 10)


def frag(
    text: str,
    page: int = 1,
    col: int = 0,
    carried: bool = False,
    bold: bool = False,
    span: int = 0,
) -> Fragment:
    """A cell piece holding ``text`` on one line ("" for an empty cell)."""
    lines = [line(text, bold=bold)] if text else []
    return Fragment(lines, (0.0, 0.0, 100.0, 20.0), page, (col, col + span), carried)


def row(
    *texts: str,
    page: int = 1,
    bold: bool = False,
    carried: tuple[int, ...] = (),
) -> PageRow:
    """A page row with one fragment per column."""
    cells = [
        [frag(t, page, i, carried=i in carried, bold=bold)] for i, t in enumerate(texts)
    ]
    return PageRow(cells, 0.0, 20.0)


def table(rows: list[PageRow], page: int = 1, ruled: bool = True) -> PageTable:
    """A page table with as many 100-point columns as its first row has cells."""
    ncols = len(rows[0].cells)
    columns = [(100.0 * i, 100.0 * (i + 1)) for i in range(ncols)]
    return PageTable(page, columns, rows, (0.0, 0.0, 100.0 * ncols, 500.0), ruled)
