"""Scanned pages: straighten the image and find its ruling lines.

A scan is a photograph of a printed page, a little rotated. The table's ruling
lines are the longest straight marks on it, so they both tell the skew angle
and, once the image is straightened, give the same ``Rule`` segments a text
layer's paths give. Morphology (opening with long thin kernels) keeps the
lines and drops the text and the scanner's specks.
"""

import math

import cv2
import numpy as np

from extract.cluster import connected_groups
from extract.geometry import Rule
from extract.grid import touch

_LONG = 0.25  # of the page width: a line this long is a ruling line for the skew
_MAX_SKEW = 5.0  # degrees: a steeper "line" is not a table rule
_H_KERNEL = 25.0  # points: a horizontal run this long is a rule, not a line of text
_V_KERNEL = 12.0  # points: a vertical run this long (letters are shorter)
_THICK = 3.0  # points: a band thicker than this is a filled box, not a rule
_STROKE = 2.5  # points: wider than the stroke of any letter (13 pt bold: ~1.5)
_MIN_FILL = 6.0  # points: a fill at least this wide and tall holds text
_COVERED = 0.6  # share of its box a fill covers (the rest: its letters)
_BRIDGE = 0.5  # points: gaps this short in a scanned line are noise, closed


def binarise(gray: np.ndarray) -> np.ndarray:
    """Ink as 255, paper as 0 (Otsu's threshold: the scan's own contrast)."""
    _, ink = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    return ink


def skew_angle(ink: np.ndarray) -> float:
    """The page's rotation in degrees, from its long near-horizontal lines.

    Short horizontal runs are kept (a rule tilted by a degree or two is still
    a staircase of such runs, text is not); each run-connected mark as wide as
    a quarter of the page is a ruling line, and a least-squares fit gives its
    slope. The median slope is the skew; a page without such lines is taken
    as straight.

    Example: a ministry register scanned 0.7° askew → about ``0.7``.
    """
    width = ink.shape[1]
    runs = cv2.morphologyEx(
        ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (width // 60, 1))
    )
    count, labels, stats, _ = cv2.connectedComponentsWithStats(runs, connectivity=8)
    angles = []
    for k in range(1, count):
        x, y, w, h, _area = stats[k]
        if w < _LONG * width or h > w * math.tan(math.radians(_MAX_SKEW)) + width / 200:
            continue
        ys, xs = np.nonzero(labels[y : y + h, x : x + w] == k)
        slope = np.polyfit(xs.astype(float), ys.astype(float), 1)[0]
        angles.append(math.degrees(math.atan(slope)))
    return float(np.median(angles)) if angles else text_skew(ink)


def text_skew(ink: np.ndarray) -> float:
    """The rotation of a page without rules, from its lines of text.

    Turned straight, text lines make the sharpest profile of ink per pixel
    row (dense rows, empty gaps): the angle maximising the profile's sum of
    squares wins, searched coarse then fine on a reduced image.
    """
    small = cv2.resize(ink, None, fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA)
    best = 0.0
    for step, span in ((0.2, _MAX_SKEW), (0.02, 0.2)):
        candidates = np.arange(best - span, best + span + step / 2, step)
        best = max(candidates, key=lambda a: _sharpness(small, float(a)))
    return round(float(best), 2)


def _sharpness(ink: np.ndarray, angle: float) -> float:
    h, w = ink.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    turned = cv2.warpAffine(ink, matrix, (w, h), flags=cv2.INTER_NEAREST)
    rows = turned.sum(axis=1, dtype=np.float64)
    return float(np.square(rows).sum())


def rotate(gray: np.ndarray, angle: float) -> np.ndarray:
    """The image turned by ``-angle`` degrees about its centre, paper-white outside."""
    if abs(angle) < 0.01:
        return gray
    h, w = gray.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(gray, matrix, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)


def line_masks(ink: np.ndarray, scale: float) -> tuple[np.ndarray, np.ndarray]:
    """Horizontal and vertical ruling-line pixels of a straightened page."""
    bridge = max(1, round(_BRIDGE * scale))
    hlen, vlen = round(_H_KERNEL * scale), round(_V_KERNEL * scale)
    closed_h = cv2.morphologyEx(
        ink, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (bridge, 1))
    )
    closed_v = cv2.morphologyEx(
        ink, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (1, bridge))
    )
    horizontal = cv2.morphologyEx(
        closed_h, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (hlen, 1))
    )
    vertical = cv2.morphologyEx(
        closed_v, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, vlen))
    )
    return horizontal, vertical


