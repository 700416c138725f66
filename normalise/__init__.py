"""RawDocument → Register. All the French knowledge of the project lives here.

``normalise_document`` is imported on first use, so that importing one small
normaliser (``normalise.retention``) does not load every vocabulary.
"""

from typing import Any

__all__ = ["normalise_document"]


def __getattr__(name: str) -> Any:
    if name == "normalise_document":
        from normalise.document import normalise_document

        return normalise_document
    raise AttributeError(name)
