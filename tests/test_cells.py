"""Cell re-flow: lines joined by spaces, words broken at line ends repaired."""

import pytest

from extract.cells import Vocabulary, join_lines, space_bullets, vocabulary
from extract.geometry import Char
from extract.lexicon import word_list
from extract.lines import chars_to_words

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
            {1, 3},  # "respon" and "traitem" fill their lines
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


@pytest.mark.parametrize(
    "lines, full, expected",
    [
        # dns_register.pdf p.4: "responsables" is printed nowhere else; the
        # French word list knows it, and knows "respon" is no word
        (["(co-respon", "sables de"], {0}, "(co-responsables de"),
        # interieur_dnum_register.pdf: words, then a cut piece, fill the line
        (["Non – hébergemen", "t sur le cloud"], {0}, "Non – hébergement sur le cloud"),
        # a full line ending in a whole word stays two words
        (["Administrateurs", "habilités"], {0}, "Administrateurs habilités"),
        # samples/generated/sdis, culture: a compound name cut at its hyphen
        (["Opérateurs du CTA-", "CODIS*"], set(), "Opérateurs du CTA-CODIS*"),
        (["aux États-", "Unis"], set(), "aux États-Unis"),
        # the word list knows "socioprofessionnelle" too: not evidence enough
        (
            ["situation socio-", "professionnelle"],
            set(),
            "situation socio-professionnelle",
        ),
    ],
)
def test_join_lines_with_a_word_list(
    lines: list[str], full: set[int], expected: str
) -> None:
    vocab = Vocabulary(vocabulary(lines), word_list("fr"))
    assert join_lines(lines, vocab, frozenset(full)) == expected


def char(text: str, x0: float, size: float = 9.0, rise: float = 0.0) -> Char:
    return Char(text, x0, 100.0 - rise, x0 + size / 2, 100.0 + size - rise, size, False)


def test_raised_small_marker_stays_on_its_word_as_a_superscript() -> None:
    # samples/generated/hopital_register.pdf: "ARS" + raised "1" + ","
    chars = [
        char("A", 0),
        char("R", 4.5),
        char("S", 9),
        char("1", 13.5, 5, 4),
        char(",", 16.1),
    ]
    chars[-1].space_before = True  # pdfium adds one where the baseline drops
    assert [w.text for w in chars_to_words(chars)] == ["ARS¹,"]


def test_ligature_letters_stay_one_word() -> None:
    # pdfium gives the letters of a "ﬁ" glyph one box: "ﬁnalités" is one word
    chars = [char("f", 0), char("i", 0), char("n", 4.5), char("s", 9)]
    assert [w.text for w in chars_to_words(chars)] == ["fins"]
