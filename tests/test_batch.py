"""Batch conversion: inputs, isolation, determinism, atomicity, resume.

The fast tests swap the pipeline for a stub (the batch's behaviour does not
depend on what a PDF holds); the others run the real pipeline on copies of
the samples.
"""

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from registre.atomic import TEMP_SUFFIX
from registre.batch import convert_batch, expand_inputs, sniff, unique_ids
from registre.cli import main
from registre.pipeline import RunResult
from registre.progress import SilentProgress
from schemas.register import PRODUCER, Activity, Register, Source

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
# Three-page samples with a text layer: the cheapest real inputs.
SMALL = [
    "interieur_dnum_register",
    "culture_register",
    "sports_register",
    "rectorat_register",
]


def quiet() -> SilentProgress:
    return SilentProgress(0)


def folder_bytes(folder: Path) -> dict[str, bytes]:
    """Every output file's bytes; report.json without its timings."""
    files = {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}
    report = json.loads(files.pop("report.json"))
    for entry in report["files"]:
        entry.pop("seconds")
    files["report.json"] = json.dumps(report, sort_keys=True).encode()
    return files


# ---------------------------------------------------------------- stub pipeline


def stub_run(
    pdf: Path,
    register_id: str | None = None,
    settings: object = None,
    raises_on_error: bool = False,
) -> RunResult:
    """One activity titled after the file's first bytes; 'bug' in the name raises."""
    if "bug" in pdf.name:
        raise ZeroDivisionError("division by zero")
    rid = register_id or pdf.stem
    digest = hashlib.sha256(pdf.read_bytes()).hexdigest()
    activity = Activity(
        index=1, title=pdf.read_bytes()[:20].decode("latin-1"), pages=[1], cells={}
    )
    register = Register(
        register_id=rid,
        source=Source(file=pdf.name, sha256=digest, pages=1, producer=PRODUCER),
        activities=[activity],
    )
    return RunResult(pdf, rid, "ok", register, [], pages=1)


@pytest.fixture
def stub(monkeypatch: pytest.MonkeyPatch) -> None:
    """Replace registre.pipeline.run in this process (workers=1 only)."""
    import registre.pipeline

    monkeypatch.setattr(registre.pipeline, "run", stub_run)


def pdf(path: Path, body: bytes = b"%PDF-1.7 stub") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(body + path.name.encode())
    return path


# ---------------------------------------------------------------- inputs


def test_folders_are_searched_recursively_and_globs_expand(tmp_path: Path) -> None:
    pdf(tmp_path / "a" / "registre.pdf")
    pdf(tmp_path / "a" / "sub" / "dns.PDF")
    (tmp_path / "a" / "notes.txt").write_text("pas un PDF")
    pdf(tmp_path / "b" / "registre.pdf")
    entries = expand_inputs([tmp_path / "a", str(tmp_path / "b" / "*.pdf")])
    assert [
        (e.path.relative_to(tmp_path).as_posix(), e.register_id) for e in entries
    ] == [
        ("a/registre.pdf", "registre"),
        ("a/sub/dns.PDF", "dns"),
        ("b/registre.pdf", "registre-2"),
    ]


def test_a_file_given_twice_is_converted_once(tmp_path: Path) -> None:
    one = pdf(tmp_path / "registre.pdf")
    entries = expand_inputs([one, tmp_path, str(tmp_path / "*.pdf")])
    assert len(entries) == 1
    assert len(entries[0].also) == 2


def test_missing_inputs_are_reported_not_fatal(tmp_path: Path) -> None:
    entries = expand_inputs([tmp_path / "absent.pdf", str(tmp_path / "*.nothing")])
    assert [e.problem for e in entries] == [
        "no such file or folder",
        "the pattern matches no file",
    ]


@pytest.mark.parametrize(
    "stems, ids",
    [
        (
            ["registre", "registre", "registre"],
            ["registre", "registre-2", "registre-3"],
        ),
        (
            ["Registre", "registre"],
            ["Registre", "registre-2"],
        ),  # case-insensitive disks
        (
            ["report", "datapackage"],
            ["report-2", "datapackage-2"],
        ),  # our own file names
        (["a", "a-2", "a"], ["a", "a-2", "a-3"]),
    ],
)
def test_register_ids_are_unique(stems: list[str], ids: list[str]) -> None:
    assert unique_ids(stems) == ids


@given(st.lists(st.sampled_from(["registre", "Registre", "report", "a", "a-2", "b"])))
def test_register_ids_unique_whatever_the_stems(stems: list[str]) -> None:
    ids = unique_ids(stems)
    assert len({i.casefold() for i in ids}) == len(ids)
    assert all(i.startswith(s) for i, s in zip(ids, stems, strict=True))
    assert unique_ids(stems) == ids  # deterministic


