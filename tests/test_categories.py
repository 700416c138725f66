"""Data categories and data subjects: list cells → the CNIL vocabulary."""

# Phrase tables quote registers verbatim; long quoted lines are kept whole.
# ruff: noqa: E501

import pytest
from hypothesis import given
from hypothesis import strategies as st

from normalise import vocab
from normalise.categories import (
    CategoriesVocab,
    matchable,
    parse_data_categories,
    parse_data_subjects,
)

SENSITIVE = {
    "sante",
    "biometrie",
    "genetique",
    "infractions",
    "opinions",
    "origine",
    "vie_sexuelle",
    "nir",
}


def categories(text: str) -> list[str]:
    return list(dict.fromkeys(v.category for v in parse_data_categories(text).values))


@pytest.mark.parametrize(
    "text, expected",
    [
        # dc-012 (demarches-simplifiees policy)
        ("Données de journalisation : logs, adresse IP.", ["connexion"]),
        # dc-014 (Santé Psy Étudiant policy): INE is an identifier; an establishment's
        # location is not tracking data
        (
            "Données relatives aux étudiants : nom, prénom, numéro INE, école, localisation de "
            "l’établissement, niveau d’études, logs et adresse IP ;",
            ["etat_civil", "vie_professionnelle", "connexion"],
        ),
        # dc-016 (Mon indemnisation justice policy): NIR, bank details, photos, housing
        (
            "Données relatives à la demande : nom, NIR, RIB, champs libres, documents "
            "justificatifs (photos, titre de propriété si propriétaire)",
            [
                "etat_civil",
                "nir",
                "economique_financier",
                "other",
                "image",
                "vie_personnelle",
            ],
        ),
        # dc-020 (policy with labels glued on one line)
        (
            "Données d'identification : nom, prénom Coordonnées : adresse email Données de "
            "connexion : logs de connexion, adresse IP Données d'utilisation : fiches "
            "d'accompagnement créées",
            ["etat_civil", "connexion", "other"],
        ),
        # dc-024: the controller labels an address as location
        ("Données de localisation : Adresse ;", ["localisation"]),
        # dc-028: "lieu de connexion" is location, "date et heure de connexion" connexion
        (
            "Pour les données de connexion : adresse IP, date et heure de connexion, lieu de "
            "connexion du représentant",
            ["connexion", "localisation"],
        ),
        # dc-031: habits, not GPS tracking
        (
            "Mode de déplacement : vélo, voiture, transports en commun.",
            ["vie_personnelle"],
        ),
        # dc-034: health certificate, social security number, school
        (
            "Pour les enfants : nom et prénom, certificat médical, certificat de scolarité, "
            "numéro de sécurité sociale",
            ["etat_civil", "sante", "vie_professionnelle", "nir"],
        ),
        # dc-035: pay is financial
        (
            "Pour le dossier : contrat de travail, rôle, rémunération",
            ["vie_professionnelle", "economique_financier"],
        ),
        # dc-018: "nom et localisation de son établissement" is not location
        (
            "Données des élèves : nom et prénom, nom et localisation de son établissement, "
            "classe et sexe ;",
            ["etat_civil", "vie_professionnelle"],
        ),
    ],
)
def test_parse_data_categories(text: str, expected: list[str]) -> None:
    assert sorted(categories(text)) == sorted(expected)


@pytest.mark.parametrize(
    "text, sensitive",
    [
        ("NIR", True),
        ("certificat médical", True),
        ("casier judiciaire", True),
        ("opinions politiques", True),
        ("nom, prénom", False),
        ("adresse IP", False),
    ],
)
def test_sensitive_follows_gdpr_articles_9_and_10(text: str, sensitive: bool) -> None:
    assert [v.sensitive for v in parse_data_categories(text).values] == [sensitive]


def test_unknown_item_gives_an_issue_not_a_guess() -> None:
    # dc-014: "zone géographique de recherche" fits no category
    parsed = parse_data_categories("nom, zone géographique de recherche")
    assert categories("nom, zone géographique de recherche") == ["etat_civil"]
    assert [(i.code, i.text) for i in parsed.issues] == [
        ("data-category-unknown", "zone géographique de recherche")
    ]


def test_group_text_is_kept() -> None:
    values = parse_data_categories(
        "Données de journalisation : logs, adresse IP"
    ).values
    assert [v.text for v in values] == ["Données de journalisation : logs, adresse IP"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # commune_register.pdf
        (
            "Enfants scolarisés dans les écoles publiques de la commune ; parents ou "
            "représentants légaux ; personnes autorisées",
            [
                "Enfants scolarisés dans les écoles publiques de la commune",
                "parents ou représentants légaux",
                "personnes autorisées",
            ],
        ),
        ("Agents, visiteurs, livreurs", ["Agents", "visiteurs", "livreurs"]),
        # dns_register.pdf: a description with a parenthesis stays whole
        (
            "Le porteur du projet (directeur d'établissement de services sociaux et "
            "médico-sociaux)",
            [
                "Le porteur du projet (directeur d'établissement de services "
                "sociaux et médico-sociaux)"
            ],
        ),
    ],
)
def test_parse_data_subjects(text: str, expected: list[str]) -> None:
    assert parse_data_subjects(text) == expected


@given(
    st.lists(
        st.sampled_from(
            [
                "nom",
                "prénom",
                "adresse IP",
                "NIR",
                "RIB",
                "photo",
                "logs",
                "situation familiale",
            ]
        ),
        min_size=1,
        max_size=6,
    )
)
def test_every_listed_known_item_is_categorised(items: list[str]) -> None:
    parsed = parse_data_categories(", ".join(items))
    assert parsed.issues == []
    assert all(v.sensitive == (v.category in SENSITIVE) for v in parsed.values)


def test_data_categories_vocabulary_integrity() -> None:
    rules = vocab.load("data_categories", CategoriesVocab).category
    owner: dict[str, str] = {}
    for rule in rules:
        assert rule.sensitive == (rule.name in SENSITIVE), rule.name
        for word in rule.keywords + rule.weak:
            key = matchable(word)
            assert owner.setdefault(key, rule.name) == rule.name, (
                f"{word!r} in two categories"
            )
