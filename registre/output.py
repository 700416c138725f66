"""Register → the files of CONTRACT.md: JSON, five CSVs, datapackage.json, report.json.

The only module that writes CSV. Every table is described once, as a list of
:class:`Field` (name, Frictionless type, how to get the value); the CSV writer
and ``datapackage.json`` both read that one description, so the declared types
can never drift from what is written. Long tables take their columns from the
pydantic item models, so a field added to ``Retention`` shows up in
``retention.csv`` and its datapackage entry without touching this module.
"""

import csv
import json
import types
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from registre.atomic import atomic_open, write_text
from schemas.issues import Issue
from schemas.register import (
    Activity,
    DataCategory,
    LegalReference,
    Party,
    Register,
    Retention,
)

Dialect = Literal["rfc", "excel-fr"]
DIALECTS: tuple[Dialect, ...] = ("rfc", "excel-fr")
LIST_SEPARATOR = " | "
RANGE_SEPARATOR = ".."
# Cells a spreadsheet would run as a formula (OWASP "CSV injection"); the quote
# itself is in the set so that the guard can be undone without ambiguity.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")

Value = str | int | bool | None


@dataclass(frozen=True)
class Field:
    """One CSV column: its name, Frictionless type, description and allowed values."""

    name: str
    type: str
    description: str
    enum: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table:
    """One CSV file: its columns, and its rows for one register."""

    name: str
    fields: tuple[Field, ...]
    rows: Callable[[Register], Iterator[list[Value]]]
    primary_key: tuple[str, ...]


def register_to_json(register: Register) -> str:
    """The ``<register_id>.json`` text: indent 2, UTF-8 as is, trailing newline.

    Example: ``register_to_json(reg).splitlines()[1]`` → ``'  "schema_version": "1",'``.
    """
    return (
        json.dumps(register.model_dump(mode="json"), ensure_ascii=False, indent=2)
        + "\n"
    )


def party_text(party: Party) -> str:
    """``Party(name="Agence régionale de santé", acronym="ARS")`` → ``"… (ARS)"``."""
    if party.acronym and party.acronym != party.name:
        return f"{party.name} ({party.acronym})"
    return party.name


def retention_duration(item: Retention) -> str | None:
    """``P10Y``, or ``PT1H..P12M`` for a range; None for an event-only rule."""
    if item.duration and item.duration_max:
        return f"{item.duration}{RANGE_SEPARATOR}{item.duration_max}"
    return item.duration or item.duration_max


def issue_text(issue: Issue) -> str:
    """One line per issue: ``"retention-unparsed: no duration (page 3)"``."""
    where = f" (page {issue.page})" if issue.page else ""
    if where and f"page {issue.page}" in issue.message:  # said already
        where = ""
    return f"{issue.code}: {issue.message}{where}"


def _joined(values: Iterable[str | None]) -> str:
    return LIST_SEPARATOR.join(v for v in values if v)


_S, _B, _I = "string", "boolean", "integer"
ACTIVITY_FIELDS = (
    # The CONTRACT.md columns, in its order.
    Field("register_id", _S, "the PDF's file stem, unique in the batch"),
    Field("activity_index", _I, "1-based position in the register"),
    Field("title", _S, "the activity's title as printed"),
    Field("purposes", _S, "purposes as printed"),
    Field("controllers", _S, "controllers, ' | '-joined"),
    Field("data_categories", _S, "data items as printed, ' | '-joined"),
    Field("data_subjects", _S, "' | '-joined"),
    Field("recipients", _S, "' | '-joined"),
    Field("retention", _S, "retention rules as printed, ' | '-joined"),
    Field("retention_durations", _S, "ISO 8601 durations, a range as MIN..MAX"),
    Field("legal_references", _S, "cited texts as printed, ' | '-joined"),
    Field("legal_basis", _S, "legal basis as printed"),
    Field("transfers", _B, "transfers outside the EU; empty when not stated"),
    Field("pages", _S, "1-based pages the activity is printed on, ' | '-joined"),
    Field("source_file", _S, "the input PDF's file name"),
    Field("warnings", _S, "what a reviewer should check, ' | '-joined"),
    # Extras.
    Field("joint_controllers", _B, "joint controllership"),
    Field("processors", _S, "' | '-joined"),
    Field("data_category_codes", _S, "CNIL categories of the data, ' | '-joined"),
    Field("sensitive_data", _B, "any GDPR art. 9/10 data or the NIR"),
    Field("section", _S, "the section heading row the activity is printed under"),
)