@pytest.mark.parametrize(
    "body, reason",
    [
        (b"", "empty file (0 bytes)"),
        (b"Registre des traitements\n", "not a PDF"),
        (b"%PDF-1.7\n1 0 obj", None),  # truncated: left to the PDF reader
    ],
)
def test_sniff(tmp_path: Path, body: bytes, reason: str | None) -> None:
    path = tmp_path / "x.pdf"
    path.write_bytes(body)
    found = sniff(path)
    assert found is None if reason is None else (found or "").startswith(reason)


# ---------------------------------------------------------------- batch, stubbed


@pytest.mark.usefixtures("stub")
def test_a_bug_in_one_file_is_that_files_error(tmp_path: Path) -> None:
    good = pdf(tmp_path / "in" / "a.pdf")
    bad = pdf(tmp_path / "in" / "bug.pdf")
    result = convert_batch([good, bad], tmp_path / "out", progress=quiet())
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    assert [f["status"] for f in report["files"]] == ["ok", "error"]
    assert report["files"][1]["messages"] == [
        "internal-error: ZeroDivisionError: division by zero"
    ]
    assert "Traceback" in report["files"][1]["traceback"]
    assert result.exit_status == 1
    assert (tmp_path / "out" / "a.json").is_file()


@pytest.mark.usefixtures("stub")
def test_resume_skips_unchanged_files_and_redoes_changed_ones(tmp_path: Path) -> None:
    a, b = pdf(tmp_path / "in" / "a.pdf"), pdf(tmp_path / "in" / "b.pdf")
    out = tmp_path / "out"
    convert_batch([a, b], out, progress=quiet())
    b.write_bytes(b"%PDF-1.7 changed")
    result = convert_batch([a, b], out, resume=True, progress=quiet())
    assert [o.resumed for o in result.outcomes] == [True, False]
    assert json.loads((out / "b.json").read_text())["activities"][0]["title"] == (
        "%PDF-1.7 changed"
    )


@pytest.mark.usefixtures("stub")
def test_stale_temp_files_are_swept(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / f".activities.csv.abc{TEMP_SUFFIX}").write_text("half")
    convert_batch([pdf(tmp_path / "a.pdf")], out, progress=quiet())
    assert not list(out.glob(f"*{TEMP_SUFFIX}"))


def test_cli_exit_status_2_on_usage_errors(tmp_path: Path) -> None:
    assert main(["convert", str(tmp_path / "absent"), "--out", str(tmp_path)]) == 2
    assert main(["convert", "x.pdf", "--out", str(tmp_path), "--workers", "0"]) == 2
    assert main(["convert", "x.pdf"]) == 2  # --out missing


# ---------------------------------------------------------------- real pipeline


