"""Bad input gets a clear error and loses nothing (camelot's tests/test_errors.py)."""

from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from extract import ExtractSettings, read_document
from extract.ocr import ocr_available
from schemas.errors import PdfLoadError

SAMPLE = Path(__file__).parent.parent / "samples" / "dns_register.pdf"


@pytest.fixture
def encrypted(tmp_path: Path) -> Path:
    path = tmp_path / "encrypted.pdf"
    with pikepdf.open(SAMPLE) as pdf:
        pdf.save(path, encryption=pikepdf.Encryption(user="secret", owner="owner"))
    return path


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"", "empty file"),
        (b"Intitul\xc3\xa9;Finalit\xc3\xa9s\n", "not a PDF"),
        (b"%PDF-1.7\n%garbage with no objects at all\n", "broken PDF"),
    ],
)
def test_unreadable_files_raise_a_one_line_reason(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "bad.pdf"
    path.write_bytes(content)
    with pytest.raises(PdfLoadError, match=reason) as error:
        read_document(path)
    assert "\n" not in str(error.value)


def test_encrypted_file_says_a_password_is_needed(encrypted: Path) -> None:
    with pytest.raises(PdfLoadError, match="encrypted"):
        read_document(encrypted)


def test_truncated_file_is_repaired_or_reported(tmp_path: Path) -> None:
    # a download cut short: qpdf rebuilds what it can, else a clear error
    path = tmp_path / "truncated.pdf"
    path.write_bytes(SAMPLE.read_bytes()[: SAMPLE.stat().st_size * 2 // 3])
    try:
        raw = read_document(path)
    except PdfLoadError as error:
        assert "broken PDF" in str(error)
    else:
        assert raw.page_count >= 1


def test_image_only_page_is_reported_not_crashed_on(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    Image.new("L", (400, 300), 255).save(path, "PDF", resolution=72)
    raw = read_document(path, ExtractSettings(ocr="never"))
    assert [(i.code, i.page) for i in raw.issues] == [
        ("page-no-text", 1),
        ("no-table-found", None),
    ]
    assert raw.rows == []


def test_image_only_page_read_by_ocr_says_so(tmp_path: Path) -> None:
    if not ocr_available():
        pytest.skip("tesseract-ocr with French data is not installed")
    path = tmp_path / "scan.pdf"
    Image.new("L", (400, 300), 255).save(path, "PDF", resolution=72)
    raw = read_document(path)
    assert [(i.code, i.page) for i in raw.issues] == [
        ("page-ocr", 1),
        ("no-table-found", None),
    ]


def test_owner_password_only_is_read(tmp_path: Path) -> None:
    # many published PDFs forbid copying with an owner password, and open freely
    path = tmp_path / "restricted.pdf"
    with pikepdf.open(SAMPLE) as pdf:
        pdf.save(path, encryption=pikepdf.Encryption(user="", owner="secret"))
    raw = read_document(path)
    assert len(raw.rows) == 10
