"""Page tables → one logical table: header found once, repeats dropped, rows
continued across page breaks joined, merged cells carried to every row.

A row fragment at the top of a page continues the row above when a reader
would say so: its first cell is empty, or its first cell and most of the
others start in lower case (a sentence going on). A missing top border is no
evidence: Chromium omits it at every page break, row continued or not.
Mid-page, only an empty first cell joins (a paragraph gap inside a cell of a
borderless table looks like a row gap).
"""

from collections.abc import Iterator
from dataclasses import dataclass

from extract.model import Fragment, PageRow, PageTable

_HEADER_MATCH = 0.8  # share of header cells a repeated header must reproduce


@dataclass
class Header:
    """The table's columns: leaf labels, group labels, x-spans on the first page."""

    labels: list[str]
    groups: list[str | None]
    spans: list[tuple[float, float]]


@dataclass
class LogicalRow:
    """One activity being assembled: per column, the fragments of its cell."""

    cells: list[list[Fragment]]
    section: str | None = None


def header_of(table: PageTable, first: int = 0) -> tuple[Header, int]:
    """The header of the first table and the index of the first row after it.

    Row ``first`` is the header; further leading rows printed in bold are
    header too (a sub-header row in a borderless table), unless they are one
    cell across the table: a section heading.
    """
    end = first + 1
    ncols = len(table.columns)
    while (
        end < len(table.rows) - 1
        and _bold(table.rows[end])
        and section_heading(table.rows[end].cells, ncols) is None
    ):
        end += 1
    labels: list[str] = []
    groups: list[str | None] = [None] * len(table.columns)
    for col, _ in enumerate(table.columns):
        stack = [f for row in table.rows[first:end] for f in row.cells[col]]
        for frag in stack:
            if frag.span[1] > frag.span[0] and len(stack) > 1:
                for c in range(frag.span[0], frag.span[1] + 1):
                    groups[c] = frag.text
        leaf = [f.text for f in stack if f.span[1] == f.span[0] or len(stack) == 1]
        labels.append(" ".join(t for t in leaf if t))
    for col, label in enumerate(labels):
        if not label and groups[col]:
            labels[col], groups[col] = groups[col] or "", None
    return Header(labels, groups, list(table.columns)), end


def _captions(table: PageTable) -> list[str]:
    """Rows of one cell across the table above its header: a title printed in
    the table ("Registre des traitements 2025"), not its header."""
    captions = []
    for row in table.rows[:-1]:
        heading = section_heading(row.cells, len(table.columns))
        if heading is None:
            break
        captions.append(heading)
    return captions


def _bold(row: PageRow) -> bool:
    lines = [ln for stack in row.cells for f in stack for ln in f.lines]
    return bool(lines) and all(ln.bold for ln in lines)


def column_map(table: PageTable, header: Header) -> list[int]:
    """For each column of a page table, the header column it falls under (x-overlap)."""
    result = []
    for x0, x1 in table.columns:
        overlaps = [min(x1, b) - max(x0, a) for a, b in header.spans]
        best = max(range(len(overlaps)), key=lambda i: overlaps[i])
        result.append(best)
    return result


def aligned(row: PageRow, mapping: list[int], width: int) -> list[list[Fragment]]:
    """A page row's stacks re-indexed onto the header's columns."""
    cells: list[list[Fragment]] = [[] for _ in range(width)]
    for col, stack in enumerate(row.cells):
        cells[mapping[col]].extend(stack)
    return cells


def is_repeated_header(cells: list[list[Fragment]], header: Header) -> bool:
    """A page's first row that reprints the header labels (groups allowed)."""
    texts = [squash(" ".join(f.text for f in stack)) for stack in cells]
    wanted = [
        squash(" ".join(filter(None, (g, lab))))
        for g, lab in zip(header.groups, header.labels, strict=True)
    ]
    hits = sum(
        1
        for t, w, lab in zip(texts, wanted, header.labels, strict=True)
        if t and (t == w or t == squash(lab))
    )
    return hits >= _HEADER_MATCH * sum(1 for w in wanted if w)


