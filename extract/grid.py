"""Ruled tables: ruling lines → slots → merged cells → page rows.

The page is cut into slots by every distinct ruling position; two neighbouring
slots are one cell when no rule separates them (pdfplumber's edges →
intersections → cells, reduced to what registers need). A band boundary ruled
across most columns ends a row; one ruled across a few columns only is inside
a row (a two-level header) and a column left unruled there holds a merged cell.
"""

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field

from extract.bands import join_bands
from extract.cluster import cluster_values, connected_groups, merge_intervals, nearest
from extract.geometry import Rule, Word, centre_inside, straddles
from extract.lines import words_to_lines
from extract.model import Fragment, PageRow, PageTable

_COVER = 0.5  # share of a slot side a rule must cover to separate two slots


class _Ruling:
    """Rules clustered by position: position → merged intervals along the rule."""

    def __init__(self, rules: list[Rule], horizontal: bool, snap: float) -> None:
        pos = [(r.top if horizontal else r.x0) for r in rules]
        # two snaps: a double border (two lines 3 points apart) is one rule
        self.positions = cluster_values(pos, 2 * snap)
        spans: dict[int, list[tuple[float, float]]] = defaultdict(list)
        for rule, p in zip(rules, pos, strict=True):
            k = nearest(self.positions, p)
            spans[k].append(
                (rule.x0, rule.x1) if horizontal else (rule.top, rule.bottom)
            )
        # gaps up to two snaps are bridged: a dashed rule is one rule
        self.spans = {k: merge_intervals(v, 2 * snap) for k, v in spans.items()}

    def covers(self, position: float, start: float, end: float, snap: float) -> bool:
        """Whether a rule at ``position`` covers most of ``start``–``end``."""
        if not self.positions:
            return False
        k = nearest(self.positions, position)
        if abs(self.positions[k] - position) > 2 * snap:
            return False
        covered = sum(max(0.0, min(b, end) - max(a, start)) for a, b in self.spans[k])
        return covered >= _COVER * (end - start)


def find_grid_tables(
    rules: list[Rule], words: list[Word], page: int, snap: float
) -> list[PageTable]:
    """Every ruled table on a page, largest regions of connected rules first.

    Args:
        rules: the page's ruling segments.
        words: the page's words.
        page: the 1-based page number.
        snap: rules closer than this are one.

    Returns:
        One PageTable per region of at least two columns.
    """
    tables = []
    for region in _regions(rules, snap):
        table = _region_table(region, words, page, snap)
        if table is not None:
            tables.append(table)
    return join_bands(sorted(tables, key=lambda t: t.bbox[1]), words, snap)


def _regions(rules: list[Rule], snap: float) -> list[list[Rule]]:
    """Connected groups of rules: touching, side by side, or one above the other.

    Rules one above the other join when one of them meets no vertical rule:
    the rows of a table ruled between rows only. Two boxed tables of one
    width (fiches) stay apart.
    """
    verticals = [r for r in rules if not r.horizontal]
    bare = {
        id(r)
        for r in rules
        if r.horizontal and not any(touch(r, v, snap) for v in verticals)
    }

    def linked(a: Rule, b: Rule) -> bool:
        if touch(a, b, 2 * snap) or _side_by_side(a, b, snap):  # dashes too
            return True
        return (id(a) in bare or id(b) in bare) and _stacked(a, b, snap)

    return connected_groups(rules, linked)


def touch(a: Rule, b: Rule, snap: float) -> bool:
    """Two rules meet, or come within ``snap`` of each other."""
    return (
        a.x0 - snap <= b.x1
        and b.x0 - snap <= a.x1
        and a.top - snap <= b.bottom
        and b.top - snap <= a.bottom
    )


def _side_by_side(a: Rule, b: Rule, snap: float) -> bool:
    """Vertical rules with one top and one bottom: the borders of one row band.

    Chromium draws no horizontal border where a row is cut by a page break,
    so the page holding only the middle of a row has its verticals alone.
    """
    return (
        not a.horizontal
        and not b.horizontal
        and a.bottom - a.top > 4 * snap
        and abs(a.top - b.top) <= snap
        and abs(a.bottom - b.bottom) <= snap
    )


