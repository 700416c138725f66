"""Scanned pages → the geometry model: ruling lines from the image, words by OCR.

A page with no text layer is rendered, straightened, its ruling lines found
(extract.ocr_lines) and its words read by Tesseract. Each recognised word
becomes one ``Char`` carrying the whole word with ``space_before=True``, so
extract.lines groups them into words and lines unchanged, and the same table
rules (grid, rows, cells) run on scans as on text layers. Rules and words are
in the same straightened frame, in PDF points.

Tesseract is an external program (Debian: tesseract-ocr, tesseract-ocr-fra),
called once per page on its TSV output; nothing is downloaded at run time.
"""

import os
import shutil
import subprocess
from functools import cache

import cv2
import numpy as np
import pypdfium2 as pdfium

from extract.geometry import Char, Page, Rule
from extract.ocr_lines import (
    attached,
    binarise,
    line_masks,
    mask_rules,
    rotate,
    skew_angle,
)

DPI = 300           # Tesseract reads best with letters ~20 px tall; 8 pt at 300 dpi is ~25
LANGUAGE = "fra"
_PSM = "6"          # one uniform block: words keep their boxes, tables read row by row
_MIN_CONF = 10.0    # below this a "word" is a speck or a stray rule fragment
_ERASE = 1.0        # points: rules are erased this much wider before OCR
_TIMEOUT = 120      # seconds for one page


@cache
def ocr_available() -> bool:
    """Whether the tesseract program and its French data are installed.

    Example: on a Debian box after ``apt-get install tesseract-ocr
    tesseract-ocr-fra`` → ``True``.
    """
    if shutil.which("tesseract") is None:
        return False
    try:
        listed = subprocess.run(["tesseract", "--list-langs"], capture_output=True,
                                text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return False
    return LANGUAGE in listed.stdout.split()


def ocr_page(page: pdfium.PdfPage, number: int) -> Page:
    """Read a scanned page: straighten it, find its rules, OCR its words.

    Args:
        page: an open pypdfium2 page (typically one image, no text layer).
        number: its 1-based page number.

    Returns:
        Page whose chars are whole words (``space_before=True``) and whose rules
        are the ruling lines, both in the straightened frame, in points.

    Example: page 1 of a scanned ministry register → a Page with the nine
    column rules and words such as ``"Finalité(s)"``.
    """
    width, height = page.get_size()
    scale = DPI / 72
    gray = np.asarray(page.render(scale=scale, grayscale=True).to_pil().convert("L"))
    gray = rotate(gray, skew_angle(binarise(gray)))
    ink = binarise(gray)
    horizontal, vertical = line_masks(ink, scale)
    hs = mask_rules(horizontal, True, scale)
    vs = attached(mask_rules(vertical, False, scale), hs, tol=2.0)
    result = Page(number=number, width=width, height=height, images=1)
    result.rules = hs + vs
    result.chars = _words(_tesseract(_erase_rules(gray, horizontal | vertical, scale)),
                          scale)
    return result


def _erase_rules(gray: np.ndarray, lines: np.ndarray, scale: float) -> np.ndarray:
    """The page with its ruling lines painted white, so OCR does not read ``|``."""
    grow = max(1, round(_ERASE * scale))
    wide = cv2.dilate(lines, cv2.getStructuringElement(cv2.MORPH_RECT, (grow, grow)))
    clean = gray.copy()
    clean[wide > 0] = 255
    return clean


def _tesseract(image: np.ndarray) -> str:
    """Tesseract's TSV for one image (PNG on stdin; one thread, so runs repeat)."""
    ok, png = cv2.imencode(".png", image)
    if not ok:
        raise RuntimeError("could not encode the page image")
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    done = subprocess.run(
        ["tesseract", "stdin", "stdout", "-l", LANGUAGE, "--psm", _PSM,
         "--dpi", str(DPI), "tsv"],
        input=png.tobytes(), capture_output=True, timeout=_TIMEOUT, env=env, check=True)
    return done.stdout.decode("utf-8")


def _words(tsv: str, scale: float) -> list[Char]:
    """One Char per recognised word, in reading order, boxes in points.

    A word's size is its line's height, the nearest a scan gives to the font
    size (a word's own ink box is short for ``ou`` and tall for ``Ligne``).
    """
    rows = [line.split("\t") for line in tsv.splitlines()[1:]]
    line_height: dict[tuple[str, str, str, str], float] = {}
    chars = []
    for row in rows:
        if len(row) < 12:
            continue
        key = (row[1], row[2], row[3], row[4])
        left, top, w, h = (int(v) for v in row[6:10])
        if row[0] == "4":
            line_height[key] = h / scale
            continue
        text = row[11].strip()
        if row[0] != "5" or not text or float(row[10]) < _MIN_CONF:
            continue
        chars.append(Char(text=text, x0=left / scale, top=top / scale,
                          x1=(left + w) / scale, bottom=(top + h) / scale,
                          size=round(line_height.get(key, h / scale), 1), bold=False,
                          space_before=True))
    return chars


__all__ = ["ocr_available", "ocr_page", "Rule"]
