"""LibreOffice renderer: a DOCX written with python-docx, converted by ``soffice``.

``render_wide`` writes a landscape 10-column grid in a tiny font whose first
row is marked as a repeated header row (Word's "repeat as header row",
``w:tblHeader``); LibreOffice lets rows break across pages. ``grid`` and the
cell helpers serve ``writer`` too. Dates are pinned afterwards (``soffice``)
so that a rebuild gives the same file.

Example: ``render_wide(load("cdg_register"), Path("cdg.pdf"), False)``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from common import probe_rgb
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from soffice import convert

Runs = Callable[[Any, str, float, tuple[int, int, int], bool], None]


def plain_run(
    par, line: str, size: float, rgb: tuple[int, int, int], bold: bool
) -> None:
    """One line of text as a single run."""
    run = par.add_run(line)
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.color.rgb = RGBColor(*rgb)


def add_text(
    cell,
    text: str,
    size: float,
    rgb: tuple[int, int, int],
    bold: bool = False,
    runs: Runs = plain_run,
) -> None:
    """Fill a cell: one paragraph per source line (set by ``runs``), tight spacing."""
    lines = text.split("\n")
    paras = [cell.paragraphs[0]] + [cell.add_paragraph() for _ in lines[1:]]
    for par, line in zip(paras, lines, strict=True):
        par.paragraph_format.space_after = Pt(0)
        par.paragraph_format.space_before = Pt(0)
        runs(par, line, size, rgb, bold)


def repeat_header(row) -> None:
    """Mark a table row as a header row repeated on each page."""
    props = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    props.append(flag)


def shade(cell, fill: str) -> None:
    """Background colour of a cell (hex, e.g. ``D9E2F3``)."""
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


def cell_margins(table, twips: int) -> None:
    """Top and bottom padding of every cell (twentieths of a point)."""
    mar = OxmlElement("w:tblCellMar")
    for side in ("top", "bottom"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(twips))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    table._tbl.tblPr.append(mar)


def paragraph(doc, text: str, size: float, bold: bool = False) -> None:
    """A body paragraph outside the table."""
    par = doc.add_paragraph()
    run = par.add_run(text)
    run.font.size = Pt(size)
    run.font.bold = bold
    par.paragraph_format.space_after = Pt(3)


def grid(
    doc,
    data: dict,
    probe: bool,
    sizes: tuple[float, float],
    width_mm: float,
    runs: Runs = plain_run,
):
    """The register table: header row (repeated), one row per activity.

    ``sizes`` are the header's and the cells' font sizes; column widths are
    proportional to each column's ``width``, ``width_mm`` in all.
    """
    cols = data["register"]["columns"]
    table = doc.add_table(rows=1, cols=len(cols))
    table.style = "Table Grid"
    for cell, col in zip(table.rows[0].cells, cols, strict=True):
        add_text(cell, col["label"], sizes[0], (0, 0, 0), True, runs)
    repeat_header(table.rows[0])
    for i, act in enumerate(data["activity"]):
        row = table.add_row()
        for cell, col in zip(row.cells, cols, strict=True):
            add_text(
                cell, act.get(col["key"], ""), sizes[1], probe_rgb(i, probe), runs=runs
            )
    # LibreOffice lays out from the grid columns (w:gridCol), Word from the
    # cells: set both.
    table.autofit = False
    weight = sum(c["width"] for c in cols)
    for column, col in zip(table.columns, cols, strict=True):
        column.width = Mm(width_mm * col["width"] / weight)
    for row in table.rows:
        for cell, col in zip(row.cells, cols, strict=True):
            cell.width = Mm(width_mm * col["width"] / weight)
    return table


@dataclass(frozen=True)
class WideLook:
    """What sets two landscape Word registers apart: margins, type, shading."""

    font: str
    side_mm: int
    top_mm: int
    title_pt: float
    sizes: tuple[float, float]  # header and cell text
    width_mm: int
    shade: str
    margin_twips: int
    note_pt: float


CDG_LOOK = WideLook("Liberation Sans", 10, 12, 13, (6.8, 6.6), 277, "D9E2F3", 40, 7)


def landscape_docx(data: dict, path: Path, probe: bool, look: WideLook) -> None:
    """Write a register as a landscape DOCX: heading block, grid, notes."""
    reg = data["register"]
    doc = Document()
    sec = doc.sections[0]
    sec.orientation, sec.page_width, sec.page_height = (
        WD_ORIENT.LANDSCAPE,
        Mm(297),
        Mm(210),
    )
    sec.left_margin = sec.right_margin = Mm(look.side_mm)
    sec.top_margin = sec.bottom_margin = Mm(look.top_mm)
    doc.styles["Normal"].font.name = look.font
    paragraph(doc, reg["org_line"], 7.5)
    paragraph(doc, reg["title"], look.title_pt, bold=True)
    paragraph(doc, reg["intro"], 7.5)
    table = grid(doc, data, probe, look.sizes, look.width_mm)
    for cell in table.rows[0].cells:
        shade(cell, look.shade)
    cell_margins(table, look.margin_twips)
    for note in reg.get("footnotes", []):
        paragraph(doc, note, look.note_pt)
    if reg.get("security"):
        paragraph(doc, reg["security"], look.note_pt)
    doc.save(path)


def build_docx(data: dict, path: Path, probe: bool) -> None:
    """Write the register as a DOCX file."""
    landscape_docx(data, path, probe, CDG_LOOK)


def render_wide(data: dict, out: Path, probe: bool) -> None:
    """DOCX → PDF with headless LibreOffice."""
    convert(build_docx, "register.docx", data, out, probe)