def without_header(cells: list[list[Fragment]], header: Header) -> list[list[Fragment]]:
    """What a reprinted header row holds below the labels (a row going on, unruled)."""
    result: list[list[Fragment]] = []
    for stack, group, label in zip(cells, header.groups, header.labels, strict=True):
        wanted = [squash(" ".join(filter(None, (group, label)))), squash(label)]
        kept: list[Fragment] = []
        seen = ""
        for frag in stack:
            lines = list(frag.lines)
            while lines and any(
                w.startswith(seen + squash(lines[0].text)) for w in wanted
            ):
                seen += squash(lines.pop(0).text)
            if lines:
                kept.append(
                    Fragment(lines, frag.bbox, frag.page, frag.span, frag.carried)
                )
        result.append(kept)
    return result


def squash(text: str) -> str:
    """Text with no white space, lower case: labels compared as printed."""
    return "".join(text.split()).lower()


def continues(
    cells: list[list[Fragment]],
    previous: LogicalRow | None,
    page_top: bool,
    ruled: bool,
) -> bool:
    """Whether a row fragment continues the row above rather than starting one.

    In a ruled table a row is cut only by a page break: mid-page, a ruled row
    whose first cell is blank is an activity of the group above, not a piece
    of it.
    """
    if previous is None or (ruled and not page_top):
        return False
    first = cells[0]
    first_text = " ".join(f.text for f in first).strip()
    if not first_text and not any(f.carried for f in first):
        return any(f.lines for stack in cells for f in stack)
    if not page_top:
        return False
    starts = [" ".join(f.text for f in stack).strip() for stack in cells]
    starts = [s for s in starts if s]
    lower = sum(1 for s in starts if _continues_sentence(s))
    # the first cell may open with a bracket ("(RAPO)") where the others go on
    # in lower case: only a capital there says "new activity"
    return bool(starts) and lower * 2 >= len(starts) and not first_text[:1].isupper()


def _continues_sentence(text: str) -> bool:
    head = text[:1]
    return head.islower() or head in ",;:)]»."


def tables_to_rows(tables: list[PageTable]) -> tuple[Header, list[LogicalRow]]:
    """Join every page table of a register into the rows of one logical table.

    Args:
        tables: the tables found, in page order; the first one carries the header.

    Returns:
        The header and the rows, each row's cells holding all its fragments; a
        section heading row ("Direction des ressources humaines", one cell
        across the table) is no row: it names the section of those below it.
    """
    captions = _captions(tables[0])
    header, skip = header_of(tables[0], len(captions))
    rows: list[LogicalRow] = []
    section: str | None = " ".join(captions) or None
    for cells, page_top, table in _body_rows(tables, header, skip, captions):
        heading = section_heading(cells, len(table.columns))
        previous = rows[-1] if rows else None
        if heading is not None:
            section = heading
        elif continues(cells, previous, page_top, table.ruled):
            assert previous is not None
            for col, stack in enumerate(cells):
                previous.cells[col].extend(f for f in stack if not f.carried)
        else:
            rows.append(LogicalRow(cells, section))
    return header, rows


def _body_rows(
    tables: list[PageTable], header: Header, skip: int, captions: list[str]
) -> Iterator[tuple[list[list[Fragment]], bool, PageTable]]:
    """Every body row on the header's columns, with whether it opens its page.

    A reprinted header (and a reprinted title row above it) is left out, but
    what is printed under its labels in the same unruled row is kept.
    """
    width = len(header.labels)
    for t_index, table in enumerate(tables):
        mapping = column_map(table, header)
        body = table.rows[skip:] if t_index == 0 else table.rows
        lead = 0
        while (
            t_index > 0
            and lead < len(body)
            and captions
            and section_heading(body[lead].cells, len(table.columns)) in captions
        ):
            lead += 1
        first = lead
        for r_index, row in enumerate(body[lead:], start=lead):
            cells = aligned(row, mapping, width)
            # reprinted at the top of a page, or mid-page where a second part
            # of the register starts with the same header
            if (r_index > lead or t_index > 0) and is_repeated_header(cells, header):
                first = r_index + 1 if r_index == lead else first
                cells = without_header(cells, header)
                if not any(f.lines for stack in cells for f in stack):
                    continue
            if not row.empty:
                yield cells, r_index <= first, table


def section_heading(cells: list[list[Fragment]], page_columns: int) -> str | None:
    """The text of a row that is one cell across (nearly) the whole table."""
    filled = [f for stack in cells for f in stack if f.lines]
    if len(filled) != 1 or page_columns < 3:
        return None
    frag = filled[0]
    spanned = frag.span[1] - frag.span[0] + 1
    return frag.text if spanned >= max(2, 0.75 * page_columns) else None
