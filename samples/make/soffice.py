"""Headless LibreOffice conversion to PDF with the run-specific bits pinned.

LibreOffice stamps each PDF with the conversion time and a random document id;
both are replaced (``pin.pin_pdf``) so that a rebuild gives the same bytes.

Example: ``to_pdf(Path("/tmp/x/registre.fods"), Path("sdis_register.pdf"))``.
"""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from pin import pin_pdf

Build = Callable[[dict, Path, bool], None]


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
        pin_pdf(Path(tmp) / f"{src.stem}.pdf", out)


def convert(build: Build, name: str, data: dict, out: Path, probe: bool) -> None:
    """Write the source file ``name`` with ``build`` in a scratch directory, print it.

    Example: ``convert(build_fods, "registre.fods", data, out, False)``.
    """
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / name
        build(data, src, probe)
        to_pdf(src, out)
