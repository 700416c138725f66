"""Page-level table pieces, before rows are joined across pages."""

from dataclasses import dataclass, field

from extract.geometry import Line


@dataclass(slots=True)
class Fragment:
    """The part of one cell printed on one page (its lines, top to bottom)."""

    lines: list[Line]
    bbox: tuple[float, float, float, float]
    page: int
    span: tuple[int, int]  # first and last page-column it covers
    carried: bool = False  # a merged cell repeated from a row above

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines)


@dataclass(slots=True)
class PageRow:
    """One row of a table as printed on one page; ``cells[i]`` is column i's stack."""

    cells: list[list[Fragment]]
    top: float
    bottom: float

    def texts(self) -> list[str]:
        return [" ".join(f.text for f in stack) for stack in self.cells]

    @property
    def empty(self) -> bool:
        return not any(f.lines for stack in self.cells for f in stack)


@dataclass(slots=True)
class PageTable:
    """A table found on one page: column x-boundaries and its rows."""

    page: int
    columns: list[tuple[float, float]]
    rows: list[PageRow]
    bbox: tuple[float, float, float, float]
    ruled: bool
    outside: list[Line] = field(default_factory=list)