def _stacked(a: Rule, b: Rule, snap: float) -> bool:
    """Horizontal rules of one width: the rows of one table ruled between rows only."""
    return (
        a.horizontal
        and b.horizontal
        and a.x1 - a.x0 > 20 * snap
        and abs(a.x0 - b.x0) <= snap
        and abs(a.x1 - b.x1) <= snap
    )


def _region_table(
    rules: list[Rule], words: list[Word], page: int, snap: float
) -> PageTable | None:
    hs = [r for r in rules if r.horizontal]
    vs = [r for r in rules if not r.horizontal]
    h, v = _Ruling(hs, True, snap), _Ruling(vs, False, snap)
    xs = cluster_values(
        v.positions + [min(r.x0 for r in rules), max(r.x1 for r in rules)], 2 * snap
    )
    ys = cluster_values(
        h.positions + [min(r.top for r in rules), max(r.bottom for r in rules)],
        2 * snap,
    )
    if len(xs) < 3 or len(ys) < 2 or len(vs) < 2:
        return None
    ys = _trimmed(xs, ys, v, words, snap)
    cells = _merge_slots(xs, ys, h, v, snap)
    rows = _rows(_Slots(xs, ys, h, cells, _place_words(words, xs, ys), page, snap))
    bbox = (xs[0], ys[0], xs[-1], ys[-1])
    columns = list(zip(xs, xs[1:], strict=False))
    return PageTable(page, columns, rows, bbox, ruled=True)


def _merge_slots(
    xs: list[float], ys: list[float], h: _Ruling, v: _Ruling, snap: float
) -> dict[tuple[int, int], tuple[int, int]]:
    """Map each slot (column, band) to the slot naming its merged cell."""
    owner = {(i, j): (i, j) for i in range(len(xs) - 1) for j in range(len(ys) - 1)}

    def root(slot: tuple[int, int]) -> tuple[int, int]:
        while owner[slot] != slot:
            slot = owner[slot]
        return slot

    # where only the header is boxed and rules run between rows only, a band
    # with no vertical rule keeps the header's columns; in a grid ruled
    # throughout, such a band is one cell across (a section row)
    ruled = _ruled_bands(xs, ys, v, snap)
    keep = (
        [not r for r in ruled] if sum(ruled) * 2 <= len(ruled) else [False] * len(ruled)
    )
    for i in range(len(xs) - 1):
        for j in range(len(ys) - 1):
            inner = i + 1 < len(xs) - 1
            if inner and not (keep[j] or v.covers(xs[i + 1], ys[j], ys[j + 1], snap)):
                owner[root((i + 1, j))] = root((i, j))
            if j + 1 < len(ys) - 1 and not h.covers(ys[j + 1], xs[i], xs[i + 1], snap):
                a, b = root((i, j)), root((i, j + 1))
                owner[max(a, b)] = min(a, b)
    return {slot: root(slot) for slot in owner}


def _trimmed(
    xs: list[float], ys: list[float], v: _Ruling, words: list[Word], snap: float
) -> list[float]:
    """The bands of the table: from its first ruled band, and no further than a
    band of text that runs across its columns (a paragraph under the table
    ruled off by a rule of the table's width)."""
    ruled = _ruled_bands(xs, ys, v, snap)
    first = next((j for j, r in enumerate(ruled) if r), 0)
    last_ruled = max((j for j, r in enumerate(ruled) if r), default=0)
    last = len(ruled)
    for j in range(last_ruled + 1, len(ruled)):
        if not ruled[j] and _crossed(xs, ys[j], ys[j + 1], words):
            last = j
            break
    return ys[first : last + 1]


