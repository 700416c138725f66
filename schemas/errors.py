"""Exceptions for bad input, kept apart from bugs (docling's DocumentLoadError)."""


class PipelineError(Exception):
    """A file the pipeline cannot convert, through no fault of the code."""


class PdfLoadError(PipelineError):
    """Not a PDF, broken beyond repair, encrypted, or empty."""
