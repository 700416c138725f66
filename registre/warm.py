"""Warm-up for worker processes: importing this module pays the start-up cost once.

``spacy.blank("fr")`` compiles the French tokenizer's exception patterns, 3 to
5 s per process. The local pool's fork server imports this module before it
forks any worker, so every worker (and every replacement worker) starts with
the pipeline imported and the tokenizer built.
"""

import registre.pipeline  # noqa: F401  (imports extract, normalise, pdfium)
from normalise.nlp import french

french()
