"""Chromium renderers: HTML written here, printed to PDF by headless Chromium.

``render_merged`` draws a ruled grid whose middle column merges runs of equal
values (``rowspan``) and whose header is an ordinary first row (printed once);
``render_rules`` draws horizontal rules only under a two-level ``thead``
(repeated by Chromium on every page). Dates are pinned afterwards so that a
rebuild gives the same file.

Example: ``render_rules(load("universite_register"), Path("u.pdf"), False)``.
"""

from __future__ import annotations

import html
import subprocess
import tempfile
from pathlib import Path

from common import probe_rgb
from pin import pin_pdf

CHROMIUM = [
    "chromium",
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-pdf-header-footer",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]

MERGED_CSS = """\
@page { size: A4 landscape; margin: 14mm 12mm 16mm 12mm; }
body { font-family: 'Liberation Sans', sans-serif; font-size: 10.5pt; color: #000; }
.org { font-size: 9pt; margin: 0 0 2mm 0; }
h1 { font-size: 16pt; margin: 0 0 2mm 0; }
.intro { font-size: 9.5pt; margin: 0 0 5mm 0; }
.note { font-size: 8.5pt; margin: 2mm 0 0 0; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
td { border: 0.8pt solid #000; padding: 3pt 4pt; vertical-align: top; }
tr.head td { font-weight: bold; background: #d9d9d9; }
td.merged { font-weight: bold; background: #f0f0f0; }
"""

RULES_CSS = """\
@page { size: A4 landscape; margin: 12mm 12mm 14mm 12mm; }
body { font-family: 'DejaVu Serif', serif; font-size: 8.6pt; color: #000; }
.org { font-size: 8pt; letter-spacing: 0.05em; margin: 0 0 1mm 0; }
h1 { font-size: 14pt; margin: 0 0 2mm 0; }
.intro { font-size: 8.5pt; margin: 0 0 4mm 0; }
.note { font-size: 7.8pt; margin: 2mm 0 0 0; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th { text-align: left; vertical-align: bottom; font-weight: bold; padding: 2pt 4pt;
      border-bottom: 0.7pt solid #000; }
th.group { text-align: center; border-bottom: 0.4pt solid #000; }
thead tr:first-child th { border-top: 1.4pt solid #000; }
td { padding: 3pt 4pt 5pt 4pt; vertical-align: top; border-bottom: 0.4pt solid #555;
      hyphens: manual; }
"""


def cell(text: str) -> str:
    """Cell text as HTML: escaped, ``\\n`` a ``<br>``, soft hyphens as ``&shy;``."""
    return "<br>".join(
        html.escape(line).replace("\u00ad", "&shy;") for line in text.split("\n")
    )


def colour(index: int | None, probe: bool) -> str:
    """CSS colour of an activity's text (see ``common.probe_rgb``)."""
    r, g, b = probe_rgb(index, probe)
    return f"rgb({r},{g},{b})"


def heading(reg: dict) -> str:
    """Organisation line, title, rights-contact line."""
    return (
        f'<p class="org">{html.escape(reg["org_line"])}</p>'
        f"<h1>{html.escape(reg['title'])}</h1>"
        f'<p class="intro">{html.escape(reg["intro"])}</p>'
    )


def tail(reg: dict) -> str:
    """Footnotes and security paragraph after the table."""
    parts = [f'<p class="note">{cell(n)}</p>' for n in reg.get("footnotes", [])]
    if reg.get("security"):
        parts.append(f'<p class="note">{cell(reg["security"])}</p>')
    return "".join(parts)


def print_pdf(page: str, out: Path) -> None:
    """Print an HTML page with headless Chromium, then pin its dates and id."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "register.html"
        src.write_text(page, encoding="utf-8")
        raw = Path(tmp) / "raw.pdf"
        subprocess.run(
            [
                *CHROMIUM,
                f"--user-data-dir={tmp}/profile",
                f"--print-to-pdf={raw}",
                src.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        pin_pdf(raw, out)


def colgroup(cols: list[dict]) -> str:
    """Column widths in percent of the table."""
    return (
        "<colgroup>"
        + "".join(f"<col style='width:{c['width']}%'>" for c in cols)
        + "</colgroup>"
    )


def print_register(reg: dict, css: str, content: str, out: Path) -> None:
    """Print one HTML page: ``css``, heading block, ``content``, then the tail."""
    page = (
        f'<!doctype html><html lang="fr"><meta charset="utf-8"><style>\n{css}</style>'
        f"<body>{heading(reg)}{content}{tail(reg)}</body></html>"
    )
    print_pdf(page, out)


def merged_runs(acts: list[dict], key: str) -> list[int]:
    """Rowspan of each activity's ``key`` cell: run length at a run's start, else 0."""
    spans = [0] * len(acts)
    start = 0
    for i in range(1, len(acts) + 1):
        if i == len(acts) or acts[i][key] != acts[start][key]:
            spans[start] = i - start
            start = i
    return spans


def render_merged(data: dict, out: Path, probe: bool) -> None:
    """Ruled grid, header as a plain first row, middle column merged over runs."""
    reg = data["register"]
    cols, acts = reg["columns"], data["activity"]
    mkey = next(c["key"] for c in cols if c.get("merge"))
    spans = merged_runs(acts, mkey)
    rows = [
        "<tr class='head'>"
        + "".join(f"<td>{html.escape(c['label'])}</td>" for c in cols)
        + "</tr>"
    ]
    for i, act in enumerate(acts):
        tds = []
        for c in cols:
            if c["key"] == mkey:
                if not spans[i]:
                    continue
                tds.append(
                    f"<td rowspan='{spans[i]}' class='merged'>"
                    f"{cell(act[c['key']])}</td>"
                )
            else:
                tds.append(f"<td>{cell(act.get(c['key'], ''))}</td>")
        rows.append(f"<tr style='color:{colour(i, probe)}'>" + "".join(tds) + "</tr>")
    content = f"<table>{colgroup(cols)}{''.join(rows)}</table>"
    print_register(reg, MERGED_CSS, content, out)


def group_header(cols: list[dict]) -> str:
    """Two header rows: group labels over their leaves, other labels over both."""
    top, leaves, i = [], [], 0
    while i < len(cols):
        g = cols[i].get("group")
        if not g:
            top.append(f"<th rowspan='2'>{html.escape(cols[i]['label'])}</th>")
            i += 1
            continue
        n = 0
        while i + n < len(cols) and cols[i + n].get("group") == g:
            leaves.append(f"<th>{html.escape(cols[i + n]['label'])}</th>")
            n += 1
        top.append(f"<th colspan='{n}' class='group'>{html.escape(g)}</th>")
        i += n
    return f"<thead><tr>{''.join(top)}</tr><tr>{''.join(leaves)}</tr></thead>"


def render_rules(data: dict, out: Path, probe: bool) -> None:
    """Horizontal rules only, two-level header repeated on every page."""
    reg = data["register"]
    cols = reg["columns"]
    body = "".join(
        f"<tr style='color:{colour(i, probe)}'>"
        + "".join(f"<td>{cell(a.get(c['key'], ''))}</td>" for c in cols)
        + "</tr>"
        for i, a in enumerate(data["activity"])
    )
    content = (
        f"<table>{colgroup(cols)}{group_header(cols)}<tbody>{body}</tbody></table>"
    )
    print_register(reg, RULES_CSS, content, out)
