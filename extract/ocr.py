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
import tempfile
from functools import cache
from pathlib import Path

import cv2
import numpy as np
import pypdfium2 as pdfium

from extract.geometry import Char, Page, Rule
from extract.ocr_lines import (
    attached,
    binarise,
    dark_fills,
    invert_fills,
    line_masks,
    mask_rules,
    rotate,
    skew_angle,
    table_columns,
)

DPI = 300  # Tesseract wants letters ~20 px tall: 8 pt at 300 dpi is ~25
LANGUAGE = "fra"
_PSM = "6"  # each image one block of lines (columns are cut apart beforehand)
_PSM_FREE = "3"  # no ruled table: Tesseract's layout analysis finds the columns
_MIN_CONF = 30.0  # a sign-only "word" read this unsure is a speck, not a ";"
_SPECK = 0.35  # points²: a blot smaller than this is noise (6 pt full stop: 0.5)
_ERASE = 1.0  # points: rules are erased this much wider before OCR
_TIMEOUT = 120  # seconds for one page
_PAD = 10  # pixels of white around each image: ink at an edge reads badly
_DASHES = {"-", "–", "—"}
_EN_DASH = 0.37  # of the type size: a lone dash this long is "–" (a hyphen ~0.25)
_EM_DASH = 0.75  # and this long, "—"
_DOT = 0.12  # of the type size: a sign smaller every way is a speck
_DISC = 0.6  # share of its box a bullet's ink fills (a disc: 0.79; "+": ~0.3)
_TOUCH = 2.0  # points: rules this close touch (one table)


