"""The Python API beside the CLI, for scripts and notebooks.

Example::

    import registre
    result = registre.convert(["registres/"], out="sortie", workers=4)
    tables = registre.dataframes("sortie")
    tables["retention"].groupby("duration").size()
"""

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from registre.batch import BatchResult, convert_batch
from registre.output import Dialect, unguard
from registre.progress import make_progress

if TYPE_CHECKING:
    import pandas

# Frictionless type → pandas nullable dtype: an empty cell is <NA>, never "" or NaN.
PANDAS_DTYPES = {
    "integer": "Int64",
    "boolean": "boolean",
    "number": "Float64",
    "string": "string",
}


def convert(
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    out: str | os.PathLike[str] = "outputs",
    workers: int = 1,
    csv_dialect: Dialect = "rfc",
    scheduler: str | None = None,
    resume: bool = False,
    ocr: str = "auto",
    quiet: bool = False,
) -> BatchResult:
    """Convert PDFs, folders and globs into ``out`` (what ``registre convert`` does).

    Args:
        paths: one input or a list; folders are searched recursively for ``*.pdf``.
        out: the output folder, created if needed.
        workers: local processes converting in parallel.
        csv_dialect: ``"rfc"`` or ``"excel-fr"``.
        scheduler: a Dask scheduler address (``"tcp://10.0.0.5:8786"``) instead
            of local processes.
        resume: skip inputs already converted and unchanged.
        ocr: ``"auto"``, ``"never"`` or ``"always"``.
        quiet: no progress output.

    Returns:
        The inputs and their outcomes; ``.exit_status`` is the CLI's exit status.
        Example: ``convert("samples/dns_register.pdf", out="o").exit_status`` → 0.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    inputs = list(paths)
    return convert_batch(
        inputs,
        Path(out),
        workers=workers,
        dialect=csv_dialect,
        scheduler=scheduler,
        resume=resume,
        ocr=ocr,
        progress=make_progress(len(inputs), quiet=quiet) if quiet else None,
    )


def _read_resource(folder: Path, resource: dict[str, Any]) -> "pandas.DataFrame":
    import pandas

    fields = resource["schema"]["fields"]
    frame = pandas.read_csv(
        folder / resource["path"],
        sep=resource["dialect"]["delimiter"],
        encoding=resource["encoding"],
        dtype={f["name"]: PANDAS_DTYPES.get(f["type"], "string") for f in fields},
        keep_default_na=False,
        na_values=[""],
    )
    if resource["dialect"]["delimiter"] == ";":  # excel-fr: undo the formula guard
        for f in fields:
            if f["type"] == "string":
                frame[f["name"]] = frame[f["name"]].map(unguard, na_action="ignore")
                frame[f["name"]] = frame[f["name"]].astype("string")
    return frame


def dataframes(out_dir: str | os.PathLike[str]) -> dict[str, "pandas.DataFrame"]:
    """Load a batch's CSVs as pandas DataFrames typed from its ``datapackage.json``.

    Integers are ``Int64``, booleans ``boolean``, texts ``string``; an empty
    cell is ``<NA>``. The excel-fr formula guard is undone.

    Example: ``dataframes("outputs")["activities"].loc[0, "activity_index"]`` → ``1``.
    """
    folder = Path(out_dir)
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    return {r["name"]: _read_resource(folder, r) for r in package["resources"]}
