"""Recipients and controllers: a list cell → one Party per body."""

# Phrase tables quote registers verbatim; long quoted lines are kept whole.
# ruff: noqa: E501

import re
import tomllib
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from normalise.acronyms import is_acronym
from normalise.parties import is_joint, parse_parties
from schemas.register import Party


def parties(text: str) -> list[tuple[str, str | None]]:
    return [(p.name, p.acronym) for p in parse_parties(text).values]


def keys(text: str) -> list[str]:
    """What a reader keys on: the acronym, else the name."""
    return [p.acronym or p.name for p in parse_parties(text).values]


@pytest.mark.parametrize(
    "text, expected",
    [
        # dns_register.pdf: acronym after each body, lines glued without separator
        (
            "Agences régionales de santé (ARS) Agence du numérique en santé (ANS) "
            "Direction générale à l’offre de soin (DGOS)",
            [
                ("Agences régionales de santé", "ARS"),
                ("Agence du numérique en santé", "ANS"),
                ("Direction générale à l'offre de soin", "DGOS"),
            ],
        ),
        # culture_register.pdf: acronym first, expansion in parentheses
        (
            "DRAC (directions régionales des affaires culturelles) ; comité d'experts ; "
            "DGFiP pour le paiement",
            [("DRAC", "DRAC"), ("comité d'experts", None), ("DGFiP", "DGFiP")],
        ),
        # sports_register.pdf: a group inside a body keeps its name, no acronym
        (
            "Agents habilités des SDJES ; fédérations sportives agréées (résultat seulement)",
            [
                ("Agents habilités des SDJES", None),
                ("fédérations sportives agréées", None),
            ],
        ),
        # sports_register.pdf: the body itself, qualified by where
        (
            "SDJES du département de résidence ; transporteurs (nom, point de ramassage)",
            [("SDJES du département de résidence", "SDJES"), ("transporteurs", None)],
        ),
        # dns_register.pdf: internal recipients
        ("Interne DNS", [("DNS", "DNS")]),
        ("Interne aux ministères sociaux", [("ministères sociaux", None)]),
    ],
)
def test_parse_parties_names_and_acronyms(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert parties(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # sports_register.pdf: a parenthesised list of acronyms names the bodies
        (
            "Services déconcentrés (DRAJES, SDJES) ; employeurs, par l'interrogation du "
            "téléservice public de vérification des cartes",
            ["DRAJES", "SDJES", "employeurs"],
        ),
        (
            "CNAF et MSA (éligibilité) ; clubs affiliés ; Agence de services et de paiement "
            "(ASP) pour les remboursements",
            ["CNAF", "MSA", "clubs affiliés", "ASP"],
        ),
        # interieur_dnum_register.pdf: footnote star, sub-unit in parentheses
        (
            "Analystes du SOC ; ANSSI* (CERT-FR) en cas d'incident majeur",
            ["Analystes du SOC", "ANSSI"],
        ),
        (
            "Agents habilités du SSAC Officiers de police judiciaire, sur réquisition",
            ["Agents habilités du SSAC", "Officiers de police judiciaire"],
        ),
        # commune_register.pdf: qualifiers after a comma or in parentheses
        (
            "Officiers de l'état civil ; procureur de la République (contrôle annuel des "
            "registres) ; INSEE (bulletins statistiques) ; notaires, via la plateforme COMEDEC",
            [
                "Officiers de l'état civil",
                "procureur de la République",
                "INSEE",
                "notaires",
            ],
        ),
        # culture_register.pdf: dash bullets
        (
            "– Cellule d'écoute (prestataire externe) – Référents égalité-diversité – "
            "Secrétaire général et service des ressources humaines pour les suites à donner",
            [
                "Cellule d'écoute",
                "Référents égalité-diversité",
                "Secrétaire général et service des ressources humaines",
            ],
        ),
        # rectorat_register.pdf: "et" inside one body, hyphenated acronym
        (
            "Correcteurs et coordonnateurs de discipline ; inspecteurs pédagogiques régionaux "
            "(IA-IPR)",
            ["Correcteurs et coordonnateurs de discipline", "IA-IPR"],
        ),
        # rec-005 (arrêté, legal.tricoteuses.fr): one head, two bodies
        (
            "- les magistrats ; - les agents des services judiciaires de la police nationale "
            "et de la gendarmerie nationale susceptibles de concourir aux procédures judiciaires.",
            [
                "les magistrats",
                "les agents des services judiciaires de la police nationale",
                "les agents des services judiciaires de la gendarmerie nationale",
            ],
        ),
        # rec-017 (Santé Psy Étudiant privacy policy): "et les" joins two bodies
        (
            "Les psychologues et les médecins habilités ; Les services de santé étudiante et "
            "les universités.",
            [
                "Les psychologues",
                "les médecins habilités",
                "Les services de santé étudiante",
                "les universités",
            ],
        ),
        # rec-021 (France Relance policy): one body per ";" line, "et" kept inside
        (
            "Assemblée permanente des chambres d’agriculture et les chambres locales ; "
            "Agence nationale pour l’amélioration des conditions de travail ; "
            "Opérateurs de compétences (11 OPCO) ;",
            [
                "Assemblée permanente des chambres d'agriculture et les chambres locales",
                "Agence nationale pour l'amélioration des conditions de travail",
                "OPCO",
            ],
        ),
        # rec-028 (commune register): a comma list
        (
            "Agents instructeurs des dossiers d’inscription en multi-accueil, Agents "
            "instructeurs des dossiers au guichet unique",
            [
                "Agents instructeurs des dossiers d'inscription en multi-accueil",
                "Agents instructeurs des dossiers au guichet unique",
            ],
        ),
        # rec-033: an enumeration closed by "et" is one description
        (
            "Agents de la collectivité en charge des services enfance, petite enfance et "
            "jeunesse de la ville.",
            [
                "Agents de la collectivité en charge des services enfance, petite enfance et "
                "jeunesse de la ville"
            ],
        ),
        # rec-056 (arrêté): verb first, "ainsi que", qualifiers after commas
        (
            "Peuvent accéder, à raison de leurs attributions, à tout ou partie des données, "
            "les militaires ainsi que les agents de la police nationale, individuellement "
            "désignés et spécialement habilités, affectés dans une unité.",
            ["les militaires", "les agents de la police nationale"],
        ),
        # rec-022, rec-062 (beta.gouv policies): prose naming processors
        (
            "Les missions d’hébergement des données du service sont confiées aux sociétés 3DS "
            "et OVH.",
            ["3DS", "OVH"],
        ),
        (
            "La direction de l'information légale et administrative (DILA) met en œuvre le "
            "traitement. La mission d’infogérance est confiée à la société Scalingo.",
            ["Scalingo"],
        ),
        # rec-061: "name : task" lines
        (
            "Clever Cloud : hébergement de la plateforme OVH : gestion des noms de domaine",
            ["Clever Cloud", "OVH"],
        ),
    ],
)
def test_parse_parties_splits_bodies(text: str, expected: list[str]) -> None:
    assert keys(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Directeur du numérique (DNUM)", ["DNUM"]),  # interieur_dnum_register.pdf
        ("SSAC (service de sécurité de l'administration centrale)", ["SSAC"]),
        ("DNUM – centre de services", ["DNUM"]),  # a unit of the DNUM
        (
            "DNS CNAM (co-responsables de traitement)",
            ["DNS", "CNAM"],
        ),  # dns_register.pdf
        ("DNS (CNAM)", ["DNS", "CNAM"]),
        ("(DNS)", ["DNS"]),
    ],
)
def test_parse_parties_controllers(text: str, expected: list[str]) -> None:
    assert keys(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # mdph_register.pdf: "pour" inside the name an acronym spells out; the
        # comma after the acronym opens the data's form, not a body
        (
            "Équipe pluridisciplinaire d'évaluation ; Caisse nationale de solidarité pour "
            "l'autonomie (CNSA), données pseudonymisées",
            [
                ("Équipe pluridisciplinaire d'évaluation", None),
                ("Caisse nationale de solidarité pour l'autonomie", "CNSA"),
            ],
        ),
        # habitat_register.pdf
        (
            "Conseillères en économie sociale et familiale ; Fonds de solidarité pour le "
            "logement (FSL)",
            [
                ("Conseillères en économie sociale et familiale", None),
                ("Fonds de solidarité pour le logement", "FSL"),
            ],
        ),
        # universite_register.pdf: a comma inside the spelt-out name
        (
            "enseignants, pour les espaces de cours ; Réseau national de télécommunications "
            "pour la technologie, l'enseignement et la recherche (RENATER), pour la "
            "fédération d'identités",
            [
                ("enseignants", None),
                (
                    "Réseau national de télécommunications pour la technologie, "
                    "l'enseignement et la recherche",
                    "RENATER",
                )
            ],
        ),
        # culture_register.pdf: an acronym before "pour" keeps it a purpose
        ("DGFiP pour le paiement", [("DGFiP", "DGFiP")]),
    ],
)
def test_pour_inside_a_spelt_out_name(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert parties(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # syndicat_register.pdf: a role noun after a comma describes the body
        (
            "Commission d'attribution ; Département de l'Oise, gestionnaire du FSL",
            ["Commission d'attribution", "Département de l'Oise"],
        ),
        # parc_register.pdf, lycee_register.pdf
        ("bureau syndical ; Région, cofinanceur", ["bureau syndical", "Région"]),
        ("Administrateur de l'ENT ; Région, financeur", ["Administrateur de l'ENT", "Région"]),
        # metropole_register.pdf
        (
            "Agents et invités des réunions ; éditeur de la solution, hébergeur des données",
            ["Agents et invités des réunions", "éditeur de la solution"],
        ),
        # chu_register.pdf, metropole_register.pdf: a participle and its preposition
        ("médiateurs ; membres de la CDU, tenus au secret", ["médiateurs", "membres de la CDU"]),
        (
            "Service démocratie participative ; prestataire de la plateforme, établi aux États-Unis",
            ["Service démocratie participative", "prestataire de la plateforme"],
        ),
        # mdph_register.pdf: a unit of the body
        ("tribunal judiciaire, pôle social", ["tribunal judiciaire"]),
        # crous_register.pdf: "seuls" describes the body
        (
            "Assistants de service social du Crous, seuls ; service de santé étudiante, avec l'accord de l'étudiant",
            ["Assistants de service social du Crous", "service de santé étudiante"],
        ),
        # comma lists: a determiner or a bare name after the comma is another body
        ("CAF, seuls les agents habilités", ["CAF", "les agents habilités"]),
        ("Région, cofinanceur, la CAF", ["Région", "CAF"]),
        ("Département, Région", ["Département", "Région"]),
    ],
)
def test_apposition_after_a_comma_is_not_a_body(text: str, expected: list[str]) -> None:
    assert keys(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # syndicat_register.pdf: a département's number belongs to the acronym
        (
            "Service des ressources humaines ; centre de gestion de l'Oise (CDG 60)",
            [("Service des ressources humaines", None), ("centre de gestion de l'Oise", "CDG 60")],
        ),
        ("CDG60", [("CDG60", "CDG60")]),
        ("SDIS 38 et CPAM 75", [("SDIS 38", "SDIS 38"), ("CPAM 75", "CPAM 75")]),
        ("SDIS 2A", [("SDIS 2A", "SDIS 2A")]),
        # one acronym in two words after a spelt-out name
        ("Agence régionale de santé (ARS IDF)", [("Agence régionale de santé", "ARS IDF")]),
        # a year is no territory
        ("DGFiP 2024", [("DGFiP 2024", "DGFiP")]),
        # sports_register.pdf: listed acronyms stay two bodies
        (
            "Services déconcentrés (DRAJES, SDJES)",
            [("DRAJES", "DRAJES"), ("SDJES", "SDJES")],
        ),
    ],
)
def test_acronyms_with_a_territory(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert parties(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # habitat_register.pdf: the head noun repeated
        (
            "Responsable sûreté de l'office ; police nationale et police municipale",
            ["Responsable sûreté de l'office", "police nationale", "police municipale"],
        ),
        # tribunal_register.pdf: a proper name after "et"
        (
            "parties à l'instance ; cour administrative d'appel de Lyon et Conseil d'État en cas de recours",
            ["parties à l'instance", "cour administrative d'appel de Lyon", "Conseil d'État"],
        ),
        # syndicat_register.pdf: an acronym alone, then a body
        ("comptable public (DGFiP) ; URSSAF et caisses de retraite", ["DGFiP", "URSSAF", "caisses de retraite"]),
        # one body: a shared complement, fields of one body, title case
        ("Magistrats et agents de greffe habilités", ["Magistrats et agents de greffe habilités"]),
        ("Médecin et juriste de la MDPH", ["Médecin et juriste de la MDPH"]),
        ("Caisse d'assurance retraite et de la santé au travail (CARSAT)", ["CARSAT"]),
        ("Agence De Services Et De Paiement", ["Agence De Services Et De Paiement"]),
        ("Chambre de Commerce et d'Industrie", ["Chambre de Commerce et d'Industrie"]),
        # recipients.jsonl (aplypro): "et de" after a preposition is no repeated head
        ("de l'agence de service et de paiement (ASP)", ["ASP"]),
    ],
)
def test_bare_coordination(text: str, expected: list[str]) -> None:
    assert keys(text) == expected


