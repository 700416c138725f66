"""`registre eval GOLD_DIR OUT_DIR`: score a batch's output against hand-made gold.

Gold files are ``<name>.gold.json`` in the format of ``samples/GOLD_FORMAT.md``;
the output is ``OUT_DIR/<name>.json``. Per register and in total:

- rows: output activities whose title matches a gold title (F1);
- cells: gold cells whose text the output reproduces (similarity ≥ 0.97);
- retention: fixed durations per activity, F1 over (duration, max) pairs,
  ``P12M`` and ``P1Y`` being the same;
- legal: references per activity, F1 over kind + article/number/date;
- recip: recipients per activity, F1 over acronym-or-name.

A team annotating its own registers in that format measures the converter on
them with this one command.
"""

import difflib
import json
import re
import unicodedata
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CELL_OK = 0.97
TITLE_OK = 0.85
METRICS = ("rows", "cells", "retention", "legal", "recip")
_ISO = re.compile(
    r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?"
    r"(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$"
)
# The leading article a recipient may carry in one file and not in the other,
# folded: "les agents habilités" and "agents habilités" are one recipient.
_ARTICLE = re.compile(r"^(?:l |la |le |les |un |une |des |du |de la |de l |aux |au )")

Json = dict[str, Any]


@dataclass
class Count:
    """True positives, items found, items in gold: enough for precision, recall, F1."""

    hits: int = 0
    found: int = 0
    gold: int = 0

    def add(self, other: "Count") -> None:
        """Sum another count into this one."""
        self.hits += other.hits
        self.found += other.found
        self.gold += other.gold

    def f1(self) -> float:
        """F1; 1.0 when both sides are empty (nothing to find, nothing found)."""
        if not self.found and not self.gold:
            return 1.0
        precision = self.hits / self.found if self.found else 0.0
        recall = self.hits / self.gold if self.gold else 0.0
        total = precision + recall
        return 2 * precision * recall / total if total else 0.0


@dataclass
class Score:
    """One register's counts (or the total's)."""

    counts: dict[str, Count] = field(
        default_factory=lambda: {
            m: Count() for m in ("rows", "retention", "legal", "recip")
        }
    )
    cells_ok: int = 0
    cells_all: int = 0
    missing_output: bool = False

    def add(self, other: "Score") -> None:
        """Sum another register's counts into this one (the total)."""
        for name, count in other.counts.items():
            self.counts[name].add(count)
        self.cells_ok += other.cells_ok
        self.cells_all += other.cells_all

    def figures(self) -> dict[str, float]:
        """``{"rows": 1.0, "cells": 0.982, …}`` rounded to 3 places."""
        row = {name: round(count.f1(), 3) for name, count in self.counts.items()}
        row["cells"] = (
            round(self.cells_ok / self.cells_all, 3) if self.cells_all else 1.0
        )
        return {m: row[m] for m in METRICS}


def norm(text: str | None) -> str:
    """NFC, straight apostrophe, no-break spaces as spaces, single spaces."""
    text = unicodedata.normalize("NFC", text or "")
    text = text.replace("\u2019", "'").replace("\u00a0", " ").replace("\u202f", " ")
    return re.sub(r"\s+", " ", text).strip()


def key(text: str | None) -> str:
    """``"Catégories de destinataires*"`` → ``"categories de destinataires"``."""
    decomposed = unicodedata.normalize("NFKD", norm(text).lower())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", " ", bare).strip()


def similarity(a: str | None, b: str | None) -> float:
    """Similarity ratio of the normalised texts, 1.0 when equal."""
    a, b = norm(a), norm(b)
    if a == b:
        return 1.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def duration_value(iso: str | None) -> Hashable:
    """``"P1Y"`` and ``"P12M"`` → ``(12, 0)``; ``"P2W"`` == ``"P14D"``."""
    if not iso:
        return None
    match = _ISO.match(str(iso))
    if not match:
        return str(iso)
    y, mo, w, d, h, mi, s = (int(x) if x else 0 for x in match.groups())
    return (y * 12 + mo, ((w * 7 + d) * 24 + h) * 3600 + mi * 60 + s)


def retention_key(item: Json) -> Hashable:
    """``{"duration": "P1Y", "duration_max": None}`` → ``((12, 0), None)``."""
    return (
        duration_value(item.get("duration")),
        duration_value(item.get("duration_max")),
    )


