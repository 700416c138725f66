"""LibreOffice renderer for a very wide register: 12 columns on landscape A4.

A DOCX (python-docx) whose grid fills the width of a landscape page in a
6.5 pt narrow typeface, its first row repeated on every page
(``w:tblHeader``), rows free to break across pages; converted by ``soffice``.
Grid and cell helpers come from ``lo``.

Example: ``render_twelve(load("tribunal_register"), Path("t.pdf"), False)``.
"""

from __future__ import annotations

from pathlib import Path

from lo import WideLook, landscape_docx
from soffice import convert

TWELVE_LOOK = WideLook(
    "Liberation Sans Narrow", 8, 10, 12, (7, 6.5), 281, "E2E2E2", 30, 6.8
)


def build_twelve(data: dict, path: Path, probe: bool) -> None:
    """Landscape heading block, 12-column grid (7 pt header, 6.5 pt cells), notes."""
    landscape_docx(data, path, probe, TWELVE_LOOK)


def render_twelve(data: dict, out: Path, probe: bool) -> None:
    """DOCX (12-column landscape grid) → PDF with headless LibreOffice."""
    convert(build_twelve, "registre.docx", data, out, probe)
