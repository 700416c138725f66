"""`registre review FILE.pdf --out report.html`: one page to check a conversion by eye.

The page holds everything a reviewer needs, with no external asset and no
script: a summary, every PDF page as an embedded image with each cell piece
outlined in its column's colour and labelled "activity · column" (a link to the
activity's row), then the table of activities: the printed cells and the typed
values read from them, warnings highlighted. A file that does not convert
gives a page saying why.
"""

import base64
import io
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

from extract import ExtractSettings
from registre.atomic import write_text
from registre.pipeline import RunResult, run
from registre.review_table import (
    UNKNOWN_COLOUR,
    activities_table,
    colour_style,
    column_colours,
    esc,
    issues_html,
)
from schemas.issues import Issue
from schemas.register import Column, Register

SCALE = 1.4
"""Pixels per PDF point: 8 pt text stays legible, a 10-page register ≈ 0.5 MB."""
COLOURS = 64
"""PNG palette size: pages are mostly text on white, 64 colours keep them crisp."""
JPEG_QUALITY = 75
"""For scans, where JPEG beats the palette PNG."""

CSS = """
body{font:13px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}
h1{font-size:1.5em}h2{margin-top:2em;border-bottom:1px solid #ccc}
.summary th{text-align:left;padding-right:1em;vertical-align:top}
.status{padding:0 .5em;border-radius:3px;font-weight:bold}
.status-ok{background:#cfc}.status-warning{background:#fe9}.status-error{background:#f99}
.issues li,.warn{background:#fff3c4}
.issue-code{font-family:monospace;font-weight:bold}
.legend span{display:inline-block;margin:0 .6em .3em 0;padding:0 .4em;border-radius:3px}
.page{position:relative;width:fit-content;max-width:100%;border:1px solid #999}
.page img{display:block;max-width:100%;height:auto}
.box{position:absolute;box-sizing:border-box;border:2px solid var(--c);
 text-decoration:none}
.box::before{content:"";position:absolute;inset:0;background:var(--c);opacity:.08}
/* the label sits bottom-right, where a top-aligned cell is blank */
.box span{position:absolute;bottom:0;right:0;max-width:100%;overflow:hidden;
 white-space:nowrap;text-overflow:ellipsis;background:var(--c);color:var(--t);
 font:10px/1.2 system-ui,sans-serif;padding:0 2px;opacity:.85}
.box:hover{border-width:3px;z-index:1}.box:hover::before{opacity:.2}
.scroll{overflow-x:auto}
table.activities{border-collapse:collapse}
.activities th,.activities td{border:1px solid #bbb;padding:4px;vertical-align:top}
.activities th{background:#eee;border-top:4px solid var(--c,#bbb)}
.activities td.printed{min-width:12em;max-width:30em}
.activities td.typed,.activities td.warn{min-width:16em;max-width:30em}
.activities td.num{font-weight:bold}.activities td.section{min-width:9em}
.activities td.cell-warned{outline:3px solid #e6a700;outline-offset:-3px}
.activities tr:target td{background:#e8f0ff}
.activities ul{margin:0;padding-left:1.1em}
.typed small{color:#555}
.sensitive{color:#b00;font-weight:bold}
.none{color:#999;font-style:italic}
"""


@dataclass(frozen=True)
class PageImage:
    """One rendered page: its 1-based number, its size as shown, in points, and PNG.

    Example: ``PageImage(1, 841.9, 595.3, "data:image/png;base64,iVBO…")``.
    """

    number: int
    width: float
    height: float
    data_uri: str


def read_page_images(pdf: Path, scale: float = SCALE) -> list[PageImage]:
    """Render every page as a PDF viewer shows it (rotation applied).

    Args:
        pdf: the input file, e.g. ``Path("samples/dns_register.pdf")``.
        scale: pixels per point.

    Returns:
        One image per page, in order; the size in points is the bitmap size
        divided by ``scale``, which is what the cell boxes' coordinates use.
    """
    document = pdfium.PdfDocument(pdf)
    try:
        return [_render(document[i], i + 1, scale) for i in range(len(document))]
    finally:
        document.close()


def _render(page: "pdfium.PdfPage", number: int, scale: float) -> PageImage:
    image = page.render(scale=scale).to_pil().convert("RGB")
    page.close()
    mime, data = _smaller_encoding(image)
    return PageImage(
        number,
        image.width / scale,
        image.height / scale,
        f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}",
    )


def _smaller_encoding(image: "Image.Image") -> tuple[str, bytes]:
    # a text page is a third of its JPEG size as a palette PNG, and stays sharp;
    # a scan's grain defeats the palette and JPEG is then four times smaller
    png, jpeg = io.BytesIO(), io.BytesIO()
    image.quantize(colors=COLOURS).save(png, "PNG")
    image.save(jpeg, "JPEG", quality=JPEG_QUALITY)
    if len(png.getvalue()) <= len(jpeg.getvalue()):
        return "image/png", png.getvalue()
    return "image/jpeg", jpeg.getvalue()


