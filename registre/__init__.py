"""registre: French GDPR registers of processing activities, PDF to JSON and CSV."""

__version__ = "0.1.0"
