"""The one geometry model of the extract stage, whichever reader fills it.

Coordinates are PDF points, origin at the top-left (``top`` grows downwards),
pages 1-based. Plain slotted dataclasses: a page holds thousands of characters
and these are built in the hot loop.
"""

from dataclasses import dataclass, field


@dataclass(slots=True)
class Char:
    """One printed character with its font box (ascent to descent, advance width)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool
    space_before: bool = False


@dataclass(slots=True)
class Rule:
    """A ruling segment: horizontal (``top == bottom`` in spirit) or vertical."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def horizontal(self) -> bool:
        return (self.x1 - self.x0) >= (self.bottom - self.top)


@dataclass(slots=True)
class Word:
    """Characters printed together with no space between them."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool


def centre_inside(word: Word, bbox: tuple[float, float, float, float]) -> bool:
    """Whether the centre of ``word`` lies in ``bbox`` (x0, top, x1, bottom)."""
    cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return bbox[0] <= cx <= bbox[2] and bbox[1] <= cy <= bbox[3]


def straddles(x0: float, x1: float, edges: list[float], tol: float) -> bool:
    """Whether the span x0–x1 runs across one of ``edges`` by more than ``tol``.

    Text of a table keeps to its columns; a heading, a paragraph or a page
    footer runs across them.
    """
    return any(x0 < e - tol and x1 > e + tol for e in edges)


@dataclass(slots=True)
class Line:
    """Words sharing a baseline, left to right."""

    words: list[Word]
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def size(self) -> float:
        return max(w.size for w in self.words)

    @property
    def bold(self) -> bool:
        chars = sum(len(w.text) for w in self.words)
        return sum(len(w.text) for w in self.words if w.bold) * 2 > chars


@dataclass(slots=True)
class Page:
    """What a reader gives for one page: characters, rules and filled boxes."""

    number: int
    width: float
    height: float
    chars: list[Char] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    images: int = 0
    ocr: bool = False