@cache
def ocr_available() -> bool:
    """Whether the tesseract program and its French data are installed.

    Example: on a Debian box after ``apt-get install tesseract-ocr
    tesseract-ocr-fra`` → ``True``.
    """
    if shutil.which("tesseract") is None:
        return False
    try:
        listed = subprocess.run(
            ["tesseract", "--list-langs"],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
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
    gray, rules, clean = _rules_and_text(gray, scale)
    tables = table_columns(rules, _TOUCH)
    pieces = _pieces(clean, tables, scale)
    psm = _PSM if tables else _PSM_FREE
    chars = _words(
        _tesseract([image for image, _ in pieces], psm),
        [offset for _, offset in pieces],
        scale,
    )
    chars = _bullets(_dashes(_no_specks(chars)), binarise(clean), scale)
    return Page(
        number=number, width=width, height=height, chars=chars, rules=rules, images=1
    )


def _rules_and_text(
    gray: np.ndarray, scale: float
) -> tuple[np.ndarray, list[Rule], np.ndarray]:
    """Ruling lines of a straightened page, and the image left for OCR.

    Dark fills are inverted first (their edges are rules), so that a
    white-on-black header reads as dark text and its box as ruled.
    """
    gray, fill_rules = invert_fills(gray, dark_fills(binarise(gray), scale), scale)
    ink = binarise(gray)
    horizontal, vertical = line_masks(ink, scale)
    hs = mask_rules(horizontal, True, scale) + [r for r in fill_rules if r.horizontal]
    vs = attached(mask_rules(vertical, False, scale), hs, tol=_TOUCH)
    vs += [r for r in fill_rules if not r.horizontal]
    return gray, hs + vs, _erase(gray, horizontal | vertical, ink, scale)


def _pieces(
    clean: np.ndarray, tables: list[tuple[list[float], float, float]], scale: float
) -> list[tuple[np.ndarray, tuple[int, int]]]:
    """The images OCR reads, each with its top-left corner on the page (pixels).

    Tesseract joins words level with each other into one line, across a
    table's columns, and then misjudges the spaces of that line; so each
    column of a ruled table is read on its own, and the rest of the page (its
    tables blanked) as one more image.
    """
    rest = clean.copy()
    strips = []
    for edges, top, bottom in tables:
        y0, y1 = round(top * scale), round(bottom * scale)
        for left, right in zip(edges, edges[1:], strict=False):
            x0, x1 = round(left * scale), round(right * scale)
            strips.append((clean[y0:y1, x0:x1], (x0, y0)))
        rest[y0:y1, round(edges[0] * scale) : round(edges[-1] * scale)] = 255
    return [(rest, (0, 0)), *strips]


def _erase(
    gray: np.ndarray, lines: np.ndarray, ink: np.ndarray, scale: float
) -> np.ndarray:
    """The page with its paper, ruling lines and specks painted white.

    Tesseract reads a rule beside a word as ``|`` or ``l`` and a speck as
    ``.`` or ``'``; a speck is a blot smaller than a full stop of small print.
    Paper (all that is lighter than ink: grain, shading) goes white, else
    Tesseract's own thresholding turns a blank area's grain into words; the
    ink keeps its grey edges, which recognition uses.
    """
    grow = max(1, round(_ERASE * scale))
    wide = cv2.dilate(lines, cv2.getStructuringElement(cv2.MORPH_RECT, (grow, grow)))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    small = stats[:, cv2.CC_STAT_AREA] < _SPECK * scale * scale
    small[0] = False
    clean = gray.copy()
    clean[(wide > 0) | small[labels] | (ink == 0)] = 255
    return clean


def _tesseract(images: list[np.ndarray], psm: str) -> str:
    """Tesseract's TSV for several images read in one run (``page_num`` = index + 1).

    One run loads the model once; a list file names the images. One thread,
    so that pages converted in parallel do not fight over the cores.
    """
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    with tempfile.TemporaryDirectory(prefix="registre-ocr-") as tmp:
        paths = []
        for i, image in enumerate(images):
            path = Path(tmp) / f"{i:04d}.png"
            padded = cv2.copyMakeBorder(
                image, _PAD, _PAD, _PAD, _PAD, cv2.BORDER_CONSTANT, value=255
            )
            if not cv2.imwrite(str(path), padded):
                raise RuntimeError(f"could not write {path}")
            paths.append(str(path))
        listing = Path(tmp) / "images.txt"
        listing.write_text("\n".join(paths) + "\n", encoding="utf-8")
        done = subprocess.run(
            [
                "tesseract",
                str(listing),
                "stdout",
                "-l",
                LANGUAGE,
                "--psm",
                psm,
                "--dpi",
                str(DPI),
                "tsv",
            ],
            capture_output=True,
            timeout=_TIMEOUT,
            env=env,
            check=True,
        )
    return done.stdout.decode("utf-8")


def _words(tsv: str, offsets: list[tuple[int, int]], scale: float) -> list[Char]:
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
        dx, dy = offsets[int(row[1]) - 1]
        left, top, w, h = (int(v) for v in row[6:10])
        left, top = left - _PAD + dx, top - _PAD + dy
        if row[0] == "4":
            line_height[key] = h / scale
            continue
        text = row[11].strip()
        if row[0] != "5" or not text or _speck(text, float(row[10])):
            continue
        chars.append(
            Char(
                text=text,
                x0=left / scale,
                top=top / scale,
                x1=(left + w) / scale,
                bottom=(top + h) / scale,
                size=round(line_height.get(key, h / scale), 1),
                bold=False,
                space_before=True,
            )
        )
    return chars


def _no_specks(chars: list[Char]) -> list[Char]:
    """Drop sign-only "words" smaller every way than a full stop: specks (``|``)."""
    if not chars:
        return chars
    least = _DOT * float(np.median([c.size for c in chars]))
    return [
        c
        for c in chars
        if any(ch.isalnum() for ch in c.text)
        or c.x1 - c.x0 >= least
        or c.bottom - c.top >= least
    ]


def _bullets(chars: list[Char], ink: np.ndarray, scale: float) -> list[Char]:
    """Name a lone round blot ``•``: Tesseract reads small bullets as ``*`` or ``+``.

    A bullet is a filled disc (ink covers ~π/4 of its square box); ``*``,
    ``+``, ``°`` and letters leave most of their box white.
    """
    for char in chars:
        w, h = char.x1 - char.x0, char.bottom - char.top
        square = 0.7 <= w / max(h, 1e-6) <= 1.4
        if len(char.text) > 2 or not square or h > char.size / 2:
            continue
        box = ink[
            round(char.top * scale) : round(char.bottom * scale),
            round(char.x0 * scale) : round(char.x1 * scale),
        ]
        if box.size and float(np.count_nonzero(box)) / box.size >= _DISC:
            char.text = "•"
    return chars


def _dashes(chars: list[Char]) -> list[Char]:
    """Name each lone dash by its length: Tesseract reads ``–`` and ``—`` as ``-``.

    A hyphen is about a quarter of the type size long, an en dash half, an em
    dash a whole one; the page's median line height stands for the type size
    (one line's height varies with its ascenders and descenders).

    Example: ``DNUM – mission pilotage`` read as ``DNUM - mission pilotage``,
    the dash 3.8 pt long in 7.4 pt lines → ``–``; a 1.9 pt bullet ``-`` stays.
    """
    if not chars:
        return chars
    body = float(np.median([c.size for c in chars]))
    for char in chars:
        if char.text in _DASHES:
            length = (char.x1 - char.x0) / body
            char.text = (
                "—" if length >= _EM_DASH else "–" if length >= _EN_DASH else "-"
            )
    return chars


def _speck(text: str, confidence: float) -> bool:
    """A mark read as punctuation with little confidence: scanner noise.

    Words with letters or digits are kept however unsure Tesseract is (it
    gives 0 to well-read words on a noisy line): a doubtful word is better
    than a dropped one.
    """
    return confidence < _MIN_CONF and not any(c.isalnum() for c in text)
