"""The one spaCy pipeline of the project: a blank French tokenizer, built once.

No trained model is needed for rule matching; ``spacy.blank("fr")`` carries the
French tokenizer exceptions (``l'``, ``d'``, ``aujourd'hui``) that the
Matcher and PhraseMatcher patterns rely on.
"""

from functools import cache

import spacy
from spacy.language import Language


@cache
def french() -> Language:
    """The shared blank French pipeline (tokenizer only)."""
    return spacy.blank("fr")
