"""Acronyms of French public bodies: telling "DGFiP" or "Urssaf" from a word.

A token is an acronym when its shape says so (two capitals or more, mostly
capitals: "DRAC", "DGFiP", "GRADeS", "IA-IPR") or when vocab/acronyms.fr.toml
knows it and it is printed capitalised ("Urssaf", "Insee"). A regex on the
token shape is clearer than a spaCy matcher here: the test is on one token's
letters, not on a sequence of tokens.
"""

import re
from functools import cache

from pydantic import BaseModel

from normalise import vocab


class AcronymVocab(BaseModel):
    """acronyms.fr.toml: ``ARS = ["Agence régionale de santé"]``."""

    acronym: dict[str, list[str]]


# One token that could be an acronym: letters and digits, maybe hyphenated
# ("CERT-FR", "IA-IPR"); the shape test below decides.
TOKEN = r"[A-Z][A-Za-z0-9]*(?:-[A-Z0-9][A-Za-z0-9]*)*"
_TOKEN = re.compile(TOKEN)
# A département's number after the acronym is part of it: "CDG 60", "SDIS 38",
# "SDIS 2A" name one local body each. Two or three digits only: a year
# ("DGFiP 2024") or a count is not a territory.
TERRITORY = r"(?:\d{2,3}|2[AB])(?![\w-])"
ACRONYM = rf"{TOKEN}(?:\s{TERRITORY})?"
_TERRITORY_TAIL = re.compile(rf"\s+{TERRITORY}$")
_ROMAN = re.compile(r"^[IVXLC]+$")


@cache
def known() -> dict[str, list[str]]:
    """Known acronyms, keyed upper-case: ``known()["DGFIP"]`` → expansions."""
    return vocab.load("acronyms", AcronymVocab).acronym


def is_acronym(token: str) -> bool:
    """Whether a printed token is a body's acronym.

    Example: ``is_acronym("DGFiP")`` → True; ``is_acronym("Agence")`` → False;
    ``is_acronym("Urssaf")`` → True (known); ``is_acronym("II")`` → False;
    ``is_acronym("CDG 60")`` → True.
    """
    token = _TERRITORY_TAIL.sub("", token)
    if not _TOKEN.fullmatch(token) or _ROMAN.match(token):
        return False
    letters = [c for c in token if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    if upper >= 2 and upper * 3 >= len(letters) * 2:
        return True
    return len(token) >= 4 and token.upper() in known()


def is_known(token: str) -> bool:
    """Whether the acronym names a body listed in the vocabulary ("CNAM")."""
    return token.upper() in known()