def make_batch(folder: Path, copies: int) -> list[Path]:
    """Copies of the small samples, plus a truncated, an empty and a text file."""
    folder.mkdir(parents=True)
    files = []
    for number in range(copies):
        stem = SMALL[number % len(SMALL)]
        target = folder / f"{number // len(SMALL):02d}" / f"{stem}.pdf"
        target.parent.mkdir(exist_ok=True)
        shutil.copyfile(SAMPLES / f"{stem}.pdf", target)
        files.append(target)
    data = (SAMPLES / "culture_register.pdf").read_bytes()
    (folder / "tronque.pdf").write_bytes(data[: len(data) // 3])
    (folder / "vide.pdf").write_bytes(b"")
    (folder / "notes.pdf").write_text("Registre des activités de traitement\n")
    return files


@pytest.fixture(scope="module")
def batch_60(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, int]:
    """60 inputs converted with --workers 2 (57 good copies, 3 bad files)."""
    root = tmp_path_factory.mktemp("batch60")
    make_batch(root / "in", 57)
    status = main(
        ["convert", str(root / "in"), "--out", str(root / "w2"), "--workers", "2"]
    )
    return root, root / "w2", status


def test_batch_of_60_reports_the_three_bad_files(
    batch_60: tuple[Path, Path, int],
) -> None:
    _, out, status = batch_60
    report = json.loads((out / "report.json").read_text())
    files = report["files"]
    assert len(files) == 60 and status == 1
    bad = {f["file"].rsplit("/", 1)[-1]: f for f in files if f["status"] == "error"}
    assert sorted(bad) == ["notes.pdf", "tronque.pdf", "vide.pdf"]
    for entry in bad.values():
        assert len(entry["messages"]) >= 1 and "\n" not in entry["messages"][0]
        assert "traceback" not in entry  # bad input is not a bug
    assert len(list(out.glob("*.json"))) == 57 + 2  # + report.json, datapackage.json


def test_batch_output_is_the_same_with_one_worker(
    batch_60: tuple[Path, Path, int],
) -> None:
    root, out, _ = batch_60
    assert main(["convert", str(root / "in"), "--out", str(root / "w1")]) == 1
    assert folder_bytes(root / "w1") == folder_bytes(out)


def test_batch_csvs_validate_and_load_typed(batch_60: tuple[Path, Path, int]) -> None:
    import duckdb
    from frictionless import validate

    from registre.api import dataframes

    _, out, _ = batch_60
    report = validate(out / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]
    frames = dataframes(out)
    assert str(frames["activities"]["activity_index"].dtype) == "Int64"
    assert frames["activities"]["register_id"].nunique() == 57
    package = json.loads((out / "datapackage.json").read_text())
    types_ = {"integer": "BIGINT", "boolean": "BOOLEAN", "string": "VARCHAR"}
    for resource in package["resources"]:
        columns = {f["name"]: types_[f["type"]] for f in resource["schema"]["fields"]}
        rows = duckdb.read_csv(
            str(out / resource["path"]), header=True, columns=columns
        ).fetchall()
        assert len(rows) == len(frames[resource["name"]])


def test_a_killed_batch_rerun_is_complete(tmp_path: Path) -> None:
    """SIGKILL midway, run again with --resume: the same output as one clean run."""
    make_batch(tmp_path / "in", 16)
    out = tmp_path / "out"
    command = [
        sys.executable,
        "-m",
        "registre.cli",
        "convert",
        str(tmp_path / "in"),
        "--workers",
        "2",
        "--out",
        str(out),
    ]
    # Own session: the kill reaches the pool's workers too, and nothing else.
    victim = subprocess.Popen(
        command,
        start_new_session=True,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while len(list(out.glob("*_register*.json"))) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(victim.pid, signal.SIGKILL)
    victim.wait()
    assert not (out / "report.json").exists(), "the batch finished before the kill"
    rerun = subprocess.run([*command, "--resume"], cwd=ROOT, capture_output=True)
    assert rerun.returncode == 1, rerun.stderr.decode()[-2000:]
    assert not [p for p in out.iterdir() if p.name.endswith(TEMP_SUFFIX)]
    clean = subprocess.run(
        command[:-1] + [str(tmp_path / "clean")], cwd=ROOT, capture_output=True
    )
    assert clean.returncode == 1
    assert folder_bytes(out) == folder_bytes(tmp_path / "clean")
    for path in out.glob("*.json"):
        json.loads(path.read_text())  # every file complete
    if (out / "interieur_dnum_register.json").exists():
        Register.model_validate_json((out / "interieur_dnum_register.json").read_text())


def test_scan_without_text_layer_is_reported_not_crashed(tmp_path: Path) -> None:
    scan = SAMPLES / "interieur_dnum_register_scan.pdf"
    result = convert_batch([scan], tmp_path, ocr="never", progress=quiet())
    entry = json.loads((tmp_path / "report.json").read_text())["files"][0]
    assert entry["status"] in {"warning", "error"} and entry["messages"]
    assert "traceback" not in entry
    assert result.exit_status in {0, 1}


@pytest.mark.usefixtures("stub")
def test_duplicates_are_reported_once_without_failing(tmp_path: Path) -> None:
    one = pdf(tmp_path / "in" / "registre.pdf")
    result = convert_batch([one, tmp_path / "in"], tmp_path / "out", progress=quiet())
    files = json.loads((tmp_path / "out" / "report.json").read_text())["files"]
    assert len(files) == 1 and files[0]["status"] == "ok"
    assert files[0]["messages"][-1].startswith("duplicate-input: also given as ")
    assert result.exit_status == 0


@pytest.mark.usefixtures("stub")
def test_progress_is_plain_lines_when_not_a_terminal(tmp_path: Path) -> None:
    import io

    from registre.progress import LogProgress, make_progress

    stream = io.StringIO()
    progress = make_progress(2, stream)
    assert isinstance(progress, LogProgress)
    inputs = [pdf(tmp_path / "a.pdf"), tmp_path / "absent.pdf"]
    convert_batch(inputs, tmp_path / "out", progress=progress)
    lines = stream.getvalue().splitlines()
    assert [line[:6] for line in lines] == ["[1/2] ", "[2/2] "]
    assert any(line.endswith("input-missing: no such file or folder") for line in lines)
    assert any("a.pdf → a: ok, 1 pages, " in line for line in lines)


@pytest.mark.usefixtures("stub")
def test_resume_redoes_files_written_by_another_version(tmp_path: Path) -> None:
    a = pdf(tmp_path / "in" / "a.pdf")
    out = tmp_path / "out"
    convert_batch([a], out, progress=quiet())
    document = json.loads((out / "a.json").read_text())
    document["source"]["producer"] = "registre 0.0.1"
    (out / "a.json").write_text(json.dumps(document))
    result = convert_batch([a], out, resume=True, progress=quiet())
    assert [o.resumed for o in result.outcomes] == [False]
