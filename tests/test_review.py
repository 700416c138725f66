"""`registre review FILE.pdf --out report.html`: one self-contained page per PDF."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from registre.cli import main
from registre.pipeline import run
from registre.review import review_html
from registre.review_table import esc

SAMPLES = Path(__file__).parent.parent / "samples"
DNS = SAMPLES / "dns_register.pdf"


class Page(HTMLParser):
    """What a browser would see: the text, the images, every box's link."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.images: list[str] = []
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        if tag == "img":
            self.images.append(found.get("src", ""))
        if tag == "a" and found.get("href", "").startswith("#"):
            self.links.append(found["href"][1:])
        if found.get("id"):
            self.ids.add(found["id"])

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


@pytest.fixture(scope="module")
def dns_review(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, Path]:
    out = tmp_path_factory.mktemp("review") / "dns.html"
    return main(["review", str(DNS), "--out", str(out)]), out


def test_dns_review_shows_every_page_activity_and_header(
    dns_review: tuple[int, Path],
) -> None:
    status, out = dns_review
    register = run(DNS).register
    assert status == 0 and register is not None
    html = out.read_text(encoding="utf-8")
    page = parse(html)
    text = " ".join(page.text)
    assert len(page.images) == register.source.pages == 10
    # self-contained: every image is inline, nothing is fetched
    assert all(re.match(r"data:image/(png|jpeg);base64,", s) for s in page.images)
    assert "<script" not in html
    assert re.search(r'(?:src|href)="(?!#|data:)', html) is None
    for activity in register.activities:
        assert activity.title in text
    for column in register.columns:
        assert column.header in text
    # every box links to an activity row, every row is reachable from a box
    boxes = {link for link in page.links if link.startswith("activity-")}
    assert boxes == {f"activity-{a.index}" for a in register.activities}
    assert boxes <= page.ids
    assert len(html.encode()) < 3_000_000  # a reviewer can mail it


def test_a_cell_with_markup_is_shown_as_text() -> None:
    result = run(DNS)
    assert result.register is not None
    first = result.register.activities[0]
    # a printed '<' or '&' (« âge < 18 ans ») must never become markup
    tricky = "Mineurs <script>alert(1)</script> & âge < 18 ans"
    cells = dict(first.cells) | {next(iter(first.cells)): tricky}
    activity = first.model_copy(update={"cells": cells})
    register = result.register.model_copy(update={"activities": [activity]})
    html = review_html(
        type(result)(result.file, result.register_id, result.status, register),
        pages=[],
    )
    assert esc(tricky) in html
    assert "&lt;script&gt;" in html and "<script>" not in html
    assert tricky in " ".join(parse(html).text)


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"", "empty file"),  # a 0-byte upload
        (b"<html>not a pdf</html>", "pdf-unreadable"),  # a web page saved as .pdf
    ],
)
def test_a_file_that_fails_gives_a_page_saying_why(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    pdf = tmp_path / "broken.pdf"
    pdf.write_bytes(content)
    out = tmp_path / "broken.html"
    assert main(["review", str(pdf), "--out", str(out)]) == 1
    page = parse(out.read_text(encoding="utf-8"))
    text = " ".join(page.text)
    assert "error" in text and reason in text and "broken.pdf" in text
    assert page.images == []


@pytest.mark.parametrize(
    "argv",
    [
        ["review", "no/such/file.pdf", "--out", "x.html"],  # missing input
        ["review", str(DNS)],  # --out is required
        ["review", str(DNS), "--out", "."],  # a folder is no file
        ["review", str(DNS), "--out", "x.html", "--scale", "0"],
    ],
)
def test_usage_errors_exit_2(argv: list[str]) -> None:
    assert main(argv) == 2
