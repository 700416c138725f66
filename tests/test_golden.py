"""Whole registers: every sample against its gold file, then against golden output.

The gold files (samples/**/<name>.gold.json, GOLD_FORMAT.md) say what a
perfect extraction yields: each gold activity must be found, with each of its
cells as printed. The golden files (tests/golden/<name>.register.json) pin the
whole register document, so any change of output is seen and explained.
"""

import difflib
import json
import re
import unicodedata
from pathlib import Path

import pytest

from registre.pipeline import run
from schemas.register import Register
from tests.conftest import GOLDEN, sample_pdfs

TEXT_SAMPLES = [p for p in sample_pdfs() if not p.stem.endswith("_scan")]


def norm(text: str | None) -> str:
    text = unicodedata.normalize("NFC", text or "").replace("\u2019", "'")
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, norm(a), norm(b), autojunk=False).ratio()


@pytest.fixture(scope="module")
def converted() -> dict[str, Register]:
    registers = {}
    for pdf in TEXT_SAMPLES:
        result = run(pdf)
        assert result.register is not None, f"{pdf.name}: {result.issues}"
        registers[pdf.stem] = result.register
    return registers


@pytest.mark.parametrize("pdf", TEXT_SAMPLES, ids=lambda p: p.stem)
def test_every_gold_activity_and_cell_is_extracted(pdf: Path, converted) -> None:  # type: ignore[no-untyped-def]
    gold = json.loads(
        pdf.with_name(pdf.stem + ".gold.json").read_text(encoding="utf-8")
    )
    register = converted[pdf.stem]
    assert [c.header for c in register.columns] == gold["columns"], pdf.stem
    assert len(register.activities) == len(gold["activities"]), pdf.stem
    for i, (want, got) in enumerate(
        zip(gold["activities"], register.activities, strict=True), 1
    ):
        where = f"{pdf.stem}: activity {i} ({want['title'][:40]!r})"
        assert similar(got.title, want["title"]) >= 0.97, (
            f"{where}: title {got.title!r}"
        )
        for header, text in want["cells"].items():
            assert similar(got.cells.get(header, ""), text) >= 0.97, (
                f"{where} column {header!r}:\n  want {text!r}\n"
                f"  got  {got.cells.get(header)!r}"
            )
        if "pages" in want:
            assert got.pages[: len(want["pages"])] == want["pages"] or set(
                want["pages"]
            ) <= set(got.pages), f"{where}: pages {got.pages}"


@pytest.mark.parametrize("pdf", TEXT_SAMPLES, ids=lambda p: p.stem)
def test_register_matches_golden(pdf: Path, converted, update_golden: bool) -> None:  # type: ignore[no-untyped-def]
    path = GOLDEN / f"{pdf.stem}.register.json"
    register = converted[pdf.stem]
    text = register.model_dump_json(indent=2) + "\n"
    if update_golden:
        path.write_text(text, encoding="utf-8")
        return
    assert path.exists(), f"no golden file: UPDATE_GOLDEN=1 pytest {__file__}"
    golden = Register.model_validate_json(path.read_text(encoding="utf-8"))
    assert register.model_dump(exclude={"activities"}) == golden.model_dump(
        exclude={"activities"}
    ), f"{pdf.stem}: register fields differ"
    for got, want in zip(register.activities, golden.activities, strict=True):
        for name in type(got).model_fields:
            assert getattr(got, name) == getattr(want, name), (
                f"{pdf.stem}: activity {got.index} ({got.title[:40]!r}) field {name}"
            )


def test_golden_flag_is_off(update_golden: bool) -> None:
    assert not update_golden, "UPDATE_GOLDEN must not be set when tests run for real"


@pytest.mark.parametrize("pdf", TEXT_SAMPLES, ids=lambda p: p.stem)
def test_document_survives_a_json_round_trip(pdf: Path, converted) -> None:  # type: ignore[no-untyped-def]
    register = converted[pdf.stem]
    assert Register.model_validate_json(register.model_dump_json()) == register
