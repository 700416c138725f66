"""read_document(): the extract stage, chained in one readable place.

pages → characters and rules (reader) → words and lines → page tables (grid
or borderless) → one logical table (rows or fiches) → cell text re-flowed →
RawDocument with the text around the table. Only the page tables and the
lines outside them are kept per page, so memory stays flat in the page count.
"""

import importlib
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pypdfium2 as pdfium

from extract.borderless import find_borderless_table
from extract.cells import Vocabulary, join_lines, vocabulary
from extract.fiches import fiches_to_rows, is_fiche_layout
from extract.geometry import Line, Page, Word, centre_inside
from extract.grid import find_grid_tables
from extract.lexicon import word_list
from extract.lines import chars_to_words, words_to_lines
from extract.model import Fragment, PageRow, PageTable
from extract.open import open_pdf
from extract.reader import read_page
from extract.rows import Header, LogicalRow, tables_to_rows
from extract.settings import ExtractSettings
from schemas.issues import Issue
from schemas.raw import CellPart, RawCell, RawColumn, RawDocument, RawRow, TextLine

_CUT_ENDINGS = ("-", "\u2010", ",", "(", "[", "/")
_FULL = 0.85  # share of the column a cut word fills


@dataclass
class PageResult:
    """What one page leaves after analysis: its tables and the lines outside them."""

    number: int
    tables: list[PageTable]
    outside: list[Line]
    has_text: bool
    has_images: bool
    ocr: bool = False


def read_document(path: Path, settings: ExtractSettings | None = None) -> RawDocument:
    """Extract the register table of a PDF as one logical table.

    Args:
        path: the PDF file.
        settings: tolerances (defaults when None).

    Returns:
        RawDocument with columns, rows joined across pages, and surrounding text.

    Raises:
        PdfLoadError: the file is empty, not a PDF, encrypted or broken.

    Example: ``read_document(Path("samples/dns_register.pdf")).rows[0].cells[0].text``
    → ``"Appel à Projet – APP programme ESMS numérique"``.
    """
    settings = ExtractSettings.resolve(settings)
    pdf = open_pdf(path)
    try:
        pages = (_read(pdf, i, settings) for i in range(len(pdf)))
        results = list(_analyse(pages, settings))
    finally:
        pdf.close()
    return _document(path, results, settings)


def _ocr() -> ModuleType:
    """The OCR module, imported on first need: OpenCV and numpy weigh 30 MiB."""
    return importlib.import_module("extract.ocr")


def _read(pdf: pdfium.PdfDocument, index: int, settings: ExtractSettings) -> Page:
    """A page's geometry from its text layer, or from OCR when it has none.

    ``ocr="auto"`` reads a page by OCR only when it has no character and
    shows an image (a scan); ``"always"`` reads every page by OCR.
    """
    pdf_page = pdf[index]
    try:
        page = read_page(pdf_page, index + 1, settings.min_rule)
        wants = settings.ocr == "always" or (
            settings.ocr == "auto" and not page.chars and page.images > 0
        )
        if wants and _ocr().ocr_available():
            page = _ocr().ocr_page(pdf_page, index + 1)
            page.ocr = True
        return page
    finally:
        pdf_page.close()


def _analyse(pages: Iterable[Page], settings: ExtractSettings) -> Iterator[PageResult]:
    """Find each page's tables, one page at a time (memory stays flat).

    A page holding ruled tables gives them; a page with none is read for a
    borderless table until a ruled one has been seen: after that, its words
    are text around the table.
    """
    ruled = False
    known: list[float] | None = None
    for page in pages:
        words = chars_to_words(page.chars)
        tables = find_grid_tables(page.rules, words, page.number, settings.snap)
        ruled = ruled or bool(tables)
        if ruled:
            outside = words_to_lines(w for w in words if not _inside(w, tables))
        else:
            lines = words_to_lines(words)
            table = find_borderless_table(lines, page.number, page.rules, known)
            tables = [table] if table else []
            if known is None and table is not None:
                known = [x0 for x0, _ in table.columns]
            outside = table.outside if table else lines
        yield PageResult(
            page.number, tables, outside, bool(page.chars), page.images > 0, page.ocr
        )


def _inside(word: Word, tables: list[PageTable]) -> bool:
    return any(centre_inside(word, t.bbox) for t in tables)


def _page_issue(result: PageResult) -> Issue:
    """A page read by OCR (check its text), or one with no text at all."""
    if result.ocr:
        return Issue(
            code="page-ocr",
            stage="extract",
            page=result.number,
            message=f"page {result.number} has no text layer: read by OCR",
        )
    hint = (
        "" if _ocr().ocr_available() else " (install tesseract-ocr tesseract-ocr-fra)"
    )
    return Issue(
        code="page-no-text",
        stage="extract",
        page=result.number,
        message=f"page {result.number} has no text layer (a scan?); it needs OCR{hint}",
    )


