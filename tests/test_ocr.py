"""Scanned pages: rules, skew and words from the image, into the same table rules.

The sample is samples/interieur_dnum_register_scan.pdf, a 200 dpi greyscale
scan (0.5–1° rotation, specks) of the DNUM register of the ministère de
l'Intérieur (samples/interieur_dnum_register.pdf).
"""

from collections.abc import Iterator
from pathlib import Path

import cv2
import numpy as np
import pypdfium2 as pdfium
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.geometry import Char, Page
from extract.grid import find_grid_tables
from extract.lines import chars_to_words, words_to_lines
from extract.ocr import _bullets, _dashes, ocr_available, ocr_page
from extract.ocr_lines import binarise, rotate, skew_angle

SCAN = Path(__file__).parent.parent / "samples" / "interieur_dnum_register_scan.pdf"
HEADER = ["Nom du traitement", "Finalité(s)", "Responsable de traitement",
          "Base légale", "Catégories de données", "Personnes concernées",
          "Destinataires", "Durée de conservation", "Transferts hors UE"]


@pytest.fixture(scope="module")
def page_one() -> Iterator[Page]:
    if not ocr_available():
        pytest.skip("tesseract with French data (tesseract-ocr-fra) is not installed")
    pdf = pdfium.PdfDocument(SCAN)
    try:
        yield ocr_page(pdf[0], 1)
    finally:
        pdf.close()


def test_scan_page_has_the_table_rules(page_one: Page) -> None:
    verticals = [r for r in page_one.rules if not r.horizontal]
    assert len(verticals) >= 8, f"only {len(verticals)} vertical rules found"


def test_scan_page_reads_header_and_rows_like_a_text_layer(page_one: Page) -> None:
    words = chars_to_words(page_one.chars)
    tables = find_grid_tables(page_one.rules, words, 1, snap=2.0)
    assert len(tables) == 1
    table = tables[0]
    header = [" ".join(ln.text for frag in stack for ln in frag.lines)
              for stack in table.rows[0].cells]
    assert header == HEADER
    # header, then RIHA, vidéoprotection, badges, visiteurs, messagerie, support
    assert len(table.rows) == 7
    titles = [" ".join(ln.text for frag in row.cells[0] for ln in frag.lines)
              for row in table.rows[1:]]
    assert titles[0] == "Référentiel des identités et des habilitations (RIHA)"


def test_scan_page_keeps_the_text_around_the_table(page_one: Page) -> None:
    lines = [ln.text for ln in words_to_lines(chars_to_words(page_one.chars))]
    assert any("dnum-rgpd@interieur.gouv.fr" in line for line in lines)
    assert "Page 1 sur 3" in lines


def _dash(width: float) -> Char:
    return Char("-", 100.0, 50.0, 100.0 + width, 57.4, 7.4, False, True)


@pytest.mark.parametrize("width, expected", [
    (1.9, "-"),   # bullet "- Identité (nom, …" (DNUM register, page 1)
    (3.6, "–"),   # "DNUM – mission pilotage" (DNUM register, page 2)
    (7.0, "—"),
])
def test_lone_dash_is_named_by_its_length(width: float, expected: str) -> None:
    words = [Char("Agents", 10.0, 50.0, 40.0, 57.4, 7.4, False, True), _dash(width)]
    assert _dashes(words)[1].text == expected


def _ruled_page(angle: float) -> np.ndarray:
    """A white page with a ruled 4×6 grid, turned by ``angle`` degrees."""
    page = np.full((1400, 1000), 255, np.uint8)
    for y in range(200, 1300, 220):
        cv2.line(page, (80, y), (920, y), 0, 3)
    for x in range(80, 1000, 210):
        cv2.line(page, (x, 200), (x, 1080), 0, 3)
    return rotate(page, -angle)


@settings(max_examples=15, deadline=None)
@given(st.floats(min_value=-2.5, max_value=2.5))
def test_skew_is_measured_from_the_rules(angle: float) -> None:
    assert skew_angle(binarise(_ruled_page(angle))) == pytest.approx(angle, abs=0.1)


def _mark(kind: str) -> np.ndarray:
    """Ink (255) of one 15 px mark at 300 dpi, as binarise() gives it."""
    ink = np.zeros((40, 40), np.uint8)
    if kind == "disc":
        cv2.circle(ink, (20, 20), 7, 255, -1)
    else:
        cv2.line(ink, (13, 20), (27, 20), 255, 2)
        cv2.line(ink, (20, 13), (20, 27), 255, 2)
    return ink


@pytest.mark.parametrize("kind, read, expected", [
    ("disc", "*", "•"),  # "• Instruire les demandes" (culture register) read "*"
    ("disc", "+.", "•"),
    ("plus", "+", "+"),  # "Durée de l'affectation + 6 mois" (DNUM register)
])
def test_round_blot_is_a_bullet(kind: str, read: str, expected: str) -> None:
    scale = 300 / 72
    box = (13 / scale, 13 / scale, 28 / scale, 28 / scale)
    char = Char(read, box[0], box[1], box[2], box[3], 8.0, False, True)
    assert _bullets([char], _mark(kind), scale)[0].text == expected
