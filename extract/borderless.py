"""Borderless tables: columns from the text's alignment, rows from whitespace.

With no ruling, a column is where many lines start segments at the same x,
and a row ends where a band of vertical whitespace, taller than the leading
between the lines of a cell, crosses the whole table.
"""

from statistics import median

from extract.cluster import cluster_values, merge_intervals
from extract.geometry import Line, Rule, Word, straddles
from extract.lines import split_line, words_to_lines
from extract.model import Fragment, PageRow, PageTable

_GUTTER = 0.5  # of the font size: a wider gap between words separates columns
_MIN_SUPPORT = 0.15  # share of table lines a column start must be seen on
_ALIGNED = 0.5  # share of multi-segment lines whose segments all start on columns
_ROW_GAP = 0.6  # of the line height: extra whitespace that ends a row


def find_borderless_table(
    lines: list[Line], page: int, rules: list[Rule], known: list[float] | None = None
) -> PageTable | None:
    """The borderless table of a page, if lines align into two or more columns.

    Args:
        lines: the page's text lines, top to bottom.
        page: 1-based page number.
        rules: horizontal rules of the page (a table ruled between rows only).
        known: column starts of the table on an earlier page: a page without
            the header may have too few lines to show a narrow column.

    Returns:
        The table, or None when no column structure is seen.
    """
    if not lines:
        return None
    size = median(line.size for line in lines)
    pieces = [split_line(line, _GUTTER * size) for line in lines]
    starts = _column_starts(pieces, size)
    if known and starts:
        starts = _merged(sorted(starts + known), size)
    if len(starts) < 2:
        return None
    fits = [_fits(line, starts, size) for line in lines]
    first, last = _table_span(pieces, fits, lines)
    if first is None or last is None:
        return None
    head = first
    while head > 0 and first - head < 3 and len(pieces[head - 1]) > 1:
        head -= 1  # header lines whose centred labels overhang the column starts
    edges = _edges(lines[head : last + 1], starts, size)
    fits = [_fits(line, edges, size) for line in lines]
    first, last = _table_span(pieces, fits, lines)
    if first is None or last is None:
        return None
    return _table(lines, first, last, edges, rules, page, size)


def _edges(lines: list[Line], starts: list[float], size: float) -> list[float]:
    """Left edge of each column: the middle of the whitespace before its start.

    A column of centred or right-aligned values ("Oui", "Non", "N°") starts
    further right than its header; the gap that no word of the table crosses
    tells where the column really begins.
    """
    covered = merge_intervals(((w.x0, w.x1) for ln in lines for w in ln.words), 0.0)
    gaps = [(a[1], b[0]) for a, b in zip(covered, covered[1:], strict=False)]
    edges = [min(starts[0], covered[0][0])]
    for prev, start in zip(starts, starts[1:], strict=False):
        inside = [g for g in gaps if prev < g[0] and g[0] < start + size * 0.3]
        edges.append((inside[-1][0] + inside[-1][1]) / 2 if inside else start)
    return edges


def _table(
    lines: list[Line],
    first: int,
    last: int,
    starts: list[float],
    rules: list[Rule],
    page: int,
    size: float,
) -> PageTable:
    """The table made of ``lines[first:last + 1]``, group labels above included."""
    x1 = max(line.x1 for line in lines[first : last + 1])
    bounds = starts + [x1 + 1]
    columns = list(zip(bounds, bounds[1:], strict=False))
    if first < last and _group_labels(lines[first], columns, size) is not None:
        first += 1  # group labels go over the header, not in a row of their own
    table_lines = lines[first : last + 1]
    separators = _row_separators(table_lines, rules, (starts[0], x1))
    headings = [ln for ln in table_lines if not _fits(ln, starts, size)]
    for line in headings:  # a section row is a row of its own
        separators += [line.top - 0.01, line.bottom + 0.01]
    rows = _rows(table_lines, starts, sorted(separators), page, size, headings)
    if (
        first > 0
        and rows
        and _add_groups(lines[first - 1], rows[0], columns, size, page)
    ):
        first -= 1
    bbox = (starts[0], lines[first].top, x1, table_lines[-1].bottom)
    table = PageTable(page, columns, rows, bbox, ruled=False)
    table.outside = lines[:first] + lines[last + 1 :]
    return table


def _group_labels(
    line: Line, columns: list[tuple[float, float]], size: float
) -> list[tuple[Line, list[int]]] | None:
    """The line's labels with the columns each is centred over, if it is a
    line of group labels: every label centred over two or more columns."""
    labels = []
    for seg in split_line(line, _GUTTER * size):
        span = _centred_span(seg, columns)
        if span is None:
            return None
        labels.append((seg, span))
    return labels


