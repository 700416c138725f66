"""The output stage: register JSON, the five CSVs in both dialects, datapackage.json.

Registers are built here from values quoted from samples/dns_register.pdf, so
these tests run without the extract and normalise stages.
"""

import csv
import io
import json
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest
from frictionless import validate
from hypothesis import given
from hypothesis import strategies as st

from registre.api import dataframes
from registre.atomic import TEMP_SUFFIX, atomic_open, sweep_temps, write_text
from registre.output import (
    DIALECTS,
    Dialect,
    cell_text,
    datapackage,
    register_to_json,
    tables,
    unguard,
    write_register,
    write_tables,
)
from schemas.issues import Issue
from schemas.register import (
    Activity,
    DataCategory,
    LegalReference,
    Party,
    Register,
    Retention,
    Source,
)

CONTRACT_COLUMNS = [
    "register_id",
    "activity_index",
    "title",
    "purposes",
    "controllers",
    "data_categories",
    "data_subjects",
    "recipients",
    "retention",
    "retention_durations",
    "legal_references",
    "legal_basis",
    "transfers",
    "pages",
    "source_file",
    "warnings",
]
DUCKDB_TYPES = {"integer": "BIGINT", "boolean": "BOOLEAN", "string": "VARCHAR"}


def make_register(
    register_id: str = "dns_register",
    title: str | None = None,
    purposes: str | None = None,
) -> Register:
    """A two-activity register with every kind of item (texts from dns_register.pdf)."""
    first = Activity(
        index=1,
        pages=[1, 2],
        title=title or "Appel à Projet – APP programme ESMS numérique",
        cells={"Intitulé": "Appel à Projet – APP programme ESMS numérique"},
        purposes=purposes
        or "Echange entre les candidats et les équipes Ségur du ministère",
        controllers=[Party(name="DNS", acronym="DNS")],
        recipients=[
            Party(name="Agences régionales de santé", acronym="ARS"),
            Party(name="médecins de la CVAGS"),
        ],
        data_subjects=["Le porteur du projet", "Les agents"],
        data_categories=[
            DataCategory(
                text="Etat civil de la personne déclarante : nom et prénom",
                category="etat_civil",
            ),
            DataCategory(text="NIR", category="nir", sensitive=True),
        ],
        retention=[
            Retention(
                text="10 ans à partir de 2036", duration="P10Y", start_date="2036"
            ),
            Retention(
                text="d'une heure à douze mois", duration="PT1H", duration_max="P12M"
            ),
        ],
        legal_references=[
            LegalReference(
                text="article R. 1111-42 du code de la santé publique",
                kind="code_article",
                code="Code de la santé publique",
                article="R1111-42",
            )
        ],
        transfers=False,
        warnings=[
            Issue(
                code="cell-looks-cut",
                stage="normalise",
                page=2,
                message="cell ends mid-sentence",
            )
        ],
    )
    second = Activity(index=2, pages=[3], title="Annuaire santé", cells={})
    return Register(
        register_id=register_id,
        source=Source(file=f"{register_id}.pdf", sha256="0" * 64, pages=3),
        activities=[first, second],
    )


def read_csv(path: Path, dialect: Dialect) -> list[list[str]]:
    text = path.read_bytes().decode("utf-8-sig" if dialect == "excel-fr" else "utf-8")
    delimiter = ";" if dialect == "excel-fr" else ","
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


@pytest.fixture(params=DIALECTS)
def batch(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, Dialect]:
    dialect: Dialect = request.param
    registers = [
        make_register("dns_register"),
        make_register("registre", title='=HYPERLINK("http://x")', purposes="-2+3"),
    ]
    for register in registers:
        write_register(tmp_path, register)
    write_tables(tmp_path, registers, dialect)
    return tmp_path, dialect


def test_activities_columns_follow_the_contract_then_extras(
    batch: tuple[Path, Dialect],
) -> None:
    folder, dialect = batch
    header = read_csv(folder / "activities.csv", dialect)[0]
    assert header[: len(CONTRACT_COLUMNS)] == CONTRACT_COLUMNS


