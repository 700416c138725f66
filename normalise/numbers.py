"""French numbers, written in digits or in words: "douze", "quatre-vingt-dix" → int.

Cardinals go through ``text2num`` (it knows "quatre-vingt-dix" and "soixante et
onze"); ordinals ("troisième", "1er") are reduced to their cardinal first. The
words themselves live in ``vocab/numbers.fr.toml``; this module only holds the
regex skeletons that the words fill, so that ``normalise.retention`` can find
numbers inside a sentence with one compiled pattern.
"""

import re
from functools import cache

from pydantic import BaseModel
from text_to_num import text2num

from normalise import vocab
from normalise.text import fold


class _Words(BaseModel):
    and_joined: list[str]
    and_word: str
    half: list[str]
    ordinal_suffixes: list[str]


class NumbersVocab(BaseModel):
    """``numbers.fr.toml``: cardinal words, irregular ordinals, glue words."""

    cardinal: dict[str, int]
    ordinal: dict[str, int]
    ordinal_stem: dict[str, str]
    words: _Words


def _vocab() -> NumbersVocab:
    return vocab.load("numbers", NumbersVocab)


def _alternation(words: list[str]) -> str:
    # Longest first, so that "quatorze" wins over "quatre" and "une" over "un".
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def number_pattern() -> str:
    """Regex (no groups) for one number: digits or a run of French number words.

    Example: it matches ``"quatre-vingt-dix"``, ``"vingt et un"``, ``"1,5"``.
    """
    v = _vocab()
    word = rf"(?:{_alternation(list(v.cardinal))})"
    and_joined = rf"(?:{_alternation(v.words.and_joined)})"
    glue = rf"(?:[- ]{re.escape(v.words.and_word)}[- ](?={and_joined}(?!\w))|-|\s)"
    words = rf"{word}(?:{glue}{word}(?!\w))*(?!\w)"
    return rf"(?:(?<![\w.,/-])\d+(?:[.,]\d+)?(?![\d/])|(?<!\w){words})"


@cache
def ordinal_pattern() -> str:
    """Regex (no groups) for one ordinal: "troisième", "dixième", "1er", "3e".

    Example: it matches ``"dixième"`` in ``"la fin de la dixième année"``.
    """
    v = _vocab()
    irregular = _alternation(list(v.ordinal))
    suffixes = _alternation(v.words.ordinal_suffixes)
    word = r"[a-zà-ÿ-]+(?:ième|ieme)"
    return rf"(?:(?<!\w)(?:{irregular}|{word}|\d+(?:{suffixes}))(?!\w))"


@cache
def half_pattern() -> str:
    """Regex (no groups) for "et demi(e)" after a unit: "un an et demi"."""
    v = _vocab()
    half = _alternation(v.words.half)
    return rf"(?:\s+{re.escape(v.words.and_word)}\s+(?:{half})(?!\w))"


def _cardinal(words: str) -> int | None:
    try:
        return int(text2num(words, "fr"))
    except ValueError:
        # text2num refuses a lone "une"/"vingts": the vocabulary knows them.
        return _vocab().cardinal.get(words)


def _ordinal(word: str) -> int | None:
    v = _vocab()
    if word in v.ordinal:
        return v.ordinal[word]
    digits = re.fullmatch(rf"(\d+)(?:{_alternation(v.words.ordinal_suffixes)})", word)
    if digits:
        return int(digits.group(1))
    stem = re.sub(r"i[eè]me$", "", word)
    if stem == word:
        return None
    stem = v.ordinal_stem.get(stem, stem)
    return _cardinal(stem) or _cardinal(stem + "e")


def words_to_int(text: str) -> int | None:
    """The integer a French number (cardinal or ordinal) states, or None.

    Args:
        text: digits or number words, e.g. ``"quatre-vingt-dix"``, ``"1er"``.

    Returns:
        ``words_to_int("dix-huit") == 18``; ``words_to_int("troisième") == 3``;
        ``words_to_int("durée") is None``.
    """
    key = fold(text)
    if key.isdigit():
        return int(key)
    if not key:
        return None
    value = _cardinal(key)
    return value if value is not None else _ordinal(key)


def parse_number(text: str) -> float | None:
    """A number that may carry decimals: ``"1,5"`` → 1.5, ``"douze"`` → 12.0."""
    key = fold(text)
    if re.fullmatch(r"\d+[.,]\d+", key):
        return float(key.replace(",", "."))
    value = words_to_int(key)
    return None if value is None else float(value)
