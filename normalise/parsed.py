"""The one shape every normaliser returns: values found, and what did not parse."""

from dataclasses import dataclass, field
from typing import Generic, TypeVar

from schemas.issues import Issue

T = TypeVar("T")


@dataclass(frozen=True)
class Parsed(Generic[T]):
    """Values parsed from one text, and issues carrying the text that did not parse.

    Never guess: a phrase that does not parse gives no value and an Issue.
    """

    values: list[T] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
