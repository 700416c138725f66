"""Shared pieces of the sample generator: register data, gold files, page probe.

Every register is rendered twice from the same data: once as the published
PDF (all text black) and once as a *probe* whose activity n is drawn in
rgb(0, 0, n + 1)/255 (visually black). Both renders must have the same
characters at the same places; the probe tells, character by character, which
activity a piece of text belongs to, so the gold ``pages`` are read back
from the rendering itself instead of being guessed.

Example: ``build(load("chu_register"), render)`` writes
``samples/generated/chu_register.pdf`` and ``chu_register.gold.json``.
"""

from __future__ import annotations

import json
import tempfile
import tomllib
from collections.abc import Callable
from pathlib import Path

import pdfplumber

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
OUT = HERE.parent / "generated"
SHY = "\u00ad"

Render = Callable[[dict, Path, bool], None]


def load(name: str) -> dict:
    """Read ``data/<name>.toml``: ``register`` (metadata, columns) and ``activity``."""
    with (DATA / f"{name}.toml").open("rb") as fh:
        return tomllib.load(fh)


def gold_text(text: str) -> str:
    """Cell text as GOLD_FORMAT wants it: soft hyphens gone, lines joined by one space.

    Example: ``gold_text("traite\\u00adment des\\ndonnées")``
    → ``"traitement des données"``.
    """
    return " ".join(text.replace(SHY, "").split())


def probe_rgb(index: int | None, probe: bool) -> tuple[int, int, int]:
    """Text colour (0–255) of activity ``index``; black elsewhere and in final PDFs."""
    if not probe or index is None:
        return (0, 0, 0)
    return (0, 0, index + 1)


def _activity_of(color: object) -> int | None:
    """Activity index encoded in a character's fill colour, if any."""
    if not isinstance(color, (tuple, list)) or len(color) != 3:
        return None
    r, g, b = (float(c) for c in color)
    if r > 0.001 or g > 0.001 or b < 0.5 / 255:
        return None
    return round(b * 255) - 1


def activity_pages(probe_pdf: Path, n: int) -> list[list[int]]:
    """Pages (1-based) on which each activity printed characters (from the probe)."""
    pages: list[set[int]] = [set() for _ in range(n)]
    with pdfplumber.open(probe_pdf) as pdf:
        for pno, page in enumerate(pdf.pages, start=1):
            for ch in page.chars:
                if (
                    ch["text"].strip()
                    and (i := _activity_of(ch.get("non_stroking_color"))) is not None
                ):
                    pages[i].add(pno)
    return [sorted(p) for p in pages]


def _layout(pdf_path: Path) -> list[list[tuple[str, int, int]]]:
    with pdfplumber.open(pdf_path) as pdf:
        return [
            [(c["text"], round(c["x0"]), round(c["top"])) for c in p.chars]
            for p in pdf.pages
        ]


def gold(data: dict, pages: list[list[int]], pages_total: int) -> dict:
    """The gold document of a register, cells straight from the source data."""
    reg = data["register"]
    cols = reg["columns"]
    title_key = next(c["key"] for c in cols if c["role"] == "title")
    acts = []
    for act, pgs in zip(data["activity"], pages, strict=True):
        cells = {
            c["label"]: gold_text(act[c["key"]])
            for c in cols
            if act.get(c["key"], "").strip()
        }
        one: dict = {"title": gold_text(act[title_key]), "pages": pgs, "cells": cells}
        if "section" in act:
            # A full-width section row printed above the activity (not an activity).
            one["section"] = act["section"]
        if "ctl" in act:
            one["controllers"] = act["ctl"]
        if "ret" in act:
            one["retention"] = [
                {"duration": r[0], "duration_max": r[1] if len(r) > 1 else None}
                for r in act["ret"]
            ]
        if "rec" in act:
            one["recipients"] = act["rec"]
        if "transfers" in act:
            one["transfers"] = act["transfers"]
        acts.append(one)
    out = {
        "file": f"{reg['name']}.pdf",
        "producer": reg["producer"],
        "layout": reg["layout"],
        "organisation": reg["organisation"],
        "title": reg["title"],
        "rights_contact": reg["rights_contact"],
        "columns": [c["label"] for c in cols],
        "column_roles": {c["label"]: c["role"] for c in cols},
        "pages_total": pages_total,
        "footnotes": [gold_text(f) for f in reg.get("footnotes", [])],
        "security_measures": gold_text(reg["security"])
        if reg.get("security")
        else None,
        "register_legal_refs": [],
        "notes": reg["notes"],
        "activities": acts,
    }
    groups: dict[str, list[str]] = {}
    for c in cols:
        if c.get("group"):
            groups.setdefault(c["group"], []).append(c["label"])
    if groups:
        out["header_groups"] = [
            {"label": g, "columns": labels} for g, labels in groups.items()
        ]
    return out


def build(data: dict, render: Render) -> Path:
    """Render the final PDF and its probe, check they agree, write PDF and gold.

    Returns:
        The path of the written PDF.
    """
    OUT.mkdir(parents=True, exist_ok=True)
    name = data["register"]["name"]
    final = OUT / f"{name}.pdf"
    with tempfile.TemporaryDirectory() as tmp:
        probe = Path(tmp) / f"{name}.probe.pdf"
        render(data, final, False)
        render(data, probe, True)
        final_layout = _layout(final)
        if final_layout != _layout(probe):
            raise RuntimeError(
                f"{name}: probe and final renders differ; pages cannot be read back"
            )
        pages = activity_pages(probe, len(data["activity"]))
    if any(not p for p in pages):
        raise RuntimeError(f"{name}: an activity printed no character: {pages}")
    doc = gold(data, pages, len(final_layout))
    (OUT / f"{name}.gold.json").write_text(
        json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return final