def _document(
    path: Path, results: list[PageResult], settings: ExtractSettings
) -> RawDocument:
    """Assemble the pages' tables into one logical table, with the text around it."""
    _set_aside_other_tables(results)
    tables = [t for r in results for t in r.tables]
    issues = [_page_issue(r) for r in results if r.ocr or not r.has_text]
    preamble, trailer = _around(results)
    layout, columns, rows = "none", [], []
    if tables:
        fiche = is_fiche_layout(tables)
        header, logical = fiches_to_rows(tables) if fiche else tables_to_rows(tables)
        layout = "fiche" if fiche else ("grid" if tables[0].ruled else "borderless")
        vocab = Vocabulary(_vocabulary(tables), word_list(settings.language))
        columns = _columns(header)
        rows = _raw_rows(logical, vocab, [c.header for c in columns])
    else:
        message = "no table found on any page"
        issues.append(Issue(code="no-table-found", stage="extract", message=message))
    return RawDocument(
        file=path.name,
        page_count=len(results),
        layout=layout,
        columns=columns,
        rows=rows,
        preamble=preamble,
        trailer=trailer,
        issues=issues,
    )


def _set_aside_other_tables(results: list[PageResult]) -> None:
    """Keep the register's tables; a table of another shape beside them is text.

    The register is the shape (column count) holding the most rows. A table
    of another shape on a page that also holds the register (the body's
    details above the register, a signature box under it) gives its lines to
    the text around the table. Alone on its page it stays: a page whose
    ruling came out differently is still the register.
    """
    rows: Counter[int] = Counter()
    for table in (t for r in results for t in r.tables):
        rows[len(table.columns)] += len(table.rows)
    if len(rows) < 2:
        return
    main = max(rows, key=lambda n: (rows[n], n))
    for result in results:
        if not any(len(t.columns) == main for t in result.tables):
            continue
        others = [t for t in result.tables if len(t.columns) != main]
        if others:
            result.tables = [t for t in result.tables if len(t.columns) == main]
            aside = [_row_line(row) for t in others for row in t.rows]
            lines = result.outside + [ln for ln in aside if ln is not None]
            result.outside = sorted(lines, key=lambda ln: (ln.top, ln.x0))


def _row_line(row: PageRow) -> Line | None:
    """A row of a table set aside, as one line: "Délégué : Centre de gestion"."""
    words = []
    for stack in row.cells:
        lines = [ln for f in stack for ln in f.lines]
        if lines:
            text = join_lines([ln.text for ln in lines], set())
            x0, top = min(ln.x0 for ln in lines), min(ln.top for ln in lines)
            x1, bottom = max(ln.x1 for ln in lines), max(ln.bottom for ln in lines)
            words.append(Word(text, x0, top, x1, bottom, lines[0].size, False))
    if not words:
        return None
    words = [w for pair in zip(words, _colons(words), strict=True) for w in pair][:-1]
    top, bottom = min(w.top for w in words), max(w.bottom for w in words)
    return Line(words, words[0].x0, top, max(w.x1 for w in words), bottom)


def _colons(words: list[Word]) -> list[Word]:
    return [Word(":", w.x1, w.top, w.x1, w.bottom, w.size, False) for w in words]


def _vocabulary(tables: list[PageTable]) -> set[str]:
    """The words printed in the tables, for deciding line-end breaks."""
    return vocabulary(
        ln.text
        for t in tables
        for row in t.rows
        for stack in row.cells
        for f in stack
        for ln in f.lines
    )


def _columns(header: Header) -> list[RawColumn]:
    return [
        RawColumn(header=label or f"Colonne {i + 1}", group=group, x0=x0, x1=x1)
        for i, (label, group, (x0, x1)) in enumerate(
            zip(header.labels, header.groups, header.spans, strict=True)
        )
    ]


def _raw_rows(
    rows: list[LogicalRow], vocab: Vocabulary, headers: list[str]
) -> list[RawRow]:
    """Re-flow every cell; a carried merged cell takes the value of the row above.

    A cell ending in a hyphen, a comma or an open bracket gets a
    ``cell-looks-cut`` issue: a reader would look for the rest.
    """
    result: list[RawRow] = []
    for row in rows:
        cells = []
        for col, stack in enumerate(row.cells):
            own = [f for f in stack if not f.carried]
            if (
                not any(f.lines for f in own)
                and any(f.carried for f in stack)
                and result
            ):
                cells.append(result[-1].cells[col].model_copy(update={"parts": []}))
                continue
            cells.append(_cell(own, vocab))
        pages = sorted({p.page for c in cells for p in c.parts})
        issues = [
            _cut_issue(c, headers[col])
            for col, c in enumerate(cells)
            if c.parts and c.text.endswith(_CUT_ENDINGS)
        ]
        result.append(
            RawRow(cells=cells, pages=pages, section=row.section, issues=issues)
        )
    return result


