"""A language's word list, to tell a word cut at a line end from two words.

The list is pyspellchecker's (140,000 French words with their frequencies,
shipped in the package: nothing is downloaded). It is language data, chosen
by ``ExtractSettings.language``, not rules: extraction stays language-neutral.
"""

from collections.abc import Container
from functools import cache


@cache
def word_list(language: str) -> Container[str]:
    """The lower-case words of ``language`` ("fr"), or an empty list if unknown.

    Example: ``"responsables" in word_list("fr")`` → True; ``"respon"`` → False.
    """
    from spellchecker import SpellChecker

    try:
        checker = SpellChecker(language=language, distance=1)
    except ValueError:  # a language pyspellchecker has no list for
        return frozenset()
    return checker.word_frequency.dictionary.keys()
