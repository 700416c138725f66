"""The `registre` command: every subcommand has help; exit statuses per CONTRACT.md."""

import pytest

from registre.cli import build_parser, main


def subcommands() -> list[str]:
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    return sorted(action.choices)  # type: ignore[arg-type]


def test_the_contract_subcommands_exist() -> None:
    assert {"convert", "parse", "schema", "eval"} <= set(subcommands())


@pytest.mark.parametrize("command", subcommands())
def test_every_subcommand_has_help(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([command, "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: registre {command}")
    assert len(out.splitlines()) > 3
    action = next(a for a in build_parser()._actions if a.dest == "command")
    assert action.choices[command].description  # type: ignore[index]


def test_convert_help_names_every_option(capsys: pytest.CaptureFixture[str]) -> None:
    main(["convert", "--help"])
    out = capsys.readouterr().out
    for option in (
        "--out",
        "--workers",
        "--csv-dialect",
        "--scheduler",
        "--ocr",
        "--resume",
    ):
        assert option in out


@pytest.mark.parametrize(
    "argv",
    [
        [],  # no subcommand
        ["convert", "x.pdf"],  # --out missing
        ["convert", "x.pdf", "--out", "o", "--csv-dialect", "excel"],
        ["eval", "only-one-dir"],
    ],
)
def test_usage_errors_exit_2(argv: list[str]) -> None:
    assert main(argv) == 2