def mask_rules(mask: np.ndarray, horizontal: bool, scale: float) -> list[Rule]:
    """One ``Rule`` per connected line in a mask, in points, along its middle.

    A component thicker than a ruling line (a shaded header's edge merged with
    its fill) still counts: its two long edges are the rules a reader sees.
    """
    count, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    rules = []
    for x, y, w, h, _area in stats[1:count]:
        x0, x1 = float(x) / scale, float(x + w) / scale
        top, bottom = float(y) / scale, float(y + h) / scale
        if horizontal:
            rules.extend(_band(x0, x1, top, bottom, True))
        else:
            rules.extend(_band(top, bottom, x0, x1, False))
    return sorted(rules, key=lambda r: (r.top, r.x0))


def attached(verticals: list[Rule], horizontals: list[Rule], tol: float) -> list[Rule]:
    """The vertical rules that meet a horizontal one: a table's, not a bracket's.

    A tall parenthesis in a title survives the vertical opening; a table's
    vertical rules always end on, or cross, one of its horizontal rules.
    """

    def meets(v: Rule, h: Rule) -> bool:
        return (
            h.x0 - tol <= v.x0 <= h.x1 + tol and v.top - tol <= h.top <= v.bottom + tol
        )

    return [v for v in verticals if any(meets(v, h) for h in horizontals)]


def _band(
    start: float, end: float, near: float, far: float, horizontal: bool
) -> list[Rule]:
    """A line band → its middle rule, or its two edges when it is a thick box."""
    across = [(near + far) / 2] if far - near <= _THICK else [near, far]
    if horizontal:
        return [Rule(start, y, end, y) for y in across]
    return [Rule(x, start, x, end) for x in across]


Columns = tuple[list[float], float, float]  # column edges, top, bottom (points)


def table_columns(rules: list[Rule], tol: float) -> list[Columns]:
    """Each ruled table's column edges and its top and bottom, in points.

    Rules touching one another (within ``tol``) are one table; its distinct
    vertical-rule positions are the column edges. Text is then read column by
    column, so that OCR never runs a line of one cell into the next cell.

    Example: a nine-column register page → ``[([36.2, 93.0, …, 552.2], 139.2, 794.4)]``.
    """
    tables = []
    for group in connected_groups(rules, lambda a, b: touch(a, b, tol)):
        xs = sorted(r.x0 for r in group if not r.horizontal)
        edges: list[float] = []
        for x in xs:
            if not edges or x - edges[-1] > tol:
                edges.append(x)
        if len(edges) >= 3:
            top, bottom = min(r.top for r in group), max(r.bottom for r in group)
            tables.append((edges, top, bottom))
    return tables


def dark_fills(ink: np.ndarray, scale: float) -> list[tuple[int, int, int, int]]:
    """Boxes (x, y, w, h in pixels) of solid dark fills: white-on-black headers.

    What survives an opening wider than any letter stroke is a filled area; a
    rectangle mostly covered by it (its letters are the holes) is a fill.

    Example: the black header row of a culture ministry register → one box per
    header cell.
    """
    side = max(3, round(_STROKE * scale))
    solid = cv2.morphologyEx(
        ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (side, side))
    )
    count, _, stats, _ = cv2.connectedComponentsWithStats(solid, connectivity=4)
    least = _MIN_FILL * scale
    return [
        (int(x), int(y), int(w), int(h))
        for x, y, w, h, area in stats[1:count]
        if w >= least and h >= least and area >= _COVERED * w * h
    ]


def invert_fills(
    gray: np.ndarray, fills: list[tuple[int, int, int, int]], scale: float
) -> tuple[np.ndarray, list[Rule]]:
    """The page with each dark fill inverted (dark text on light), and its edges.

    The edges of a fill bound its cell as ruling lines would: they are the
    rules a text layer's reader takes from a filled box.
    """
    if not fills:
        return gray, []
    out = gray.copy()
    rules = []
    for x, y, w, h in fills:
        out[y : y + h, x : x + w] = 255 - out[y : y + h, x : x + w]
        x0, top, x1, bottom = x / scale, y / scale, (x + w) / scale, (y + h) / scale
        rules += [
            Rule(x0, top, x1, top),
            Rule(x0, bottom, x1, bottom),
            Rule(x0, top, x0, bottom),
            Rule(x1, top, x1, bottom),
        ]
    return out, rules
