"""Atomic writes: a file in the output folder is either complete or absent.

Every writer goes through here: the bytes land in a temporary file in the same
folder (same file system, so the rename is atomic), are flushed to disk, and
``os.replace`` puts them in place. A batch killed midway leaves at worst a
temporary file named ``.<name>.<random>.registre-tmp``; :func:`sweep_temps`
removes those when the next batch starts.
"""

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

TEMP_SUFFIX = ".registre-tmp"


@contextmanager
def atomic_open(
    path: Path, newline: str | None = None, encoding: str = "utf-8"
) -> Iterator[IO[str]]:
    """Open ``path`` for writing text; it appears only if the block ends normally.

    Args:
        path: the final file.
        newline: passed to ``open`` (``""`` for the csv module).
        encoding: ``"utf-8"``, or ``"utf-8-sig"`` for a BOM (excel-fr CSV).

    Yields:
        A text handle on the temporary file.

    Example: ``with atomic_open(Path("out/activities.csv"), newline="") as f:
    f.write("register_id,activity_index\\r\\n")``.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(
        prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent
    )
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline=newline) as handle:
            yield handle
            handle.flush()
            # fsync before rename: a power cut must not leave an empty file in place.
            os.fsync(handle.fileno())
        os.chmod(temp, 0o644)  # mkstemp gives 0600; outputs are meant to be shared
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def write_text(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` atomically.

    Example: ``write_text(Path("out/dns_register.json"), '{"register_id": "dns"}\\n')``.
    """
    with atomic_open(path, newline="", encoding=encoding) as handle:
        handle.write(text)


def sweep_temps(folder: Path) -> list[Path]:
    """Remove the temporary files a killed batch left in ``folder``.

    Returns:
        The files removed, e.g. ``[Path("out/.activities.csv.k3j2.registre-tmp")]``.
    """
    if not folder.is_dir():
        return []
    stale = sorted(folder.glob(f".*{TEMP_SUFFIX}"))
    for temp in stale:
        temp.unlink(missing_ok=True)
    return stale
