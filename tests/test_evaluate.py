"""`registre eval`: the project's own scorer over gold files (GOLD_FORMAT.md)."""

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from registre.cli import main
from registre.evaluate import duration_value, evaluate, legal_key, recipient_key

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
# The reference scorer the samples came with; absent from a fresh clone.
SHARED_SCORER = Path(__file__).resolve().parents[2] / "shared" / "tools" / "score.py"


def output_from_gold(gold: dict[str, Any], damage: bool) -> dict[str, Any]:
    """A register document that reproduces the gold one, with some damage if asked."""
    activities = []
    for number, act in enumerate(gold["activities"]):
        cells = dict(act.get("cells") or {})
        retention = list(act.get("retention") or [])
        if damage and number % 3 == 0:
            cells = {h: t[: len(t) // 2] for h, t in cells.items()}  # cut cells
            retention = retention[1:]  # a lost duration
        activities.append(
            {
                "title": act["title"],
                "cells": cells,
                "retention": retention,
                "legal_references": act.get("legal_refs") or [],
                "recipients": [
                    {"name": r, "acronym": None} for r in act.get("recipients") or []
                ],
            }
        )
    if damage:
        activities = activities[:-1]  # one activity missed
    return {"activities": activities}


def write_outputs(folder: Path, damage: bool) -> None:
    folder.mkdir()
    for path in sorted(SAMPLES.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        name = path.name.removesuffix(".gold.json")
        (folder / f"{name}.json").write_text(json.dumps(output_from_gold(gold, damage)))


@pytest.mark.parametrize(
    "iso, value",
    [
        ("P1Y", (12, 0)),
        ("P12M", (12, 0)),
        ("P2W", (0, 14 * 86400)),
        ("PT1H", (0, 3600)),
        (None, None),
        ("bientôt", "bientôt"),
    ],
)
def test_duration_value(iso: str | None, value: object) -> None:
    assert duration_value(iso) == value


@pytest.mark.parametrize(
    "ref, key",
    [
        (
            {"kind": "code_article", "article": "R. 1111-42"},
            ("code_article", "R1111-42"),
        ),
        ({"kind": "law", "number": "78-17"}, ("law", "78-17")),
        ({"kind": "other", "text": "Délibération CNIL"}, ("other", "DELIBERATIONCNIL")),
    ],
)
def test_legal_key(ref: dict[str, str], key: tuple[str, str]) -> None:
    assert legal_key(ref) == key


@pytest.mark.parametrize(
    "item, key",
    [
        ("ARS", "ars"),
        ({"name": "Agence régionale de santé", "acronym": "ARS"}, "ars"),
        ({"name": "Les agents habilités", "acronym": None}, "agents habilites"),
    ],
)
def test_recipient_key(item: object, key: str) -> None:
    assert recipient_key(item) == key  # type: ignore[arg-type]


def test_a_perfect_output_scores_one(tmp_path: Path) -> None:
    write_outputs(tmp_path / "out", damage=False)
    total = evaluate(SAMPLES, tmp_path / "out")["TOTAL"].figures()
    assert total == {
        "rows": 1.0,
        "cells": 1.0,
        "retention": 1.0,
        "legal": 1.0,
        "recip": 1.0,
    }


def test_missing_outputs_score_zero(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty").mkdir()
    assert main(["eval", str(SAMPLES), str(tmp_path / "empty")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1].startswith("TOTAL") and "rows 0.000" in lines[-1]
    assert all("(no output)" in line for line in lines[:-1])


@pytest.mark.skipif(not SHARED_SCORER.is_file(), reason="reference scorer not present")
def test_same_figures_as_the_reference_scorer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_outputs(tmp_path / "out", damage=True)
    reference = subprocess.run(
        [
            sys.executable,
            str(SHARED_SCORER),
            str(SAMPLES),
            str(tmp_path / "out"),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert main(["eval", str(SAMPLES), str(tmp_path / "out"), "--json"]) == 0
    ours = json.loads(capsys.readouterr().out)
    assert ours == json.loads(reference.stdout)
    assert ours["TOTAL"]["rows"] < 1.0 and ours["TOTAL"]["cells"] < 1.0