def legal_key(item: Json) -> Hashable:
    """``{"kind": "code_article", "article": "R. 1111-42"}`` → ``("code_article",
    "R1111-42")``.
    """
    ident = (
        item.get("article")
        or item.get("number")
        or item.get("date")
        or key(item.get("text"))
    )
    return (item.get("kind"), re.sub(r"[\s.]", "", str(ident)).upper())


def recipient_key(item: str | Json) -> Hashable:
    """``"ARS"`` → ``"ars"``; ``{"name": "Les agents"}`` → ``"agents"``."""
    if not isinstance(item, str):
        item = item.get("acronym") or item.get("name") or ""
    return _ARTICLE.sub("", key(item))


def match_activities(
    gold: list[Json], out: list[Json]
) -> list[tuple[Json, Json | None]]:
    """Pair each gold activity, in order, with the unused output title fitting best."""
    pairs: list[tuple[Json, Json | None]] = []
    used: set[int] = set()
    for wanted in gold:
        best, best_score = None, 0.0
        for index, candidate in enumerate(out):
            if index in used:
                continue
            score = similarity(key(wanted.get("title")), key(candidate.get("title")))
            if score > best_score:
                best, best_score = index, score
        if best is not None and best_score >= TITLE_OK:
            used.add(best)
            pairs.append((wanted, out[best]))
        else:
            pairs.append((wanted, None))
    return pairs


def output_cell(activity: Json, header: str) -> str | None:
    """The output cell under ``header``, or under a header with the same loose key."""
    cells: Json = activity.get("cells") or {}
    if header in cells:
        return str(cells[header])
    return next((str(v) for h, v in cells.items() if key(h) == key(header)), None)


# metric, field in the register document, field in the gold file, item key
ITEM_METRICS: tuple[tuple[str, str, str, Callable[[Any], Hashable]], ...] = (
    ("retention", "retention", "retention", retention_key),
    ("legal", "legal_references", "legal_refs", legal_key),
    ("recip", "recipients", "recipients", recipient_key),
)


def _item_counts(score: Score, gold: Json, out: Json) -> None:
    for metric, out_field, gold_field, item_key in ITEM_METRICS:
        if gold_field not in gold:
            continue  # the gold file does not annotate this: no credit, no blame
        wanted = {item_key(x) for x in gold.get(gold_field) or []}
        found = {item_key(x) for x in out.get(out_field) or []}
        if metric == "retention":
            found.discard((None, None))  # an event-only rule is not a fixed duration
        score.counts[metric].add(Count(len(wanted & found), len(found), len(wanted)))


def score_register(gold: Json, out: Json | None) -> Score:
    """Score one register document against its gold file (None: no output)."""
    score = Score(missing_output=out is None)
    out_activities = (out or {}).get("activities", [])
    pairs = match_activities(gold.get("activities", []), out_activities)
    score.counts["rows"] = Count(
        sum(o is not None for _, o in pairs), len(out_activities), len(pairs)
    )
    for wanted, found in pairs:
        for header, text in (wanted.get("cells") or {}).items():
            score.cells_all += 1
            score.cells_ok += (
                similarity(text, output_cell(found or {}, header)) >= CELL_OK
            )
        _item_counts(score, wanted, found or {})
    return score


def _read(path: Path) -> Json | None:
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def evaluate(gold_dir: Path, out_dir: Path) -> dict[str, Score]:
    """Score every ``GOLD_DIR/<name>.gold.json`` against ``OUT_DIR/<name>.json``.

    Returns:
        Scores by register name, in name order, then ``"TOTAL"``.
    """
    scores: dict[str, Score] = {}
    total = Score()
    for gold_path in sorted(gold_dir.glob("*.gold.json")):
        name = gold_path.name.removesuffix(".gold.json")
        gold = _read(gold_path) or {}
        scores[name] = score_register(gold, _read(out_dir / f"{name}.json"))
        total.add(scores[name])
    scores["TOTAL"] = total
    return scores


def format_scores(scores: dict[str, Score]) -> Iterable[str]:
    """One line per register then the total, as ``registre eval`` prints them."""
    for name, score in scores.items():
        figures = "  ".join(f"{m} {v:.3f}" for m, v in score.figures().items())
        flag = "  (no output)" if score.missing_output else ""
        yield f"{name:32s} {figures}{flag}"
