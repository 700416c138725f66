"""French number words → int (normalise.numbers)."""

import re

import pytest

from normalise.numbers import number_pattern, parse_number, words_to_int

# 1–100 written out in French (standard spelling, hyphens as printed in registers).
_UNITS = ["", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf",
          "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize",
          "dix-sept", "dix-huit", "dix-neuf"]
_TENS = {20: "vingt", 30: "trente", 40: "quarante", 50: "cinquante", 60: "soixante"}


def _french(n: int) -> str:
    """Write 1..100 in French words, independently of the code under test."""
    if n < 20:
        return _UNITS[n]
    if n == 100:
        return "cent"
    if n >= 80:
        rest = n - 80
        return "quatre-vingts" if rest == 0 else f"quatre-vingt-{_UNITS[rest]}"
    if n >= 60:
        tens, rest = 60, n - 60
    else:
        tens, rest = n - n % 10, n % 10
    if rest == 0:
        return _TENS[tens]
    if rest in (1, 11):
        return f"{_TENS[tens]} et {_UNITS[rest]}"
    return f"{_TENS[tens]}-{_UNITS[rest]}"


@pytest.mark.parametrize("n", range(1, 101))
def test_words_one_to_hundred_round_trip(n: int) -> None:
    words = _french(n)
    assert words_to_int(words) == n
    # The finder regex sees the whole number, not a piece of it.
    assert re.fullmatch(number_pattern(), words, re.IGNORECASE)


@pytest.mark.parametrize("text, expected", [
    ("douze", 12),               # "douze mois glissants", commune_register.pdf
    ("Quarante-huit", 48),       # "Quarante-huit mois après …", rectorat_register.pdf
    ("quatre-vingt-dix", 90),    # "quatre-vingt-dix jours", commune_register.pdf
    ("une", 1),                  # "d'une heure à douze mois", dns_register.pdf
    ("cent", 100),               # "cent ans en mairie", commune_register.pdf
    ("1er", 1),                  # "à compter du 1er janvier 2014", ret-107
    ("troisième", 3),            # "fin de la troisième année", rectorat_register.pdf
    ("dixième", 10),             # "fin de la dixième année", sports_register.pdf
    ("cinquième", 5),
    ("neuvième", 9),
    ("première", 1),
    ("2036", 2036),
    ("durée", None),
    ("", None),
])
def test_words_to_int(text: str, expected: int | None) -> None:
    assert words_to_int(text) == expected


def test_parse_number_keeps_decimals() -> None:
    assert parse_number("1,5") == 1.5
    assert parse_number("douze") == 12.0


def test_number_pattern_does_not_join_a_range() -> None:
    # "entre un et trois ans": "et" joins only "vingt et un"-like numbers.
    found = [m.group() for m in re.finditer(number_pattern(), "entre un et trois ans")]
    assert found == ["un", "trois"]
