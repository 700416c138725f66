"""Pages turned by /Rotate, content drawn through a form: read as a viewer shows them.

A landscape register is often printed as portrait pages with /Rotate 90; the
table's rules then live in a form XObject drawn with a rotation matrix.
"""

from pathlib import Path

import pikepdf
import pytest

from extract import read_document

SAMPLE = Path(__file__).parent.parent / "samples" / "dns_register.pdf"
# content matrix and media box that make a /Rotate R page show the original upright
TURNS = {
    0: ("1 0 0 1 0 0", False),
    90: ("0 1 -1 0 {h} 0", True),
    180: ("-1 0 0 -1 {w} {h}", False),
    270: ("0 -1 1 0 0 {w}", True),
}


def turned(tmp_path: Path, rotation: int) -> Path:
    """The first three pages of the DNS register, drawn as a form on turned pages."""
    matrix, swap = TURNS[rotation]
    out = pikepdf.new()
    with pikepdf.open(SAMPLE) as src:
        for page in list(src.pages)[:3]:
            w, h = float(page.mediabox[2]), float(page.mediabox[3])
            form = out.copy_foreign(pikepdf.Page(page).as_form_xobject())
            new = out.add_blank_page(page_size=(h, w) if swap else (w, h))
            new.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Fx=form))
            cm = matrix.format(w=w, h=h)
            new.Contents = out.make_stream(f"q {cm} cm /Fx Do Q".encode())
            new.Rotate = rotation
        path = tmp_path / f"turned-{rotation}.pdf"
        out.save(path)
    return path


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_turned_pages_give_the_same_table(tmp_path: Path, rotation: int) -> None:
    upright = read_document(turned(tmp_path, 0))
    raw = read_document(turned(tmp_path, rotation))
    assert [c.header for c in raw.columns] == [c.header for c in upright.columns]
    assert [[c.text for c in r.cells] for r in raw.rows] == [
        [c.text for c in r.cells] for r in upright.rows
    ]
    assert len(raw.rows) == 3
