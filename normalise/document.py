"""normalise_document(): columns to roles, rows to activities, text around to fields."""

from normalise.activity import legal_references_in, row_to_activity
from normalise.around import read_around
from normalise.columns import header_to_role
from schemas.issues import Issue, Status
from schemas.raw import RawDocument
from schemas.register import PRODUCER, Column, Register, Source


def normalise_document(raw: RawDocument, register_id: str, sha256: str) -> Register:
    """Turn an extracted register into the typed register document.

    Args:
        raw: the extract stage's output.
        register_id: the id of the document in its batch (the file stem).
        sha256: the source file's hash, for provenance and ``--resume``.

    Returns:
        The Register, with status ``error`` when no activity was found.

    Example: a RawDocument whose column "RT" holds "DNS" gives an activity with
    ``controllers == [Party(name="DNS", acronym="DNS")]``.
    """
    warnings = list(raw.issues)
    columns = [_column(c.header, c.group, warnings) for c in raw.columns]
    around = read_around(raw.preamble, raw.trailer)
    activities = [
        row_to_activity(i + 1, row, columns) for i, row in enumerate(raw.rows)
    ]
    outside = [around.security_measures or ""] + around.notes
    references = legal_references_in(outside, warnings)
    return Register(
        register_id=register_id,
        source=Source(
            file=raw.file, sha256=sha256, pages=raw.page_count, producer=PRODUCER
        ),
        status=_status(
            bool(activities), warnings + [w for a in activities for w in a.warnings]
        ),
        organisation=around.organisation,
        title=around.title,
        rights_contact=around.rights_contact,
        columns=columns,
        notes=around.notes,
        security_measures=around.security_measures,
        legal_references=references,
        activities=activities,
        warnings=warnings,
    )


def _column(header: str, group: str | None, warnings: list[Issue]) -> Column:
    role = header_to_role(header, group)
    if role is None:
        warnings.append(
            Issue(
                code="column-unknown-role",
                stage="normalise",
                column=header,
                message=f"no known role for the column {header!r}",
            )
        )
    return Column(header=header, role=role or "other", group=group)


def _status(has_activities: bool, issues: list[Issue]) -> Status:
    if not has_activities:
        return "error"
    return "warning" if issues else "ok"
