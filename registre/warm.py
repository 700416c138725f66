"""Warm-up for worker processes: importing this module pays the start-up cost once.

``spacy.blank("fr")`` compiles the French tokenizer's exception patterns, 3 to
5 s per process, and the vocabularies are read and compiled. The local pool's
fork server imports this module before it forks any worker, so every worker
(and every replacement worker) starts with the pipeline imported, the
tokenizer built and the long-lived objects frozen out of the collector's way.
"""

from registre.pipeline import warm_up

warm_up()
