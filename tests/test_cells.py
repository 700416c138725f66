"""Cell re-flow: lines joined by spaces, words broken at line ends repaired."""

import pytest

from extract.cells import join_lines, space_bullets, vocabulary

VOCAB = vocabulary(
    [
        "les traitements de données",
        "Établissements de santé",
        "le secteur",
        "responsables de traitement",
    ]
)


@pytest.mark.parametrize(
    "lines, full, expected",
    [
        # dns_register.pdf p.1: a compound split at its own hyphen keeps it
        (
            ["services sociaux ou", "médico-", "sociaux)"],
            set(),
            "services sociaux ou médico-sociaux)",
        ),
        # a hyphen that only broke the word goes when the document prints the whole word
        (["les traite-", "ments de données"], set(), "les traitements de données"),
        # ... and stays when it does not (no evidence: keep what is printed)
        (["le contre-", "indications"], set(), "le contre-indications"),
        # dns_register.pdf p.3: a word too long for the column, cut with no hyphen
        (["Établissement", "s de santé"], {0}, "Établissements de santé"),
        # dns_register.pdf p.4, column RT, one word cut over five lines
        (
            ["DNS CNAM (co-", "respon", "sables de", "traitem", "ent)"],
            {2, 4},
            "DNS CNAM (co-responsables de traitement)",
        ),
        # interieur_dnum_register.pdf: a full one-word line followed by another word
        (["Agents,", "visiteurs"], {0}, "Agents, visiteurs"),
        (["Administrateurs", "habilités"], {0}, "Administrateurs habilités"),
        # dns_register.pdf p.4: a closing bracket alone on its line
        (["DNS (CNAM", ")"], set(), "DNS (CNAM)"),
        # a number cut at its own hyphen goes on with no space (rectorat, sports)
        (["décret n° 2019-", "1088 du"], set(), "décret n° 2019-1088 du"),
        (["article L. 212-", "9 du code"], set(), "article L. 212-9 du code"),
        # soft hyphen: always a break
        (["traite\u00ad", "ment"], set(), "traitement"),
        # blank lines and runs of spaces vanish
        (["  Identité ", "", "et   adresse"], set(), "Identité et adresse"),
    ],
)
def test_join_lines(lines: list[str], full: set[int], expected: str) -> None:
    assert join_lines(lines, VOCAB, frozenset(full)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "•Instruire les demandes •Verser",
            "• Instruire les demandes • Verser",
        ),  # culture
        ("• Instruire", "• Instruire"),
        (
            "- Identité - Coordonnées",
            "- Identité - Coordonnées",
        ),  # interieur: kept as printed
    ],
)
def test_space_bullets(text: str, expected: str) -> None:
    assert space_bullets(text) == expected


def test_vocabulary_keeps_compounds_and_ignores_line_end_pieces() -> None:
    words = vocabulary(["médico-social", "le traite-"])
    assert "médico-social" in words and "traite" in words and "traite-" not in words
