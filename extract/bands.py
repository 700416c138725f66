"""Tables drawn as separate boxes: zebra rows painted on every other row only.

A register whose cells are filled in alternate colours, with no rule, shows
its ruling only on the painted rows: each painted band is a little table of
its own, and the unpainted rows between them hold text and nothing else. Two
bands with the same columns, and text between them in two columns or more,
are one table: that text is a row of it.
"""

from extract.geometry import Line, Word, centre_inside, straddles
from extract.lines import words_to_lines
from extract.model import Fragment, PageRow, PageTable


def join_bands(
    tables: list[PageTable], words: list[Word], snap: float
) -> list[PageTable]:
    """Join tables of one column layout stacked with table rows between them.

    Args:
        tables: the page's ruled tables, top to bottom.
        words: the page's words.
        snap: column edges closer than two snaps are one.

    Returns:
        The tables, bands of one table joined with the rows between them.
    """
    joined: list[PageTable] = []
    zebra: set[int] = set()  # tables shown to have unpainted rows
    for table in tables:
        if joined and _same_columns(joined[-1], table, snap):
            gap = _gap_row(joined[-1], table.bbox[1], words)
            if gap is not None:
                joined[-1] = _join(joined[-1], gap, table)
                zebra.add(len(joined) - 1)
                continue
        joined.append(table)
    free = [w for w in words if not any(centre_inside(w, t.bbox) for t in joined)]
    return [_with_unpainted_edges(t, free, i in zebra) for i, t in enumerate(joined)]


def _with_unpainted_edges(table: PageTable, free: list[Word], zebra: bool) -> PageTable:
    """An unpainted row against the first or last band: cut by a page break.

    Its lines touch the band (within the cell padding), keep to the columns
    and fill two of them or more; a caption or a footnote does neither. Above
    the first band it must go on in lower case (the end of a row begun on the
    page before); below the last, the page must have shown unpainted rows.
    ``free`` are the page's words outside every table.
    """
    lines = words_to_lines(free)
    above = _touching(
        list(reversed([ln for ln in lines if ln.bottom <= table.bbox[1]])),
        table.bbox[1],
        table,
        upwards=True,
    )
    below = _touching(
        [ln for ln in lines if ln.top >= table.bbox[3]],
        table.bbox[3],
        table,
        upwards=False,
    )
    if above:
        head = _gap_row_of(
            table,
            [w for ln in above for w in ln.words],
            min(ln.top for ln in above),
            table.bbox[1],
        )
        if head is not None and _goes_on(head):
            table = PageTable(
                table.page,
                table.columns,
                [head, *table.rows],
                (table.bbox[0], head.top, table.bbox[2], table.bbox[3]),
                ruled=True,
            )
    if below and zebra:
        tail = _gap_row_of(
            table,
            [w for ln in below for w in ln.words],
            table.bbox[3],
            max(ln.bottom for ln in below),
        )
        if tail is not None:
            table = PageTable(
                table.page,
                table.columns,
                [*table.rows, tail],
                (table.bbox[0], table.bbox[1], table.bbox[2], tail.bottom),
                ruled=True,
            )
    return table


def _goes_on(row: PageRow) -> bool:
    """Most of the row's cells start in lower case: a row begun on the page before."""
    starts = [stack[0].text[:1] for stack in row.cells if stack and stack[0].text]
    return sum(1 for c in starts if c.islower()) * 2 > len(starts)


def _touching(
    lines: list[Line], edge: float, table: PageTable, upwards: bool
) -> list[Line]:
    """Lines running on from ``edge`` with no gap wider than their leading,
    each within the table's width and straddling none of its column edges."""
    block: list[Line] = []
    last = edge
    for line in lines:
        height = line.bottom - line.top
        gap = (last - line.bottom) if upwards else (line.top - last)
        if gap > 0.8 * height or not _fits(line, table):
            break
        block.append(line)
        last = line.top if upwards else line.bottom
    return block


def _fits(line: Line, table: PageTable) -> bool:
    left, right = table.bbox[0], table.bbox[2]
    if line.x0 < left - 2 or line.x1 > right + 2:
        return False
    edges = [x0 for x0, _ in table.columns[1:]]
    return not any(straddles(w.x0, w.x1, edges, 2) for w in line.words)


def _same_columns(a: PageTable, b: PageTable, snap: float) -> bool:
    return len(a.columns) == len(b.columns) and all(
        abs(x[0] - y[0]) <= 2 * snap and abs(x[1] - y[1]) <= 2 * snap
        for x, y in zip(a.columns, b.columns, strict=True)
    )


def _gap_row(above: PageTable, bottom: float, words: list[Word]) -> PageRow | None:
    """The text between two bands, as a row, if it fills two columns or more."""
    top = above.bbox[3]
    gap = (above.bbox[0], top, above.bbox[2], bottom)
    return _gap_row_of(above, [w for w in words if centre_inside(w, gap)], top, bottom)


def _gap_row_of(
    table: PageTable, words: list[Word], top: float, bottom: float
) -> PageRow | None:
    """Words in the table's columns as one row, if they fill two columns or more."""
    cells: list[list[Word]] = [[] for _ in table.columns]
    for word in words:
        middle = (word.x0 + word.x1) / 2
        col = next((i for i, (a, b) in enumerate(table.columns) if a <= middle < b), -1)
        cells[col].append(word)
    if sum(1 for c in cells if c) < 2:
        return None
    stacks = [
        [Fragment(words_to_lines(c), (x0, top, x1, bottom), table.page, (i, i))]
        if c
        else []
        for i, (c, (x0, x1)) in enumerate(zip(cells, table.columns, strict=True))
    ]
    return PageRow(stacks, top, bottom)


def _join(above: PageTable, gap: PageRow, below: PageTable) -> PageTable:
    bbox = (
        min(above.bbox[0], below.bbox[0]),
        above.bbox[1],
        max(above.bbox[2], below.bbox[2]),
        below.bbox[3],
    )
    return PageTable(
        above.page, above.columns, above.rows + [gap] + below.rows, bbox, ruled=True
    )