def _cut_issue(cell: RawCell, header: str) -> Issue:
    """A cell that ends as no text ends: was the rest lost at a page break?"""
    return Issue(
        code="cell-looks-cut",
        stage="extract",
        page=cell.parts[-1].page,
        column=header,
        text=cell.text[-60:],
        message=f"the cell {header!r} ends with {cell.text[-20:]!r}: is it whole?",
    )


def _cell(fragments: list[Fragment], vocab: Vocabulary) -> RawCell:
    lines = [ln.text for f in fragments for ln in f.lines]
    full = [flag for f in fragments for flag in _full(f)]
    ends = [flag for f in fragments for flag in _paragraph_ends(f)]
    parts = [
        CellPart(page=f.page, bbox=tuple(round(v, 2) for v in f.bbox))
        for f in fragments
        if f.lines
    ]
    text = join_lines(lines, vocab, frozenset(i for i, f in enumerate(full) if f))
    paragraphs = []
    start = 0
    for i, end in enumerate(ends):
        if end or i == len(ends) - 1:
            cut = frozenset(j - start for j in range(start, i + 1) if full[j])
            paragraphs.append(join_lines(lines[start : i + 1], vocab, cut))
            start = i + 1
    return RawCell(
        text=text,
        lines=lines,
        parts=parts,
        paragraphs=paragraphs if len(paragraphs) > 1 else [],
    )


def _text_right(fragment: Fragment) -> float:
    """Where the cell's text may run to: its right edge less the padding seen
    on the left (cells are padded alike on both sides)."""
    pad = max(0.0, min(ln.x0 for ln in fragment.lines) - fragment.bbox[0])
    return fragment.bbox[2] - pad


def _paragraph_ends(fragment: Fragment) -> list[bool]:
    """Per line: does a paragraph end there? Yes when the next line's first word
    would have fitted after it (the break was the author's, not the column's),
    or when the line closes with "." or ")" and the next opens with a capital."""
    lines = fragment.lines
    if not lines:
        return []
    right = _text_right(fragment)
    ends = []
    for line, nxt in zip(lines, lines[1:], strict=False):
        word = nxt.words[0]
        # a margin of 1.5 em: "pilotage ;" is one unit when a no-break space
        # binds the semicolon, as French typography does
        fitted = right - line.x1 > (word.x1 - word.x0) + 1.5 * line.size
        # "… de santé (ARS)" / "Agence du …": a closed item, then a new one
        closed = line.text.endswith((".", ")")) and word.text[:1].isupper()
        ends.append(fitted or closed)
    return ends + [False]


def _full(fragment: Fragment) -> list[bool]:
    """Per line: does it fill the column, as a line ending in a cut word does?

    A layout engine cuts a word with no hyphen when what is left of the line
    cannot hold it: the line then runs to within a letter of the column's
    edge (one long word alone, or words then the cut piece).
    """
    lines = fragment.lines
    if not lines:
        return []
    right = _text_right(fragment)
    room = right - min(ln.x0 for ln in lines)
    return [
        (len(ln.words) == 1 and ln.x1 - ln.x0 >= _FULL * room)
        or ln.x1 - ln.x0 >= room - 0.8 * ln.size
        for ln in lines
    ]


def _around(results: list[PageResult]) -> tuple[list[TextLine], list[TextLine]]:
    """Lines outside the table: above it on its first page, and all the rest.

    A line whose text, digits aside, recurs on several pages is a running
    header or footer: flagged ``margin`` and kept once.
    """
    counts = Counter(
        key for r in results for key in {_mask(ln.text) for ln in r.outside}
    )
    repeat = max(2, (len(results) + 1) // 2)
    first = next((r for r in results if r.tables), None)
    table_top = min(t.bbox[1] for t in first.tables) if first else float("inf")
    preamble: list[TextLine] = []
    trailer: list[TextLine] = []
    seen: set[str] = set()
    for r in results:
        for line in r.outside:
            key = _mask(line.text)
            margin = counts[key] >= repeat and len(results) > 1
            if margin and key in seen:
                continue
            seen.add(key)
            before = (
                first is None
                or r.number < first.number
                or (r.number == first.number and line.bottom <= table_top + 1)
            )
            (preamble if before else trailer).append(_text_line(line, r.number, margin))
    return preamble, trailer


def _mask(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split()).lower())


def _text_line(line: Line, page: int, margin: bool) -> TextLine:
    return TextLine(
        text=line.text,
        page=page,
        bbox=(
            round(line.x0, 2),
            round(line.top, 2),
            round(line.x1, 2),
            round(line.bottom, 2),
        ),
        size=round(line.size, 2),
        bold=line.bold,
        margin=margin,
    )