def test_activity_row_joins_lists_with_a_pipe(batch: tuple[Path, Dialect]) -> None:
    folder, dialect = batch
    rows = read_csv(folder / "activities.csv", dialect)
    row = dict(zip(rows[0], rows[1], strict=True))
    assert (
        row["recipients"] == "Agences régionales de santé (ARS) | médecins de la CVAGS"
    )
    assert row["retention_durations"] == "P10Y | PT1H..P12M"
    assert row["pages"] == "1 | 2"
    assert row["transfers"] == "false"
    assert row["warnings"] == "cell-looks-cut: cell ends mid-sentence (page 2)"
    assert row["legal_basis"] == ""


@pytest.mark.parametrize(
    "table, attr, model",
    [
        ("retention", "retention", Retention),
        ("legal_references", "legal_references", LegalReference),
        ("recipients", "recipients", Party),
        ("data_categories", "data_categories", DataCategory),
    ],
)
def test_long_table_has_one_row_per_item_and_every_field(
    batch: tuple[Path, Dialect], table: str, attr: str, model: type
) -> None:
    folder, dialect = batch
    rows = read_csv(folder / f"{table}.csv", dialect)
    assert rows[0] == [
        "register_id",
        "activity_index",
        "item_index",
        *model.model_fields,
    ]
    items = getattr(make_register().activities[0], attr)
    assert len(rows) - 1 == 2 * len(items)  # two registers, items in activity 1 only
    assert [r[:3] for r in rows[1:3]][0] == ["dns_register", "1", "1"]


def test_rfc_is_utf8_comma_crlf_without_bom(tmp_path: Path) -> None:
    write_tables(tmp_path, [make_register()], "rfc")
    data = (tmp_path / "activities.csv").read_bytes()
    assert data.startswith(b"register_id,activity_index,title,")
    assert b"\r\n" in data and "Agences régionales".encode() in data


def test_excel_fr_is_bom_semicolon(tmp_path: Path) -> None:
    write_tables(tmp_path, [make_register()], "excel-fr")
    assert (
        (tmp_path / "activities.csv")
        .read_bytes()
        .startswith(b"\xef\xbb\xbfregister_id;activity_index;title;")
    )


@pytest.mark.parametrize(
    "value, rfc, excel_fr",
    [
        (
            '=HYPERLINK("http://x","clic")',
            '=HYPERLINK("http://x","clic")',
            '\'=HYPERLINK("http://x","clic")',
        ),
        ("-2+3", "-2+3", "'-2+3"),
        ("+33 1 40 56 60 00", "+33 1 40 56 60 00", "'+33 1 40 56 60 00"),
        ("@SUM(A1)", "@SUM(A1)", "'@SUM(A1)"),
        ("\tcellule", "\tcellule", "'\tcellule"),
        ("Appel à Projet", "Appel à Projet", "Appel à Projet"),
        (True, "true", "true"),
        (None, "", ""),
        (-1, "-1", "-1"),  # an integer is a number, never a formula
    ],
)
def test_formula_guard(value: str | bool | int | None, rfc: str, excel_fr: str) -> None:
    assert (cell_text(value, "rfc"), cell_text(value, "excel-fr")) == (rfc, excel_fr)


@given(st.text())
def test_formula_guard_can_be_undone(text: str) -> None:
    assert unguard(cell_text(text, "excel-fr")) == text


def test_register_json_round_trips_and_is_stable() -> None:
    register = make_register()
    text = register_to_json(register)
    assert Register.model_validate_json(text) == register
    assert text == register_to_json(Register.model_validate_json(text))
    assert text.endswith("}\n") and '"Agences régionales de santé"' in text


