"""More Chromium renderers: section-heading rows, and an info table before the grid.

``render_sections`` draws a ruled grid in which a full-width shaded row
(``colspan`` over every column: "Direction des ressources humaines") precedes
the activities of each direction; ``render_info`` prints a small two-column
"Responsable du traitement / DPO" table about the body above the register
grid. Both repeat their ``thead`` on every page. Helpers come from
``chromium``.

Example: ``render_sections(load("region_register"), Path("r.pdf"), False)``.
"""

from __future__ import annotations

import html
from pathlib import Path

from chromium import cell, colgroup, colour, print_register

SECTIONS_CSS = """\
@page { size: A4; margin: 15mm 12mm 15mm 12mm; }
body { font-family: 'Liberation Sans', sans-serif; font-size: 8.2pt; color: #000; }
.org { font-size: 8pt; margin: 0 0 1mm 0; color: #333; }
h1 { font-size: 14pt; margin: 0 0 2mm 0; color: #1f3864; }
.intro { font-size: 8.5pt; margin: 0 0 4mm 0; }
.note { font-size: 7.5pt; margin: 2mm 0 0 0; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 0.6pt solid #404040; padding: 2.5pt 3pt; vertical-align: top;
          text-align: left; }
th { background: #1f3864; color: #fff; font-weight: bold; }
tr.section td { background: #d6dce4; font-weight: bold; font-size: 9pt;
                 padding: 3pt 4pt; }
tr { break-inside: auto; }
"""

INFO_CSS = """\
@page { size: A4; margin: 14mm 13mm 16mm 13mm; }
body { font-family: 'DejaVu Sans', sans-serif; font-size: 7.6pt; color: #000; }
.org { font-size: 7.6pt; margin: 0 0 1mm 0; }
h1 { font-size: 13pt; margin: 0 0 2mm 0; }
h2 { font-size: 10pt; margin: 5mm 0 2mm 0; }
.intro { font-size: 8pt; margin: 0 0 4mm 0; }
.note { font-size: 7pt; margin: 2mm 0 0 0; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 0.5pt solid #000; padding: 2pt 3pt; vertical-align: top;
          text-align: left; }
th { background: #e7e6e6; font-weight: bold; }
table.info { width: 70%; }
table.info th { background: #f2f2f2; }
"""


def thead(cols: list[dict]) -> str:
    """One header row, repeated by Chromium on every page."""
    return (
        "<thead><tr>"
        + "".join(f"<th>{html.escape(c['label'])}</th>" for c in cols)
        + "</tr></thead>"
    )


def activity_rows(data: dict, probe: bool, sections: bool) -> str:
    """One ``tr`` per activity, with a section row where the section changes."""
    cols = data["register"]["columns"]
    rows, current = [], None
    for i, act in enumerate(data["activity"]):
        if sections and act["section"] != current:
            current = act["section"]
            rows.append(
                f"<tr class='section'><td colspan='{len(cols)}'>"
                f"{html.escape(current)}</td></tr>"
            )
        tds = "".join(f"<td>{cell(act.get(c['key'], ''))}</td>" for c in cols)
        rows.append(f"<tr style='color:{colour(i, probe)}'>{tds}</tr>")
    return "".join(rows)


def render_sections(data: dict, out: Path, probe: bool) -> None:
    """Portrait ruled grid with shaded full-width section rows, header repeated."""
    reg = data["register"]
    cols = reg["columns"]
    body = activity_rows(data, probe, True)
    content = f"<table>{colgroup(cols)}{thead(cols)}<tbody>{body}</tbody></table>"
    print_register(reg, SECTIONS_CSS, content, out)


def info_table(reg: dict) -> str:
    """The body's key/value table (controller, address, DPO…): not activities."""
    rows = "".join(
        f"<tr><th>{html.escape(k)}</th><td>{cell(v)}</td></tr>" for k, v in reg["info"]
    )
    cols = "<colgroup><col style='width:30%'><col></colgroup>"
    return f"<table class='info'>{cols}{rows}</table>"


def render_info(data: dict, out: Path, probe: bool) -> None:
    """Portrait: info table about the body, a sub-heading, then the register grid."""
    reg = data["register"]
    cols = reg["columns"]
    body = activity_rows(data, probe, False)
    sub = html.escape(reg["grid_heading"])
    grid = f"<table>{colgroup(cols)}{thead(cols)}<tbody>{body}</tbody></table>"
    content = f"{info_table(reg)}<h2>{sub}</h2>{grid}"
    print_register(reg, INFO_CSS, content, out)