@pytest.mark.parametrize(
    "text, joint",
    [
        ("DNS CNAM (co-responsables de traitement)", True),  # dns_register.pdf
        ("DNS DGOS", True),  # two controllers
        ("Directeur du numérique (DNUM)", False),
    ],
)
def test_is_joint(text: str, joint: bool) -> None:
    assert is_joint(text, parse_parties(text).values) is joint


def test_unparsed_cell_gives_an_issue_not_a_guess() -> None:
    parsed = parse_parties("La DILA met en œuvre le traitement.")  # rec-062
    assert parsed.values == []
    assert [i.code for i in parsed.issues] == ["recipient-unparsed"]


def test_empty_cell_gives_nothing() -> None:
    assert parse_parties("  ") == type(parse_parties(""))()


cell_text = st.lists(
    st.sampled_from(list("abcDEF ;,()–-*:.'éÉ") + ["et ", "Les ", "(ARS)"]), max_size=30
).map("".join)


@given(cell_text)
def test_parse_parties_never_returns_an_empty_name(text: str) -> None:
    assert all(re.search(r"\w", p.name) for p in parse_parties(text).values)


@given(
    st.lists(
        st.sampled_from(
            [
                "Agents du service",
                "DGFiP (comptable public)",
                "Agence régionale de santé (ARS)",
                "jury départemental",
                "CNAF et MSA",
                "médecins de la CVAGS",
            ]
        ),
        min_size=1,
        max_size=5,
    ),
    st.sampled_from([" ", "  ", "\u00a0", "\n"]),
)
def test_splitting_is_stable_under_extra_whitespace(
    items: list[str], space: str
) -> None:
    text = " ; ".join(items)
    assert parse_parties(text.replace(" ", space)).values == parse_parties(text).values


def test_acronym_shapes() -> None:
    assert [
        is_acronym(t)
        for t in ("DGFiP", "GRADeS", "IA-IPR", "Urssaf", "CDG 60", "Agence", "CleverCloud", "II")
    ] == [True] * 5 + [False] * 3


def _toml(name: str) -> dict[str, object]:
    path = resources.files("normalise.vocab").joinpath(f"{name}.fr.toml")
    return tomllib.loads(path.read_text(encoding="utf-8"))


def test_acronym_vocabulary_integrity() -> None:
    table = _toml("acronyms")["acronym"]
    assert isinstance(table, dict)
    assert list(table) == sorted(table), "keep acronym keys sorted"
    assert all(k == k.upper() and is_acronym(k) for k in table)
    expansions = [e.lower() for values in table.values() for e in values]
    assert len(expansions) == len(set(expansions)), "an expansion names two acronyms"


def test_parties_vocabulary_loads() -> None:
    vocab = _toml("parties")
    assert all(isinstance(v, list) and v for v in vocab.values())
    assert Party(name="x").acronym is None
