"""Column headers → roles: "Durée de conservation des données" → retention.

Headers vary freely between registers, so the rules are keywords, not a list
of headers: vocab/column_roles.fr.toml gives each role its keywords, and the
keyword found earliest in the header wins (the longest on a tie). Plain
token matching on a loose key is all this needs; spaCy would add nothing.
"""

from functools import cache

from pydantic import BaseModel

from normalise import vocab
from normalise.text import loose_key
from schemas.register import ColumnRole


class RoleRule(BaseModel):
    """One role and the header keywords that announce it."""

    name: ColumnRole
    keywords: list[str]


class ColumnRolesVocab(BaseModel):
    """column_roles.fr.toml."""

    role: list[RoleRule]


def header_tokens(header: str) -> tuple[str, ...]:
    """Loose, singular tokens: ``"Finalité(s)*"`` → ``("finalite",)``.

    Example: ``header_tokens("Catégories de données")`` →
    ``("categorie", "de", "donnee")``.
    """
    tokens = loose_key(header).split()
    return tuple(_singular(t) for t in tokens if len(t) > 1 or t.isdigit())


def _singular(token: str) -> str:
    return token[:-1] if len(token) > 3 and token.endswith("s") else token


@cache
def _keywords() -> list[tuple[tuple[str, ...], ColumnRole]]:
    rules = vocab.load("column_roles", ColumnRolesVocab).role
    return [(header_tokens(k), rule.name) for rule in rules for k in rule.keywords]


def header_to_role(header: str, group: str | None = None) -> ColumnRole | None:
    """The role of a printed column, or None when no keyword fits.

    Args:
        header: the leaf label as printed ("Catégories de destinataires*").
        group: the label above it under a two-level header ("Données"), used
            when the leaf alone says nothing.

    Returns:
        The role; None tells the caller to use "other" and warn.

    Example: ``header_to_role("Durée de conservation des données")`` →
    ``"retention"``; ``header_to_role("Données sensibles", "Données")`` →
    ``"other"``.
    """
    role = _match(header_tokens(header))
    if role is None and group:
        role = _match(header_tokens(f"{group} {header}"))
    return role


def _match(tokens: tuple[str, ...]) -> ColumnRole | None:
    """Earliest keyword in ``tokens``, longest on a tie."""
    best: tuple[int, int, ColumnRole] | None = None
    for keyword, role in _keywords():
        size = len(keyword)
        for start in range(len(tokens) - size + 1):
            if tokens[start:start + size] == keyword:
                if best is None or (start, -size) < (best[0], -best[1]):
                    best = (start, size, role)
                break
    return best[2] if best else None
