"""Extraction tolerances, in one frozen, validated settings object."""

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ExtractSettings:
    """Tolerances of the extract stage, in PDF points unless said otherwise.

    Attributes:
        snap: ruling lines closer than this are one line (ruling drawn twice).
        min_rule: a path thinner than this is a ruling line, not a filled box.
        line_gap: characters whose baselines differ less than this share a line.
        word_gap: a horizontal gap wider than this many spaces starts a new column
            segment on a borderless page.
        ocr: "auto" | "never" | "always".
        language: the word list that tells a word cut at a line end from two
            words (ISO 639-1; a language with no list falls back on the words
            the document prints).
    """

    snap: float = 2.0
    min_rule: float = 2.5
    line_gap: float = 2.0
    word_gap: float = 1.6
    ocr: str = "auto"
    language: str = "fr"

    def __post_init__(self) -> None:
        if self.ocr not in {"auto", "never", "always"}:
            raise ValueError(f"ocr must be auto, never or always, not {self.ocr!r}")
        for name in ("snap", "min_rule", "line_gap", "word_gap"):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be positive")

    @classmethod
    def resolve(
        cls, value: "ExtractSettings | dict[str, Any] | None"
    ) -> "ExtractSettings":
        """Settings from None (defaults), a dict of overrides, or an instance."""
        if value is None:
            return cls()
        if isinstance(value, cls):
            return value
        if isinstance(value, dict):
            return cls(**value)
        raise TypeError(f"cannot build ExtractSettings from {type(value).__name__}")
