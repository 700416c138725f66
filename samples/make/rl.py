"""reportlab renderers: ruled grid, borderless table, key/value fiches, preamble grid.

Each ``render_*`` takes the register data, the output path and ``probe``
(colour-code activities, see ``common``) and writes one PDF. ``invariant=1``
keeps reportlab's output byte-stable (no clock date, fixed document id).

Example: ``render_grid(load("chu_register"), Path("chu.pdf"), False)``.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from common import probe_rgb
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

DEJAVU = "/usr/share/fonts/truetype/dejavu/"
LIB = "/usr/share/fonts/truetype/liberation/"
_FONTS = {
    "DejaVuSans": DEJAVU + "DejaVuSans.ttf",
    "DejaVuSans-Bold": DEJAVU + "DejaVuSans-Bold.ttf",
    "LiberationSerif": LIB + "LiberationSerif-Regular.ttf",
    "LiberationSerif-Bold": LIB + "LiberationSerif-Bold.ttf",
    "LiberationSansNarrow": LIB + "LiberationSansNarrow-Regular.ttf",
    "LiberationSansNarrow-Bold": LIB + "LiberationSansNarrow-Bold.ttf",
}
for _name, _path in _FONTS.items():
    pdfmetrics.registerFont(TTFont(_name, _path))


def style(
    font: str, size: float, index: int | None = None, probe: bool = False, **kw: object
) -> ParagraphStyle:
    """A paragraph style; lines may break at soft and real hyphens."""
    r, g, b = probe_rgb(index, probe)
    return ParagraphStyle(
        f"s{font}{size}{index}",
        fontName=font,
        fontSize=size,
        leading=size * 1.22,
        textColor=colors.Color(r / 255, g / 255, b / 255),
        embeddedHyphenation=1,
        splitLongWords=0,
        **kw,
    )


def para(text: str, st: ParagraphStyle) -> Paragraph:
    """A cell paragraph; ``\\n`` in the source is a printed line break."""
    return Paragraph("<br/>".join(escape(line) for line in text.split("\n")), st)


def heading(reg: dict, font: str, bold: str, size: float) -> list:
    """Organisation line, title, rights-contact line."""
    return [
        para(reg["org_line"], style(font, size - 0.5)),
        Spacer(1, 3),
        para(reg["title"], style(bold, size + 6)),
        Spacer(1, 4),
        para(reg["intro"], style(font, size)),
        Spacer(1, 8),
    ]


def tail(reg: dict, font: str, size: float) -> list:
    """Footnotes and security paragraph printed after the table."""
    out: list = [Spacer(1, 8)]
    for note in reg.get("footnotes", []):
        out += [para(note, style(font, size)), Spacer(1, 3)]
    if reg.get("security"):
        out.append(para(reg["security"], style(font, size)))
    return out


def table_rows(
    data: dict, font: str, bold: str, size: float, probe: bool
) -> list[list[Paragraph]]:
    """Header row then one row per activity, columns in the register's order."""
    cols = data["register"]["columns"]
    rows = [[para(c["label"], style(bold, size)) for c in cols]]
    for i, act in enumerate(data["activity"]):
        st = style(font, size, i, probe)
        rows.append([para(act.get(c["key"], ""), st) for c in cols])
    return rows


def widths(cols: list[dict], total: float) -> list[float]:
    """Column widths proportional to each column's ``width``."""
    weight = sum(c["width"] for c in cols)
    return [total * c["width"] / weight for c in cols]


def render_grid(data: dict, out: Path, probe: bool) -> None:
    """Portrait ruled grid, header repeated, rows split inside their cells."""
    reg = data["register"]
    doc = SimpleDocTemplate(
        str(out),
        pagesize=A4,
        leftMargin=14 * mm,
        rightMargin=14 * mm,
        topMargin=14 * mm,
        bottomMargin=14 * mm,
        invariant=1,
        title=reg["title"],
    )
    table = Table(
        table_rows(data, "Helvetica", "Helvetica-Bold", 7.5, probe),
        colWidths=widths(reg["columns"], doc.width),
        repeatRows=1,
        splitByRow=0,
        splitInRow=24,
    )
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.85, 0.88, 0.93)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    doc.build(
        heading(reg, "Helvetica", "Helvetica-Bold", 8.5)
        + [table]
        + tail(reg, "Helvetica", 7.5)
    )


