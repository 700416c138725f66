"""reportlab renderers: ruled grid, borderless table, key/value fiches, preamble grid.

Each ``render_*`` takes the register data, the output path and ``probe``
(colour-code activities, see ``common``) and writes one PDF. ``invariant=1``
keeps reportlab's output byte-stable (no clock date, fixed document id).

Example: ``render_grid(load("chu_register"), Path("chu.pdf"), False)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from common import probe_rgb
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
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

ALIGN = {"center": TA_CENTER, "right": TA_RIGHT}


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
    """Header row then one row per activity, columns in the register's order.

    A column may ask for ``align = "right"`` or ``"center"`` (default left),
    in its header as in its cells.
    """
    cols = data["register"]["columns"]
    rows: list[list[Paragraph]] = []
    for i in [None, *range(len(data["activity"]))]:
        rows.append(
            [
                para(
                    c["label"] if i is None else data["activity"][i].get(c["key"], ""),
                    style(
                        bold if i is None else font,
                        size,
                        i,
                        probe,
                        alignment=ALIGN.get(c.get("align"), TA_LEFT),
                    ),
                )
                for c in cols
            ]
        )
    return rows


def widths(cols: list[dict], total: float) -> list[float]:
    """Column widths proportional to each column's ``width``."""
    weight = sum(c["width"] for c in cols)
    return [total * c["width"] / weight for c in cols]


@dataclass(frozen=True)
class Look:
    """A register's typefaces and sizes (pt): heading block, table cells, tail."""

    font: str
    bold: str
    head: float
    cell: float
    foot: float


def document(
    out: Path,
    reg: dict,
    pagesize: tuple[float, float],
    side: float,
    top: float,
    bottom: float,
) -> SimpleDocTemplate:
    """A byte-stable document (``invariant=1``); margins in mm, left = right = side."""
    return SimpleDocTemplate(
        str(out),
        pagesize=pagesize,
        leftMargin=side * mm,
        rightMargin=side * mm,
        topMargin=top * mm,
        bottomMargin=bottom * mm,
        invariant=1,
        title=reg["title"],
    )


def cut_table(
    rows: list, col_widths: list[float], commands: list, repeat: int = 0
) -> Table:
    """A table whose rows a page break may cut inside their cells."""
    table = Table(
        rows, colWidths=col_widths, repeatRows=repeat, splitByRow=0, splitInRow=24
    )
    table.setStyle(TableStyle(commands))
    return table


def publish(
    doc: SimpleDocTemplate, reg: dict, t: Look, body: list, **build: object
) -> None:
    """Write heading block, ``body``, then footnotes and security."""
    doc.build(
        heading(reg, t.font, t.bold, t.head) + body + tail(reg, t.font, t.foot),
        **build,
    )


def register_table(
    doc: SimpleDocTemplate,
    data: dict,
    probe: bool,
    t: Look,
    commands: list,
    repeat: int,
) -> Table:
    """The register grid: header row (``repeat``: repeated), a row per activity."""
    return cut_table(
        table_rows(data, t.font, t.bold, t.cell, probe),
        widths(data["register"]["columns"], doc.width),
        commands,
        repeat,
    )


def render_grid(data: dict, out: Path, probe: bool) -> None:
    """Portrait ruled grid, header repeated, rows split inside their cells."""
    reg = data["register"]
    doc = document(out, reg, A4, 14, 14, 14)
    t = Look("Helvetica", "Helvetica-Bold", 8.5, 7.5, 7.5)
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.85, 0.88, 0.93)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    publish(doc, reg, t, [register_table(doc, data, probe, t, commands, 1)])


def render_borderless(data: dict, out: Path, probe: bool) -> None:
    """Landscape table without any rule, header printed once, narrow columns."""
    reg = data["register"]
    doc = document(out, reg, landscape(A4), 12, 12, 12)
    t = Look("DejaVuSans", "DejaVuSans-Bold", 8, 7.6, 7)
    commands = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 9),
    ]
    publish(doc, reg, t, [register_table(doc, data, probe, t, commands, 0)])


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
    table = cut_table(
        rows,
        [width * 0.27, width * 0.73],
        [
            ("GRID", (0, 0), (-1, -1), 0.4, colors.Color(0.35, 0.35, 0.35)),
            ("BACKGROUND", (0, 0), (0, -1), colors.Color(0.92, 0.92, 0.92)),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ],
    )
    head = para(
        f"Fiche {i + 1} / {len(data['activity'])}", style("LiberationSerif-Bold", 10)
    )
    return [KeepTogether([head, Spacer(1, 3)]), table, Spacer(1, 12)]


def render_fiches(data: dict, out: Path, probe: bool) -> None:
    """Portrait key/value fiches following one another, several per page."""
    reg = data["register"]
    doc = document(out, reg, A4, 20, 16, 16)
    body: list = []
    for i in range(len(data["activity"])):
        body += fiche(data, i, probe, doc.width)
    t = Look("LiberationSerif", "LiberationSerif-Bold", 9.5, 9, 8.5)
    publish(doc, reg, t, body)


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
    doc = document(out, reg, A4, 16, 18, 16)
    t = Look("LiberationSansNarrow", "LiberationSansNarrow-Bold", 9, 8.2, 8)
    body: list = []
    for text in reg["preamble"]:
        body += [
            para(text, style("LiberationSansNarrow", 9, alignment=4)),
            Spacer(1, 5),
        ]
    commands = [
        ("LINEABOVE", (0, 0), (-1, 0), 1.2, colors.black),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.black),
        ("BOX", (0, 0), (-1, -1), 0.4, colors.black),
        ("INNERGRID", (0, 0), (-1, -1), 0.25, colors.Color(0.5, 0.5, 0.5)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    body += [Spacer(1, 4), register_table(doc, data, probe, t, commands, 1)]
    deco = _running(reg)
    publish(doc, reg, t, body, onFirstPage=deco, onLaterPages=deco)