def _centred_span(seg: Line, columns: list[tuple[float, float]]) -> list[int] | None:
    """The run of two or more columns a label is centred over and narrower than.

    A label may not reach its outer columns ("Données" over "Catégories" and
    "Personnes concernées"), so the run is chosen by its middle, not by overlap.
    """
    touched = [i for i, (a, b) in enumerate(columns) if min(b, seg.x1) > max(a, seg.x0)]
    if not touched:
        return None
    middle = (seg.x0 + seg.x1) / 2
    if len(touched) == 1:  # inside one column: a header line, unless off to one side
        left, right = columns[touched[0]]
        width = right - left
        if (
            seg.x0 - left < 0.25 * width
            or abs(middle - (left + right) / 2) < 0.25 * width
        ):
            return None
    best: tuple[float, list[int]] | None = None
    for i in range(0, touched[0] + 1):
        for j in range(max(touched[-1], i + 1), len(columns)):
            left, right = columns[i][0], columns[j][1]
            off = abs(middle - (left + right) / 2)
            fits = off <= 0.15 * (right - left) and seg.x1 - seg.x0 <= 0.75 * (
                right - left
            )
            if fits and (best is None or off < best[0]):
                best = (off, list(range(i, j + 1)))
    return best[1] if best else None


def _add_groups(
    line: Line,
    header: PageRow,
    columns: list[tuple[float, float]],
    size: float,
    page: int,
) -> bool:
    """Group labels printed just above the header, each over the columns it spans.

    Returns whether ``line`` was such a line: close above the header, inside
    the table's width, and every label centred over two or more columns (a
    sentence of the preamble runs from the left and fills its width).
    """
    if header.top - line.bottom > 1.5 * (line.bottom - line.top):
        return False
    if line.x0 < columns[0][0] - size or line.x1 > columns[-1][1] + size:
        return False
    labels = _group_labels(line, columns, size)
    if labels is None:
        return False
    for seg, covered in labels:
        box = (seg.x0, seg.top, seg.x1, seg.bottom)
        frag = Fragment([seg], box, page, (covered[0], covered[-1]))
        header.cells[covered[0]].insert(0, frag)
    header.top = line.top
    return True


def _column_starts(pieces: list[list[Line]], size: float) -> list[float]:
    """x of each column: segment starts seen on many multi-segment lines.

    Two close starts are one column when no line starts a segment at both
    (an indented continuation under a bullet); when one line does, they are
    two columns however narrow the gutter (a right-aligned "N°" column).
    """
    multi = [segs for segs in pieces if len(segs) > 1]
    if len(multi) < 2:
        return []
    tol = size * 0.3
    xs = [seg.x0 for segs in multi for seg in segs]
    clusters = cluster_values(xs, tol)
    support = {c: sum(1 for x in xs if abs(x - c) <= tol) for c in clusters}
    strong = [c for c in clusters if support[c] >= max(2, _MIN_SUPPORT * len(multi))]
    aligned = sum(
        1
        for segs in multi
        if all(any(abs(g.x0 - c) <= tol for c in strong) for g in segs)
    )
    if aligned < _ALIGNED * len(multi):  # justified prose: its gaps fall anywhere
        return []
    together = {
        (a, b)
        for segs in multi
        for a in strong
        for b in strong
        if a < b
        and any(abs(s.x0 - a) <= tol for s in segs)
        and any(abs(s.x0 - b) <= tol for s in segs)
    }
    merged: list[float] = []
    for x in strong:
        if merged and x - merged[-1] <= 1.5 * size and (merged[-1], x) not in together:
            continue
        merged.append(x)
    return merged


def _merged(starts: list[float], size: float) -> list[float]:
    """Starts closer than 1.5 em are one column (an indented bullet continuation)."""
    merged: list[float] = []
    for x in starts:
        if not merged or x - merged[-1] > 1.5 * size:
            merged.append(x)
    return merged


def _fits(line: Line, starts: list[float], size: float) -> bool:
    """No run of words of the line straddles a column edge.

    Words closer than the gutter are one run: a heading, a paragraph or a page
    footer runs across columns, a table line never does.
    """
    tol = size * 0.3
    if line.x0 < starts[0] - tol:
        return False
    return not any(
        straddles(seg.x0, seg.x1, starts[1:], tol)
        for seg in split_line(line, _GUTTER * size)
    )