def activity_values(register: Register, a: Activity) -> dict[str, Value]:
    """One activities.csv row, by column name (keys: ACTIVITY_FIELDS)."""
    return {
        "register_id": register.register_id,
        "activity_index": a.index,
        "title": a.title,
        "purposes": a.purposes,
        "controllers": _joined(party_text(p) for p in a.controllers),
        "data_categories": _joined(d.text for d in a.data_categories),
        "data_subjects": _joined(a.data_subjects),
        "recipients": _joined(party_text(p) for p in a.recipients),
        "retention": _joined(x.text for x in a.retention),
        "retention_durations": _joined(retention_duration(x) for x in a.retention),
        "legal_references": _joined(x.text for x in a.legal_references),
        "legal_basis": a.legal_basis,
        "transfers": a.transfers,
        "pages": _joined(str(p) for p in a.pages),
        "source_file": register.source.file,
        "warnings": _joined(issue_text(w) for w in a.warnings),
        "joint_controllers": a.joint_controllers,
        "processors": _joined(party_text(p) for p in a.processors),
        "data_category_codes": _joined(dict.fromkeys(d.category
                                                     for d in a.data_categories)),
        "sensitive_data": any(d.sensitive for d in a.data_categories),
        "section": a.section,
    }


def _frictionless_type(annotation: Any) -> tuple[str, tuple[str, ...]]:
    """Map a pydantic annotation to a Frictionless type and, for a Literal, its enum."""
    args = [a for a in get_args(annotation) if a is not type(None)]
    if get_origin(annotation) in (Union, types.UnionType) and len(args) == 1:
        annotation = args[0]
    if annotation is bool:
        return "boolean", ()
    if annotation is int:
        return "integer", ()
    if get_origin(annotation) is Literal:
        return "string", tuple(str(v) for v in get_args(annotation))
    return "string", ()


def _model_fields(model: type[BaseModel]) -> tuple[Field, ...]:
    """One Field per pydantic field, typed from its annotation."""
    fields = []
    for name, info in model.model_fields.items():
        kind, enum = _frictionless_type(info.annotation)
        fields.append(Field(name, kind, info.description or "", enum))
    return tuple(fields)


def _long_table(name: str, attr: str, model: type[BaseModel], item: str) -> Table:
    """A long table: one row per item of ``activity.<attr>``, with every item field."""
    keys = (
        Field("register_id", "string", "the register"),
        Field("activity_index", "integer", "the activity's row in activities.csv"),
        Field(
            "item_index", "integer", f"1-based position of the {item} in its activity"
        ),
    )
    item_fields = _model_fields(model)

    def rows(register: Register) -> Iterator[list[Value]]:
        for activity in register.activities:
            for number, value in enumerate(getattr(activity, attr), start=1):
                keys: list[Value] = [register.register_id, activity.index, number]
                yield keys + [getattr(value, f.name) for f in item_fields]

    return Table(
        name, keys + item_fields, rows, ("register_id", "activity_index", "item_index")
    )


def _activities_rows(register: Register) -> Iterator[list[Value]]:
    for activity in register.activities:
        values = activity_values(register, activity)
        yield [values[f.name] for f in ACTIVITY_FIELDS]


def tables() -> tuple[Table, ...]:
    """The five CSV tables, activities first, in the order they are written."""
    return (
        Table("activities", ACTIVITY_FIELDS, _activities_rows,
              ("register_id", "activity_index")),
        _long_table("retention", "retention", Retention, "retention rule"),
        _long_table(
            "legal_references", "legal_references", LegalReference, "reference"
        ),
        _long_table("recipients", "recipients", Party, "recipient"),
        _long_table("data_categories", "data_categories", DataCategory, "data item"),
    )