def _crossed(xs: list[float], top: float, bottom: float, words: list[Word]) -> bool:
    """Does a word between ``top`` and ``bottom`` straddle a column boundary?"""
    band = (xs[0], top, xs[-1], bottom)
    return any(
        straddles(w.x0, w.x1, xs[1:-1], 2) for w in words if centre_inside(w, band)
    )


def _ruled_bands(
    xs: list[float], ys: list[float], v: _Ruling, snap: float
) -> list[bool]:
    """Per band: does any vertical rule cross it between two columns?"""
    return [
        any(v.covers(x, ys[j], ys[j + 1], snap) for x in xs[1:-1])
        for j in range(len(ys) - 1)
    ]


def _place_words(
    words: list[Word], xs: list[float], ys: list[float]
) -> dict[tuple[int, int], list[Word]]:
    """The words of each slot, by the slot holding their centre."""
    inside: dict[tuple[int, int], list[Word]] = defaultdict(list)
    for word in words:
        cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
        i, j = bisect_right(xs, cx) - 1, bisect_right(ys, cy) - 1
        if 0 <= i < len(xs) - 1 and 0 <= j < len(ys) - 1:
            inside[(i, j)].append(word)
    return inside


@dataclass
class _Slots:
    """A region cut into slots, their merged cells and the words in each slot."""

    xs: list[float]
    ys: list[float]
    h: _Ruling
    owner: dict[tuple[int, int], tuple[int, int]]
    inside: dict[tuple[int, int], list[Word]]
    page: int
    snap: float
    members: dict[tuple[int, int], list[tuple[int, int]]] = field(init=False)

    def __post_init__(self) -> None:
        self.members = defaultdict(list)
        for slot, name in self.owner.items():
            self.members[name].append(slot)

    def row_bounds(self) -> list[int]:
        """Band indexes where a rule across most columns ends a row."""
        ncols = len(self.xs) - 1
        inner = [
            j
            for j in range(1, len(self.ys) - 1)
            if sum(self._ruled(j, i) for i in range(ncols)) * 2 > ncols
        ]
        return [0, *inner, len(self.ys) - 1]

    def _ruled(self, j: int, i: int) -> bool:
        return self.h.covers(self.ys[j], self.xs[i], self.xs[i + 1], self.snap)

    def fragment(self, name: tuple[int, int], end: int, seen: bool) -> Fragment:
        """The merged cell ``name`` as a fragment of the row ending at band ``end``."""
        slots = self.members[name]
        lines = words_to_lines(w for s in slots for w in self.inside.get(s, []))
        # an empty merged cell opening the page goes on from the page before
        from_before = (
            not lines
            and min(s[1] for s in slots) == 0
            and max(s[1] for s in slots) >= end
        )
        box = _slots_box(slots, self.xs, self.ys)
        span = (name[0], max(s[0] for s in slots))
        return Fragment(lines, box, self.page, span, carried=seen or from_before)


def _rows(grid: _Slots) -> list[PageRow]:
    """Group bands into rows; a cell spanning rows is carried into each of them."""
    ncols = len(grid.xs) - 1
    bounds = grid.row_bounds()
    seen: set[tuple[int, int]] = set()
    rows = []
    for start, end in zip(bounds, bounds[1:], strict=False):
        stacks: list[list[Fragment]] = [[] for _ in range(ncols)]
        placed: set[tuple[int, int]] = set()
        for j in range(start, end):
            for i in range(ncols):
                name = grid.owner[(i, j)]
                if name in placed or min(s[0] for s in grid.members[name]) != i:
                    continue
                stacks[i].append(grid.fragment(name, end, name in seen))
                placed.add(name)
        seen |= placed
        rows.append(PageRow(stacks, grid.ys[start], grid.ys[end]))
    return rows


def _slots_box(
    slots: list[tuple[int, int]], xs: list[float], ys: list[float]
) -> tuple[float, float, float, float]:
    return (
        xs[min(s[0] for s in slots)],
        ys[min(s[1] for s in slots)],
        xs[max(s[0] for s in slots) + 1],
        ys[max(s[1] for s in slots) + 1],
    )
