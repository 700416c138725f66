"""`registre schema` validates every document `convert` writes."""

import json
from pathlib import Path

import jsonschema

from registre.cli import main
from registre.pipeline import run
from tests.conftest import sample_pdfs


def test_schema_validates_every_sample_document(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    validator = jsonschema.Draft202012Validator(schema)
    checked = 0
    for pdf in sample_pdfs():
        result = run(pdf)
        if result.register is None:
            continue
        document = json.loads(result.register.model_dump_json())
        errors = sorted(validator.iter_errors(document), key=str)
        assert not errors, f"{pdf.stem}: {errors[0].message} at {list(errors[0].path)}"
        checked += 1
    assert checked >= 10
