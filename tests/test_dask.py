"""--scheduler: the same per-file task on a Dask cluster gives the same output.

The test starts its own LocalCluster of two worker processes on loopback.
"""

import json
import shutil
from pathlib import Path

import pytest

from registre.batch import convert_batch
from registre.progress import SilentProgress

distributed = pytest.importorskip("distributed")
SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SMALL = ["interieur_dnum_register", "culture_register", "sports_register"]


def without_timings(folder: Path) -> dict[str, object]:
    files: dict[str, object] = {p.name: p.read_bytes() for p in folder.iterdir()}
    report = json.loads(files.pop("report.json"))  # type: ignore[arg-type]
    for entry in report["files"]:
        entry.pop("seconds")
    files["report.json"] = report
    return files


def test_dask_cluster_output_equals_local_output(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for number in range(6):
        stem = SMALL[number % len(SMALL)]
        shutil.copyfile(SAMPLES / f"{stem}.pdf", inputs / f"{stem}-{number}.pdf")
    (inputs / "vide.pdf").write_bytes(b"")
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:
        remote = convert_batch(
            [inputs],
            tmp_path / "dask",
            progress=SilentProgress(0),
            scheduler=cluster.scheduler_address,
        )
    local = convert_batch([inputs], tmp_path / "local", progress=SilentProgress(0))
    assert [o.status for o in remote.outcomes] == [o.status for o in local.outcomes]
    assert remote.exit_status == 1  # the empty file
    assert without_timings(tmp_path / "dask") == without_timings(tmp_path / "local")
