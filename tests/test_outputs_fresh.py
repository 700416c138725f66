"""Committed outputs/ must equal what `registre convert samples/ --out outputs/` gives.

Regenerate with ``registre convert samples/ --out outputs/`` from the repository
root. report.json is compared without its ``seconds`` (timings differ per run).
"""

import json
from pathlib import Path

import pytest

from registre.batch import convert_batch
from registre.progress import SilentProgress

ROOT = Path(__file__).resolve().parents[1]
OUTPUTS = ROOT / "outputs"


def contents(folder: Path) -> dict[str, object]:
    files: dict[str, object] = {}
    for path in sorted(folder.iterdir()):
        if path.is_file() and not path.name.startswith("."):
            files[path.name] = path.read_bytes()
    report = json.loads(files.pop("report.json"))  # type: ignore[arg-type]
    for entry in report["files"]:
        entry.pop("seconds", None)
    files["report.json"] = report
    return files


def test_committed_outputs_are_fresh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert OUTPUTS.is_dir(), (
        "outputs/ is missing: `registre convert samples/ --out outputs/`"
    )
    monkeypatch.chdir(ROOT)  # report.json holds paths as given: samples/<name>.pdf
    convert_batch(["samples"], tmp_path / "fresh", progress=SilentProgress(0))
    fresh, committed = contents(tmp_path / "fresh"), contents(OUTPUTS)
    stale = sorted(
        n for n in fresh.keys() | committed.keys() if fresh.get(n) != committed.get(n)
    )
    assert not stale, (
        "outputs/ is stale; regenerate it with "
        f"`registre convert samples/ --out outputs/`: {stale}"
    )


def test_committed_datapackage_validates() -> None:
    from frictionless import validate

    assert (OUTPUTS / "datapackage.json").is_file(), "outputs/ is missing"
    report = validate(OUTPUTS / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]
