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

from extract.geometry import Rule

_LONG = 0.25      # of the page width: a line this long is a ruling line for the skew
_MAX_SKEW = 5.0   # degrees: a steeper "line" is not a table rule
_H_KERNEL = 25.0  # points: a horizontal run this long is a rule, not a line of text
_V_KERNEL = 12.0  # points: a vertical run this long (letters are shorter)
_THICK = 3.0      # points: a band thicker than this is a filled box, not a rule
_BRIDGE = 0.5     # points: gaps this short in a scanned line are noise, closed


def binarise(gray: np.ndarray) -> np.ndarray:
    """Ink as 255, paper as 0 (Otsu's threshold: the scan's own contrast)."""
    _, ink = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    return ink


def skew_angle(ink: np.ndarray) -> float:
    """The page's rotation in degrees, from its long near-horizontal lines.

    Short horizontal runs are kept first (they survive a small rotation), then
    a probabilistic Hough transform joins them into long segments; the median
    angle of those is the skew. A page without long lines is taken as straight.

    Example: a ministry register scanned 0.8° clockwise → about ``0.8``.
    """
    width = ink.shape[1]
    runs = cv2.morphologyEx(ink, cv2.MORPH_OPEN,
                            cv2.getStructuringElement(cv2.MORPH_RECT, (width // 60, 1)))
    segments = cv2.HoughLinesP(runs, 1, math.pi / 1800, threshold=width // 8,
                               minLineLength=int(width * _LONG), maxLineGap=width // 100)
    if segments is None:
        return 0.0
    angles = []
    for x0, y0, x1, y1 in segments.reshape(-1, 4):  # OpenCV 4: (N,1,4); 5: (N,4)
        angle = math.degrees(math.atan2(y1 - y0, x1 - x0))
        if abs(angle) <= _MAX_SKEW:
            angles.append(angle)
    return float(np.median(angles)) if angles else 0.0


def rotate(gray: np.ndarray, angle: float) -> np.ndarray:
    """The image turned by ``-angle`` degrees about its centre, paper-white outside."""
    if abs(angle) < 0.01:
        return gray
    h, w = gray.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(gray, matrix, (w, h), flags=cv2.INTER_LINEAR,
                          borderValue=255)


def line_masks(ink: np.ndarray, scale: float) -> tuple[np.ndarray, np.ndarray]:
    """Horizontal and vertical ruling-line pixels of a straightened page."""
    bridge = max(1, round(_BRIDGE * scale))
    hlen, vlen = round(_H_KERNEL * scale), round(_V_KERNEL * scale)
    closed_h = cv2.morphologyEx(ink, cv2.MORPH_CLOSE,
                                cv2.getStructuringElement(cv2.MORPH_RECT, (bridge, 1)))
    closed_v = cv2.morphologyEx(ink, cv2.MORPH_CLOSE,
                                cv2.getStructuringElement(cv2.MORPH_RECT, (1, bridge)))
    horizontal = cv2.morphologyEx(closed_h, cv2.MORPH_OPEN,
                                  cv2.getStructuringElement(cv2.MORPH_RECT, (hlen, 1)))
    vertical = cv2.morphologyEx(closed_v, cv2.MORPH_OPEN,
                                cv2.getStructuringElement(cv2.MORPH_RECT, (1, vlen)))
    return horizontal, vertical


def mask_rules(mask: np.ndarray, horizontal: bool, scale: float) -> list[Rule]:
    """One ``Rule`` per connected line in a mask, in points, along its middle.

    A component thicker than a ruling line (a shaded header's edge merged with
    its fill) still counts: its two long edges are the rules a reader sees.
    """
    count, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    rules = []
    for x, y, w, h, _area in stats[1:count]:
        x0, top, x1, bottom = x / scale, y / scale, (x + w) / scale, (y + h) / scale
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
        return (h.x0 - tol <= v.x0 <= h.x1 + tol
                and v.top - tol <= h.top <= v.bottom + tol)

    return [v for v in verticals if any(meets(v, h) for h in horizontals)]


def _band(start: float, end: float, near: float, far: float, horizontal: bool
          ) -> list[Rule]:
    """A line band → its middle rule, or its two edges when it is a thick box."""
    across = [(near + far) / 2] if far - near <= _THICK else [near, far]
    if horizontal:
        return [Rule(start, y, end, y) for y in across]
    return [Rule(x, start, x, end) for x in across]
