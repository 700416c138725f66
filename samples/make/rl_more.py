"""More reportlab renderers: pages turned by /Rotate 90, narrow-gutter borderless.

``render_rotated`` lays a landscape ruled grid out on landscape pages, then
turns every page into a portrait page whose content is drawn a quarter-turn
counter-clockwise and which carries ``/Rotate 90``: a viewer shows it upright,
a reader of raw coordinates sees it on its side (as printer drivers and some
scanners produce). ``render_gutters`` draws a borderless portrait table with
6 pt between columns, a right-aligned number column and centred yes/no
columns (``align`` in the column data), its header repeated on every page.
Helpers come from ``rl``.

Example: ``render_rotated(load("crous_register"), Path("c.pdf"), False)``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pikepdf
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from rl import Look, document, publish, register_table


def rotate_pages(src: Path, out: Path) -> None:
    """Portrait media, content turned a quarter counter-clockwise, ``/Rotate 90``.

    A landscape point (x, y) goes to (h - y, x) on a portrait page of width h
    (the landscape height); turning the page 90° clockwise for display brings
    it back to (x, y).
    """
    with pikepdf.open(src) as pdf:
        for page in pdf.pages:
            x0, y0, x1, y1 = (float(v) for v in page.mediabox)
            w, h = x1 - x0, y1 - y0
            page.contents_coalesce()
            body = page.obj.Contents.read_bytes()
            turn = f"q 0 1 -1 0 {h:g} 0 cm 1 0 0 1 {-x0:g} {-y0:g} cm\n".encode()
            page.obj.Contents = pdf.make_stream(turn + body + b"\nQ\n")
            page.obj.MediaBox = pikepdf.Array([0, 0, h, w])
            if "/CropBox" in page.obj:
                del page.obj["/CropBox"]
            page.obj.Rotate = 90
        pdf.save(out, static_id=True)


def render_rotated(data: dict, out: Path, probe: bool) -> None:
    """Landscape grid, header repeated, then every page set portrait + /Rotate 90."""
    reg = data["register"]
    t = Look("LiberationSerif", "LiberationSerif-Bold", 9, 9.6, 8)
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.88, 0.88, 0.88)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        flat = Path(tmp) / "landscape.pdf"
        doc = document(flat, reg, landscape(A4), 13, 13, 13)
        publish(doc, reg, t, [register_table(doc, data, probe, t, commands, 1)])
        rotate_pages(flat, out)


def render_gutters(data: dict, out: Path, probe: bool) -> None:
    """Portrait borderless table, 6 pt gutters, aligned columns, header repeated."""
    reg = data["register"]
    doc = document(out, reg, A4, 12, 13, 13)
    t = Look("DejaVuSans", "DejaVuSans-Bold", 7.8, 8.2, 7)
    commands = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
    ]
    publish(doc, reg, t, [register_table(doc, data, probe, t, commands, 1)])
