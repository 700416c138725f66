"""The legal vocabulary and the two aligned views of a text that matching runs on.

``vocab/codes.fr.toml`` holds the codes' canonical names, variants and
abbreviations; ``vocab/legal_acts.fr.toml`` the kinds of act, well-known
names, dates' words and the small grammar words of article citations. The
pydantic models below validate both files when they are first loaded.

Matching runs on two index-aligned views of one cleaned text: ``raw`` (case
kept, for "L. 1111-7", "RGPD", roman numerals) and ``key`` (lower case,
accents stripped, same length, for French words), so a match on either view
gives a span of the other.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel, ConfigDict, Field

from normalise import vocab
from normalise.text import clean
from schemas.register import LegalKind

# ---------------------------------------------------------------- vocabularies


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CodeEntry(_Model):
    name: str
    abbreviations: list[str] = Field(default_factory=list)
    variants: list[str] = Field(default_factory=list)


class CodesVocab(_Model):
    """``codes.fr.toml``: canonical code names with their variants."""

    code: list[CodeEntry]


class KindEntry(_Model):
    kind: LegalKind
    words: list[str]
    eu_only: bool = False
    instrument: str | None = None


class NamedAct(_Model):
    kind: LegalKind
    number: str | None = None
    instrument: str | None = None
    abbreviations: list[str] = Field(default_factory=list)
    phrases: list[str] = Field(default_factory=list)
    needs_article: bool = False


class DatedAct(_Model):
    kind: LegalKind
    date: str
    number: str


class ImplicitParagraph(_Model):
    number: str
    article: str
    paragraph: str


class ArticleWords(_Model):
    words: list[str]
    suffixes: list[str]
    subdivisions: list[str]
    and_following: list[str]
    joins: list[str]
    ranges: list[str]
    links: list[str]
    possessives: list[str]
    anaphora: list[str]
    internal: list[str]
    code_words: list[str]
    text_words: list[str]
    number_marks: list[str]
    date_marks: list[str]


class ActsVocab(_Model):
    """``legal_acts.fr.toml``: kinds of act, named acts, citation grammar words."""

    kind: list[KindEntry]
    eu_markers: list[str]
    act: list[NamedAct]
    dated: list[DatedAct]
    implicit_paragraph: list[ImplicitParagraph]
    months: dict[str, int]
    ordinals: dict[str, int]
    article: ArticleWords


def codes_vocab() -> CodesVocab:
    """The code names (``codes.fr.toml``)."""
    return vocab.load("codes", CodesVocab)


def acts_vocab() -> ActsVocab:
    """The act vocabulary (``legal_acts.fr.toml``)."""
    return vocab.load("legal_acts", ActsVocab)


# ---------------------------------------------------------------- text views


@cache
def _key_char(char: str) -> str:
    """One character, lower-cased and unaccented, never changing the length."""
    low = char.lower()
    return unicodedata.normalize("NFD", low)[0] if len(low) == 1 else char


def key(text: str) -> str:
    """``"Décret n° 78"`` → ``"decret n° 78"``: same length, so spans align."""
    if text.isascii():
        return text.lower()
    return "".join(map(_key_char, text))


@dataclass(frozen=True)
class Views:
    """A cleaned text (``raw``) and its matching view (``key``), index-aligned."""

    raw: str
    key: str

    @classmethod
    def of(cls, text: str) -> "Views":
        """Clean ``text`` once and build both views."""
        raw = clean(text)
        return cls(raw, key(raw))


def words_re(words: list[str]) -> str:
    """An alternation of vocabulary words, longest first, spaces flexible.

    Example: ``["de l'", "du"]`` → ``"de\\s*l'|du"`` (on the key view).
    """
    forms = sorted({key(clean(w)) for w in words}, key=len, reverse=True)
    return "|".join(flexible(f) for f in forms)


def flexible(form: str) -> str:
    """A word as a regex: spaces flexible, "C. éduc." also matches "C.éduc."."""
    pattern = re.escape(form).replace(r"\ ", r"\s+")
    # "C. éduc." is printed "C.éduc." too.
    return pattern.replace(r"\.\s+", r"\.\s*")
