"""Typed models passed between the stages: RawDocument, then Register."""

from schemas.issues import Issue, IssueCode, Status
from schemas.raw import BBox, RawCell, RawColumn, RawDocument, RawRow, TextLine
from schemas.register import (
    Activity,
    Column,
    ColumnRole,
    DataCategory,
    LegalReference,
    Party,
    Register,
    Retention,
    Source,
)

__all__ = [
    "Activity",
    "BBox",
    "Column",
    "ColumnRole",
    "DataCategory",
    "Issue",
    "IssueCode",
    "LegalReference",
    "Party",
    "RawCell",
    "RawColumn",
    "RawDocument",
    "RawRow",
    "Register",
    "Retention",
    "Source",
    "Status",
    "TextLine",
]
