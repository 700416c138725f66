"""The only place the stages meet: PDF → RawDocument → Register, with a status."""

import gc
import hashlib
import time
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from extract import ExtractSettings, read_document
from normalise import normalise_document
from schemas.errors import PipelineError
from schemas.issues import Issue, Status
from schemas.register import Register


@dataclass(frozen=True)
class RunResult:
    """What one input file gave: its register (None on error), status and issues."""

    file: Path
    register_id: str
    status: Status
    register: Register | None
    issues: list[Issue] = field(default_factory=list)
    pages: int = 0
    seconds: float = 0.0


def sha256_of(path: Path) -> str:
    """Hex sha256 of a file, read in chunks (registers can be large scans)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@cache
def warm_up() -> None:
    """Build once per process what every conversion needs, then freeze it.

    The spaCy tokenizer and the vocabularies are about 100,000 long-lived
    objects; ``gc.freeze`` moves them out of the collector's way, which spared
    a fifth of the pipeline's time (benchmarks/README.md).
    """
    from normalise.categories import parse_data_categories
    from normalise.legal_refs import parse_legal_references
    from normalise.parties import parse_parties
    from normalise.retention import parse_retention

    parse_retention("1 an")
    parse_legal_references("article L. 1 du code civil")
    parse_parties("Agence régionale de santé (ARS)")
    parse_data_categories("nom, prénom")
    gc.collect()
    gc.freeze()


def run(
    pdf: Path,
    register_id: str | None = None,
    settings: ExtractSettings | None = None,
    raises_on_error: bool = False,
) -> RunResult:
    """Convert one PDF into its register document.

    Bad input (PipelineError) becomes an ``error`` result, or is re-raised with
    ``raises_on_error``; any other exception is a bug and propagates.

    Example: ``run(Path("samples/dns_register.pdf")).register.activities[0].title``
    → ``"Appel à Projet – APP programme ESMS numérique"``.
    """
    warm_up()
    started = time.perf_counter()
    register_id = register_id or pdf.stem
    try:
        raw = read_document(pdf, settings)
    except PipelineError as error:
        if raises_on_error:
            raise
        issue = Issue(code="pdf-unreadable", stage="extract", message=str(error))
        return RunResult(
            pdf,
            register_id,
            "error",
            None,
            [issue],
            seconds=time.perf_counter() - started,
        )
    register = normalise_document(raw, register_id=register_id, sha256=sha256_of(pdf))
    issues = list(register.warnings) + [
        w for a in register.activities for w in a.warnings
    ]
    return RunResult(
        pdf,
        register_id,
        register.status,
        register,
        issues,
        pages=raw.page_count,
        seconds=time.perf_counter() - started,
    )