def _table_span(
    pieces: list[list[Line]], fits: list[bool], lines: list[Line]
) -> tuple[int | None, int | None]:
    """First and last line of the longest run of fitting lines holding the columns."""
    best: tuple[int | None, int | None] = (None, None)
    best_multi = 0
    i = 0
    while i < len(lines):
        if not fits[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(lines) and _close(lines[j], lines[j + 1]):
            if fits[j + 1]:
                j += 1
            elif _heading_at(j + 1, pieces, fits, lines):
                j += 2
            else:
                break
        multi = sum(1 for k in range(i, j + 1) if len(pieces[k]) > 1)
        if multi > best_multi:
            best, best_multi = (i, j), multi
        i = j + 1
    return best


def _close(above: Line, below: Line) -> bool:
    return below.top - above.bottom < 4 * (above.bottom - above.top)


def _heading_at(
    k: int, pieces: list[list[Line]], fits: list[bool], lines: list[Line]
) -> bool:
    """A lone line across columns, then a row starting: a section row.

    Unlike a paragraph after the table, a heading is short or bold, and the
    line after it opens a row with several cells.
    """
    if len(pieces[k]) != 1 or k + 1 >= len(lines):
        return False
    line, after = lines[k], lines[k + 1]
    width = max(ln.x1 for ln in lines) - min(ln.x0 for ln in lines)
    short = line.bold or (line.x1 - line.x0) < 0.6 * width
    return short and fits[k + 1] and len(pieces[k + 1]) > 1 and _close(line, after)


def _row_separators(
    lines: list[Line], rules: list[Rule], xspan: tuple[float, float]
) -> list[float]:
    """y positions that end a row: rules across the table, and wide whitespace.

    A rule drawn cell by cell is many short segments at one height: their
    union must cross most of the table.
    """
    width = xspan[1] - xspan[0]
    inside = [
        r
        for r in rules
        if r.horizontal and lines[0].top - 2 < r.top < lines[-1].bottom + 2
    ]
    ruled = []
    for y in cluster_values([r.top for r in inside], 2.0):
        spans = merge_intervals(
            ((r.x0, r.x1) for r in inside if abs(r.top - y) <= 2.0), 2.0
        )
        if sum(b - a for a, b in spans) > 0.6 * width:
            ruled.append(y)
    gaps = [b.top - a.bottom for a, b in zip(lines, lines[1:], strict=False)]
    if not gaps:
        return ruled
    height = median(line.bottom - line.top for line in lines)
    usual = median(gaps)
    # both: a table may be ruled under its header only (booktabs), its rows
    # then parted by whitespace alone
    return sorted(
        ruled
        + [
            (a.bottom + b.top) / 2
            for a, b, g in zip(lines, lines[1:], gaps, strict=False)
            if g > usual + _ROW_GAP * height
        ]
    )


def _rows(
    lines: list[Line],
    starts: list[float],
    separators: list[float],
    page: int,
    size: float,
    headings: list[Line],
) -> list[PageRow]:
    """Words into cells: row by the separators, column by where each word starts.

    A section heading line is one cell across every column.
    """
    bands: list[list[list[Word]]] = [
        [[] for _ in starts] for _ in range(len(separators) + 1)
    ]
    spanning: dict[int, Line] = {}
    for line in lines:
        band = sum(1 for y in separators if y < line.top)
        if any(line is h for h in headings):
            spanning[band] = line
            continue
        for word in line.words:
            col = max(
                (i for i, x in enumerate(starts) if x <= word.x0 + size * 0.3),
                default=0,
            )
            bands[band][col].append(word)
    rows = []
    for band, cells in enumerate(bands):
        if band in spanning:
            line = spanning[band]
            frag = Fragment(
                [line],
                (line.x0, line.top, line.x1, line.bottom),
                page,
                (0, len(starts) - 1),
            )
            stacks: list[list[Fragment]] = [[frag]] + [[] for _ in starts[1:]]
            rows.append(PageRow(stacks, line.top, line.bottom))
            continue
        if not any(cells):
            continue
        stacks = [
            [_fragment(words, col, page)] if words else []
            for col, words in enumerate(cells)
        ]
        top = min(w.top for words in cells for w in words)
        bottom = max(w.bottom for words in cells for w in words)
        rows.append(PageRow(stacks, top, bottom))
    return rows


def _fragment(words: list[Word], col: int, page: int) -> Fragment:
    lines = words_to_lines(words)
    bbox = (
        min(w.x0 for w in words),
        min(w.top for w in words),
        max(w.x1 for w in words),
        max(w.bottom for w in words),
    )
    return Fragment(lines, bbox, page, (col, col))
