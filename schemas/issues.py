"""Issues are data, not exceptions: what a reviewer should check, with a stable slug."""

from typing import Literal

from pydantic import BaseModel, ConfigDict

IssueCode = Literal[
    "pdf-unreadable",  # not a PDF, broken beyond repair, encrypted
    "pdf-empty",  # no page at all
    "page-no-text",  # image-only page and no OCR
    "page-ocr",  # image-only page read by OCR: its text needs a look
    "no-table-found",  # no page holds a table
    "row-cell-count",  # a row whose cells do not fit the columns
    "unplaced-text",  # printed words that belong to no cell
    "cell-looks-cut",  # a cell ending mid-sentence with nothing to continue it
    "column-unknown-role",  # a header with no known role
    "retention-unparsed",  # a retention sentence with no readable duration
    "legal-ref-unparsed",  # something that looks like a reference but did not parse
    "recipient-unparsed",  # a recipients/controllers cell naming no body we could read
    "data-category-unknown",  # a data item no category keyword places
    "internal-error",  # a bug, with its traceback
]
Status = Literal["ok", "warning", "error"]


class Issue(BaseModel):
    """One thing a reviewer should check, located as precisely as we can.

    Example: ``Issue(code="page-no-text", stage="extract", page=3,
    message="page 3 has no text layer")``.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    code: IssueCode
    stage: Literal["extract", "normalise", "output", "batch"]
    message: str
    page: int | None = None
    column: str | None = None
    text: str | None = None