def render_borderless(data: dict, out: Path, probe: bool) -> None:
    """Landscape table without any rule, header printed once, narrow columns."""
    reg = data["register"]
    doc = SimpleDocTemplate(
        str(out),
        pagesize=landscape(A4),
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=12 * mm,
        bottomMargin=12 * mm,
        invariant=1,
        title=reg["title"],
    )
    table = Table(
        table_rows(data, "DejaVuSans", "DejaVuSans-Bold", 7.6, probe),
        colWidths=widths(reg["columns"], doc.width),
        repeatRows=0,
        splitByRow=0,
        splitInRow=24,
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 9),
            ]
        )
    )
    doc.build(
        heading(reg, "DejaVuSans", "DejaVuSans-Bold", 8)
        + [table]
        + tail(reg, "DejaVuSans", 7)
    )


def fiche(data: dict, i: int, probe: bool, width: float) -> list:
    """One activity as a label | value table under a small heading."""
    reg = data["register"]
    act = data["activity"][i]
    st = style("LiberationSerif", 9, i, probe)
    lab = style("LiberationSerif-Bold", 9, i, probe)
    rows = [
        [para(c["label"], lab), para(act[c["key"]], st)]
        for c in reg["columns"]
        if act.get(c["key"])
    ]
    table = Table(
        rows, colWidths=[width * 0.27, width * 0.73], splitByRow=0, splitInRow=24
    )
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.Color(0.35, 0.35, 0.35)),
                ("BACKGROUND", (0, 0), (0, -1), colors.Color(0.92, 0.92, 0.92)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    head = para(
        f"Fiche {i + 1} / {len(data['activity'])}", style("LiberationSerif-Bold", 10)
    )
    return [KeepTogether([head, Spacer(1, 3)]), table, Spacer(1, 12)]


def render_fiches(data: dict, out: Path, probe: bool) -> None:
    """Portrait key/value fiches following one another, several per page."""
    reg = data["register"]
    doc = SimpleDocTemplate(
        str(out),
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
        invariant=1,
        title=reg["title"],
    )
    story = heading(reg, "LiberationSerif", "LiberationSerif-Bold", 9.5)
    for i in range(len(data["activity"])):
        story += fiche(data, i, probe, doc.width)
    doc.build(story + tail(reg, "LiberationSerif", 8.5))


def _running(reg: dict):
    """Page decoration: running header line and 'Page N' footer."""

    def draw(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("LiberationSansNarrow", 7.5)
        w, h = doc.pagesize
        canvas.drawString(doc.leftMargin, h - 10 * mm, reg["running_header"])
        canvas.line(doc.leftMargin, h - 11.5 * mm, w - doc.rightMargin, h - 11.5 * mm)
        canvas.drawRightString(w - doc.rightMargin, 8 * mm, f"Page {doc.page}")
        canvas.restoreState()

    return draw


def render_preamble(data: dict, out: Path, probe: bool) -> None:
    """Portrait grid after a long preamble, header repeated, running header/footer."""
    reg = data["register"]
    doc = SimpleDocTemplate(
        str(out),
        pagesize=A4,
        leftMargin=16 * mm,
        rightMargin=16 * mm,
        topMargin=18 * mm,
        bottomMargin=16 * mm,
        invariant=1,
        title=reg["title"],
    )
    story = heading(reg, "LiberationSansNarrow", "LiberationSansNarrow-Bold", 9)
    for text in reg["preamble"]:
        story += [
            para(text, style("LiberationSansNarrow", 9, alignment=4)),
            Spacer(1, 5),
        ]
    table = Table(
        table_rows(
            data, "LiberationSansNarrow", "LiberationSansNarrow-Bold", 8.2, probe
        ),
        colWidths=widths(reg["columns"], doc.width),
        repeatRows=1,
        splitByRow=0,
        splitInRow=24,
    )
    table.setStyle(
        TableStyle(
            [
                ("LINEABOVE", (0, 0), (-1, 0), 1.2, colors.black),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.black),
                ("BOX", (0, 0), (-1, -1), 0.4, colors.black),
                ("INNERGRID", (0, 0), (-1, -1), 0.25, colors.Color(0.5, 0.5, 0.5)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    deco = _running(reg)
    doc.build(
        story + [Spacer(1, 4), table] + tail(reg, "LiberationSansNarrow", 8),
        onFirstPage=deco,
        onLaterPages=deco,
    )
