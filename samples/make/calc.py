"""LibreOffice Calc renderer: a spreadsheet register printed to PDF.

Many bodies keep their register in a spreadsheet and print it. ``render_sheet``
writes a flat ODF spreadsheet (``.fods``, plain XML: no zip, no dates) with
bordered, wrapped cells in their default bottom alignment, a title block of
merged rows, the header row declared as the print titles
(``table:table-header-rows``, repeated on every page), a landscape page scaled
to one page wide (small print), Calc's running header and a "Page N / M"
footer; ``soffice`` prints it. Row heights are left to Calc ("optimal"),
which is why the flat ODF format is used: LibreOffice does not re-fit the rows
of an XLSX written by openpyxl.

Example: ``render_sheet(load("sdis_register"), Path("sdis.pdf"), False)``.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from common import probe_rgb
from soffice import convert

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:loext="urn:org:documentfoundation:names:experimental:office:'
    'xmlns:loext:1.0"'
)
BORDER = 'fo:border="0.75pt solid #000000"'
# Table → page style link; landscape A4 scaled to one page wide (scale-to-Y 0:
# as many pages as needed), room for Calc's running header and footer.
PAGE_LAYOUT = (
    '<style:style style:name="ta" style:family="table" '
    'style:master-page-name="Register"><style:table-properties '
    'table:display="true"/></style:style>'
    '<style:page-layout style:name="pl"><style:page-layout-properties '
    'fo:page-width="29.7cm" fo:page-height="21cm" '
    'style:print-orientation="landscape" fo:margin-top="0.8cm" '
    'fo:margin-bottom="0.8cm" fo:margin-left="1cm" fo:margin-right="1cm" '
    'loext:scale-to-X="1" loext:scale-to-Y="0" style:scale-to-X="1" '
    'style:scale-to-Y="0"/><style:header-style><style:header-footer-properties '
    'fo:min-height="0.6cm" fo:margin-bottom="0.25cm"/></style:header-style>'
    '<style:footer-style><style:header-footer-properties fo:min-height="0.6cm" '
    'fo:margin-top="0.25cm"/></style:footer-style></style:page-layout>'
)


def cell_style(name: str, size: float, rgb: tuple[int, int, int], extra: str) -> str:
    """One table-cell style: Liberation Sans, wrapped text, ``extra`` properties."""
    colour = "#{:02x}{:02x}{:02x}".format(*rgb)
    weight = ' fo:font-weight="bold"' if "bold" in name else ""
    return (
        f'<style:style style:name="{name}" style:family="table-cell">'
        f'<style:table-cell-properties fo:wrap-option="wrap" {extra}/>'
        f'<style:text-properties style:font-name="Liberation Sans" '
        f'fo:font-size="{size}pt" fo:color="{colour}"{weight}/></style:style>'
    )


def styles(data: dict, probe: bool) -> str:
    """Automatic styles: columns, optimal-height rows, cells, page layout."""
    reg = data["register"]
    cols = reg["columns"]
    weight = sum(c["width"] for c in cols)
    out = [
        f'<style:style style:name="co{j}" style:family="table-column">'
        f"<style:table-column-properties style:column-width="
        f'"{reg["sheet_width_cm"] * c["width"] / weight:.2f}cm"/></style:style>'
        for j, c in enumerate(cols)
    ]
    out.append(
        '<style:style style:name="ro" style:family="table-row">'
        '<style:table-row-properties style:use-optimal-row-height="true"/>'
        "</style:style>"
    )
    out += [
        cell_style("titlebold", 16, (0, 0, 0), ""),
        cell_style("plain", 10, (0, 0, 0), ""),
        cell_style(
            "headbold",
            10,
            (0, 0, 0),
            f'{BORDER} fo:background-color="#d9d9d9" style:vertical-align="middle"',
        ),
    ]
    out += [
        cell_style(f"a{i}", 10, probe_rgb(i, probe), BORDER)
        for i in range(len(data["activity"]))
    ]
    out.append(PAGE_LAYOUT)
    return "".join(out)


def master(reg: dict) -> str:
    """The page style: running header (left) and "Page N / M" footer (centre)."""
    return (
        '<style:master-page style:name="Register" style:page-layout-name="pl">'
        f"<style:header><style:region-left><text:p>{escape(reg['running_header'])}"
        "</text:p></style:region-left></style:header>"
        "<style:footer><text:p>Page <text:page-number>1</text:page-number> / "
        "<text:page-count>1</text:page-count></text:p></style:footer>"
        "</style:master-page>"
    )


def tcell(text: str, style_name: str, span: int = 1) -> str:
    """A string cell; each ``\\n``-separated line of the source is a paragraph."""
    paras = "".join(f"<text:p>{escape(line)}</text:p>" for line in text.split("\n"))
    spanned = f' table:number-columns-spanned="{span}"' if span > 1 else ""
    covered = "<table:covered-table-cell/>" * (span - 1)
    return (
        f'<table:table-cell table:style-name="{style_name}" '
        f'office:value-type="string"{spanned}>{paras}</table:table-cell>{covered}'
    )


def row(cells: str) -> str:
    """A table row whose height Calc fits to its content."""
    return f'<table:table-row table:style-name="ro">{cells}</table:table-row>'


def sheet(data: dict) -> str:
    """Title block, header rows (print titles), one row per activity, footnotes."""
    reg = data["register"]
    cols = reg["columns"]
    n = len(cols)
    head = [
        row(tcell(reg["org_line"], "plain", n)),
        row(tcell(reg["title"], "titlebold", n)),
        row(tcell(reg["intro"], "plain", n)),
        row(tcell("", "plain", n)),
    ]
    labels = row("".join(tcell(c["label"], "headbold") for c in cols))
    body = [
        row("".join(tcell(act.get(c["key"], ""), f"a{i}") for c in cols))
        for i, act in enumerate(data["activity"])
    ]
    notes = [row(tcell("", "plain", n))] + [
        row(tcell(note, "plain", n)) for note in reg.get("footnotes", [])
    ]
    colspec = "".join(
        f'<table:table-column table:style-name="co{j}"/>' for j in range(n)
    )
    return (
        f'<table:table table:name="{escape(reg["sheet_name"])}" table:style-name="ta">'
        f"{colspec}{''.join(head)}<table:table-header-rows>{labels}"
        f"</table:table-header-rows>{''.join(body + notes)}</table:table>"
    )


def build_fods(data: dict, path: Path, probe: bool) -> None:
    """Write the register as a flat ODF spreadsheet."""
    reg = data["register"]
    doc = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document {NS} '
        'office:version="1.2" '
        'office:mimetype="application/vnd.oasis.opendocument.spreadsheet">'
        '<office:font-face-decls><style:font-face style:name="Liberation Sans" '
        'svg:font-family="&apos;Liberation Sans&apos;" '
        'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/>'
        "</office:font-face-decls>"
        f"<office:automatic-styles>{styles(data, probe)}</office:automatic-styles>"
        f"<office:master-styles>{master(reg)}</office:master-styles>"
        f"<office:body><office:spreadsheet>{sheet(data)}"
        "</office:spreadsheet></office:body></office:document>"
    )
    path.write_text(doc, encoding="utf-8")


def render_sheet(data: dict, out: Path, probe: bool) -> None:
    """FODS → PDF with headless LibreOffice Calc."""
    convert(build_fods, "registre.fods", data, out, probe)