def cell_text(value: Value, dialect: Dialect) -> str:
    """How a value is written: ``True`` → ``"true"``, ``None`` → ``""``.

    In ``excel-fr`` a text starting like a formula gets a leading quote:
    ``"=HYPERLINK(…)"`` → ``"'=HYPERLINK(…)"``, ``"-2+3"`` → ``"'-2+3"``.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    if (
        dialect == "excel-fr"
        and not isinstance(value, int)
        and text.startswith(FORMULA_STARTS)
    ):
        return "'" + text
    return text


def unguard(text: str) -> str:
    """Undo the excel-fr formula guard: ``"'-2+3"`` → ``"-2+3"``."""
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


CSV_FORMATS: dict[Dialect, dict[str, str]] = {
    "rfc": {"encoding": "utf-8", "delimiter": ","},
    "excel-fr": {"encoding": "utf-8-sig", "delimiter": ";"},
}


class CsvTables:
    """The five CSVs, written row by row as registers come, atomically at the end.

    Example::

        with CsvTables(Path("out"), "excel-fr") as csvs:
            csvs.add(register)
    """

    def __init__(self, folder: Path, dialect: Dialect = "rfc") -> None:
        self.folder, self.dialect = folder, dialect
        self.tables = tables()
        self._stack = ExitStack()
        self._writers: list[Any] = []

    def __enter__(self) -> "CsvTables":
        fmt = CSV_FORMATS[self.dialect]
        for table in self.tables:
            handle = self._stack.enter_context(
                atomic_open(
                    self.folder / f"{table.name}.csv",
                    newline="",
                    encoding=fmt["encoding"],
                )
            )
            # RFC 4180: CRLF line ends, quotes only where needed, "" inside quotes.
            writer = csv.writer(
                handle, delimiter=fmt["delimiter"], lineterminator="\r\n"
            )
            writer.writerow([f.name for f in table.fields])
            self._writers.append(writer)
        return self

    def add(self, register: Register) -> None:
        """Append the register's rows to every table."""
        for table, writer in zip(self.tables, self._writers, strict=True):
            for row in table.rows(register):
                writer.writerow([cell_text(v, self.dialect) for v in row])

    def __exit__(self, *exc: object) -> None:
        self._stack.__exit__(*exc)  # type: ignore[arg-type]


def _schema(table: Table) -> dict[str, Any]:
    fields: list[dict[str, Any]] = []
    for f in table.fields:
        field: dict[str, Any] = {"name": f.name, "type": f.type}
        if f.description:
            field["description"] = f.description
        if f.type == "boolean":
            field |= {"trueValues": ["true"], "falseValues": ["false"]}
        if f.enum:
            field["constraints"] = {"enum": list(f.enum)}
        fields.append(field)
    schema: dict[str, Any] = {
        "fields": fields,
        "missingValues": [""],
        "primaryKey": list(table.primary_key),
    }
    if table.name != "activities":
        schema["foreignKeys"] = [
            {
                "fields": ["register_id", "activity_index"],
                "reference": {
                    "resource": "activities",
                    "fields": ["register_id", "activity_index"],
                },
            }
        ]
    return schema


def datapackage(dialect: Dialect = "rfc") -> dict[str, Any]:
    """The Frictionless Data Package describing the five CSVs of a batch.

    Example: ``datapackage()["resources"][0]["schema"]["fields"][1]``
    → ``{"name": "activity_index", "type": "integer", …}``.
    """
    fmt = CSV_FORMATS[dialect]
    resources = [
        {
            "name": table.name,
            "path": f"{table.name}.csv",
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": fmt["encoding"],
            "dialect": {
                "delimiter": fmt["delimiter"],
                "lineTerminator": "\r\n",
                "quoteChar": '"',
                "doubleQuote": True,
                "header": True,
            },
            "schema": _schema(table),
        }
        for table in tables()
    ]
    return {
        "profile": "tabular-data-package",
        "name": "registre-batch",
        "title": "Registers of processing activities (GDPR art. 30), by registre",
        "registre": {"csv_dialect": dialect, "list_separator": LIST_SEPARATOR},
        "resources": resources,
    }


def write_json(path: Path, value: Any) -> None:
    """Write ``value`` as indented UTF-8 JSON with a trailing newline, atomically."""
    write_text(path, json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def write_register(folder: Path, register: Register) -> Path:
    """Write ``<register_id>.json`` into ``folder``; return its path."""
    path = folder / f"{register.register_id}.json"
    write_text(path, register_to_json(register))
    return path


def write_report(folder: Path, entries: Sequence[dict[str, Any]]) -> None:
    """Write ``report.json``: a summary by status, then one entry per input, in order.

    Example entry: ``{"file": "samples/dns_register.pdf", "register_id": "dns_register",
    "status": "ok", "messages": [], "pages": 10, "seconds": 1.42}``.
    """
    summary = {
        status: sum(1 for e in entries if e["status"] == status)
        for status in ("ok", "warning", "error")
    }
    write_json(folder / "report.json", {"summary": summary, "files": list(entries)})


def write_tables(
    folder: Path, registers: Iterable[Register], dialect: Dialect = "rfc"
) -> None:
    """Write the five CSVs and ``datapackage.json`` for ``registers``, in order."""
    with CsvTables(folder, dialect) as csvs:
        for register in registers:
            csvs.add(register)
    write_json(folder / "datapackage.json", datapackage(dialect))
