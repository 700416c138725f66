"""Third-batch Chromium renderers: zebra rows, centred cells, a row longer than a page.

``render_zebra``: no rule at all, rows told apart by alternate background
colours, a dark header row with white bold text printed once (an ordinary
first row, no ``thead``). ``render_middle``: a ruled grid whose header labels
carry forced line breaks (column ``printed``, ``\\n`` = ``<br>``) so that the
header is taller than the shortest rows, every cell vertically centred, some
cells empty or "—"; ``thead`` repeated. ``render_long``: a ruled grid whose
first column ("Direction"…) is merged by ``rowspan`` over runs of equal
values, ``thead`` repeated, one activity's purposes cell longer than a page.
Helpers come from ``chromium``.

Example: ``render_zebra(load("ehpad_register"), Path("e.pdf"), False)``.
"""

from __future__ import annotations

from pathlib import Path

from chromium import cell, colgroup, colour, merged_runs, print_register

# Chromium prints backgrounds only when asked to.
_EXACT = "* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"

ZEBRA_CSS = (
    _EXACT
    + """\
@page { size: A4; margin: 14mm 13mm 15mm 13mm; }
body { font-family: 'Liberation Sans', sans-serif; font-size: 8.4pt; color: #000; }
.org { font-size: 8pt; margin: 0 0 1mm 0; color: #444; }
h1 { font-size: 14pt; margin: 0 0 2mm 0; color: #23395d; }
.intro { font-size: 8.5pt; margin: 0 0 4mm 0; }
.note { font-size: 7.6pt; margin: 2mm 0 0 0; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; border: none; }
td { padding: 4pt 5pt; vertical-align: top; border: none; }
tr.head td { background: #23395d; color: #fff; font-weight: bold; }
tr.odd td { background: #e4ebf3; }
tr.even td { background: #ffffff; }
"""
)

MIDDLE_CSS = (
    _EXACT
    + """\
@page { size: A4 landscape; margin: 13mm 12mm 14mm 12mm; }
body { font-family: 'DejaVu Sans', sans-serif; font-size: 7.8pt; color: #000; }
.org { font-size: 7.8pt; margin: 0 0 1mm 0; }
h1 { font-size: 13pt; margin: 0 0 2mm 0; }
.intro { font-size: 8pt; margin: 0 0 4mm 0; }
.note { font-size: 7.2pt; margin: 2mm 0 0 0; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 0.6pt solid #000; padding: 2.5pt 3.5pt; vertical-align: middle;
          text-align: left; }
th { background: #f3e9d2; font-weight: bold; }
"""
)

LONG_CSS = (
    _EXACT
    + """\
@page { size: A4; margin: 14mm 12mm 14mm 12mm; }
body { font-family: 'Liberation Serif', serif; font-size: 9pt; color: #000; }
.org { font-size: 8.5pt; margin: 0 0 1mm 0; }
h1 { font-size: 15pt; margin: 0 0 2mm 0; }
.intro { font-size: 9pt; margin: 0 0 4mm 0; }
.note { font-size: 8pt; margin: 2mm 0 0 0; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 0.7pt solid #333; padding: 2.5pt 4pt; vertical-align: top;
          text-align: left; }
th { background: #dde8d5; font-weight: bold; }
td.merged { background: #f4f4f4; font-style: italic; }
"""
)


def _label(col: dict) -> str:
    """A header label as printed: ``printed`` (forced breaks) or ``label``."""
    return cell(col.get("printed", col["label"]))


def _thead(cols: list[dict]) -> str:
    """One header row, repeated by Chromium on every page."""
    ths = "".join(f"<th>{_label(c)}</th>" for c in cols)
    return f"<thead><tr>{ths}</tr></thead>"


def _rows(data: dict, probe: bool, parity: bool) -> list[str]:
    """One ``tr`` per activity (``odd``/``even`` classes when ``parity``)."""
    cols = data["register"]["columns"]
    rows = []
    for i, act in enumerate(data["activity"]):
        tds = "".join(f"<td>{cell(act.get(c['key'], ''))}</td>" for c in cols)
        cls = f" class='{'odd' if i % 2 == 0 else 'even'}'" if parity else ""
        rows.append(f"<tr{cls} style='color:{colour(i, probe)}'>{tds}</tr>")
    return rows


def render_zebra(data: dict, out: Path, probe: bool) -> None:
    """Portrait, no rule, alternate row colours, dark header row printed once."""
    reg = data["register"]
    cols = reg["columns"]
    head = "".join(f"<td>{_label(c)}</td>" for c in cols)
    rows = [f"<tr class='head'>{head}</tr>", *_rows(data, probe, True)]
    content = f"<table>{colgroup(cols)}<tbody>{''.join(rows)}</tbody></table>"
    print_register(reg, ZEBRA_CSS, content, out)


def render_middle(data: dict, out: Path, probe: bool) -> None:
    """Landscape ruled grid, multi-line header, cells centred vertically."""
    reg = data["register"]
    cols = reg["columns"]
    body = "".join(_rows(data, probe, False))
    content = f"<table>{colgroup(cols)}{_thead(cols)}<tbody>{body}</tbody></table>"
    print_register(reg, MIDDLE_CSS, content, out)


def render_long(data: dict, out: Path, probe: bool) -> None:
    """Portrait ruled grid, first column merged by rowspan, a row over pages."""
    reg = data["register"]
    cols, acts = reg["columns"], data["activity"]
    mkey = next(c["key"] for c in cols if c.get("merge"))
    spans = merged_runs(acts, mkey)
    rows = []
    for i, act in enumerate(acts):
        tds = []
        for c in cols:
            text = cell(act.get(c["key"], ""))
            if c["key"] != mkey:
                tds.append(f"<td>{text}</td>")
            elif spans[i]:
                tds.append(f"<td rowspan='{spans[i]}' class='merged'>{text}</td>")
        rows.append(f"<tr style='color:{colour(i, probe)}'>{''.join(tds)}</tr>")
    content = (
        f"<table>{colgroup(cols)}{_thead(cols)}<tbody>{''.join(rows)}</tbody></table>"
    )
    print_register(reg, LONG_CSS, content, out)
