"""Shared paths and the golden-file regeneration flag (docling's verify_utils)."""

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
GOLDEN = Path(__file__).parent / "golden"


def sample_pdfs() -> list[Path]:
    """Every sample with a gold file, shared and generated ones."""
    return sorted(
        p for p in SAMPLES.rglob("*.pdf") if p.with_name(p.stem + ".gold.json").exists()
    )


@pytest.fixture
def update_golden() -> bool:
    """UPDATE_GOLDEN=1 rewrites the golden files instead of comparing."""
    return os.environ.get("UPDATE_GOLDEN") == "1"
