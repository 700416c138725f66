"""The register document of CONTRACT.md: what `registre convert` writes per PDF."""

from importlib import metadata
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from schemas.issues import Issue, Status
from schemas.raw import CellPart

SCHEMA_VERSION: Literal["1"] = "1"


def _producer() -> str:
    try:
        return f"registre {metadata.version('registre')}"
    except metadata.PackageNotFoundError:  # running from a source tree
        return "registre"


PRODUCER = _producer()
"""Written into every document's ``source``: --resume redoes older versions' files."""

ColumnRole = Literal[
    "title",
    "purposes",
    "controllers",
    "legal_basis",
    "data_categories",
    "data_subjects",
    "recipients",
    "transfers",
    "retention",
    "security",
    "processors",
    "other",
]
LegalKind = Literal[
    "code_article",
    "law",
    "ordinance",
    "decree",
    "order",
    "eu_regulation",
    "eu_directive",
    "jorf",
    "circular",
    "other",
]
CategoryName = Literal[
    "etat_civil",
    "vie_personnelle",
    "vie_professionnelle",
    "economique_financier",
    "connexion",
    "localisation",
    "sante",
    "nir",
    "biometrie",
    "infractions",
    "opinions",
    "origine",
    "vie_sexuelle",
    "genetique",
    "image",
    "other",
]


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Retention(_Frozen):
    """One retention rule: "10 ans à partir de 2036" → P10Y, start_date 2036."""

    text: str
    duration: str | None = None
    duration_max: str | None = None
    start_event: str | None = None
    start_date: str | None = None
    until_event: str | None = None
    archival: bool = False
    applies_to: str | None = None


class LegalReference(_Frozen):
    """One cited text: "article R. 1111-42 du code de la santé publique" → R1111-42."""

    text: str
    kind: LegalKind
    code: str | None = None
    article: str | None = None
    paragraph: str | None = None
    number: str | None = None
    date: str | None = None
    range: bool = False
    and_following: bool = False
    instrument: str | None = None
    nor: str | None = None


class Party(_Frozen):
    """A recipient or controller: "Agence régionale de santé (ARS)" → name + acronym."""

    name: str
    acronym: str | None = None


class DataCategory(_Frozen):
    """A data item mapped onto the CNIL vocabulary: "NIR" → nir, sensitive."""

    text: str
    category: CategoryName
    sensitive: bool = False


class Column(_Frozen):
    """A printed column: leaf header as printed, its role, and its group header."""

    header: str
    role: ColumnRole
    group: str | None = None


class Source(_Frozen):
    """The input file, and the registre version that converted it (for --resume)."""

    file: str
    sha256: str
    pages: int
    producer: str = Field(
        default="", description="registre version that wrote the document"
    )


class Activity(_Frozen):
    """One processing activity: as-printed cells plus one typed field per role."""

    index: int
    title: str
    pages: list[int]
    section: str | None = Field(
        default=None,
        description="the section heading row it is printed under "
        '("Direction des ressources humaines")',
    )
    cells: dict[str, str]
    cell_parts: dict[str, list[CellPart]] = Field(
        default_factory=dict, description="provenance: page and box of every cell piece"
    )
    purposes: str | None = None
    controllers: list[Party] = Field(default_factory=list)
    joint_controllers: bool = False
    data_categories: list[DataCategory] = Field(default_factory=list)
    data_subjects: list[str] = Field(default_factory=list)
    recipients: list[Party] = Field(default_factory=list)
    retention: list[Retention] = Field(default_factory=list)
    legal_references: list[LegalReference] = Field(default_factory=list)
    legal_basis: str | None = None
    transfers: bool | None = None
    processors: list[Party] = Field(default_factory=list)
    warnings: list[Issue] = Field(default_factory=list)


class Register(_Frozen):
    """One register document (CONTRACT.md), one per input PDF."""

    schema_version: Literal["1"] = SCHEMA_VERSION
    register_id: str
    source: Source
    status: Status = "ok"
    organisation: str | None = None
    title: str | None = None
    rights_contact: str | None = None
    columns: list[Column] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    security_measures: str | None = None
    legal_references: list[LegalReference] = Field(
        default_factory=list, description="references printed outside the table"
    )
    activities: list[Activity] = Field(default_factory=list)
    warnings: list[Issue] = Field(default_factory=list)
