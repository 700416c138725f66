"""Column headers → roles."""

# Phrase tables quote registers verbatim; long quoted lines are kept whole.
# ruff: noqa: E501

import pytest

from normalise import vocab
from normalise.columns import ColumnRolesVocab, header_to_role, header_tokens


@pytest.mark.parametrize(
    "header, group, role",
    [
        # headers of the sample registers (samples/*.gold.json "column_roles")
        ("Intitulé", None, "title"),  # dns_register.pdf
        ("RT", None, "controllers"),
        ("Données traitées", None, "data_categories"),
        ("Catégories de personnes concernées", None, "data_subjects"),
        ("Catégories de destinataires*", None, "recipients"),
        ("Nom du traitement", None, "title"),  # interieur_dnum
        ("Finalité(s)", None, "purposes"),
        ("Responsable de traitement", None, "controllers"),
        ("Transferts hors UE", None, "transfers"),
        ("Dénomination du traitement", None, "title"),  # commune_register.pdf
        ("Service responsable", None, "other"),
        ("Objectifs du traitement", None, "purposes"),
        ("Fondement juridique", None, "legal_basis"),
        ("Personnes visées", None, "data_subjects"),
        ("Services et organismes destinataires", None, "recipients"),
        ("Délai de conservation", None, "retention"),
        ("Transfert hors de l'Union européenne", None, "transfers"),
        ("Mesures de protection", None, "security"),
        ("Données sensibles", "Données", "other"),  # culture_register.pdf
        ("Destinataires (*)", None, "recipients"),
        ("Pôle", None, "other"),  # rectorat_register.pdf
        ("Application / traitement", None, "title"),
        ("Textes de référence", None, "legal_basis"),
        ("Données traitées (par catégorie de personnes)", None, "data_categories"),
        ("Destinataires / accédants", None, "recipients"),
        ("Durée de conservation et sort final", None, "retention"),
        ("Cadre juridique", None, "legal_basis"),  # sports_register.pdf
        ("Publics concernés", None, "data_subjects"),
        # wordings not in the samples
        ("Durée de conservation des données", None, "retention"),
        ("Destinataires des données", None, "recipients"),
        ("Base légale du traitement", None, "legal_basis"),
        ("Sous-traitants", None, "processors"),
        ("Catégories", "Données", "data_categories"),
        ("Zzz", None, None),
    ],
)
def test_header_to_role(header: str, group: str | None, role: str | None) -> None:
    assert header_to_role(header, group) == role


def test_column_roles_vocabulary_integrity() -> None:
    owner: dict[tuple[str, ...], str] = {}
    for rule in vocab.load("column_roles", ColumnRolesVocab).role:
        for keyword in rule.keywords:
            tokens = header_tokens(keyword)
            assert tokens, keyword
            assert owner.setdefault(tokens, rule.name) == rule.name, (
                f"{keyword!r} twice"
            )
