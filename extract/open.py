"""Open a PDF for reading, turning every way it can fail into PdfLoadError."""

import io
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium

from schemas.errors import PdfLoadError

_MAGIC_WINDOW = 1024  # the PDF header may follow some junk bytes


def open_pdf(path: Path) -> pdfium.PdfDocument:
    """Open ``path`` with pdfium; repair it with pikepdf (qpdf) if pdfium refuses.

    Raises:
        PdfLoadError: empty file, not a PDF, encrypted, or broken beyond repair.
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(_MAGIC_WINDOW)
    except OSError as error:
        raise PdfLoadError(f"cannot read file: {error.strerror}") from error
    if not head:
        raise PdfLoadError("empty file (0 bytes)")
    if b"%PDF-" not in head:
        raise PdfLoadError("not a PDF (no %PDF- header)")
    try:
        return pdfium.PdfDocument(path)
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise PdfLoadError(
                "encrypted PDF: a password is needed to read it"
            ) from error
        return _repaired(path, error)


def _repaired(path: Path, first_error: Exception) -> pdfium.PdfDocument:
    """Let qpdf rebuild the cross-reference table, then read the rebuilt bytes."""
    try:
        with pikepdf.open(path) as repaired:
            buffer = io.BytesIO()
            repaired.save(buffer)
    except pikepdf.PasswordError as error:
        raise PdfLoadError("encrypted PDF: a password is needed to read it") from error
    except pikepdf.PdfError as error:
        raise PdfLoadError(f"broken PDF, not repairable: {first_error}") from error
    try:
        return pdfium.PdfDocument(buffer.getvalue())
    except pdfium.PdfiumError as error:
        raise PdfLoadError(f"broken PDF, not repairable: {error}") from error