def _summary(result: RunResult) -> str:
    register = result.register
    rows = [
        ("File", esc(result.file.name)),
        ("Pages", str(register.source.pages if register else result.pages)),
        (
            "Status",
            f'<span class="status status-{result.status}">{esc(result.status)}</span>',
        ),
    ]
    if register is not None:
        rows += [
            (label, esc(value) if value else '<span class="none">none</span>')
            for label, value in (
                ("Organisation", register.organisation),
                ("Title", register.title),
                ("Rights contact", register.rights_contact),
            )
        ]
        rows.append(("Activities", str(len(register.activities))))
    rows.append(("Seconds", f"{result.seconds:.1f}"))
    body = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows)
    warnings = register.warnings if register is not None else result.issues
    heading = "Register warnings" if register is not None else "Why it failed"
    return (
        f'<table class="summary" lang="fr">{body}</table>'
        f"<h3>{heading}</h3>{issues_html(warnings)}"
    )


def _legend(columns: Sequence[Column]) -> str:
    colours = column_colours(columns)
    spans = "".join(
        f'<span style="background:{colours[c.header][0]};'
        f'color:{colours[c.header][1]}">{esc(c.header)} '
        f"<small>({esc(c.role)})</small></span>"
        for c in columns
    )
    return f'<p class="legend" lang="fr">Columns: {spans}</p>'


@dataclass(frozen=True)
class _Box:
    activity: int
    header: str
    bbox: tuple[float, float, float, float]


def _boxes_by_page(register: Register) -> dict[int, list[_Box]]:
    boxes: dict[int, list[_Box]] = defaultdict(list)
    for activity in register.activities:
        for header, parts in activity.cell_parts.items():
            for part in parts:
                boxes[part.page].append(_Box(activity.index, header, part.bbox))
    return boxes


def _box_html(box: _Box, page: PageImage, colour: tuple[str, str]) -> str:
    x0, top, x1, bottom = box.bbox
    # percentages of the page as shown: the boxes follow the image when it shrinks
    left, width = 100 * x0 / page.width, 100 * (x1 - x0) / page.width
    upper, height = 100 * top / page.height, 100 * (bottom - top) / page.height
    label = f"{box.activity} · {box.header}"
    return (
        f'<a class="box" href="#activity-{box.activity}" title="{esc(label)}" '
        f'style="{colour_style(colour)};left:{left:.2f}%;top:{upper:.2f}%;'
        f'width:{width:.2f}%;height:{height:.2f}%"><span>{esc(label)}</span></a>'
    )


def _pages(
    pages: Sequence[PageImage], register: Register | None, issues: Sequence[Issue]
) -> str:
    boxes = _boxes_by_page(register) if register is not None else {}
    colours = column_colours(register.columns) if register is not None else {}
    out = []
    for page in pages:
        overlay = "".join(
            _box_html(box, page, colours.get(box.header, UNKNOWN_COLOUR))
            for box in boxes.get(page.number, [])
        )
        on_page = [i for i in issues if i.page == page.number]
        notes = issues_html(on_page) if on_page else ""
        out.append(
            f'<h3 id="page-{page.number}">Page {page.number}</h3>{notes}'
            f'<div class="page"><img src="{page.data_uri}" '
            f'alt="page {page.number}">{overlay}</div>'
        )
    return "".join(out)


def review_html(result: RunResult, pages: Sequence[PageImage]) -> str:
    """The review page of one conversion, as one self-contained HTML document.

    Args:
        result: what ``pipeline.run`` gave; its register may be None (error).
        pages: the rendered pages, empty when the PDF could not be rendered.

    Returns:
        The HTML text, e.g. ``"<!DOCTYPE html>…<h1>Review: dns_register.pdf</h1>…"``.
    """
    register = result.register
    parts = [f"<h1>Review: {esc(result.file.name)}</h1>"]
    if register is not None:
        parts.append(
            '<nav><a href="#pages">Pages</a> · <a href="#activities">Activities</a>'
            "</nav>"
        )
    parts.append(_summary(result))
    if register is not None:
        parts.append(f'<h2 id="pages">Pages</h2>{_legend(register.columns)}')
    if pages:
        parts.append(_pages(pages, register, result.issues))
    if register is not None:
        parts.append(
            f'<h2 id="activities">Activities ({len(register.activities)})</h2>'
            + activities_table(register)
        )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>Review: {esc(result.file.name)}</title><style>{CSS}</style>"
        f"</head><body>{''.join(parts)}</body></html>\n"
    )


def review(
    pdf: Path,
    out: Path,
    settings: ExtractSettings | None = None,
    scale: float = SCALE,
) -> RunResult:
    """Convert ``pdf`` with the real pipeline and write its review page to ``out``.

    Args:
        pdf: the register, e.g. ``Path("samples/dns_register.pdf")``.
        out: the HTML file, written atomically, e.g. ``Path("review.html")``.
        settings: extraction settings (OCR mode).
        scale: pixels per point of the page images.

    Returns:
        The pipeline's result: ``status == "error"`` when the file did not convert,
        in which case the page says why.
    """
    result = run(pdf, settings=settings)
    pages: list[PageImage] = []
    # a file the pipeline could not open has no pages to show
    if result.register is not None:
        pages = read_page_images(pdf, scale)
    write_text(out, review_html(result, pages))
    return result
