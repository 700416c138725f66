"""Pin the run-specific bits of a printed PDF so that a rebuild gives the same bytes.

Chromium and LibreOffice stamp each PDF with the print time and a random
document id; both are replaced here.

Example: ``pin_pdf(Path("/tmp/x/raw.pdf"), Path("prefecture_register.pdf"))``.
"""

from __future__ import annotations

from pathlib import Path

import pikepdf

FIXED_DATE = "D:20250301120000Z"


def pin_pdf(raw: Path, out: Path) -> None:
    """Copy ``raw`` to ``out`` with fixed dates and a static document id."""
    with pikepdf.open(raw) as pdf:
        pdf.docinfo["/CreationDate"] = FIXED_DATE
        pdf.docinfo["/ModDate"] = FIXED_DATE
        for key in ("/ID", "/DocChecksum"):  # random per run
            if key in pdf.trailer:
                del pdf.trailer[key]
        pdf.save(out, static_id=True)
