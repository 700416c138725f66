"""registre: French GDPR registers of processing activities, PDF to JSON and CSV."""

from registre.api import convert, dataframes

__version__ = "0.1.0"
__all__ = ["convert", "dataframes"]
