"""More LibreOffice renderers: Word-like DOCX registers written with python-docx.

``render_centred``: a portrait "Table Grid" whose cells are vertically
centred, header row repeated (``w:tblHeader``), rows free to break across
pages, footnote markers set as superscript runs. ``render_signed``: a full
page of preamble, a page break, a grid ruled with horizontal lines only
(header repeated), then a right-aligned signature block ("Fait à …, le …")
and a running footer with the page number. Both go through ``soffice``.

In the source text the markers ``¹ ² ³`` and ``*`` are printed as superscript
runs: ``¹`` as a raised "1" (the PDF's text layer holds the digit), ``*`` as a
raised "*". The gold keeps the source text ("ARS¹").

Example: ``render_centred(load("hopital_register"), Path("h.pdf"), False)``.
"""

from __future__ import annotations

import re
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from lo import cell_margins, grid, shade
from soffice import convert

SUPER = {"¹": "1", "²": "2", "³": "3", "*": "*"}
_MARK = re.compile("([¹²³*])")


def add_runs(
    par, line: str, size: float, rgb: tuple[int, int, int], bold: bool
) -> None:
    """One line of text as runs, footnote markers raised as superscripts."""
    for piece in _MARK.split(line):
        if not piece:
            continue
        run = par.add_run(SUPER.get(piece, piece))
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.color.rgb = RGBColor(*rgb)
        run.font.superscript = piece in SUPER


def v_centre(cell) -> None:
    """Centre a cell's content vertically (Word's ``w:vAlign``)."""
    align = OxmlElement("w:vAlign")
    align.set(qn("w:val"), "center")
    cell._tc.get_or_add_tcPr().append(align)


def text_par(doc, text: str, size: float, bold: bool = False, align=None, after=3):
    """A body paragraph outside the table (markers raised as in cells)."""
    par = doc.add_paragraph()
    add_runs(par, text, size, (0, 0, 0), bold)
    par.paragraph_format.space_after = Pt(after)
    if align is not None:
        par.alignment = align
    return par


def portrait(doc, margin_mm: float, font: str) -> None:
    """A4 portrait page with equal margins and the document's body font."""
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.left_margin = sec.right_margin = Mm(margin_mm)
    sec.top_margin = sec.bottom_margin = Mm(margin_mm)
    doc.styles["Normal"].font.name = font


def build_centred(data: dict, path: Path, probe: bool) -> None:
    """Heading, vertically centred grid, footnotes (raised markers) and security."""
    reg = data["register"]
    doc = Document()
    portrait(doc, 16, "Liberation Serif")
    text_par(doc, reg["org_line"], 8)
    text_par(doc, reg["title"], 14, bold=True)
    text_par(doc, reg["intro"], 8.5, after=6)
    table = grid(doc, data, probe, (8.5, 8.5), 178, add_runs)
    for i, row in enumerate(table.rows):
        for cell in row.cells:
            v_centre(cell)
            if i == 0:
                shade(cell, "DEEAF6")
    cell_margins(table, 50)
    text_par(doc, "", 4)
    for note in reg.get("footnotes", []):
        text_par(doc, note, 7.5, after=1)
    if reg.get("security"):
        text_par(doc, reg["security"], 7.5)
    doc.save(path)


def render_centred(data: dict, out: Path, probe: bool) -> None:
    """DOCX (vertically centred grid) → PDF with headless LibreOffice."""
    convert(build_centred, "registre.docx", data, out, probe)


def rules_only(table) -> None:
    """Borders: top, bottom and between rows only (no vertical line)."""
    borders = OxmlElement("w:tblBorders")
    for side, size in (("top", 12), ("bottom", 12), ("insideH", 4)):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), str(size))
        el.set(qn("w:color"), "000000")
        borders.append(el)
    for side in ("left", "right", "insideV"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    table._tbl.tblPr.append(borders)


def page_footer(doc, text: str) -> None:
    """Running footer: ``text`` then the page number (a PAGE field)."""
    par = doc.sections[0].footer.paragraphs[0]
    run = par.add_run(f"{text} — page ")
    run.font.size = Pt(7.5)
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    num = OxmlElement("w:r")
    num_text = OxmlElement("w:t")
    num_text.text = "1"
    num.append(num_text)
    field.append(num)
    par._p.append(field)
    par.alignment = WD_ALIGN_PARAGRAPH.CENTER


def build_signed(data: dict, path: Path, probe: bool) -> None:
    """Preamble page, page break, rules-only grid, signature block, footer."""
    reg = data["register"]
    doc = Document()
    portrait(doc, 18, "Liberation Sans")
    page_footer(doc, reg["running_footer"])
    text_par(doc, reg["org_line"], 8.5)
    text_par(doc, reg["title"], 15, bold=True, after=8)
    text_par(doc, reg["intro"], 9.5, after=8)
    for text in reg["preamble"]:
        text_par(doc, text, 9.5, align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=6)
    doc.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
    table = grid(doc, data, probe, (9, 9), 174, add_runs)
    rules_only(table)
    for cell in table.rows[0].cells:
        shade(cell, "EDEDED")
    cell_margins(table, 60)
    text_par(doc, "", 6)
    for note in reg.get("footnotes", []):
        text_par(doc, note, 8, after=2)
    text_par(doc, "", 6)
    for line in reg["signature"]:
        text_par(doc, line, 9.5, align=WD_ALIGN_PARAGRAPH.RIGHT, after=2)
    doc.save(path)


def render_signed(data: dict, out: Path, probe: bool) -> None:
    """DOCX (preamble, grid, signature) → PDF with headless LibreOffice."""
    convert(build_signed, "registre.docx", data, out, probe)