def test_datapackage_validates_with_frictionless(batch: tuple[Path, Dialect]) -> None:
    folder, _ = batch
    json.dumps(datapackage())  # plain JSON, nothing exotic
    write_text(
        folder / "datapackage.json",
        (folder / "datapackage.json").read_text(encoding="utf-8"),
    )
    report = validate(folder / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type"])


def test_frictionless_catches_a_wrong_type(tmp_path: Path) -> None:
    """The types are really declared: a text in an integer column fails validation."""
    write_tables(tmp_path, [make_register()], "rfc")
    path = tmp_path / "activities.csv"
    path.write_bytes(
        path.read_bytes().replace(b"dns_register,1,", b"dns_register,un,", 1)
    )
    report = validate(tmp_path / "datapackage.json")
    assert not report.valid
    assert "type-error" in {e[0] for e in report.flatten(["type"])}


def test_pandas_reads_typed_columns(batch: tuple[Path, Dialect]) -> None:
    folder, _ = batch
    frames = dataframes(folder)
    activities = frames["activities"]
    assert str(activities["activity_index"].dtype) == "Int64"
    assert str(activities["transfers"].dtype) == "boolean"
    assert activities.loc[2, "title"] == '=HYPERLINK("http://x")'  # guard undone
    assert activities.loc[2, "purposes"] == "-2+3"
    assert frames["data_categories"]["sensitive"].tolist()[:2] == [False, True]


def test_duckdb_reads_typed_columns(batch: tuple[Path, Dialect]) -> None:
    folder, _ = batch
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        columns = {
            f["name"]: DUCKDB_TYPES[f["type"]] for f in resource["schema"]["fields"]
        }
        relation = duckdb.read_csv(
            str(folder / resource["path"]),
            header=True,
            sep=resource["dialect"]["delimiter"],
            columns=columns,
        )
        assert (
            dict(zip(relation.columns, map(str, relation.types), strict=True))
            == columns
        )
        assert len(relation.fetchall()) > 0


def test_atomic_write_leaves_nothing_when_interrupted(tmp_path: Path) -> None:
    target = tmp_path / "activities.csv"
    with pytest.raises(RuntimeError), atomic_open(target) as handle:
        handle.write("half a row")
        raise RuntimeError("killed")
    assert list(tmp_path.iterdir()) == []


def test_sweep_removes_only_our_temp_files(tmp_path: Path) -> None:
    (tmp_path / f".activities.csv.x1{TEMP_SUFFIX}").write_text("half")
    (tmp_path / "dns_register.json").write_text("{}")
    assert [p.name for p in sweep_temps(tmp_path)] == [
        f".activities.csv.x1{TEMP_SUFFIX}"
    ]
    assert [p.name for p in tmp_path.iterdir()] == ["dns_register.json"]


def test_tables_are_the_five_of_the_contract() -> None:
    assert [t.name for t in tables()] == [
        "activities",
        "retention",
        "legal_references",
        "recipients",
        "data_categories",
    ]


@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice is not installed"
)
def test_excel_fr_opens_in_libreoffice_without_formulas(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    register = make_register(
        "registre", title='=HYPERLINK("http://x","clic")', purposes="-2+3"
    )
    write_tables(tmp_path, [register], "excel-fr")
    # 59 = ';', 34 = '"', 76 = UTF-8, then "evaluate formulas" ON: the worst case.
    options = "CSV:59,34,76,1,,0,false,true,false,false,false,-1,true"
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--infilter=" + options,
            "--convert-to",
            "xlsx",
            "--outdir",
            str(tmp_path / "x"),
            str(tmp_path / "activities.csv"),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    sheet = openpyxl.load_workbook(tmp_path / "x" / "activities.xlsx").active
    header = [c.value for c in sheet[1]]
    assert header[: len(CONTRACT_COLUMNS)] == CONTRACT_COLUMNS
    row = {h: c for h, c in zip(header, sheet[2], strict=False)}
    assert row["recipients"].value.startswith("Agences régionales de santé (ARS)")
    for column in ("title", "purposes"):
        assert row[column].data_type == "s", f"{column} became a formula"
    assert row["title"].value == '\'=HYPERLINK("http://x","clic")'
    assert row["activity_index"].value == 1
