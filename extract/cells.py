"""Printed lines of a cell → one string: joined by spaces, line-end breaks repaired.

Steps are named pure functions (eyecite's clean_text): ``join_lines`` decides
at each line end whether a hyphen was a break (``traite-`` + ``ment``) or part
of the word (``médico-`` + ``social``), from the words the document prints
elsewhere; ``space_bullets`` puts one space after a list marker.
"""

import re
from collections.abc import Container, Iterable

HYPHENS = "-\u2010\u2011"
SOFT_HYPHEN = "\u00ad"
BULLETS = "•▪◦●■–-—*"
_CLOSING = ").],"  # never printed after a space: "(CNAM" + ")" is "(CNAM)"
_BULLET_GLUED = re.compile(r"(^|\s)([•▪◦●■])(?=\S)")
_LAST_WORD = re.compile(r"([^\W\d_]+)[" + HYPHENS + r"]?$")
_WORD = re.compile(r"[^\W\d_]+(?:[-\u2010\u2011][^\W\d_]+)*", re.UNICODE)


class Vocabulary:
    """Words known to be words: printed in the document, or in a word list.

    The word list (``lexicon``) tells a word cut at a line end ("respon" +
    "sables") from two words ("Administrateurs" + "habilités"); the words the
    document prints cover its own names and jargon.
    """

    def __init__(
        self, printed: set[str], lexicon: Container[str] = frozenset()
    ) -> None:
        self.printed = printed
        self.lexicon = lexicon

    def __contains__(self, word: object) -> bool:
        return word in self.printed or word in self.lexicon


def vocabulary(texts: Iterable[str]) -> set[str]:
    """Lower-cased words and hyphenated compounds printed in the document."""
    words: set[str] = set()
    for text in texts:
        words.update(m.group(0).lower() for m in _WORD.finditer(text))
    return words


def join_lines(
    lines: list[str],
    vocab: Vocabulary | set[str],
    full: frozenset[int] = frozenset(),
) -> str:
    """Join a cell's lines with single spaces, repairing words broken at line ends.

    Example: ``["secteur médico-", "social. Des"]`` → ``"secteur médico-social. Des"``;
    ``["les traite-", "ments"]`` → ``"les traitements"`` when the document
    prints "traitements" elsewhere and never "traite-ments".

    Args:
        lines: the cell's printed lines, top to bottom.
        vocab: known words (``Vocabulary``; a plain set of printed words will do).
        full: indexes of lines that fill the column: where a layout engine
            cuts a word too long for what is left, with no hyphen
            (``traitem`` + ``ent``).
    """
    text = ""
    for index, line in enumerate(ln.strip() for ln in lines):
        if not line:
            continue
        if text and index - 1 in full and _cut_word(text, line, vocab):
            text += line
            continue
        text = _join_two(text, line, vocab) if text else line
    return space_bullets(re.sub(r"\s+", " ", text))


def _join_two(left: str, right: str, vocab: Vocabulary | set[str]) -> str:
    """Join two consecutive lines of one cell."""
    if left.endswith(SOFT_HYPHEN):
        return left[:-1] + right
    if (
        left[-1] in HYPHENS
        and len(left) > 1
        and left[-2].isalnum()
        and right[0].isdigit()
    ):
        return left + right  # "n° 2019-" + "1088", "L. 212-" + "9": a number goes on
    head = _last_word(left)
    tail = _first_word(right)
    if left[-1] in HYPHENS and head and tail and right[0].isupper():
        return left + right  # "États-" + "Unis", "CTA-" + "CODIS": a compound name
    if left[-1] in HYPHENS and head and tail and right[0].islower():
        # word processors seldom hyphenate: a line-end hyphen is the word's
        # own ("socio-" + "professionnelle") unless the document prints the
        # word whole elsewhere; a word list knows both spellings, so it is
        # no evidence here
        printed = vocab.printed if isinstance(vocab, Vocabulary) else vocab
        joined = (head + tail).lower()
        if joined in printed and f"{head}-{tail}".lower() not in printed:
            return left[:-1] + right
        return left + right
    if right[0] in _CLOSING:
        return left + right
    return f"{left} {right}"


def _cut_word(left: str, right: str, vocab: Vocabulary | set[str]) -> bool:
    """A word cut at the end of a full line: the whole is a word, a piece is not."""
    head, tail = _last_word(left), _first_word(right)
    if not head or not tail or not left[-1].isalpha() or not right[0].islower():
        return False
    if (head + tail).lower() not in vocab:
        return False
    if not isinstance(vocab, Vocabulary) or not vocab.lexicon:
        return True  # no word list: the whole word printed elsewhere will do
    return head.lower() not in vocab.lexicon or tail.lower() not in vocab.lexicon


def _last_word(text: str) -> str:
    match = _LAST_WORD.search(text[-80:])  # the tail only: cells grow long
    return match.group(1) if match else ""


def _first_word(text: str) -> str:
    match = re.match(r"[^\W\d_]+", text)
    return match.group(0) if match else ""


def space_bullets(text: str) -> str:
    """One space after a list marker glued to its item: ``"•Instruire"``."""
    return _BULLET_GLUED.sub(r"\1\2 ", text)
