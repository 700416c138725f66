"""Fill the geometry model from pypdfium2: characters with boxes, and ruling paths.

pypdfium2 reads every character with its box several times faster than
pdfminer-based readers (issue 2 measured 119 pages/s against pdfplumber's 9),
and it is already a pdfplumber dependency.
"""

import ctypes
import unicodedata
from collections.abc import Callable, Iterator

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extract.geometry import Char, Page, Rule

# pdfium's codes for a hyphen it saw at a line end (per character / in bulk text)
_LINE_END_HYPHENS = {0x02, 0xFFFE}
_WHITE = 245  # a fill this light on every channel is a background, not a rule
_BOLD_WEIGHT = 600


def read_page(page: pdfium.PdfPage, number: int, min_rule: float) -> Page:
    """Read one page's characters and rules into the geometry model.

    Args:
        page: an open pypdfium2 page.
        number: its 1-based page number.
        min_rule: a box thinner than this (points) is a ruling line.

    Returns:
        Page with characters in reading-stream order and every ruling segment.
    """
    width, height = page.get_size()
    result = Page(number=number, width=width, height=height)
    frame = _frame(page)
    textpage = page.get_textpage()
    try:
        result.chars = list(_chars(textpage, frame))
    finally:
        textpage.close()
    outer = [pdfium.PdfMatrix()]  # per nesting level: form space → page space
    for obj in page.get_objects(max_depth=8):
        matrix = obj.get_matrix().multiply(outer[obj.level])
        if obj.type == pdfium_c.FPDF_PAGEOBJ_PATH:
            result.rules.extend(_path_rules(obj, matrix, frame, min_rule))
        elif obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            result.images += 1
        elif obj.type == pdfium_c.FPDF_PAGEOBJ_FORM:
            del outer[obj.level + 1 :]
            outer.append(matrix)
    return result


Frame = Callable[[float, float, float, float], tuple[float, float, float, float]]


def _frame(page: pdfium.PdfPage) -> Frame:
    """Map a box in PDF user space (left, bottom, right, top) to the page as shown.

    The result is (x0, top, x1, bottom), origin top-left, after the page's
    /Rotate: a landscape register is often portrait pages turned by 90°.
    """
    ox, oy, right, top = page.get_mediabox()
    w, h = right - ox, top - oy
    rotation = page.get_rotation() % 360
    if rotation == 90:
        return lambda x0, y0, x1, y1: (y0 - oy, x0 - ox, y1 - oy, x1 - ox)
    if rotation == 180:
        return lambda x0, y0, x1, y1: (w - (x1 - ox), y0 - oy, w - (x0 - ox), y1 - oy)
    if rotation == 270:
        return lambda x0, y0, x1, y1: (
            h - (y1 - oy),
            w - (x1 - ox),
            h - (y0 - oy),
            w - (x0 - ox),
        )
    return lambda x0, y0, x1, y1: (x0 - ox, h - (y1 - oy), x1 - ox, h - (y0 - oy))


def _chars(textpage: pdfium.PdfTextPage, frame: Frame) -> Iterator[Char]:
    """Every printed character; spaces only mark a word break on the next one.

    The text comes in one call and font facts once per text object: the
    per-character calls into pdfium are the reader's hot loop.
    """
    raw = textpage.raw
    text = _page_text(textpage)
    box = pdfium_c.FS_RECTF()
    fonts: dict[int, tuple[float, bool]] = {}
    space_pending = False
    for i, char in enumerate(text):
        code = ord(char)
        if code in _LINE_END_HYPHENS:
            char = "-"
        elif 0xFB00 <= code <= 0xFB06:  # a ligature glyph: "ﬁ" is "fi" to a reader
            char = unicodedata.normalize("NFKC", char)
        elif char.isspace() or code < 32:
            space_pending = True
            continue
        pdfium_c.FPDFText_GetLooseCharBox(raw, i, box)
        size, bold = _font(raw, i, fonts)
        x0, top, x1, bottom = frame(box.left, box.bottom, box.right, box.top)
        yield Char(char, x0, top, x1, bottom, size, bold, space_pending)
        space_pending = False


def _page_text(textpage: pdfium.PdfTextPage) -> str:
    """The page's characters, one per index (pdfium's own index)."""
    count = textpage.count_chars()
    buffer = ctypes.create_string_buffer((count + 1) * 2)
    pdfium_c.FPDFText_GetText(
        textpage.raw, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort))
    )
    text = buffer.raw[: count * 2].decode("utf-16-le", errors="replace")
    if len(text) != count:  # a character outside the BMP: fall back, one by one
        text = "".join(
            chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i) or 0xFFFD)
            for i in range(count)
        )
    return text


def _font(
    raw: object, index: int, fonts: dict[int, tuple[float, bool]]
) -> tuple[float, bool]:
    """Size and boldness of a character, asked once per text object."""
    obj = pdfium_c.FPDFText_GetTextObject(raw, index)
    key = ctypes.addressof(obj.contents) if obj else 0
    if key not in fonts or not key:
        weight = pdfium_c.FPDFText_GetFontWeight(raw, index)
        fonts[key] = (pdfium_c.FPDFText_GetFontSize(raw, index), weight >= _BOLD_WEIGHT)
    return fonts[key]


def _path_rules(
    obj: pdfium.PdfObject, matrix: pdfium.PdfMatrix, frame: Frame, min_rule: float
) -> list[Rule]:
    """Ruling segments drawn by one path: its lines, thin boxes, and box edges.

    A filled box (cell shading, a zebra row) bounds its cell as a ruled border
    would, so its four edges count; a white fill is a background and does not.
    """
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    pdfium_c.FPDFPath_GetDrawMode(obj.raw, fill_mode, stroke)
    filled = fill_mode.value != 0 and not _is_white(obj)
    if not (filled or stroke.value):
        return []
    rules: list[Rule] = []
    for box in _subpath_boxes(obj, matrix):
        x0, top, x1, bottom = frame(*box)
        if x1 - x0 < min_rule or bottom - top < min_rule:
            mid_y, mid_x = (top + bottom) / 2, (x0 + x1) / 2
            if x1 - x0 >= bottom - top:
                rules.append(Rule(x0, mid_y, x1, mid_y))
            else:
                rules.append(Rule(mid_x, top, mid_x, bottom))
        else:
            rules.extend(
                (
                    Rule(x0, top, x1, top),
                    Rule(x0, bottom, x1, bottom),
                    Rule(x0, top, x0, bottom),
                    Rule(x1, top, x1, bottom),
                )
            )
    return rules


def _is_white(obj: pdfium.PdfObject) -> bool:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not pdfium_c.FPDFPageObj_GetFillColor(obj.raw, r, g, b, a):
        return False
    return a.value == 0 or min(r.value, g.value, b.value) >= _WHITE


def _subpath_boxes(
    obj: pdfium.PdfObject, matrix: pdfium.PdfMatrix
) -> Iterator[tuple[float, float, float, float]]:
    """Bounding box, in page space, of each straight subpath (curves give none).

    ``matrix`` maps the path's points to the page: its own matrix, then those
    of the forms it is drawn in.
    """
    points: list[tuple[float, float]] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    curved = False
    for i in range(pdfium_c.FPDFPath_CountSegments(obj.raw)):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj.raw, i)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO and points:
            if not curved:
                yield _box(points)
            points, curved = [], False
        curved |= kind == pdfium_c.FPDF_SEGMENT_BEZIERTO
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        points.append(matrix.on_point(x.value, y.value))
    if points and not curved:
        yield _box(points)


def _box(points: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)
