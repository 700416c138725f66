"""One-dimensional clustering: positions drawn twice or almost aligned are one."""

from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")


def cluster_values(values: Iterable[float], tolerance: float) -> list[float]:
    """Sorted cluster means of values closer than ``tolerance`` to their neighbour.

    Example: ``cluster_values([10.0, 10.6, 50.0], 2)`` → ``[10.3, 50.0]``.
    """
    groups: list[list[float]] = []
    for value in sorted(values):
        if groups and value - groups[-1][-1] <= tolerance:
            groups[-1].append(value)
        else:
            groups.append([value])
    return [sum(g) / len(g) for g in groups]


def nearest(values: list[float], value: float) -> int:
    """Index of the value in ``values`` closest to ``value``."""
    return min(range(len(values)), key=lambda i: abs(values[i] - value))


def merge_intervals(
    intervals: Iterable[tuple[float, float]], tolerance: float
) -> list[tuple[float, float]]:
    """Union of intervals, joining those separated by at most ``tolerance``."""
    merged: list[list[float]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1] + tolerance:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(a, b) for a, b in merged]


def connected_groups(items: list[T], linked: Callable[[T, T], bool]) -> list[list[T]]:
    """Groups of items joined by ``linked`` pairs, directly or through others.

    Union-find over every pair: a page holds at most a few hundred rules.
    Groups come in the order of their first item.
    """
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(items):
        for j in range(i + 1, len(items)):
            if linked(a, items[j]):
                parent[root(i)] = root(j)
    groups: dict[int, list[T]] = {}
    for i, item in enumerate(items):
        groups.setdefault(root(i), []).append(item)
    return list(groups.values())
