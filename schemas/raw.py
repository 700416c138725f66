"""What the extract stage gives: geometry and text, no French knowledge.

Coordinates are PDF points with the origin at the top-left of the page
(``top`` grows downwards), as pdfplumber has them; pages are 1-based.
"""

from pydantic import BaseModel, ConfigDict, Field

from schemas.issues import Issue

BBox = tuple[float, float, float, float]
"""x0, top, x1, bottom in points."""


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TextLine(_Frozen):
    """One printed line outside the table (heading, footnote, paragraph)."""

    text: str
    page: int
    bbox: BBox
    size: float = Field(description="font size of the line's largest characters")
    bold: bool = False
    margin: bool = Field(
        default=False, description="a running header or footer, printed on every page"
    )


class CellPart(_Frozen):
    """The piece of a cell printed on one page."""

    page: int
    bbox: BBox


class RawCell(_Frozen):
    """One cell of the logical table: the whole cell across page breaks.

    Example: lines ``["Appel à Projet", "– APP"]`` give text ``"Appel à Projet – APP"``.
    """

    text: str
    lines: list[str] = Field(default_factory=list)
    parts: list[CellPart] = Field(default_factory=list)
    paragraphs: list[str] = Field(
        default_factory=list,
        description="the text cut where a line ends short of the column (the "
        "next word would have fitted): items printed one per line; empty when "
        "the cell is one paragraph",
    )


class RawColumn(_Frozen):
    """A printed column: its leaf header, the group header above it, its x-span."""

    header: str
    group: str | None = None
    x0: float
    x1: float


class RawRow(_Frozen):
    """One activity: a table row (joined across pages) or one key/value fiche."""

    cells: list[RawCell]
    pages: list[int]
    section: str | None = Field(
        default=None, description="the section heading row printed above it"
    )
    issues: list[Issue] = Field(
        default_factory=list, description="what a reviewer should check in this row"
    )


class RawDocument(_Frozen):
    """The register's table as its author wrote it, plus the text around it."""

    file: str
    page_count: int
    layout: str = Field(description="grid | borderless | fiche | none")
    columns: list[RawColumn]
    rows: list[RawRow]
    preamble: list[TextLine] = Field(
        description="lines above the table on its first page"
    )
    trailer: list[TextLine] = Field(
        description="lines after the table, and page margins"
    )
    issues: list[Issue] = Field(default_factory=list)
