"""PDF → RawDocument. Geometry and text only: no French knowledge here."""

from extract.document import read_document
from extract.settings import ExtractSettings

__all__ = ["ExtractSettings", "read_document"]
