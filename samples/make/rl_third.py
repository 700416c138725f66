"""Third-batch reportlab renderers: a LaTeX-like booktabs table, a numbered grid.

``render_booktabs`` imitates a LaTeX ``longtable`` set with ``booktabs``: a
thick rule above the header, a thin one under it, a thick one under the
table on every page, no vertical rule, rows parted by white space only; the
text uses the typographic ligatures ``ﬁ`` and ``ﬂ`` (the text layer holds the
ligature characters); the caption is printed above the table, again with
"(suite)" above the repeated header of every later page, and "Suite page
suivante" closes every page but the last (neither is a cell). The page count
is known from a first build, so the document is built twice.

``render_numbered`` draws a portrait grid whose first narrow column numbers
the activities ("1.", "2.", …) before the title column; rows may be cut by
a page break inside their cells, the title cell included.

Example: ``render_booktabs(load("syndicat_register"), Path("s.pdf"), False)``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph
from rl import Look, document, publish, register_table, style

# Ligatures as LaTeX sets them in running text; the gold keeps the letters.
LIGATURES = {"fi": "\ufb01", "fl": "\ufb02"}


def ligatured(text: str) -> str:
    """Text with ``fi`` and ``fl`` set as single ligature characters.

    Example: ``ligatured("finalités du fléchage")`` → ``"ﬁnalités du ﬂéchage"``.
    """
    for pair, glyph in LIGATURES.items():
        text = text.replace(pair, glyph)
    return text


def _ligature_data(data: dict) -> dict:
    """A copy of the register data whose cells and labels carry ligatures."""
    reg = dict(data["register"])
    reg["columns"] = [{**c, "label": ligatured(c["label"])} for c in reg["columns"]]
    acts = [
        {k: ligatured(v) if isinstance(v, str) else v for k, v in a.items()}
        for a in data["activity"]
    ]
    return {"register": reg, "activity": acts}


BOOKTABS = [
    ("LINEABOVE", (0, 0), (-1, 0), 1.0, colors.black),  # \toprule
    ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.black),  # \midrule
    ("LINEBELOW", (0, -1), (-1, -1), 1.0, colors.black),  # \bottomrule
    # The part of the table on each page but the last also ends with \bottomrule.
    ("LINEBELOW", (0, "splitlast"), (-1, "splitlast"), 1.0, colors.black),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 4),
    ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ("TOPPADDING", (0, 0), (-1, -1), 2),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
]


def _page_marks(caption: str, pages: int, font: str):
    """Page decoration: '(suite)' caption, 'Suite page suivante', page number."""

    def draw(canvas, doc) -> None:
        canvas.saveState()
        w, h = doc.pagesize
        top = h - doc.topMargin
        if doc.page > 1:
            canvas.setFont(font, 9)
            canvas.drawCentredString(w / 2, top + 6, f"{caption} (suite)")
        if doc.page < pages:
            canvas.setFont(font, 8.5)
            canvas.drawRightString(
                w - doc.rightMargin, doc.bottomMargin - 12, "Suite page suivante"
            )
        canvas.setFont(font, 9)
        canvas.drawCentredString(w / 2, 9 * mm, str(doc.page))
        canvas.restoreState()

    return draw


def _booktabs_once(data: dict, out, probe: bool, pages: int) -> int:
    """Build the booktabs document once; returns its page count."""
    reg = data["register"]
    doc = document(out, reg, A4, 22, 22, 24)
    t = Look("LiberationSerif", "LiberationSerif-Bold", 10, 8.6, 8.5)
    caption = reg["caption"]
    body = [
        Paragraph(caption, style("LiberationSerif", 9, alignment=1, spaceAfter=4)),
        register_table(doc, _ligature_data(data), probe, t, BOOKTABS, 1),
    ]
    deco = _page_marks(caption, pages, "LiberationSerif")
    publish(doc, reg, t, body, onFirstPage=deco, onLaterPages=deco)
    return doc.page


def render_booktabs(data: dict, out: Path, probe: bool) -> None:
    """LaTeX-like booktabs table, ligatures, '(suite)' captions, header repeated."""
    with tempfile.TemporaryDirectory() as scratch:  # a first pass counts the pages
        pages = _booktabs_once(data, Path(scratch) / "count.pdf", probe, 0)
    _booktabs_once(data, out, probe, pages)


def render_numbered(data: dict, out: Path, probe: bool) -> None:
    """Portrait grid, 'N°' column first, header repeated, rows cut in their cells."""
    reg = data["register"]
    doc = document(out, reg, A4, 15, 15, 15)
    t = Look("DejaVuSans", "DejaVuSans-Bold", 8.5, 7.8, 7.5)
    grey = colors.Color(0.55, 0.55, 0.55)
    commands = [
        ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
        ("INNERGRID", (0, 0), (-1, -1), 0.4, grey),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.93, 0.88)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    publish(doc, reg, t, [register_table(doc, data, probe, t, commands, 1)])
