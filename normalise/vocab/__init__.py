"""Vocabulary data files: French words live here, in TOML, never in code.

Each normaliser module declares a pydantic model for its file and loads it with
``load("codes", CodesVocab)``; the file is read and validated once per process.
"""

import tomllib
from functools import cache
from importlib import resources
from typing import TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)


@cache
def read_toml(name: str) -> dict[str, object]:
    """Read ``<name>.fr.toml`` beside this module.

    Args:
        name: the concept, e.g. ``"codes"`` for ``codes.fr.toml``.

    Returns:
        The parsed TOML table.
    """
    path = resources.files(__package__).joinpath(f"{name}.fr.toml")
    return tomllib.loads(path.read_text(encoding="utf-8"))


def load(name: str, model: type[M]) -> M:
    """Read and validate a vocabulary file (cached: files are read once).

    Example: ``load("codes", CodesVocab).code[0].name == "Code civil"``.
    """
    return _validated(name, model)  # type: ignore[return-value]


@cache
def _validated(name: str, model: type[BaseModel]) -> BaseModel:
    return model.model_validate(read_toml(name))


def names() -> list[str]:
    """Every vocabulary file shipped, by concept name (for the integrity test)."""
    files = resources.files(__package__).iterdir()
    return sorted(
        f.name.removesuffix(".fr.toml") for f in files if f.name.endswith(".fr.toml")
    )
