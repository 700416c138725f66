"""Small pure string helpers shared by every normaliser."""

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_APOSTROPHES = str.maketrans(
    {
        "\u2019": "'",
        "\u02bc": "'",
        "\u2018": "'",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
    }
)


def clean(text: str) -> str:
    """NFC, straight apostrophes, single spaces: the form we match on, case kept.

    Example: ``clean("l’Agence\u00a0 régionale")`` → ``"l'Agence régionale"``.
    """
    text = unicodedata.normalize("NFC", text).translate(_APOSTROPHES)
    return _SPACES.sub(" ", text).strip()


def fold(text: str) -> str:
    """``clean`` and lower-case: the key for vocabulary look-ups (idempotent)."""
    return clean(text).lower()


def strip_accents(text: str) -> str:
    """``"Santé"`` → ``"Sante"``: for loose keys only, never for output."""
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def loose_key(text: str) -> str:
    """Lower case, no accents, no punctuation: ``"Finalité(s)"`` → ``"finalite s"``."""
    return re.sub(r"[^a-z0-9]+", " ", strip_accents(fold(text))).strip()
