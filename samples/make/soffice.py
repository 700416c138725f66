"""Headless LibreOffice conversion to PDF with the run-specific bits pinned.

LibreOffice stamps each PDF with the conversion time and a random document id;
both are replaced here so that a rebuild gives the same bytes.

Example: ``to_pdf(Path("/tmp/x/registre.fods"), Path("sdis_register.pdf"))``.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import pikepdf

FIXED_DATE = "D:20250301120000Z"


def to_pdf(src: Path, out: Path) -> None:
    """Convert an office file (DOCX, FODS, ODT…) to ``out`` with ``soffice``."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{tmp}/profile",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                tmp,
                str(src),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        with pikepdf.open(Path(tmp) / f"{src.stem}.pdf") as pdf:
            pdf.docinfo["/CreationDate"] = FIXED_DATE
            pdf.docinfo["/ModDate"] = FIXED_DATE
            for key in ("/ID", "/DocChecksum"):  # random per run
                if key in pdf.trailer:
                    del pdf.trailer[key]
            pdf.save(out, static_id=True)
