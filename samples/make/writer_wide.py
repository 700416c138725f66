"""LibreOffice renderer for a very wide register: 12 columns on landscape A4.

A DOCX (python-docx) whose grid fills the width of a landscape page in a
6.5 pt narrow typeface, its first row repeated on every page
(``w:tblHeader``), rows free to break across pages; converted by ``soffice``.
Grid and cell helpers come from ``lo``.

Example: ``render_twelve(load("tribunal_register"), Path("t.pdf"), False)``.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Mm
from lo import cell_margins, grid, paragraph, shade
from soffice import convert


def build_twelve(data: dict, path: Path, probe: bool) -> None:
    """Landscape heading block, 12-column grid (7 pt header, 6.5 pt cells), notes."""
    reg = data["register"]
    doc = Document()
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Mm(297), Mm(210)
    sec.left_margin = sec.right_margin = Mm(8)
    sec.top_margin = sec.bottom_margin = Mm(10)
    doc.styles["Normal"].font.name = "Liberation Sans Narrow"
    paragraph(doc, reg["org_line"], 7.5)
    paragraph(doc, reg["title"], 12, bold=True)
    paragraph(doc, reg["intro"], 7.5)
    table = grid(doc, data, probe, (7, 6.5), 281)
    for cell in table.rows[0].cells:
        shade(cell, "E2E2E2")
    cell_margins(table, 30)
    for note in reg.get("footnotes", []):
        paragraph(doc, note, 6.8)
    if reg.get("security"):
        paragraph(doc, reg["security"], 6.8)
    doc.save(path)


def render_twelve(data: dict, out: Path, probe: bool) -> None:
    """DOCX (12-column landscape grid) → PDF with headless LibreOffice."""
    convert(build_twelve, "registre.docx", data, out, probe)
