"""registre: French GDPR registers of processing activities, PDF to JSON and CSV."""

from registre.api import convert, dataframes
from schemas.register import PRODUCER

__version__ = PRODUCER.removeprefix("registre ").strip() or "0+unknown"
__all__ = ["convert", "dataframes"]
